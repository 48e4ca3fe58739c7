using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Referrals;
using TriageBot.Host.KeyRing;
using TriageBot.Runtime.State;
using TriageBot.Storage.Sqlite;
using TriageBot.Testing;

namespace TriageBot.Storage.Tests;

/// <summary>
/// The Data Protection key ring in the real host: encrypted at rest with a configured certificate, in its own
/// owner-only folder under <c>Storage:DataDirectory</c>, and a warning when it is not protected.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("triagebot-keyring-");

    private string CertificatePath => Path.Combine(_folder.FullName, "keyring.pfx");

    [Fact]
    public async Task CertificateConfigured_KeysOnDiskAreEncryptedSecrets_AndDecryptAfterARestart()
    {
        CreateCertificate();
        var data = _folder.CreateSubdirectory("data");
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = CertificatePath,
            ["DataProtection:Certificate:Password"] = Password,
        };
        string protectedContact;
        await using (var first = await BotHost.StartAsync(settings, dataFolder: data))
        {
            protectedContact = first.Services.GetRequiredService<IReferralProtector>().Protect("Pat Doe, pat@example.org");
            Assert.Single(first.Logs.WithEvent("KeyRingProtected"));
            Assert.Empty(first.Logs.WithEvent("KeyRingUnprotected"));
        }

        var keyFiles = Directory.GetFiles(Path.Combine(data.FullName, "keys"), "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        await using var second = await BotHost.StartAsync(settings, dataFolder: data);
        Assert.Equal("Pat Doe, pat@example.org", second.Services.GetRequiredService<IReferralProtector>().Unprotect(protectedContact));
    }

    [Fact]
    public async Task NoCertificate_OutsideDevelopment_WarnsAtStartup()
    {
        await using var bot = await BotHost.StartAsync(dataFolder: _folder);

        Assert.False(bot.Services.GetRequiredService<IHostEnvironment>().IsDevelopment(), "The test host must not run as Development.");
        var warning = Assert.Single(bot.Logs.WithEvent("KeyRingUnprotected"));
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    public async Task NoCertificate_InDevelopment_DoesNotWarn()
    {
        var logs = new TestLogSink();
        var check = new KeyRingStartupCheck(
            Options.Create(new KeyManagementOptions()),
            Options.Create(new KeyRingOptions { KeysPath = _folder.FullName }),
            new HostingEnvironment { EnvironmentName = Environments.Development },
            new LoggerFactory([logs]).CreateLogger<KeyRingStartupCheck>());

        await check.StartAsync(CancellationToken.None);

        Assert.Empty(logs.Entries);
    }

    [Fact]
    public async Task WrongCertificatePassword_RefusesToStart_NamingTheSettingNotTheSecret()
    {
        CreateCertificate();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["DataProtection:Certificate:Path"] = CertificatePath,
                ["DataProtection:Certificate:Password"] = "not the password",
            },
            dataFolder: _folder));

        Assert.Contains("DataProtection:Certificate:Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataDirectory_FeedsTheDatabaseKeyRingAndDirectLineSecret_EachFolderOwnerOnly()
    {
        var data = Path.Combine(_folder.FullName, "volume", "triagebot");
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                // Clear the test kit's own paths: everything must follow the one data folder.
                ["Storage:DataDirectory"] = data,
                ["Storage:Sqlite:Path"] = "",
                ["DataProtection:KeysPath"] = "",
                ["Channels:DirectLine:Secret"] = "",
            },
            dataFolder: _folder);
        await bot.Services.GetRequiredService<IStateStore>().WriteAsync("test/conversations/a", "{}", null, CancellationToken.None);
        bot.Services.GetRequiredService<IReferralProtector>().Protect("Pat Doe");

        Assert.Equal(Path.Combine(data, "triagebot.db"), bot.Services.GetRequiredService<SqliteStateStore>().DatabasePath);
        Assert.Equal(Path.Combine(data, "keys"), bot.Services.GetRequiredService<IOptions<KeyRingOptions>>().Value.KeysPath);
        Assert.True(File.Exists(Path.Combine(data, "triagebot.db")));
        Assert.True(File.Exists(Path.Combine(data, "directline.secret")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys"), "key-*.xml"));
        DataFolderAssert.OwnerOnly(Path.Combine(_folder.FullName, "volume"));
        DataFolderAssert.OwnerOnly(data);
        DataFolderAssert.OwnerOnly(Path.Combine(data, "keys"));
    }

    [Fact]
    public async Task KeysPathConfigured_KeepsTheKeyRingApartFromTheDatabase()
    {
        var keys = Path.Combine(_folder.FullName, "other-volume", "keys");
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["DataProtection:KeysPath"] = keys }, dataFolder: _folder);

        bot.Services.GetRequiredService<IReferralProtector>().Protect("Pat Doe");

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        DataFolderAssert.OwnerOnly(keys);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected .pfx.</summary>
    private void CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TriageBot key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
    }
}
