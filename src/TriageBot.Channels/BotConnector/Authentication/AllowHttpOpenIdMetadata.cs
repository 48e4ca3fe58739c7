namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Test hook, never registered by the app: with this service registered, OpenID metadata and JWKS may be fetched
/// over plain http (the test identity server listens on loopback http). Without it IdentityModel refuses any
/// non-https metadata or <c>jwks_uri</c> before sending a request.
/// </summary>
internal sealed class AllowHttpOpenIdMetadata;
