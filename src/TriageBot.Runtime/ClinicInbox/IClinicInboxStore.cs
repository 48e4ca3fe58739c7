namespace TriageBot.Runtime.ClinicInbox;

/// <summary>What the clinic inbox remembers: the card posted per referral, the staff audit trail and notes.</summary>
public interface IClinicInboxStore
{
    /// <summary>The card posted under this idempotency key, if any.</summary>
    Task<ClinicPost?> FindPostAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The card posted for a referral, if any.</summary>
    Task<ClinicPost?> FindPostByReferenceAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Remembers a posted card; a second record under the same key keeps the first.</summary>
    Task RecordPostAsync(ClinicPost post, CancellationToken cancellationToken);

    Task AppendAuditAsync(ClinicAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>A referral's audit trail, oldest first.</summary>
    Task<IReadOnlyList<ClinicAuditEntry>> ListAuditAsync(string reference, CancellationToken cancellationToken);

    Task AddNoteAsync(ClinicNote note, CancellationToken cancellationToken);

    /// <summary>A referral's notes, oldest first (text still encrypted).</summary>
    Task<IReadOnlyList<ClinicNote>> ListNotesAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The channel captured when the bot was installed in the clinic's team, if any.</summary>
    Task<ClinicChannelAddress?> FindChannelAsync(CancellationToken cancellationToken);

    /// <summary>Remembers (replaces) the captured channel.</summary>
    Task SaveChannelAsync(ClinicChannelAddress address, CancellationToken cancellationToken);
}
