using Microsoft.Extensions.Hosting;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Channels.BotConnector;

/// <summary>Who may use <c>/api/messages</c>, decided once at startup.</summary>
public enum BotConnectorMode
{
    /// <summary>MicrosoftAppId is set: every request needs a valid Bot Framework or Emulator token.</summary>
    Authenticated,

    /// <summary>
    /// No MicrosoftAppId, in Development or with <c>AllowAnonymous</c>: requests without a token, but only from this
    /// machine and only with replies to a loopback <c>serviceUrl</c>.
    /// </summary>
    Anonymous,

    /// <summary>No MicrosoftAppId and anonymous access not allowed: every request gets 401; Direct Line still works.</summary>
    Disabled,
}

/// <summary>
/// The access decision for <c>/api/messages</c>. An empty MicrosoftAppId used to mean "anonymous everywhere"; now it
/// means anonymous only where nobody else can reach the bot (Development, or an explicit loopback-only
/// <c>AllowAnonymous</c>), and a disabled endpoint in production, so a clinic that only uses the website chat needs no
/// app id and exposes no open relay.
/// </summary>
public sealed record BotConnectorAccess(BotConnectorMode Mode, bool AnonymousByOption, string EnvironmentName)
{
    /// <param name="environment">Null (a bare service collection, as in unit tests) counts as Production.</param>
    public static BotConnectorAccess Resolve(BotAuthenticationOptions authentication, BotConnectorOptions options, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(options);
        var environmentName = environment?.EnvironmentName ?? Environments.Production;
        if (!authentication.IsAuthenticationDisabled)
        {
            return new(BotConnectorMode.Authenticated, false, environmentName);
        }

        if (environment?.IsDevelopment() == true)
        {
            return new(BotConnectorMode.Anonymous, false, environmentName);
        }

        return options.AllowAnonymous
            ? new(BotConnectorMode.Anonymous, true, environmentName)
            : new(BotConnectorMode.Disabled, false, environmentName);
    }
}
