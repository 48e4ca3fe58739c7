namespace TriageBot.Runtime.Middleware;

/// <summary><c>Channels:Teams</c>: which Microsoft Entra tenants may use the bot in Teams.</summary>
public sealed class TeamsTenantOptions
{
    public const string Section = "Channels:Teams";

    /// <summary>Tenant ids (GUIDs). Empty: any tenant that installs the app may use it.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>What a refused tenant is told; the host fills it from content (teams.tenant-refused).</summary>
    public string RefusalMessage { get; set; } = "Sorry, this assistant isn't available in your organization.";
}
