using System.Text.RegularExpressions;

namespace TriageBot.Content.Tests.Support;

/// <summary>
/// The test methods written in tests/**/*.cs, read from source so the hazard log can name tests in any test project
/// without this project referencing them. Relies on the formatting `dotnet format` keeps: one namespace per file,
/// members indented four spaces inside their type, attributes on the lines just above a method, members separated
/// by a blank line.
/// </summary>
internal sealed partial class TestSources
{
    private readonly Dictionary<string, List<TypeSource>> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _testAttributes = new(StringComparer.Ordinal) { "Fact", "Theory" };

    private TestSources(string testsFolder)
    {
        var files = Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No C# files under {testsFolder}.");
        }

        foreach (var file in files)
        {
            Read(File.ReadAllLines(file), Path.GetRelativePath(testsFolder, file));
        }
    }

    public static TestSources Read(string testsFolder) => new(testsFolder);

    /// <summary>Null when <paramref name="fullName"/> (Namespace.Class.Method) is a [Fact] or [Theory]; else why not.</summary>
    public string? Problem(string fullName)
    {
        var parts = fullName.Split('.');
        if (parts.Length < 3)
        {
            return "is not Namespace.Class.Method";
        }

        var ns = string.Join('.', parts[..^2]);
        var type = parts[^2];
        var method = parts[^1];
        if (!_types.TryGetValue($"{ns}.{type}", out var declarations))
        {
            return $"no class {type} in namespace {ns} under tests/";
        }

        var found = Find(declarations, method, depth: 0);
        return found switch
        {
            null => $"class {type} has no method {method}",
            _ when !IsTest(found.Attributes) => $"{type}.{method} has no [Fact] or [Theory] (attributes: {found.Attributes})",
            _ => null,
        };
    }

    private MethodSource? Find(List<TypeSource> declarations, string method, int depth)
    {
        var here = declarations.SelectMany(d => d.Methods).Where(m => m.Name == method).ToList();
        if (here.Count > 0)
        {
            return here.FirstOrDefault(m => IsTest(m.Attributes)) ?? here[0];
        }

        // A test inherited from a base class (a shared contract) runs under the derived class's name.
        return depth > 5
            ? null
            : declarations.SelectMany(d => d.Bases)
                .Select(b => _types.Where(t => t.Key.EndsWith("." + b, StringComparison.Ordinal)).SelectMany(t => t.Value).ToList())
                .Select(bases => bases.Count > 0 ? Find(bases, method, depth + 1) : null)
                .FirstOrDefault(m => m is not null);
    }

    private void Read(string[] lines, string file)
    {
        var ns = lines.Select(l => Namespace().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? string.Empty;
        var open = new Stack<(int Indent, TypeSource Type)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart().Length;
            if (open.Count > 0 && line.TrimStart().StartsWith('}') && indent <= open.Peek().Indent)
            {
                open.Pop();
                continue;
            }

            if (TypeDeclaration().Match(line) is { Success: true } type)
            {
                var source = new TypeSource(type.Groups["name"].Value, Bases(type.Groups["bases"].Value), []);
                if (open.Count == 0)
                {
                    Add($"{ns}.{source.Name}", source);
                }

                if (type.Groups["kind"].Value == "class" && source.Name.EndsWith("Attribute", StringComparison.Ordinal)
                    && source.Bases.Any(b => b is "FactAttribute" or "TheoryAttribute"))
                {
                    _testAttributes.Add(source.Name[..^"Attribute".Length]);
                }

                if (!line.TrimEnd().EndsWith(';'))
                {
                    open.Push((indent, source));
                }

                continue;
            }

            if (open.Count > 0 && indent == open.Peek().Indent + 4 && MethodDeclaration().Match(line) is { Success: true } method)
            {
                var attributes = AttributesAbove(lines, i, indent);
                open.Peek().Type.Methods.Add(new MethodSource(method.Groups[1].Value, attributes, file));
            }
        }
    }

    private void Add(string key, TypeSource type)
    {
        if (!_types.TryGetValue(key, out var list))
        {
            _types[key] = list = [];
        }

        list.Add(type);
    }

    // Asked only after every file is read: a custom [BrowserFact] may be declared in a file read after its use.
    private bool IsTest(string attributes) =>
        AttributeName().Matches(attributes).Any(m => _testAttributes.Contains(m.Groups[1].Value));

    /// <summary>The attribute lines directly above a member (multi-line attributes included), up to a blank line.</summary>
    private static string AttributesAbove(string[] lines, int member, int indent)
    {
        var attributes = new List<string>();
        for (var j = member - 1; j >= 0; j--)
        {
            var line = lines[j];
            var trimmed = line.Trim();
            var lineIndent = line.Length - line.TrimStart().Length;
            if (trimmed.Length == 0 || (lineIndent == indent && !trimmed.StartsWith('[') && !trimmed.StartsWith("//", StringComparison.Ordinal)))
            {
                break;
            }

            attributes.Insert(0, trimmed);
        }

        return string.Join(' ', attributes);
    }

    private static List<string> Bases(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split('<', '(')[0].Split('.')[^1])];

    private sealed record TypeSource(string Name, List<string> Bases, List<MethodSource> Methods);

    private sealed record MethodSource(string Name, string Attributes, string File);

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|file)\s+)*(?<kind>class|record|struct)\s+(?<name>\w+)(?:<[^>]*>)?(?:\([^)]*\)?)?(?:\s*:\s*(?<bases>[^{;]+))?")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|static|async|override|virtual|new)\s+)+[\w<>\[\]?,.]+(?:\s*<[^>]*>)?\s+(\w+)\s*\(")]
    private static partial Regex MethodDeclaration();

    // The first name inside each attribute list entry: [Fact], [Theory, Trait(...)], [Xunit.Fact], [FactAttribute].
    [GeneratedRegex(@"[\[,]\s*(?:Xunit\.)?(\w+?)(?:Attribute)?\s*(?=[\](,])")]
    private static partial Regex AttributeName();
}
