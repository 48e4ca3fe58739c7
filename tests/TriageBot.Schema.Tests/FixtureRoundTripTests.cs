using TriageBot.Schema.Tests.Support;

namespace TriageBot.Schema.Tests;

/// <summary>Every recorded activity survives deserialize + serialize with nothing lost, added or renamed.</summary>
public sealed class FixtureRoundTripTests
{
    public static TheoryData<string> AllFixtures => [.. Fixtures.All];

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Fixture_DeserializedAndReserialized_IsSemanticallyEqual(string fixture)
    {
        var original = Fixtures.Read(fixture);

        JsonEquivalence.AssertEquivalent(original, Wire.RoundTrip(original));
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Fixture_RoundTripTwice_IsStable(string fixture)
    {
        var once = Wire.RoundTrip(Fixtures.Read(fixture));

        Assert.Equal(once, Wire.RoundTrip(once));
    }

    [Fact]
    public void FixturesFolder_EveryFile_IsListedForRoundTrip()
    {
        var onDisk = Directory.GetFiles(Fixtures.Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Fixtures.All.Order(StringComparer.Ordinal), onDisk);
    }
}
