namespace TriageBot.Runtime.ClinicInbox;

/// <summary>
/// The clinic's Teams channel as its referral inbox, bound from <c>Clinic:Teams</c>. Off unless
/// <see cref="Enabled"/>; then the tenant is required, and the team and channel either configured or captured when
/// the bot is installed in a team of that tenant. Who may act on a referral: members of the tenant who are on
/// <see cref="StaffAadObjectIds"/>, or (with <see cref="CheckChannelMembership"/>) members of the team.
/// </summary>
public sealed class ClinicInboxOptions
{
    public const string SectionName = "Clinic:Teams";

    public bool Enabled { get; set; }

    /// <summary>The regional Bot Connector Teams uses for the clinic's tenant, e.g. https://smba.trafficmanager.net/emea/.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The clinic's Entra tenant id: only its members may act, and the channel must be in it.</summary>
    public string? TenantId { get; set; }

    /// <summary>The team's id (<c>19:…@thread.tacv2</c>); empty to capture it at install.</summary>
    public string? TeamId { get; set; }

    /// <summary>The channel's id (<c>19:…@thread.tacv2</c>; the General channel has the team's id); empty to capture it.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Entra object ids of staff who may claim, see contact details, mark contacted and add notes.</summary>
    public IList<string> StaffAadObjectIds { get; } = [];

    /// <summary>Also accept any member of the clinic's team (Bot Connector members API), not only the allow-list.</summary>
    public bool CheckChannelMembership { get; set; }

    /// <summary>Referrals per page of the staff <c>referrals</c> command.</summary>
    public int PageSize { get; set; } = 5;

    /// <summary>The configured channel, when all of it is configured.</summary>
    public ClinicChannelAddress? ConfiguredChannel =>
        ServiceUrl is { Length: > 0 } && TenantId is { Length: > 0 } && TeamId is { Length: > 0 } && ChannelId is { Length: > 0 }
            ? new ClinicChannelAddress(ServiceUrl, TenantId, TeamId, ChannelId)
            : null;
}
