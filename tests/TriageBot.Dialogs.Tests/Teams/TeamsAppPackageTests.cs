using System.IO.Compression;
using System.Text.Json.Nodes;
using TriageBot.Deployment.Teams;

namespace TriageBot.Dialogs.Tests.Teams;

/// <summary>
/// deployment/teams: the one command that builds the Teams app package, the manifest against the official Teams JSON
/// schema for its version (shipped in @microsoft/app-manifest), and the icons as Teams requires them.
/// </summary>
public sealed class TeamsAppPackageTests
{
    private const string AppId = "9f3c2a7e-1b4d-4c8e-a0f2-6d5b7e9c1a23";

    private static readonly string[] Arguments =
        ["--app-id", AppId, "--host", "bot.northgate-spine.example", "--clinic", "Northgate Spine Clinic", "--website", "https://northgate-spine.example/"];

    [Fact]
    public void TheCommand_WritesAZip_WithTheManifestAndBothIconsAtItsRoot()
    {
        var entries = Package();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheManifest_IsValidAgainstTheOfficialTeamsSchemaForItsVersion()
    {
        var manifest = System.Text.Encoding.UTF8.GetString(Package()["manifest.json"]);

        var outcome = await TeamsValidator.ManifestAsync(manifest);

        Assert.True(outcome.Ok, string.Join("\n", outcome.Errors));
        Assert.Equal("v" + JsonNode.Parse(manifest)!["manifestVersion"]!.GetValue<string>(), outcome.Schema);
        Assert.True(Version.Parse(outcome.Schema![1..]) >= new Version(1, 17), "the manifest must be v1.17 or later");
    }

    [Fact]
    public async Task TheSchemaCheck_CanFail_OnAManifestTeamsWouldRefuse()
    {
        var manifest = JsonNode.Parse(Package()["manifest.json"])!;
        manifest["bots"]![0]!["scopes"] = new JsonArray("everyone");
        manifest["accentColor"] = "blue";

        var outcome = await TeamsValidator.ManifestAsync(manifest.ToJsonString());

        Assert.False(outcome.Ok);
        Assert.Contains(outcome.Errors, e => e.Contains("/bots/0/scopes", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("/accentColor", StringComparison.Ordinal));
    }

    [Fact]
    public void TheManifest_NamesTheBotInPersonalTeamAndGroupChat_WithItsCommands_AndItsHostAsTheOnlyDomain()
    {
        var manifest = JsonNode.Parse(Package()["manifest.json"])!;

        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        var bot = manifest["bots"]![0]!;
        Assert.Equal(AppId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("help", commands);
        Assert.Contains("start", commands);
        Assert.Equal(["bot.northgate-spine.example"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("https://northgate-spine.example/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheColourIcon_Is192Square_AndFullyOpaque()
    {
        var icon = PngImage.Read(Package()["color.png"]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
    }

    [Fact]
    public void TheOutlineIcon_Is32Square_WhiteOnTransparent()
    {
        var icon = PngImage.Read(Package()["outline.png"]);

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.True(p.A == 0 || (p.R, p.G, p.B, p.A) == (255, 255, 255, 255), $"pixel {p} is neither transparent nor white"));
        Assert.Contains(icon.Pixels(), p => p.A == 0);
        Assert.Contains(icon.Pixels(), p => p.A == 255);
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid")]
    [InlineData("--host", "https://bot.example/api")]
    [InlineData("--website", "http://northgate-spine.example")]
    public void TheCommand_RefusesAWrongValue_WithTheUsageLine_AndWritesNothing(string option, string value)
    {
        var args = Arguments.ToArray();
        args[Array.IndexOf(args, option) + 1] = value;
        var output = Path.Combine(Path.GetTempPath(), $"triagebot-teams-{Guid.NewGuid():N}.zip");
        using var error = new StringWriter();

        var exitCode = PackageCommand.Run([.. args, "--out", output], TextWriter.Null, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: dotnet run --project deployment/teams/TeamsAppPackage", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    /// <summary>Runs the command as a clinic would and reads the zip it wrote.</summary>
    private static Dictionary<string, byte[]> Package()
    {
        var output = Path.Combine(Path.GetTempPath(), $"triagebot-teams-{Guid.NewGuid():N}.zip");
        try
        {
            Assert.Equal(0, PackageCommand.Run([.. Arguments, "--out", output], TextWriter.Null, TextWriter.Null));
            using var zip = ZipFile.OpenRead(output);
            return zip.Entries.ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
        }
        finally
        {
            File.Delete(output);
        }
    }
}
