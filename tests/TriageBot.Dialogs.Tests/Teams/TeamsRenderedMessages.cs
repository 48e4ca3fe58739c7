using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Dialogs.Teams;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Tests.Teams;

/// <summary>
/// Every message the bot can send in Teams, rendered from the real content as it goes on the wire: each message key
/// (its arguments filled with long values), each question in every shape Teams gets (hero card, suggested actions),
/// the longest possible end-of-chat summary, each education topic, the referral form (Adaptive Card) and the group
/// chat's topic card; in every locale, addressed to a Teams conversation.
/// </summary>
internal static class TeamsRenderedMessages
{
    /// <summary>What a value the code passes could be at most, and then some (a name, an item list, an error id).</summary>
    private static readonly string LongValue = new('W', 300);

    public static IEnumerable<(string Name, Activity Activity)> All()
    {
        var content = TriageChat.Catalog;
        foreach (var locale in new[] { "en-GB", "en-US" })
        {
            foreach (var conversationType in new[] { TeamsActivity.Personal, TeamsActivity.GroupChat })
            {
                var turn = Turn(locale, conversationType);
                var wording = new Wording(content, turn);
                foreach (var key in ContentKeys.All.Where(k => !ContentKeys.PromptChoices.ContainsKey(k)).Order(StringComparer.Ordinal))
                {
                    var args = ContentKeys.MessageArguments.GetValueOrDefault(key, []).Select(a => (a, LongValue)).ToArray();
                    turn.SendActivity(MessageFactory.Text(wording.Text(key, args)));
                    yield return ($"{locale} {conversationType} {key}", turn.Replies[^1]);
                }

                foreach (var key in ContentKeys.PromptChoices.Keys.Order(StringComparer.Ordinal))
                {
                    var options = wording.Ask(key);
                    foreach (var style in new[] { ListStyle.Auto, ListStyle.HeroCard })
                    {
                        yield return ($"{locale} {conversationType} {key} {style}",
                            ChoiceFactory.AppendChoices(turn.Address(options.Prompt!), options.Choices ?? [], style, turn.Reference));
                    }
                }

                foreach (var topic in content.Education(locale))
                {
                    turn.SendActivity(MessageFactory.Text(topic.Text));
                    yield return ($"{locale} {conversationType} {topic.Id}", turn.Replies[^1]);
                }

                foreach (var referralSent in new[] { true, false })
                {
                    turn.SendActivity(MessageFactory.Text(Summary.Write(wording, LongestSummary(locale), referralSent)));
                    yield return ($"{locale} {conversationType} summary (every finding, referral sent: {referralSent})", turn.Replies[^1]);
                }

                turn.SendActivity(ReferralForm(wording, locale));
                yield return ($"{locale} {conversationType} referral form", turn.Replies[^1]);
                turn.SendActivity(GroupTopicCard(wording));
                yield return ($"{locale} {conversationType} group topic card", turn.Replies[^1]);
            }
        }
    }

    /// <summary>The attachments of every rendered message, with the message's name.</summary>
    public static IEnumerable<(string Name, Attachment Card)> Cards() =>
        All().SelectMany(m => (m.Activity.Attachments ?? []).Select(a => (m.Name, a)));

    /// <summary>The wire size Teams counts: the activity as JSON, attachments included, in UTF-8.</summary>
    public static int WireBytes(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity).Length;

    private static Activity ReferralForm(Wording wording, string locale)
    {
        var times = TriageChat.Catalog.Prompt(ContentKeys.Prompt.Referral.Time, locale).Choices.Select(c => (c.Id, c.Title)).ToList();
        return ReferralCard.Create(wording, times);
    }

    private static Activity GroupTopicCard(Wording wording)
    {
        var services = new TriageServices(TriageChat.Catalog, TimeProvider.System, new InMemoryReferralStore(), new NoProtector(), NullLogger.Instance);
        return new SharedChatReplies(services).Menu(wording);
    }

    /// <summary>Every hazard, every place, every treatment, with a referral number: the summary at its longest.</summary>
    private static TriageState LongestSummary(string locale)
    {
        var content = TriageChat.Catalog;
        string[] AllChoices(string key) => [.. content.Prompt(key, locale).Choices.Select(c => c.Id)];
        return new TriageState
        {
            Outcome = "urgent",
            Hazards = [.. content.RedFlags.Select(r => r.Hazard).Distinct(StringComparer.Ordinal)],
            Pain = new PainAnswers(Spread: AllChoices(ContentKeys.Prompt.Pain.Spread).FirstOrDefault(), Score: 10, Duration: AllChoices(ContentKeys.Prompt.Pain.Duration).FirstOrDefault(), Locations: [.. AllChoices(ContentKeys.Prompt.Pain.Location)]),
            Numbness = new NumbnessAnswers("yes", AllChoices(ContentKeys.Prompt.Numbness.Where), AllChoices(ContentKeys.Prompt.Numbness.Worsening).FirstOrDefault()),
            Treatments = new TreatmentAnswers(AllChoices(ContentKeys.Prompt.Treatments.Pick), AllChoices(ContentKeys.Prompt.Treatments.Helped).FirstOrDefault()),
            Reference = "TB-" + LongValue,
        };
    }

    private static TurnContext Turn(string locale, string conversationType) => new(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "1:" + new string('9', 40),
        ChannelId = ChannelIds.MsTeams,
        ServiceUrl = "https://smba.trafficmanager.net/emea/" + new string('x', 36),
        Locale = locale,
        From = new ChannelAccount { Id = "29:" + new string('u', 120), Name = new string('N', 64), AadObjectId = Guid.Empty.ToString() },
        Recipient = new ChannelAccount { Id = "28:" + Guid.Empty, Name = "Spine triage" },
        Conversation = new ConversationAccount
        {
            Id = conversationType == TeamsActivity.Personal ? "a:" + new string('c', 160) : "19:" + new string('c', 64) + "@thread.v2",
            ConversationType = conversationType,
            IsGroup = conversationType != TeamsActivity.Personal,
            TenantId = Guid.Empty.ToString(),
        },
    });

    private sealed class NoProtector : IReferralProtector
    {
        public string Protect(string plaintext) => throw new NotSupportedException();

        public string Unprotect(string protectedText) => throw new NotSupportedException();
    }
}
