using System.Text.Json;

namespace TriageBot.Schema.Tests.Support;

/// <summary>
/// Semantic JSON equality: objects have the same property set in any order, arrays have the same items in the same
/// order, numbers are equal by value (<c>1</c> equals <c>1.0</c>), strings are equal ordinally.
/// </summary>
internal static class JsonEquivalence
{
    /// <summary>Fails with the JSON path of the first difference, and the actual document.</summary>
    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var difference = FindDifference(expected.RootElement, actual.RootElement);
        if (difference is not null)
        {
            Assert.Fail($"{difference}{Environment.NewLine}Actual JSON:{Environment.NewLine}{actualJson}");
        }
    }

    /// <summary>The first difference as "<c>$.path: what</c>", or null when the two trees are equivalent.</summary>
    public static string? FindDifference(JsonElement expected, JsonElement actual) => Compare(expected, actual, "$");

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}";
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object => CompareObjects(expected, actual, path),
            JsonValueKind.Array => CompareArrays(expected, actual, path),
            JsonValueKind.String when expected.GetString() != actual.GetString() =>
                $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}",
            JsonValueKind.Number when !NumbersEqual(expected, actual) =>
                $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}",
            _ => null,
        };
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, string path)
    {
        var actualProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in actual.EnumerateObject())
        {
            actualProperties[property.Name] = property.Value;
        }

        foreach (var property in expected.EnumerateObject())
        {
            if (!actualProperties.Remove(property.Name, out var actualValue))
            {
                return $"{path}.{property.Name}: missing";
            }

            if (Compare(property.Value, actualValue, $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return actualProperties.Count == 0
            ? null
            : $"{path}: unexpected {string.Join(", ", actualProperties.Keys.Select(k => $"'{k}'"))}";
    }

    private static string? CompareArrays(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.GetArrayLength() != actual.GetArrayLength())
        {
            return $"{path}: expected {expected.GetArrayLength()} items but found {actual.GetArrayLength()}";
        }

        var index = 0;
        foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
        {
            if (Compare(e, a, $"{path}[{index}]") is { } difference)
            {
                return difference;
            }

            index++;
        }

        return null;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual) =>
        expected.TryGetDecimal(out var e) && actual.TryGetDecimal(out var a)
            ? e == a
            : expected.GetDouble().Equals(actual.GetDouble());
}
