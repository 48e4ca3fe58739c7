using System.Text.Json;
using TriageBot.Schema.Tests.Support;

namespace TriageBot.Schema.Tests;

public sealed class JsonEquivalenceTests
{
    [Theory]
    [InlineData("""{"a":1,"b":"x"}""", """{"b":"x","a":1}""")]
    [InlineData("""{"n":1}""", """{"n":1.0}""")]
    [InlineData("""{"n":150}""", """{"n":1.5e2}""")]
    [InlineData("""{"list":[],"o":{}}""", """{"o":{},"list":[]}""")]
    [InlineData("""[{"a":null},true,false]""", """[{"a":null},true,false]""")]
    public void FindDifference_SameTreeWrittenDifferently_ReturnsNull(string expected, string actual) =>
        Assert.Null(Difference(expected, actual));

    [Theory]
    [InlineData("""{"a":1,"b":2}""", """{"a":1}""", "$.b: missing")]
    [InlineData("""{"a":1}""", """{"a":1,"foo":2}""", "$: unexpected 'foo'")]
    [InlineData("""{"a":null}""", """{}""", "$.a: missing")]
    [InlineData("""{"list":[1,2]}""", """{"list":[2,1]}""", "$.list[0]: expected 1 but found 2")]
    [InlineData("""{"list":[1,2]}""", """{"list":[1]}""", "$.list: expected 2 items but found 1")]
    [InlineData("""{"s":"Bot"}""", """{"s":"bot"}""", "$.s: expected \"Bot\" but found \"bot\"")]
    [InlineData("""{"v":"1"}""", """{"v":1}""", "$.v: expected \"1\" but found 1")]
    [InlineData("""{"o":{"deep":[{"x":true}]}}""", """{"o":{"deep":[{"x":false}]}}""", "$.o.deep[0].x: expected true but found false")]
    public void FindDifference_DifferentTrees_ReportsFirstDifferenceWithPath(string expected, string actual, string difference) =>
        Assert.Equal(difference, Difference(expected, actual));

    private static string? Difference(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return JsonEquivalence.FindDifference(e.RootElement, a.RootElement);
    }
}
