using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Tests;

/// <summary>The emergency script on the real content, for a result a conversation reaches only through several screens.</summary>
public sealed class EmergencyScriptTests
{
    [Fact]
    public void Emergency_WithAnUrgentRuleAlsoMatched_SaysTheEmergencyAdviceAndNotTheUrgentOne()
    {
        // Found by mutation testing: only the emergency rules' advice belongs in the emergency script.
        var chat = new TriageChat();
        var services = new TriageServices(TriageChat.Catalog, TimeProvider.System, new InMemoryReferralStore(), chat.Protector, NullLogger.Instance);
        var result = TriageChat.Catalog.Evaluate(new HashSet<string>(StringComparer.Ordinal) { "redflag.ces", "redflag.fever" });
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Message, ChannelId = ChannelIds.Test, Locale = chat.Locale, Text = "hi" });

        Outcomes.Emergency(services, turn, result);

        var texts = turn.Replies.Where(r => r.Type == ActivityTypes.Message).Select(r => r.Text).ToList();
        Assert.Equal(["redflag-ces", "redflag-fever"], result.Rules);
        Assert.Contains(chat.T("advice.redflag.ces"), texts);
        Assert.DoesNotContain(chat.T("advice.redflag.fever"), texts);
    }
}
