using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;
using static TriageBot.Dialogs.ContentKeys;
using ClinicKeys = TriageBot.Dialogs.ContentKeys.Clinic;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// The referral as an Adaptive Card 1.5 by Teams' rules: <c>Action.Execute</c> with a verb and data for every staff
/// action (Universal Actions), a <c>refresh</c> so Teams asks the bot for up-to-date views. The shared card carries
/// reference, level, hazards, age band, preferred time, status and the answers as content words (choice titles, never
/// free text), and no contact details; <see cref="WithContact"/> adds them to the copy shown to one person only.
/// </summary>
internal static class ClinicCard
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    public static JsonObject Shared(Wording wording, ClinicCardView view)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(view);
        var referral = view.Referral;
        var body = new JsonArray
        {
            Text(wording.Text(ClinicKeys.Card.Title, (Args.Reference, referral.Reference)), bold: true, size: "Medium"),
            Facts(wording, view),
        };
        var answers = Flow.Summary.AnswerLines(wording, view.Answers).ToList();
        if (answers.Count > 0)
        {
            body.Add(Text(wording.Text(ClinicKeys.Card.Answers), bold: true));
            foreach (var line in answers)
            {
                body.Add(Text(line));
            }
        }

        body.Add(Text(wording.Text(ClinicKeys.Card.NoContact), subtle: true));
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            // Teams asks for a fresh card when one of these users views it; the shared card names nobody, so what
            // everyone sees is what the bot last put there for everyone.
            ["refresh"] = Refresh(ClinicVerbs.Refresh, referral.Reference, []),
            ["body"] = body,
            ["actions"] = Actions(wording, referral),
        };
    }

    /// <summary>
    /// The shared card plus the contact details, for the person who chose Show contact: its refresh names only that
    /// person, so their view stays up to date and nobody else's view ever carries the details.
    /// </summary>
    public static JsonObject WithContact(Wording wording, ClinicCardView view, ClinicContact contact, string viewerId)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var card = Shared(wording, view);
        card["refresh"] = Refresh(ClinicVerbs.ShowContact, view.Referral.Reference, [viewerId]);
        var body = (JsonArray)card["body"]!;

        // The last line of the shared card says the details are not shown; here they are.
        body.RemoveAt(body.Count - 1);
        body.Add(new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        Fact(wording.Text(ClinicKeys.Card.ContactName), contact.Name),
                        Fact(wording.Text(ClinicKeys.Card.ContactDetails), contact.Details),
                    },
                },
                Text(wording.Text(ClinicKeys.Card.ContactOnlyYou), subtle: true),
            },
        });
        return card;
    }

    /// <summary>
    /// The card with a warning under its title that it may repeat one already in the channel: posted when an earlier
    /// attempt may have reached Teams without the bot learning so (README, "Posted once").
    /// </summary>
    public static JsonObject PossibleRepeat(Wording wording, JsonObject card, string reference)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(card);
        ((JsonArray)card["body"]!).Insert(1, Text(wording.Text(ClinicKeys.Card.PossibleRepeat, (Args.Reference, reference)), bold: true, color: "Attention"));
        return card;
    }

    /// <summary>The polite answer to someone who may not act on referrals; it names no referral.</summary>
    public static JsonObject Refusal(Wording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = new JsonArray { Text(wording.Text(ClinicKeys.Card.Refusal)) },
        };
    }

    /// <summary>A message activity carrying the card.</summary>
    public static Activity Message(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = JsonSerializer.SerializeToElement(card, TriageJsonContext.Default.JsonObject) }],
    };

    private static JsonObject Facts(Wording wording, ClinicCardView view)
    {
        var referral = view.Referral;
        var hazards = view.Answers.Hazards.Select(wording.Content.HazardName).ToList();
        var facts = new JsonArray
        {
            Fact(wording.Text(ClinicKeys.Card.Reference), referral.Reference),
            Fact(wording.Text(ClinicKeys.Card.Level), wording.Text(Outcomes.OutcomeNameKey(referral.Disposition))),
            Fact(wording.Text(ClinicKeys.Card.Hazards), hazards.Count > 0 ? string.Join(", ", hazards) : wording.Text(ContentKeys.Summary.None)),
            Fact(wording.Text(ClinicKeys.Card.Age), AgeBand(wording, view.Answers)),
            Fact(wording.Text(ClinicKeys.Card.Time), Flow.Summary.Title(wording, Prompt.Referral.Time, view.PreferredTime)),
            Fact(wording.Text(ClinicKeys.Card.Status), wording.Text(StatusKey(referral.Status))),
        };
        if (view.ClaimedBy is { } claimedBy)
        {
            facts.Add(Fact(wording.Text(ClinicKeys.Card.ClaimedBy), claimedBy));
        }

        if (view.NotesCount > 0)
        {
            facts.Add(Fact(wording.Text(ClinicKeys.Card.Notes), view.NotesCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
    }

    private static JsonArray Actions(Wording wording, ReferralRecord referral)
    {
        var actions = new JsonArray();
        if (referral.Status == ReferralStatuses.Waiting)
        {
            actions.Add(Execute(wording.Text(ClinicKeys.Action.Claim), ClinicVerbs.Claim, referral.Reference));
        }

        actions.Add(Execute(wording.Text(ClinicKeys.Action.ShowContact), ClinicVerbs.ShowContact, referral.Reference));
        if (referral.Status != ReferralStatuses.Contacted)
        {
            actions.Add(Execute(wording.Text(ClinicKeys.Action.MarkContacted), ClinicVerbs.MarkContacted, referral.Reference));
        }

        // The note is typed into the shown card; Teams sends its input inside the Execute action's data.
        actions.Add(new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = wording.Text(ClinicKeys.Action.AddNote),
            ["card"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["body"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "Input.Text",
                        ["id"] = ClinicVerbs.NoteField,
                        ["label"] = wording.Text(ClinicKeys.Action.NoteLabel),
                        ["isMultiline"] = true,
                        ["maxLength"] = ClinicVerbs.MaxNoteLength,
                    },
                },
                ["actions"] = new JsonArray { Execute(wording.Text(ClinicKeys.Action.SaveNote), ClinicVerbs.AddNote, referral.Reference) },
            },
        });
        return actions;
    }

    private static string AgeBand(Wording wording, TriageState answers)
    {
        var bands = wording.Content.Prompt(Prompt.Screen.Age, wording.Locale).Choices;
        var band = bands.FirstOrDefault(b => answers.Findings.Contains(Findings.Age(b.Id), StringComparer.Ordinal));
        return band?.Title ?? "-";
    }

    /// <summary>The wording key for a referral status.</summary>
    public static string StatusKey(string status) => status switch
    {
        ReferralStatuses.Seen => ClinicKeys.Status.Seen,
        ReferralStatuses.Contacted => ClinicKeys.Status.Contacted,
        _ => ClinicKeys.Status.Waiting,
    };

    private static JsonObject Refresh(string verb, string reference, IEnumerable<string> userIds) => new()
    {
        ["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = verb,
            ["data"] = new JsonObject { [ClinicVerbs.ReferenceField] = reference },
        },
        ["userIds"] = new JsonArray([.. userIds.Select(id => (JsonNode)JsonValue.Create(id))]),
    };

    private static JsonObject Execute(string title, string verb, string reference) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = new JsonObject { [ClinicVerbs.ReferenceField] = reference },
    };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Text(string text, bool bold = false, bool subtle = false, string? size = null, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (color is not null)
        {
            block["color"] = color;
        }

        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }
}
