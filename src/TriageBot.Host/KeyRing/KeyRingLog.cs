namespace TriageBot.Host.KeyRing;

/// <summary>Key ring log events (ids 4200-4299 of Storage's 4000-4999). Paths and type names only; never key material.</summary>
internal static partial class KeyRingLog
{
    [LoggerMessage(EventId = 4200, EventName = "KeyRingProtected", Level = LogLevel.Information,
        Message = "Data Protection keys are encrypted at rest. KeysPath={KeysPath} Encryptor={Encryptor}")]
    public static partial void Protected(ILogger logger, string keysPath, string encryptor);

    [LoggerMessage(EventId = 4201, EventName = "KeyRingUnprotected", Level = LogLevel.Warning,
        Message = "Data Protection keys are stored unencrypted: anyone who can read them can decrypt referral contact details. Set DataProtection:Certificate:Path or :Thumbprint. KeysPath={KeysPath} Environment={Environment}")]
    public static partial void Unprotected(ILogger logger, string keysPath, string environment);
}
