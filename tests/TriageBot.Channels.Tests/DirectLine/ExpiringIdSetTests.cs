using TriageBot.Channels.DirectLine;
using TriageBot.Testing.Identity;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>The bounded memory behind spent stream URLs and ended conversations.</summary>
public sealed class ExpiringIdSetTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Id_IsRememberedUntilItsEnd_ThenForgotten()
    {
        var set = new ExpiringIdSet(4, _clock);
        set.Add("a", _clock.GetUtcNow().AddMinutes(1));

        Assert.True(set.Contains("a"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(set.Contains("a"));
        Assert.True(set.TryAdd("b", _clock.GetUtcNow().AddMinutes(1)));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void TryAdd_SameIdTwice_SecondRefused()
    {
        var set = new ExpiringIdSet(4, _clock);

        Assert.True(set.TryAdd("a", _clock.GetUtcNow().AddMinutes(1)));
        Assert.False(set.TryAdd("a", _clock.GetUtcNow().AddMinutes(1)));
    }

    [Fact]
    public void TryAdd_WhenFull_RefusesRatherThanForgetting()
    {
        var set = new ExpiringIdSet(2, _clock);
        set.TryAdd("a", _clock.GetUtcNow().AddMinutes(1));
        set.TryAdd("b", _clock.GetUtcNow().AddMinutes(1));

        Assert.False(set.TryAdd("c", _clock.GetUtcNow().AddMinutes(1)));
        Assert.True(set.Contains("a"));
        Assert.False(set.Contains("c"));
    }

    [Fact]
    public void Add_WhenFull_TheOldestMakesRoom()
    {
        var set = new ExpiringIdSet(2, _clock);
        set.Add("a", _clock.GetUtcNow().AddMinutes(1));
        set.Add("b", _clock.GetUtcNow().AddMinutes(1));

        set.Add("c", _clock.GetUtcNow().AddMinutes(1));

        Assert.Equal((false, true, true), (set.Contains("a"), set.Contains("b"), set.Contains("c")));
        Assert.Equal(2, set.Count);
    }
}
