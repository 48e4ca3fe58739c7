using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Dialogs.Clinic;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Fhir;
using TriageBot.Fhir.Bundles;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// Everything the bot recorded from one conversation: the summary and the outcome event it sent, and the referral
/// it stored, read back from the host's own store (SQLite) and decrypted with the host's own protector. The SQLite
/// file is also read directly, so the row the store returns is the one on disk, the only one, and holds the contact
/// details only encrypted. From a stored referral, the clinic's Teams card and the FHIR Bundle are built by the code
/// their destinations use.
/// </summary>
internal static class WhatTheBotRecorded
{
    public static async Task<IReadOnlyList<IRecordedPayload>> ReadAsync(WebChatTriage triage, CancellationToken cancellationToken)
    {
        List<IRecordedPayload> payloads = [new SummaryPayload(triage.Summary, triage.Content, triage.Locale), new OutcomePayload(triage.Outcome)];
        var onDisk = await ReferralRowsAsync(triage, cancellationToken);
        if (triage.ShownReference is not { } reference)
        {
            Assert.True(onDisk.Count == 0, $"No reference was shown, yet the SQLite file holds {onDisk.Count} referral(s).");
            return payloads;
        }

        var store = triage.Host.Get<IReferralStore>();
        Assert.IsType<SqliteReferralStore>(store);
        var record = await store.FindAsync(reference, cancellationToken);
        Assert.True(record is not null, $"The bot showed reference {reference}, but the store has no referral with it.");
        var row = Assert.Single(onDisk);
        Assert.Equal((record.Reference, record.ProtectedContact), row);

        var decrypted = triage.Host.Get<IReferralProtector>().Unprotect(record.ProtectedContact);
        var contact = JsonSerializer.Deserialize(decrypted, TriageJsonContext.Default.DictionaryStringString)!;
        foreach (var detail in new[] { contact.GetValueOrDefault("name"), contact.GetValueOrDefault("contact") }.OfType<string>())
        {
            Assert.DoesNotContain(detail, row.ProtectedContact, StringComparison.OrdinalIgnoreCase);
        }

        var answers = JsonSerializer.Deserialize(record.SummaryJson, TriageJsonContext.Default.TriageState)!;
        payloads.Add(new StoredReferralPayload(record, answers, contact, triage.Content));
        payloads.Add(await TeamsCardAsync(triage, record, contact, cancellationToken));
        payloads.Add(FhirBundle(triage, record));
        return payloads;
    }

    /// <summary>
    /// The clinic's Teams card for the stored referral, built as <see cref="TeamsChannelDestination"/> builds it (the
    /// test host has no Teams channel, so the inbox is put together here from the host's own store, protector and
    /// content); it must hold neither the name nor the contact.
    /// </summary>
    private static async Task<TeamsCardPayload> TeamsCardAsync(
        WebChatTriage triage, ReferralRecord record, Dictionary<string, string> contact, CancellationToken cancellationToken)
    {
        var host = triage.Host;
        var inbox = new ClinicInbox(
            new ClinicInboxOptions(), host.Get<IClinicInboxStore>(), new NoTeamsChannel(), host.Get<IReferralStore>(),
            host.Get<IReferralProtector>(), triage.Content, TimeProvider.System, NullLogger<ClinicInbox>.Instance);
        var wording = inbox.Wording();
        var card = ClinicCard.Shared(wording, await inbox.ViewAsync(record, cancellationToken));
        var json = card.ToJsonString();
        foreach (var detail in new[] { contact.GetValueOrDefault("name"), contact.GetValueOrDefault("contact") }.OfType<string>())
        {
            Assert.DoesNotContain(detail, json, StringComparison.OrdinalIgnoreCase);
        }

        return new TeamsCardPayload(card, triage.Content, triage.Content.Locale(wording.Locale).Locale);
    }

    /// <summary>The FHIR transaction Bundle for the stored referral, by the host's own builder, serialized as the <c>fhir</c> destination posts it.</summary>
    private static FhirBundlePayload FhirBundle(WebChatTriage triage, ReferralRecord record)
    {
        var protector = triage.Host.Get<IReferralProtector>();
        var bundle = triage.Host.Get<ReferralBundle>().Create(record, ReferralContact.Triage(record), ReferralContact.Read(record, protector));
        return new FhirBundlePayload(FhirJson.Serialize(bundle));
    }

    /// <summary>Building and reading a card posts nothing; a call here would mean the test reached Teams.</summary>
    private sealed class NoTeamsChannel : IClinicChannel
    {
        public Task<(string ConversationId, string ActivityId)> PostToChannelAsync(ClinicChannelAddress address, Activity activity, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The test host has no Teams channel.");

        public Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The test host has no Teams channel.");

        public Task<bool> IsMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The test host has no Teams channel.");
    }

    /// <summary>Every referral row in the host's SQLite file, read with a connection of our own.</summary>
    private static async Task<List<(string Reference, string ProtectedContact)>> ReferralRowsAsync(WebChatTriage triage, CancellationToken cancellationToken)
    {
        var path = triage.Host.Get<IConfiguration>()["Storage:Sqlite:Path"];
        Assert.True(File.Exists(path), $"The host's SQLite file is not at '{path}'.");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference, protected_contact FROM referrals;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
