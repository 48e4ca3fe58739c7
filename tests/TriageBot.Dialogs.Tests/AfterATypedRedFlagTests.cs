using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Content.Model;
using TriageBot.Runtime.Telemetry;
using TriageBot.Testing;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// What a red flag typed in free text leaves behind: the interview it ended is over and nothing of it carries into
/// the next one; it is counted and logged by hazard and rule, never by what the person wrote. (Found by Stryker's
/// wide dialogs run: removing the cancel, the clear, the metrics or the log line changed no test's result.)
/// </summary>
public sealed class AfterATypedRedFlagTests : IDisposable
{
    private const string Emergency = "I can't control my bladder since this morning";
    private const string DadsBladder = "my dad lost control of his bladder once, years ago";

    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, Dictionary<string, object?> Tags)> _counted = [];
    private readonly TestLogSink _logs = new();

    public AfterATypedRedFlagTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TriageMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            _counted.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    [Fact]
    public async Task TypedEmergency_EndsTheInterview_AndTheNextMessageStartsAFreshTriage_ThatEndsOnItsOwnAnswers()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();
        Assert.Equal("emergency", Outcome(await chat.SayAsync(Emergency))!.Level);

        // The question that was open is gone: "hi" is a new start, not an answer to it.
        Assert.Equal([chat.T(Welcome.Intro), chat.T(Welcome.QuestionCount), chat.Q(Prompt.Consent)], Texts(await chat.SayAsync("hi")));

        // And the bladder finding went with it: short, mild pain with every warning sign denied is self-care.
        await chat.AnswerScreenAsync(await chat.SayAsync("yes"));
        await chat.PainAsync(score: "3", duration: "2 weeks");
        await chat.NoNumbnessAsync();
        var replies = await chat.SayAsync(chat.Title(Prompt.Treatments.Pick, "none"));

        Assert.Equal("self-care", Outcome(replies)!.Level);
    }

    [Fact]
    public async Task TypedEmergency_IsCountedUnderItsHazard_AndTheOutcomeUnderItsLevel()
    {
        var chat = new TriageChat(metrics: new TriageMetrics(_meters.GetRequiredService<IMeterFactory>()));

        await chat.SayAsync(Emergency);

        var ces = Catalog.RedFlags.Single(r => r.Id == RedFlagIds.Ces).Hazard;
        Assert.Contains(_counted, c => c.Instrument == "triagebot.redflag.detections" && Equals(c.Tags["triagebot.hazard.id"], ces));
        Assert.Contains(_counted, c => c.Instrument == "triagebot.dispositions" && Equals(c.Tags["triagebot.disposition.level"], "emergency"));
    }

    [Fact]
    public async Task TypedEmergency_IsLoggedByHazardAndLevel_NeverByTheWords()
    {
        var chat = Logged(new MentionReader());

        await chat.SayAsync(Emergency);

        var found = Assert.Single(_logs.WithEvent("FreeTextRedFlag"));
        Assert.Contains(Catalog.RedFlags.Single(r => r.Id == RedFlagIds.Ces).Hazard, found.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bladder", _logs.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TypedMention_IsLoggedByRuleAndReason_AsAMentionOnly_NeverByTheWords()
    {
        var chat = Logged(new MentionReader((DadsBladder, RedFlagIds.Ces, MentionReason.Other)));
        await chat.ConsentAndAgeAsync();

        await chat.SayAsync(DadsBladder);

        var mention = Assert.Single(_logs.WithEvent("FreeTextMention"));
        Assert.Contains($"Rules={RedFlagIds.Ces} ", mention.Message, StringComparison.Ordinal);
        Assert.Contains($"Reasons={MentionReason.Other}", mention.Message, StringComparison.Ordinal);
        Assert.Empty(_logs.WithEvent("FreeTextRedFlag"));
        Assert.DoesNotContain("dad", _logs.AllText, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
        _logs.Dispose();
    }

    private TriageChat Logged(MentionReader reader)
    {
        var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        return new TriageChat(reader: reader, logs: factory);
    }
}
