using System.Text.RegularExpressions;

namespace TriageBot.Content.Validation;

/// <summary>Shapes of ids and keys (README "Conventions").</summary>
internal static partial class Ids
{
    /// <summary><c>area.topic.item</c>: lower-case segments, kebab-case inside a segment; one segment allowed.</summary>
    public static bool IsKey(string? key) => key is not null && Key().IsMatch(key);

    /// <summary>A finding: <c>area.value</c>, at least two segments.</summary>
    public static bool IsFinding(string? finding) => finding is not null && Finding().IsMatch(finding);

    /// <summary>A rule, choice or hazard-free id: kebab-case.</summary>
    public static bool IsKebab(string? id) => id is not null && Kebab().IsMatch(id);

    public static bool IsHazard(string? id) => id is not null && Hazard().IsMatch(id);

    /// <summary>The ids (or keys) that appear more than once.</summary>
    public static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex Key();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex Finding();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    [GeneratedRegex("^HAZ-[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex Hazard();
}
