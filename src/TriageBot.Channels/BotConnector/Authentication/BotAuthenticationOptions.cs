namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Bot Framework credentials and endpoints, bound from the configuration root with the key names Bot Builder
/// users know (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId, ChannelService and the
/// ConfigurationBotFrameworkAuthentication overrides). Empty <see cref="MicrosoftAppId"/> turns auth off.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Empty for the public cloud; <c>https://botframework.azure.us</c> for US Government.</summary>
    public string? ChannelService { get; set; }

    /// <summary>Overrides the Bot Connector OpenID metadata URL (tests serve their own).</summary>
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }

    /// <summary>Overrides the Emulator / AAD OpenID metadata URL.</summary>
    public string? ToBotFromEmulatorOpenIdMetadataUrl { get; set; }

    /// <summary>Overrides the issuer expected on Bot Connector tokens.</summary>
    public string? ToBotFromChannelTokenIssuer { get; set; }

    /// <summary>Overrides the login authority for outbound tokens, e.g. <c>https://login.microsoftonline.com/botframework.com</c>.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Overrides the scope of outbound tokens (must end in <c>/.default</c>).</summary>
    public string? ToChannelFromBotOAuthScope { get; set; }

    /// <summary>Overrides the managed identity token endpoint (IMDS by default).</summary>
    public string? ManagedIdentityEndpoint { get; set; }

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
