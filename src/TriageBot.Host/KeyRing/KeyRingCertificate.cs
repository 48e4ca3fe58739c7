using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TriageBot.Host.KeyRing;

/// <summary>
/// Loads the key ring certificate from <see cref="KeyRingCertificateOptions"/>, or explains exactly what is wrong with
/// the settings, so a bad password or a missing private key stops the start instead of the first referral.
/// </summary>
internal static class KeyRingCertificate
{
    private const string Section = KeyRingCertificateOptions.SectionName;

    /// <summary>The certificate with its private key, or null when none is configured.</summary>
    public static X509Certificate2? Load(KeyRingCertificateOptions? settings, string contentRootPath)
    {
        var path = settings?.Path;
        var thumbprint = settings?.Thumbprint?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(path) && !string.IsNullOrEmpty(settings?.Password))
        {
            throw new InvalidOperationException($"{Section}:Password is set without {Section}:Path.");
        }

        var certificate = (string.IsNullOrWhiteSpace(path), string.IsNullOrEmpty(thumbprint)) switch
        {
            (true, true) => null,
            (false, false) => throw new InvalidOperationException($"{Section}: set Path or Thumbprint, not both."),
            (false, true) => FromFile(Path.GetFullPath(path!, Path.GetFullPath(contentRootPath)), settings!.Password),
            (true, false) => FromStore(thumbprint!),
        };
        if (certificate is { HasPrivateKey: false })
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Section} has no private key: the key ring could be written but never read back.");
        }

        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:Path '{path}' does not exist.");
        }

        try
        {
            // Ephemeral: the private key stays in memory, never written to a machine key store. macOS cannot do that.
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, flags);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException($"{Section}:Path could not be read: not a PKCS#12 (.pfx) file, or the wrong {Section}:Password.");
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        if (thumbprint.Length != 40 || !thumbprint.All(char.IsAsciiHexDigit))
        {
            throw new InvalidOperationException($"{Section}:Thumbprint must be the certificate's 40 hex digit SHA-1 thumbprint.");
        }

        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new InvalidOperationException($"{Section}:Thumbprint {thumbprint} is in neither the CurrentUser nor the LocalMachine 'My' store.");
    }
}
