using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Channels.DirectLine;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>Channels:DirectLine settings: defaults, origins as a list or one string, and settings refused at startup.</summary>
public sealed class DirectLineOptionsTests
{
    [Fact]
    public void Read_NothingConfigured_Defaults()
    {
        var options = Read([]);

        Assert.Equal(TimeSpan.FromMinutes(30), options.TokenLifetime);
        Assert.Equal(TimeSpan.FromHours(24), options.Retention);
        Assert.Equal(1000, options.MaxActivitiesPerConversation);
        Assert.Equal(1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(32 * 1024, options.MaxActivityBytes);
        Assert.False(options.UploadsEnabled);
        Assert.Equal(2000, options.MaxConversations);
        Assert.Equal(10, options.MaxConversationsPerClient);
        Assert.Equal(TimeSpan.FromMinutes(30), options.StreamHoldsIdleConversationFor);
        Assert.Equal(50, options.MaxActivitiesPerPage);
        Assert.Equal("triagebot", options.BotId);
        Assert.Equal("Clinic Bot", options.BotName);
        Assert.Equal(10, options.ChatToken.PermitLimit);
        Assert.Empty(options.AllowedOrigins);
    }

    [Fact]
    public void Read_OriginsAsArray_NormalizedWithoutTrailingSlash()
    {
        var options = Read(new()
        {
            ["Channels:DirectLine:AllowedOrigins:0"] = "https://clinic.example/",
            ["Channels:DirectLine:AllowedOrigins:1"] = "http://localhost:5173",
        });

        Assert.Equal(["https://clinic.example", "http://localhost:5173"], options.AllowedOrigins);
    }

    [Fact]
    public void Read_OriginsAsOneString_Split()
    {
        var options = Read(new() { ["Channels:DirectLine:AllowedOrigins"] = "https://a.example, https://b.example" });

        Assert.Equal(["https://a.example", "https://b.example"], options.AllowedOrigins);
    }

    [Theory]
    [InlineData("Channels:DirectLine:AllowedOrigins:0", "https://clinic.example/chat")]
    [InlineData("Channels:DirectLine:AllowedOrigins:0", "clinic.example")]
    [InlineData("Channels:DirectLine:TokenLifetime", "00:00:00")]
    [InlineData("Channels:DirectLine:MaxActivitiesPerConversation", "0")]
    [InlineData("Channels:DirectLine:BotId", " ")]
    [InlineData("Channels:DirectLine:MaxConversations", "0")]
    [InlineData("Channels:DirectLine:MaxConversationsPerClient", "0")]
    [InlineData("Channels:DirectLine:StreamHoldsIdleConversationFor", "00:01:00")]
    [InlineData("Channels:DirectLine:MaxTotalBytes", "1000")]
    [InlineData("Channels:DirectLine:MaxUploadParts", "1")]
    [InlineData("Channels:DirectLine:PostRateLimit:TokensPerPeriod", "0")]
    public void Read_UnusableSetting_RefusesToStart(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(new() { [key] = value }));

        Assert.Contains("Channels:DirectLine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_UnusableSetting_RefusesToStart_NamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DirectLineHost.StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:MaxConversations"] = "0" }));

        Assert.Contains("Channels:DirectLine: MaxConversations must be positive.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The options as the host binds them: the same registration, resolved and validated.</summary>
    private static DirectLineOptions Read(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDirectLineOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
    }
}
