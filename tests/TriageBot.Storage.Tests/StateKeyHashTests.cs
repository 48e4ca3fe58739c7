using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

public sealed class StateKeyHashTests
{
    [Fact]
    public void Compute_SameKey_IsStableShortHexWithoutTheKey()
    {
        const string Key = "msteams/conversations/a:1HzZ|secret-ish";

        var hash = StateKeyHash.Compute(Key);

        Assert.Equal(hash, StateKeyHash.Compute(Key));
        Assert.Matches("^[0-9a-f]{12}$", hash);
        Assert.NotEqual(hash, StateKeyHash.Compute(Key + "x"));
    }
}
