namespace TriageBot.Host.Tests.Deployment;

/// <summary>What every deployment file must agree on, taken from the Dockerfile and the app, never restated.</summary>
internal static class DeploymentExpectations
{
    public static Dockerfile Image { get; } = Dockerfile.Load();

    /// <summary>The port the image listens on (its <c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public static int ImagePort => int.Parse(Image.RuntimeEnvironment["ASPNETCORE_HTTP_PORTS"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The uid the image runs as (its <c>USER</c>).</summary>
    public static long ImageUser => long.Parse(Image.Single("USER"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the image keeps what the app writes (its <c>Storage__DataDirectory</c>).</summary>
    public static string ImageDataDirectory => Image.RuntimeEnvironment["Storage__DataDirectory"];

    /// <summary>Fails naming every variable that sets nothing the app reads, and every provider it does not know.</summary>
    public static async Task AssertAppReads(string where, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var variables = environment.ToList();
        Assert.NotEmpty(variables);
        var keys = await AppConfigurationKeys.RecordAsync(variables.Select(v => v.Key));
        var unknown = variables.Select(v => v.Key).Where(name => !keys.IsRead(name)).ToList();
        Assert.True(unknown.Count == 0, $"{where}: the app reads no configuration key for {string.Join(", ", unknown)}.");
        foreach (var provider in variables.Where(v => v.Key == "Storage__Provider").Select(v => v.Value))
        {
            Assert.True(keys.StorageProviders.Contains(provider), $"{where}: Storage__Provider '{provider}' is not one this build knows ({string.Join(", ", keys.StorageProviders)}).");
        }
    }
}
