using System.Diagnostics;
using System.Text.RegularExpressions;
using TriageBot.Host.Health;
using static TriageBot.Host.Tests.Deployment.DeploymentExpectations;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// <c>deployment/azure/main.bicep</c>: linted and compiled by the Bicep CLI (restored from NuGet by lint.sh), and its
/// container settings checked against the image and the keys the app reads.
/// </summary>
public sealed partial class AzureTests
{
    private static readonly string Bicep = File.ReadAllText(DeploymentFiles.PathOf("azure", "main.bicep"));

    [Fact]
    public async Task Bicep_LintsAndBuildsWithoutAWarning()
    {
        var (exitCode, output) = await ChildProcess.RunAsync(new ProcessStartInfo("bash", [DeploymentFiles.PathOf("azure", "lint.sh")]), TimeSpan.FromMinutes(10));

        Assert.True(exitCode == 0, $"lint.sh failed:\n{output}");
    }

    [Fact]
    public async Task ContainerApp_EnvironmentNames_AreKeysTheAppReads()
    {
        var names = EnvironmentName().Matches(Bicep).Select(m => m.Groups[1].Value.Replace("${i}", "0", StringComparison.Ordinal)).ToList();

        Assert.Contains("Storage__Provider", names);
        Assert.Contains("Channels__DirectLine__AllowedOrigins__0", names);
        Assert.Contains("ForwardedHeaders__KnownNetworks__0", names);
        await AssertAppReads("main.bicep container env", names.Select(n => KeyValuePair.Create(n, n == "Storage__Provider" ? "Postgres" : "")));
    }

    [Fact]
    public void ContainerApp_ListensOnTheImagesPort_ProbesLiveAndReady_AndKeepsDataWhereTheImageDoes()
    {
        Assert.Contains($"var appPort = {ImagePort}", Bicep, StringComparison.Ordinal);
        Assert.Contains($"path: '{HealthEndpoints.LivePath}'", Bicep, StringComparison.Ordinal);
        Assert.Contains($"path: '{HealthEndpoints.ReadyPath}'", Bicep, StringComparison.Ordinal);
        Assert.Contains($"{{ name: 'Storage__DataDirectory', value: '{ImageDataDirectory}' }}", Bicep, StringComparison.Ordinal);
        Assert.Contains($"mountPath: '{ImageDataDirectory}'", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_HasTheTeamsWebChatAndDirectLineChannels_AndSecretsAreKeyVaultReferences()
    {
        foreach (var channel in new[] { "MsTeamsChannel", "WebChatChannel", "DirectLineChannel" })
        {
            Assert.Contains($"channelName: '{channel}'", Bicep, StringComparison.Ordinal);
        }

        Assert.Contains("/api/messages'", Bicep, StringComparison.Ordinal);
        var secretRefs = SecretReference().Matches(Bicep).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["bot-app-password", "connection-string", "directline-secret"], secretRefs.Order());
        Assert.All(secretRefs, s => Assert.Matches($"name: '{s}'\\s+keyVaultUrl: ", Bicep));
    }

    [GeneratedRegex(@"\bname: '([A-Za-z_]+(?:__[A-Za-z_]+|\$\{i\})*)',?\s*(?:value|secretRef): ")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"secretRef: '([a-z-]+)'")]
    private static partial Regex SecretReference();
}
