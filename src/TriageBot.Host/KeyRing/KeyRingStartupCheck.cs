using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace TriageBot.Host.KeyRing;

/// <summary>
/// At startup: creates the key ring folder (owner-only) and says whether the keys are encrypted at rest, with a
/// warning outside Development when they are not, so the gap shows before any patient's details are encrypted.
/// </summary>
internal sealed class KeyRingStartupCheck(
    IOptions<KeyManagementOptions> keyManagement,
    IOptions<KeyRingOptions> options,
    IHostEnvironment environment,
    ILogger<KeyRingStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var encryptor = keyManagement.Value.XmlEncryptor;
        var keysPath = options.Value.KeysPath!;
        if (encryptor is not null)
        {
            KeyRingLog.Protected(logger, keysPath, encryptor.GetType().Name);
        }
        else if (!environment.IsDevelopment())
        {
            KeyRingLog.Unprotected(logger, keysPath, environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
