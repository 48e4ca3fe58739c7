using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TriageBot.Content.Yaml;

/// <summary>
/// Strict YAML reading: camelCase names, unknown fields, duplicate keys and missing ids are errors that name the file,
/// line and column, in words a content author can act on.
/// </summary>
internal static partial class YamlReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithEnforceRequiredMembers()
        .WithTypeConverter(new LocalizedTextConverter())
        .WithTypeConverter(new DispositionLevelConverter())
        .Build();

    /// <summary>Reads <paramref name="path"/>; an empty file is an empty document.</summary>
    /// <exception cref="ContentLoadException">The file is missing or is not valid for <typeparamref name="T"/>.</exception>
    public static T Read<T>(string path, string displayName)
        where T : class, new()
    {
        if (!File.Exists(path))
        {
            throw new ContentLoadException([$"{displayName}: file not found ({path})"]);
        }

        try
        {
            using var reader = File.OpenText(path);
            return Deserializer.Deserialize<T?>(reader) ?? new T();
        }
        catch (YamlException e)
        {
            throw new ContentLoadException([Describe(e, displayName)]);
        }
    }

    /// <summary>"file.yaml line L, column C: what is wrong".</summary>
    internal static string Describe(YamlException exception, string displayName)
    {
        // YamlDotNet wraps converter and cast failures; the innermost YAML exception has the precise position.
        var e = exception;
        while (e.InnerException is YamlException inner)
        {
            e = inner;
        }

        return $"{displayName} line {e.Start.Line}, column {e.Start.Column}: {Explain(e)}";
    }

    private static string Explain(YamlException e)
    {
        var message = e.Message;
        if (UnknownField().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}'";
        }

        if (MissingFields().Match(message) is { Success: true } missing)
        {
            return $"missing required field(s) {missing.Groups[1].Value.Trim()}";
        }

        if (DuplicateKey().Match(message) is { Success: true } duplicate)
        {
            return $"duplicate key '{duplicate.Groups[1].Value}'";
        }

        return e.InnerException switch
        {
            InvalidCastException cast when cast.Message.Contains("List`1", StringComparison.Ordinal) =>
                "expected a list [ ... ] here, found a single value",
            InvalidCastException => "expected a single value here, found a list or map",
            null => message,
            var inner => $"{message}: {inner.Message}",
        };
    }

    [GeneratedRegex("^Property '(.+)' not found on type")]
    private static partial Regex UnknownField();

    [GeneratedRegex("^Missing properties,(.+) in source yaml")]
    private static partial Regex MissingFields();

    [GeneratedRegex("^Encountered duplicate key (.+)$")]
    private static partial Regex DuplicateKey();
}
