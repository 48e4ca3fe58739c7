using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// The Direct Line secret and the token-signing key derived from it. The secret comes from configuration or, when
/// none is set, from <c>directline.secret</c> in the data directory, created with a random value on first run
/// (owner-only permissions). Only its last four characters are ever logged.
/// </summary>
internal sealed class DirectLineSecret
{
    public const string FileName = "directline.secret";

    /// <summary>Shorter secrets make the HMAC key guessable; a generated one has 43 characters.</summary>
    public const int MinimumLength = 32;

    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("TriageBot.DirectLine.TokenSigning.v1");

    private readonly byte[] _secret;

    /// <param name="shared">
    /// The logs are shared by several instances: a token issued by one must validate on all, so the secret must be
    /// configured (the same everywhere); one generated per instance would not be.
    /// </param>
    public DirectLineSecret(DirectLineOptions options, string dataDirectory, ILogger<DirectLineSecret> logger, bool shared = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (shared && string.IsNullOrWhiteSpace(options.Secret))
        {
            throw new InvalidOperationException(
                $"{DirectLineOptions.SectionName}:Secret must be set, the same on every instance, when Direct Line conversations are shared (Storage:Provider=Postgres).");
        }

        var secret = string.IsNullOrWhiteSpace(options.Secret) ? LoadOrCreate(dataDirectory, logger) : options.Secret.Trim();
        if (secret.Length < MinimumLength)
        {
            throw new InvalidOperationException(
                $"{DirectLineOptions.SectionName}:Secret must have at least {MinimumLength} characters; leave it empty to have one generated.");
        }

        _secret = Encoding.UTF8.GetBytes(secret);

        // A separate key, so the secret itself never signs anything and a leaked token says nothing about it.
        SigningKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, salt: [], info: KeyInfo);
    }

    public byte[] SigningKey { get; }

    /// <summary>Compares in constant time, so response timing does not reveal how much of a guess was right.</summary>
    public bool Matches(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _secret);
    }

    private static string LoadOrCreate(string dataDirectory, ILogger logger)
    {
        // Owner-only when this creates it (the host has usually made it 0700 already).
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        try
        {
            // CreateNew: if another process created the file meanwhile, its secret wins (read below).
            using var stream = new FileStream(path, OwnerOnly(FileMode.CreateNew));
            stream.Write(Encoding.UTF8.GetBytes(secret));
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        DirectLineLog.SecretCreated(logger, FileName, secret[^4..]);
        return secret;
    }

    private static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
