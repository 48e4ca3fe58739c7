using System.Text.Json;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;

namespace TriageBot.Dialogs.Referrals;

/// <summary>
/// Offers that the clinic gets in touch. Yes → an Adaptive Card form where the channel renders one (anyone may
/// type instead), or the same questions one by one: name, phone or e-mail (checked), preferred time, and explicit
/// consent to store and share the details with the clinic. The referral is stored with the disposition, a summary
/// of the answers and the content version, contact details encrypted; the person gets a reference number.
/// Begun with the triage state as options; ends with the reference (or nothing).
/// </summary>
/// <remarks>
/// Between the turns that collect them and the consent, the name and phone or e-mail sit in conversation state. They
/// are kept there encrypted with the referral's own <see cref="IReferralProtector"/>, so the state store never holds
/// them in plain text, and they are forgotten when the dialog ends: saved, refused, or abandoned.
/// </remarks>
internal static class ReferralDialog
{
    public const string Id = "triage.referral";

    public static Dialog Create(TriageServices services, ChoicePrompt choice, TextPrompt name, TextPrompt contact) =>
        new WaterfallDialog<ReferralAnswers>(Id, 1, TriageJsonContext.Default.ReferralAnswers, () => new ReferralAnswers())
            .AddQuestion(services, "ask-offer", choice, step => Wording(services, step).Ask(ContentKeys.Prompt.Referral.Offer),
                (s, o) => s with { Offer = o.Value?.Value })
            .AddStep("check-offer", (step, ct) =>
            {
                if (step.Values.Offer == Choices.Yes)
                {
                    return step.NextAsync(null, ct);
                }

                Wording(services, step).Say(ContentKeys.Referral.Declined);
                return step.EndDialogAsync(null, ct);
            })
            .AddStep("send-card", (step, ct) =>
            {
                if (!ReferralCard.Renders(step.Context.Activity.ChannelId))
                {
                    return step.NextAsync(null, ct);
                }

                var times = services.Content.Prompt(ContentKeys.Prompt.Referral.Time, step.Context.Activity.Locale).Choices.Select(c => (c.Id, c.Title)).ToList();
                step.Context.SendActivity(ReferralCard.Create(Wording(services, step), times));
                return Task.FromResult(step.EndOfTurn());
            })
            .AddStep("read-card", (step, ct) =>
            {
                step.Values = ReadCard(services, step);
                return step.NextAsync(null, ct);
            })
            .AddPrompt("ask-name", name, step => Wording(services, step).Ask(ContentKeys.Prompt.Referral.Name),
                (s, o) => s with { ProtectedName = Protect(services, o.Value) }, s => s.ProtectedName is not null)
            .AddPrompt("ask-contact", contact, step => Wording(services, step).Ask(ContentKeys.Prompt.Referral.Contact),
                (s, o) => s with { ProtectedContact = Protect(services, o.Value) }, s => s.ProtectedContact is not null)
            .AddQuestion(services, "ask-time", choice, step => Wording(services, step).Ask(ContentKeys.Prompt.Referral.Time),
                (s, o) => s with { Time = o.Value?.Value ?? "any" }, s => s.Time is not null)
            .AddQuestion(services, "ask-consent", choice, step => Wording(services, step).Ask(ContentKeys.Prompt.Referral.Consent),
                (s, o) => s with { Consent = o.Value?.Value ?? Choices.No }, s => s.Consent is not null)
            .AddStep("save", async (step, ct) =>
            {
                var v = step.Values;
                var name = Unprotect(services, v.ProtectedName);
                var contact = Unprotect(services, v.ProtectedContact);
                if (v.Consent != Choices.Yes || string.IsNullOrWhiteSpace(name) || !ContactValidator.IsValid(contact))
                {
                    step.Values = v with { ProtectedName = null, ProtectedContact = null };
                    Wording(services, step).Say(ContentKeys.Referral.NoConsent);
                    return await step.EndDialogAsync(null, ct);
                }

                // Said only now, after the store committed the referral with its outbox entries (one transaction).
                var reference = await SaveAsync(services, step, name, contact!, ct);
                ConversationReferrals.Remember(step.Context, reference);
                step.Values = v with { Reference = reference, ProtectedName = null, ProtectedContact = null };
                Wording(services, step).Say(
                    services.ReferralsAreDelivered ? ContentKeys.Referral.Saved : ContentKeys.Referral.SavedNotSent,
                    (ContentKeys.Args.Reference, reference));
                return await step.EndWithAsync(reference, TriageJsonContext.Default.String, ct);
            });

    /// <summary>The card's fields, when this turn is its submit; a bad contact is dropped (and asked again by typing).</summary>
    private static ReferralAnswers ReadCard(TriageServices services, WaterfallStepContext<ReferralAnswers> step)
    {
        if (step.Context.Activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("kind", out var kind) || kind.GetString() != ReferralCard.Kind)
        {
            return step.Values;
        }

        string? Field(string name) =>
            value.TryGetProperty(name, out var f) && f.ValueKind == JsonValueKind.String && f.GetString() is { Length: > 0 } s ? s.Trim() : null;

        var contact = Field("contact");
        if (contact is not null && !ContactValidator.IsValid(contact))
        {
            Wording(services, step).Say(ContentKeys.Referral.ContactInvalid);
            contact = null;
        }

        return step.Values with
        {
            ProtectedName = Protect(services, Field("name")),
            ProtectedContact = Protect(services, contact),
            Time = Field("time"),
            Consent = Field("consent") == "true" ? Choices.Yes : null,
        };
    }

    private static async Task<string> SaveAsync(
        TriageServices services, WaterfallStepContext<ReferralAnswers> step, string name, string contact, CancellationToken cancellationToken)
    {
        var activity = step.Context.Activity;
        var triage = step.Options?.Deserialize(TriageJsonContext.Default.TriageState) ?? new TriageState();
        var keys = StateKeys.For(activity)!;
        var reference = ReferenceNumbers.For(keys.Conversation, activity.Id);

        // Data minimisation: the stored summary holds choice ids and numbers, never the person's free text.
        var summary = triage with { Pain = triage.Pain with { Triggers = null }, Consent = null };
        var details = new Dictionary<string, string>
        {
            ["name"] = name,
            ["contact"] = contact,
            ["time"] = step.Values.Time ?? "any",
        };
        await services.Referrals.AddAsync(
            new ReferralRecord(
                reference,
                StateKeyHash.Compute(keys.User),
                services.Clock.GetUtcNow(),
                services.Content.Version,
                triage.Outcome ?? "unknown",
                JsonSerializer.Serialize(summary, TriageJsonContext.Default.TriageState),
                services.Protector.Protect(JsonSerializer.Serialize(details, TriageJsonContext.Default.DictionaryStringString))),
            cancellationToken);
        services.Metrics?.ReferralStored();
        return reference;
    }

    /// <summary>A typed detail, trimmed and encrypted for the time it waits in state; null stays null.</summary>
    private static string? Protect(TriageServices services, string? plaintext) =>
        plaintext?.Trim() is { Length: > 0 } text ? services.Protector.Protect(text) : null;

    private static string? Unprotect(TriageServices services, string? protectedText) =>
        protectedText is null ? null : services.Protector.Unprotect(protectedText);

    private static Wording Wording(TriageServices services, WaterfallStepContext<ReferralAnswers> step) => new(services.Content, step.Context);
}
