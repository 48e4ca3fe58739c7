using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Deployment.Teams;

/// <summary>
/// The Teams app package: <c>manifest.json</c> (manifest.template.json with the clinic's values in place of its
/// <c>{{PLACEHOLDERS}}</c>), <c>color.png</c> and <c>outline.png</c>, at the root of a zip, as Teams requires.
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestEntry = "manifest.json";
    public const string ColorEntry = "color.png";
    public const string OutlineEntry = "outline.png";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(PackageSettings settings, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(destination);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestEntry, Encoding.UTF8.GetBytes(Manifest(settings).ToJsonString(Indented)));
        Add(zip, ColorEntry, Icons.Color());
        Add(zip, OutlineEntry, Icons.Outline());
    }

    /// <summary>The manifest with every placeholder filled; values go in as JSON strings, so no value can break it.</summary>
    public static JsonNode Manifest(PackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = Template();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MICROSOFT_APP_ID"] = settings.AppId,
            ["BOT_HOST"] = settings.Host,
            ["CLINIC_NAME"] = settings.Clinic,
            ["CLINIC_WEBSITE"] = settings.Website,
        };
        foreach (var (name, value) in values)
        {
            // Encoded as inside a JSON string (quotes stripped): the template has the placeholders inside strings.
            text = text.Replace("{{" + name + "}}", JsonSerializer.Serialize(value)[1..^1], StringComparison.Ordinal);
        }

        if (text.Contains("{{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("manifest.template.json has a placeholder this tool does not fill.");
        }

        return JsonNode.Parse(text) ?? throw new InvalidOperationException("manifest.template.json is empty.");
    }

    private static string Template()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("manifest.template.json")
            ?? throw new InvalidOperationException("manifest.template.json is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
