using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Telemetry;
using TriageBot.Schema;
using TriageBot.Testing.Conversations;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// A person talking to the real triage bot with the real content from dialogs/content, in process. Tests assert
/// by content key (the wording is the clinicians' to change), and read like the conversation they check.
/// </summary>
internal sealed class TriageChat
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IContentCatalog> LoadedContent = new(() => ContentLoader.Load(RepoPaths.Content));

    public TriageChat(
        string locale = "en-GB", string channelId = ChannelIds.Test, IStateStore? store = null, IReferralStore? referrals = null, string? conversationId = null,
        IFreeTextReader? reader = null, ReferralRoutes? routes = null, ILoggerFactory? logs = null, TriageMetrics? metrics = null)
    {
        Locale = locale;
        routes ??= ClinicInbox;
        Referrals = referrals ?? new InMemoryReferralStore(routes);
        logs ??= NullLoggerFactory.Instance;
        var services = new TriageServices(Catalog, TimeProvider.System, Referrals, Protector, logs.CreateLogger("TriageBot.Dialogs"))
        {
            FreeText = reader ?? new CatalogFreeTextReader(Catalog),
            Routes = routes,
            Outbox = Referrals as IReferralOutbox,
            Metrics = metrics,
        };
        Chat = new TestConversation(TriageBot.Create(services, logs), store, channelId, conversationId);
    }

    public static IContentCatalog Catalog => LoadedContent.Value;

    /// <summary>Unless a test says otherwise, referrals are queued for one destination, as at a clinic that set one up.</summary>
    public static ReferralRoutes ClinicInbox { get; } = new(["clinic-inbox"]);

    public string Locale { get; set; }

    public IReferralStore Referrals { get; }

    /// <summary>How referral contact details are protected in this chat (reversible, for checking what was stored).</summary>
    public IReferralProtector Protector { get; } = new ReversingProtector();

    public TestConversation Chat { get; }

    /// <summary>Every turn so far: what the person typed and the texts the bot replied, for transcripts.</summary>
    public List<(string User, IReadOnlyList<string> Bot)> Turns { get; } = [];

    /// <summary>The user types <paramref name="text"/>; the bot's replies come back.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        var replies = await Chat.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, Locale = Locale });
        var outcome = Outcome(replies) is { } o ? [$"[triage.outcome: {o.Level}; {string.Join(", ", o.Reasons)}]"] : Array.Empty<string>();
        Turns.Add((text, [.. Texts(replies), .. outcome]));
        return replies;
    }

    /// <summary>The bot's replies to the answer given when <paramref name="promptKey"/> was the open question.</summary>
    public IReadOnlyList<string> RepliesTo(string promptKey)
    {
        var question = Q(promptKey);
        for (var i = 1; i < Turns.Count; i++)
        {
            if (Turns[i - 1].Bot is [.., var last] && last.StartsWith(question, StringComparison.Ordinal))
            {
                return Turns[i].Bot;
            }
        }

        throw new InvalidOperationException($"'{promptKey}' was never asked.");
    }

    /// <summary>Whether <paramref name="promptKey"/> was asked at any point.</summary>
    public bool WasAsked(string promptKey) =>
        Turns.Any(t => t.Bot.Any(b => b.StartsWith(Q(promptKey), StringComparison.Ordinal)));

    /// <summary>The conversation as text: "&gt;" what the person typed, "&lt;" each reply (first 160 characters).</summary>
    public string Transcript(int fromTurn = 0) => string.Join("\n", Turns.Skip(fromTurn).SelectMany(t =>
        new[] { "> " + t.User }.Concat(t.Bot.Select(b => "< " + (b.Length > 160 ? b[..160] + "..." : b)))));

    /// <summary>The user submits a card with <paramref name="value"/>.</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(object value) =>
        Chat.SendAsync(new Activity { Type = ActivityTypes.Message, Locale = Locale, Value = JsonSerializer.SerializeToElement(value) });

    public string T(string key, params (string Name, string Value)[] args) =>
        Catalog.Text(key, Locale, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value));

    /// <summary>The line naming the sources of the advice given under <paramref name="adviceKeys"/>, each short name once.</summary>
    public string SourcesLine(params string[] adviceKeys) =>
        T("advice.source", ("source", string.Join("; ", adviceKeys.SelectMany(Catalog.Sources).Select(c => c.ShortName).Distinct())));

    public string Q(string promptKey) => Catalog.Prompt(promptKey, Locale).Text;

    public string Retry(string promptKey) => Catalog.Prompt(promptKey, Locale).Retry ?? Q(promptKey);

    public string Title(string promptKey, string choiceId) => Catalog.Prompt(promptKey, Locale).Choices.Single(c => c.Id == choiceId).Title;

    /// <summary>Texts of the message replies (a hero card's text counts), in order.</summary>
    public static IReadOnlyList<string> Texts(IEnumerable<Activity> replies) =>
        [.. replies.Where(r => r.Type == ActivityTypes.Message).Select(r => r.Text ?? CardText(r)).Where(t => t.Length > 0)];

    public static TriageOutcome? Outcome(IEnumerable<Activity> replies) =>
        replies.LastOrDefault(r => r.Type == ActivityTypes.Event && r.Name == "triage.outcome")?.Value?.Deserialize<TriageOutcome>(WebJson);

    private static string CardText(Activity activity) =>
        activity.Attachments is [{ ContentType: HeroCard.ContentType, Content: { } content }, ..] && content.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";

    /// <summary>Stands in for Data Protection: reversible, and obviously not the plain text.</summary>
    private sealed class ReversingProtector : IReferralProtector
    {
        public string Protect(string plaintext) => "P:" + new string([.. plaintext.Reverse()]);

        public string Unprotect(string protectedText) => new([.. protectedText[2..].Reverse()]);
    }
}

/// <summary>Where the repository's folders are, found from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "dialogs", "content");

    private static string FindRoot()
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
