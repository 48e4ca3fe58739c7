using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Host.KeyRing;

public static class KeyRingServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in <see cref="KeyRingOptions.KeysPath"/> (an owner-only folder),
    /// each key encrypted with the <see cref="KeyRingCertificateOptions"/> certificate when one is set.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDataDirectory(contentRootPath);
        services.AddOptions<KeyRingOptions>()
            .BindConfiguration(KeyRingOptions.SectionName)
            .PostConfigure<IOptions<StorageOptions>>((options, storage) =>
                options.KeysPath = KeyRingOptions.ResolveKeysPath(options.KeysPath, contentRootPath, storage.Value.DataDirectory))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>());

        // PersistKeysToFileSystem, from the bound options; the folder is created owner-only before the first key.
        var dataProtection = services.AddDataProtection().SetApplicationName("TriageBot");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, ILoggerFactory>((keyManagement, options, loggerFactory) =>
            keyManagement.XmlRepository = new FileSystemXmlRepository(DataFolders.CreateOwnerOnly(options.Value.KeysPath!), loggerFactory));

        // ProtectKeysWithCertificate needs the certificate object now: the matching decryption registration is internal
        // to Data Protection. So this one section is read while registering, and a bad setting stops the start here.
        var certificate = KeyRingCertificate.Load(configuration.GetSection(KeyRingCertificateOptions.SectionName).Get<KeyRingCertificateOptions>(), contentRootPath);
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddHostedService<KeyRingStartupCheck>();
        return services;
    }
}
