using Microsoft.Extensions.Configuration;
using TriageBot.Channels.DirectLine;

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
        Assert.Equal(4 * 1024 * 1024, options.MaxUploadBytes);
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
    public void Read_UnusableSetting_RefusesToStart(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { [key] = value }));

        Assert.Contains("Channels:DirectLine", error.Message, StringComparison.Ordinal);
    }

    private static DirectLineOptions Read(Dictionary<string, string?> settings) =>
        DirectLineOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
