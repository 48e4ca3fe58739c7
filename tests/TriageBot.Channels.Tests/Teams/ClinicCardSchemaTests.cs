using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using static TriageBot.Channels.Tests.Teams.ClinicInboxHost;

namespace TriageBot.Channels.Tests.Teams;

/// <summary>
/// Every card the clinic inbox sends passes the Adaptive Cards 1.5 parser of the official JavaScript library
/// (npm adaptivecards 3.0.6, restored for the chat page) with no validation event and no property it does not know,
/// and follows Teams' rules for Universal Actions. The cards are written to artifacts/teams-cards/ for the docs.
/// </summary>
public sealed class ClinicCardSchemaTests
{
    [Fact]
    public async Task EveryClinicCard_PassesTheAdaptiveCards15Parser_AndTeamsRules()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-9ABCHJKM");
        await clinic.DeliverAsync(referral);
        var post = clinic.Teams.Created[0];
        var cards = new Dictionary<string, JsonObject>
        {
            ["posted"] = post.Card,
            ["contact"] = (await clinic.ClickAsync(post, Alice, "ShowContact", referral.Reference)).Card,
            ["refusal"] = (await clinic.ClickAsync(post, Mallory, "Claim", referral.Reference)).Card,
            ["claimed"] = (await clinic.ClickAsync(post, Alice, "Claim", referral.Reference)).Card,
            ["noted"] = (await clinic.ClickAsync(post, Alice, "AddNote", referral.Reference, note: "left a voicemail")).Card,
            ["contacted"] = (await clinic.ClickAsync(post, Bob, "MarkContacted", referral.Reference)).Card,
        };

        // A card posted again after Teams created the first but its answer was lost carries a warning line.
        var repeated = await clinic.StoreReferralAsync("TB-9ABCHJKP");
        clinic.Teams.FailAfterCreatingNext(1);
        await Assert.ThrowsAnyAsync<Exception>(() => clinic.DeliverAsync(repeated));
        await clinic.DeliverAsync(repeated, attempt: 2);
        cards["possible-repeat"] = clinic.Teams.Created[^1].Card;

        var problems = ValidateWithAdaptiveCardsJs([.. cards.Values]);

        Assert.All(cards.Keys.Zip(problems), pair => Assert.True(pair.Second.Count == 0, $"{pair.First}: {string.Join("; ", pair.Second)}"));
        Assert.All(cards.Values, TeamsRules);
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "teams-cards"));
        foreach (var (name, card) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"referral-card-{name}.json"),
                card.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }

    [Fact]
    public void TheValidator_FindsAMisspeltPropertyAndAnUnknownAction()
    {
        var bad = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wrapp":true}],
             "actions":[{"type":"Action.Exec","title":"Claim","verb":"Claim","data":{}}]}
            """)!.AsObject();

        var problems = Assert.Single(ValidateWithAdaptiveCardsJs([bad]));

        Assert.Contains(problems, p => p.Contains("wrapp", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("UnknownActionType", StringComparison.Ordinal));
    }

    /// <summary>Teams: version 1.5; every Action.Execute has a verb and data; a refresh names at most 60 users.</summary>
    private static void TeamsRules(JsonObject card)
    {
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var executes = Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "Action.Execute").ToList();
        Assert.All(executes, e =>
        {
            Assert.False(string.IsNullOrEmpty(e["verb"]?.GetValue<string>()), e.ToJsonString());
            Assert.IsType<JsonObject>(e["data"]);
        });
        if (card["refresh"] is JsonObject refresh)
        {
            Assert.Equal("Action.Execute", refresh["action"]!["type"]!.GetValue<string>());
            Assert.True(refresh["userIds"]!.AsArray().Count <= 60);
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)],
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants),
        _ => [],
    };

    private static List<List<string>> ValidateWithAdaptiveCardsJs(IReadOnlyList<JsonObject> cards)
    {
        var root = RepositoryRoot();
        var library = Path.Combine(root, "src", "TriageBot.Host", "webchat-client", "node_modules", "adaptivecards", "dist", "adaptivecards.js");
        Assert.True(File.Exists(library), $"{library} is missing: build src/TriageBot.Host once (it restores the npm packages).");
        var script = Path.Combine(root, "tests", "TriageBot.Channels.Tests", "Teams", "validate-adaptive-cards.js");
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(library);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        node.StandardInput.Write(new JsonArray([.. cards.Select(c => c.DeepClone())]).ToJsonString());
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEnd();
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node failed: {errors}");
        return JsonSerializer.Deserialize<List<List<string>>>(output)!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriageBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (TriageBot.sln) above " + AppContext.BaseDirectory);
    }
}
