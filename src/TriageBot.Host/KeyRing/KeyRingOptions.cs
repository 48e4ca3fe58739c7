namespace TriageBot.Host.KeyRing;

/// <summary>
/// Where the ASP.NET Core Data Protection key ring lives, bound from <c>DataProtection</c>. The keys decrypt every
/// referral's contact details, so they are kept apart from the database: their own folder, or another volume.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    public const string DefaultFolderName = "keys";

    /// <summary>
    /// The key ring folder. Empty: <c>keys</c> in <c>Storage:DataDirectory</c>; relative: from the content root. Made
    /// absolute when the options are built; created owner-only (0700) on Unix.
    /// </summary>
    public string? KeysPath { get; set; }

    internal static string ResolveKeysPath(string? configured, string contentRootPath, string dataDirectory) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(dataDirectory, DefaultFolderName)
            : Path.GetFullPath(configured, Path.GetFullPath(contentRootPath));
}

/// <summary>
/// The certificate that encrypts each key file at rest (<c>DataProtection:Certificate</c>): a PKCS#12 file
/// (<see cref="Path"/>, <see cref="Password"/>) or a <see cref="Thumbprint"/> in the certificate store. None: the keys
/// are plain XML, and a warning is logged at startup outside Development.
/// </summary>
public sealed class KeyRingCertificateOptions
{
    public const string SectionName = "DataProtection:Certificate";

    /// <summary>A .pfx/.p12 file with the private key; relative paths are from the content root.</summary>
    public string? Path { get; set; }

    /// <summary>The file's password; put it in a secret store or environment variable, never in appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>SHA-1 thumbprint of a certificate with its private key in the CurrentUser or LocalMachine "My" store.</summary>
    public string? Thumbprint { get; set; }
}
