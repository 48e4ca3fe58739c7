namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>An outbound Bearer token and when it stops being valid.</summary>
internal sealed record AccessToken(string Value, DateTimeOffset ExpiresOn);
