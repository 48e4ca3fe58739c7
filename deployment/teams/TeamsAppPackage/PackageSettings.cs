namespace TriageBot.Deployment.Teams;

/// <summary>
/// What differs between clinics: the bot's Microsoft App Id (the Teams app id too), the host name the bot is served
/// from (for validDomains), and the clinic's name and website (developer details, privacy and terms pages).
/// Checked here, so a typo fails before Teams rejects the upload.
/// </summary>
public sealed record PackageSettings
{
    public PackageSettings(string appId, string host, string clinic, string website)
    {
        if (!Guid.TryParse(appId, out var id))
        {
            throw new ArgumentException("--app-id must be the bot's Microsoft App Id (a GUID).", nameof(appId));
        }

        if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host) is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            throw new ArgumentException("--host must be a host name such as bot.clinic.example (no scheme, no path).", nameof(host));
        }

        if (!Uri.TryCreate(website, UriKind.Absolute, out var site) || site.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("--website must be an https:// URL.", nameof(website));
        }

        if (string.IsNullOrWhiteSpace(clinic) || clinic.Length > 32)
        {
            throw new ArgumentException("--clinic must be the clinic's name, 1 to 32 characters (Teams' limit for a developer name).", nameof(clinic));
        }

        AppId = id.ToString("D");
        Host = host;
        Clinic = clinic;
        Website = site.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public string AppId { get; }

    public string Host { get; }

    public string Clinic { get; }

    public string Website { get; }
}
