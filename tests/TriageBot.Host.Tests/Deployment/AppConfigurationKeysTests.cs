namespace TriageBot.Host.Tests.Deployment;

/// <summary>The checker the deployment tests lean on can fail: a misspelt or invented key is not taken for a real one.</summary>
public sealed class AppConfigurationKeysTests
{
    [Fact]
    public async Task RealKeys_AreRead_ButATypoOrAnInventedKey_IsNot()
    {
        string[] real = ["DataProtection__KeysPath", "Channels__DirectLine__Secret", "ForwardedHeaders__KnownProxies__0", "MicrosoftAppId", "ASPNETCORE_HTTP_PORTS"];
        string[] wrong = ["DataProtection__KeyPath", "Channels__DirectLine__Secrets", "ForwardedHeaders__KnownProxy__0", "MicrosoftAppID2", "Storage__Sqlite__Folder"];

        var keys = await AppConfigurationKeys.RecordAsync([.. real, .. wrong]);

        Assert.All(real, name => Assert.True(keys.IsRead(name), $"{name} is a real key."));
        Assert.All(wrong, name => Assert.False(keys.IsRead(name), $"{name} is not a key the app reads."));
    }
}
