using System.Diagnostics;
using System.Text.Json;

namespace TriageBot.Dialogs.Tests.Teams;

/// <summary>
/// Runs tests/teams-validation/validate.cjs with node: the Teams manifest against the official JSON schema for its
/// version (@microsoft/app-manifest), Adaptive Cards through the Adaptive Cards SDK's parser and validator. The
/// packages are restored by TeamsValidation.targets; a missing node or package fails the test with the reason.
/// </summary>
internal static class TeamsValidator
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "teams-validation");

    public static Task<ValidationOutcome> ManifestAsync(string json) => RunAsync("manifest", json);

    public static Task<ValidationOutcome> CardsAsync(string jsonArray) => RunAsync("cards", jsonArray);

    private static async Task<ValidationOutcome> RunAsync(string kind, string json)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "app-manifest")),
            "tests/teams-validation is not restored: build tests/TriageBot.Dialogs.Tests (TeamsValidation.targets runs npm ci).");
        var file = Path.Combine(Path.GetTempPath(), $"triagebot-teams-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
            start.ArgumentList.Add("validate.cjs");
            start.ArgumentList.Add(kind);
            start.ArgumentList.Add(file);
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"validate.cjs {kind} exited {node.ExitCode}: {await error}");
            return JsonSerializer.Deserialize<ValidationOutcome>(await output, Web)
                ?? throw new InvalidOperationException("validate.cjs printed nothing.");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>What validate.cjs found: ok, the schema it used (manifests), and every error.</summary>
internal sealed record ValidationOutcome(bool Ok, string? Schema, IReadOnlyList<string> Errors);
