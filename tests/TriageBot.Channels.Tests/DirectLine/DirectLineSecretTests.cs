using System.Net;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>Where the secret comes from when none is configured, and what is (not) said about it.</summary>
public sealed class DirectLineSecretTests : DirectLineTest
{
    public override async Task InitializeAsync() =>
        Host = await StartHostAsync(new Dictionary<string, string?>(), configureSecret: false);

    [Fact]
    public async Task NoSecretConfigured_OneIsCreatedInDataDirectoryAndWorks()
    {
        var path = Path.Combine(Host.DataFolder.FullName, "directline.secret");
        var secret = (await File.ReadAllTextAsync(path)).Trim();

        var answer = await Client.GenerateTokenAsync(secret);

        Assert.True(secret.Length >= 32);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task NoSecretConfigured_LogSaysItWasCreatedAndShowsOnlyLastFour()
    {
        var secret = (await File.ReadAllTextAsync(Path.Combine(Host.DataFolder.FullName, "directline.secret"))).Trim();

        var created = Assert.Single(Host.Logs.WithEvent("DirectLineSecretCreated"));
        Assert.Equal(1200, created.EventId);
        Assert.Contains(secret[^4..], created.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..^4], Host.Logs.AllText, StringComparison.Ordinal);
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void NoSecretConfigured_FileIsReadableByOwnerOnly()
    {
        var mode = File.GetUnixFileMode(Path.Combine(Host.DataFolder.FullName, "directline.secret"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task SecretFileExists_ItIsReusedAndNothingIsCreated()
    {
        var path = Path.Combine(Host.DataFolder.FullName, "directline.secret");
        var before = await File.ReadAllTextAsync(path);
        var logs = new TestLogSink();

        var again = new DirectLineSecret(new DirectLineOptions(), Host.DataFolder.FullName, new Logger<DirectLineSecret>(new LoggerFactory([logs])));

        Assert.True(again.Matches(before.Trim()));
        Assert.Empty(logs.Entries);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task ShortConfiguredSecret_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartHostAsync(new Dictionary<string, string?> { ["Channels:DirectLine:Secret"] = "short" }));

        Assert.Contains("Channels:DirectLine:Secret", error.Message, StringComparison.Ordinal);
    }
}
