using System.Collections.Frozen;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>The keys of one OpenID metadata URL as last fetched, and when to fetch them again.</summary>
internal sealed record SigningKeySet(FrozenDictionary<string, SigningKey> Keys, DateTimeOffset RefreshAfter);
