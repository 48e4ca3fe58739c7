using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Auth is off (no MicrosoftAppId): requests without an Authorization header run anonymously, as the Emulator
/// expects. A request that does carry a header is refused, as Bot Builder does: no app id can match it. Whether
/// anonymous requests are served at all (Development or AllowAnonymous, loopback callers and serviceUrls only) is
/// decided before this, by <see cref="BotConnectorAccess"/> in the adapter.
/// </summary>
public sealed class AnonymousAuthenticator : IInboundAuthenticator
{
    public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrEmpty(authorizationHeader)
            ? InboundAuthResult.Anonymous
            : InboundAuthResult.Failure("Authorization header present but no MicrosoftAppId is configured"));
}
