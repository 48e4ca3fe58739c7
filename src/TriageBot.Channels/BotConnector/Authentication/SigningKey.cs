using Microsoft.IdentityModel.Tokens;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>One RSA key from a JWKS. <see cref="Endorsements"/> is null when the key lists none (Entra keys).</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlyList<string>? Endorsements);
