using System.Text.Json.Nodes;
using TriageBot.Dialogs.Flow;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Referrals;

/// <summary>
/// The referral form as an Adaptive Card 1.4 (renders in Web Chat, the Emulator and Teams). Submitting it sends a
/// message whose <c>value</c> holds the fields; anyone can type instead.
/// </summary>
internal static class ReferralCard
{
    public const string Kind = "triage.referral";

    /// <summary>Channels known to render Adaptive Cards 1.4 with Action.Submit.</summary>
    public static bool Renders(string? channelId) =>
        channelId is ChannelIds.WebChat or ChannelIds.DirectLine or ChannelIds.Emulator or ChannelIds.MsTeams or ChannelIds.Test;

    public static Activity Create(Wording wording, IReadOnlyList<(string Id, string Title)> times)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = wording.Text(ContentKeys.Referral.Card.Title), ["weight"] = "Bolder", ["wrap"] = true },
                // Not "isRequired": Adaptive Cards then demands a per-input error text, and the bot checks every field
                // itself anyway (a missing or invalid one is asked again by typing).
                Input("Input.Text", "name", wording.Text(ContentKeys.Referral.Card.Name), new JsonObject { ["maxLength"] = 100 }),
                Input("Input.Text", "contact", wording.Text(ContentKeys.Referral.Card.Contact), new JsonObject { ["maxLength"] = 120 }),
                Input("Input.ChoiceSet", "time", wording.Text(ContentKeys.Referral.Card.Time), new JsonObject
                {
                    ["style"] = "compact",
                    ["value"] = times[^1].Id,
                    ["choices"] = new JsonArray([.. times.Select(t => (JsonNode)new JsonObject { ["title"] = t.Title, ["value"] = t.Id })]),
                }),
                new JsonObject
                {
                    ["type"] = "Input.Toggle",
                    ["id"] = "consent",
                    ["title"] = wording.Text(ContentKeys.Referral.Card.Consent),
                    ["valueOn"] = "true",
                    ["valueOff"] = "false",
                    ["wrap"] = true,
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = wording.Text(ContentKeys.Referral.Card.TypeInstead), ["wrap"] = true, ["isSubtle"] = true },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = wording.Text(ContentKeys.Referral.Card.Submit),
                    ["data"] = new JsonObject { ["kind"] = Kind },
                },
            },
        };
        return new Activity
        {
            Type = ActivityTypes.Message,
            InputHint = InputHints.ExpectingInput,
            Attachments = [new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = System.Text.Json.JsonSerializer.SerializeToElement(card, TriageJsonContext.Default.JsonObject) }],
        };
    }

    private static JsonObject Input(string type, string id, string label, JsonObject extra)
    {
        // The label shows above the field; Web Chat's renderer names text inputs for screen readers from the placeholder.
        var input = new JsonObject { ["type"] = type, ["id"] = id, ["label"] = label };
        if (type == "Input.Text")
        {
            input["placeholder"] = label;
        }

        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            input[key] = value;
        }

        return input;
    }
}
