using System.Text.Json;

namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>One case of a spec file. Keys are read case-insensitively, as Json.NET does upstream.</summary>
internal sealed record SpecCase(string Input, DateTime Reference, IReadOnlyList<JsonElement> Results, bool NotSupportedOnDotnet)
{
    private static readonly DateTime DefaultReference = new(2016, 11, 7, 0, 0, 0, DateTimeKind.Unspecified);

    public static IReadOnlyList<SpecCase> Load(string path)
    {
        // File.ReadAllText skips the BOM that DateTimeModel.json starts with.
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<SpecCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var input = Get(c, "Input")?.GetString() ?? string.Empty;
            var reference = Get(c, "Context") is { } ctx && Get(ctx, "ReferenceDateTime") is { } r
                ? DateTime.Parse(r.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : DefaultReference;
            var results = Get(c, "Results") is { } rs ? rs.EnumerateArray().Select(e => e.Clone()).ToList() : [];
            var skip = MentionsDotnet(Get(c, "NotSupported")) || MentionsDotnet(Get(c, "NotSupportedByDesign"));
            cases.Add(new SpecCase(input, reference, results, skip));
        }

        return cases;
    }

    public static JsonElement? Get(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    public static string Str(JsonElement e, string name) => Get(e, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Null } or null => string.Empty,
        { } other => other.GetRawText(),
    };

    private static bool MentionsDotnet(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.String } s
        && s.GetString()!.Split(',').Any(p => p.Trim().Equals("dotnet", StringComparison.OrdinalIgnoreCase));
}
