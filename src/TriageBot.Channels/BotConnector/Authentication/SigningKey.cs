using System.Security.Cryptography;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>One RSA key from a JWKS. <see cref="Endorsements"/> is null when the key lists none (AAD keys).</summary>
internal sealed record SigningKey(string KeyId, RSAParameters Parameters, IReadOnlyList<string>? Endorsements);
