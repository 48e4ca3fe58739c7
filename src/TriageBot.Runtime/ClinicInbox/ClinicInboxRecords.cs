namespace TriageBot.Runtime.ClinicInbox;

/// <summary>Where the clinic's Teams channel is: the regional Bot Connector, the clinic's tenant, team and channel.</summary>
public sealed record ClinicChannelAddress(string ServiceUrl, string TenantId, string TeamId, string ChannelId);

/// <summary>
/// A referral card posted in the clinic's channel, remembered under the delivery's idempotency key so a second
/// delivery of the same referral finds it instead of posting again, and so staff actions can update it.
/// </summary>
public sealed record ClinicPost(
    string IdempotencyKey, string Reference, string ServiceUrl, string ConversationId, string ActivityId, DateTimeOffset PostedUtc);

/// <summary>
/// One staff action on a referral: who (Entra object id and Teams display name), what (<see cref="ClinicActions"/>),
/// when. Never contact details, never a note's text.
/// </summary>
public sealed record ClinicAuditEntry(string Reference, string Action, string ActorAadObjectId, string? ActorName, DateTimeOffset AtUtc);

/// <summary>A staff note on a referral, its text encrypted by the caller.</summary>
public sealed record ClinicNote(string Reference, string AuthorAadObjectId, string? AuthorName, DateTimeOffset AtUtc, string ProtectedText);

/// <summary>The audited actions, stored as these exact strings.</summary>
public static class ClinicActions
{
    public const string Posted = "posted";

    /// <summary>
    /// The bot is about to post the card (written before the call): a <c>posting</c> with neither <see cref="Posted"/>
    /// nor <see cref="PostRefused"/> after it means the card may be in the channel although nothing recorded it.
    /// </summary>
    public const string Posting = "posting";

    /// <summary>Teams answered the post with a refusal (4xx, 429): that attempt put nothing in the channel.</summary>
    public const string PostRefused = "post-refused";
    public const string Claim = "claim";
    public const string ShowContact = "show-contact";
    public const string MarkContacted = "mark-contacted";
    public const string AddNote = "add-note";
}
