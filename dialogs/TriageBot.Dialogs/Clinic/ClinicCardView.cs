using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// What the shared referral card shows, already read: the referral, its answers, the preferred time (the only field
/// of the encrypted details that leaves them for the card), who claimed it, how many notes it has.
/// </summary>
internal sealed record ClinicCardView(ReferralRecord Referral, TriageState Answers, string? PreferredTime, string? ClaimedBy, int NotesCount);

/// <summary>The decrypted contact details, only ever put on the card shown to the one staff member who asked.</summary>
internal sealed record ClinicContact(string Name, string Details);
