using Microsoft.Extensions.Configuration;

namespace TriageBot.Channels.DirectLine;

/// <summary>Binds <c>Channels:DirectLine</c> and refuses to start on settings that would fail later, or silently.</summary>
internal static class DirectLineOptionsReader
{
    public static DirectLineOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(DirectLineOptions.SectionName);
        var options = new DirectLineOptions();
        section.Bind(options);

        // An environment variable holds one string: accept "https://a.example,https://b.example" too.
        if (section[nameof(DirectLineOptions.AllowedOrigins)] is { Length: > 0 } list)
        {
            foreach (var origin in list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                options.AllowedOrigins.Add(origin);
            }
        }

        var origins = options.AllowedOrigins.Select(Normalize).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        options.AllowedOrigins.Clear();
        foreach (var origin in origins)
        {
            options.AllowedOrigins.Add(origin);
        }

        Validate(options);
        return options;
    }

    /// <summary>An origin is scheme://host[:port], exactly what a browser sends in <c>Origin</c>.</summary>
    private static string Normalize(string origin)
    {
        if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery is not ("/" or "")
            || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{DirectLineOptions.SectionName}:AllowedOrigins: '{origin}' is not an origin such as https://clinic.example.");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    private static void Validate(DirectLineOptions options)
    {
        Require(options.TokenLifetime > TimeSpan.Zero, "TokenLifetime must be positive.");
        Require(options.StreamUrlLifetime > TimeSpan.Zero, "StreamUrlLifetime must be positive.");
        Require(options.Retention > TimeSpan.Zero, "Retention must be positive.");
        Require(options.PurgeInterval > TimeSpan.Zero, "PurgeInterval must be positive.");
        Require(options.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive.");
        Require(options.MaxActivitiesPerConversation > 0, "MaxActivitiesPerConversation must be positive.");
        Require(options.MaxActivityBytes > 0, "MaxActivityBytes must be positive.");
        Require(options.MaxUploadBytes > 0, "MaxUploadBytes must be positive.");
        Require(options.MaxUploadParts >= 2, "MaxUploadParts must be at least 2 (the activity and one file).");
        Require(options.MaxUploadPartHeaderBytes >= 256, "MaxUploadPartHeaderBytes must be at least 256.");
        Require(options.MaxActivitiesPerPage is > 0 and <= 10_000, "MaxActivitiesPerPage must be between 1 and 10000.");
        Require(options.EvictAfterIdle >= TimeSpan.Zero, "EvictAfterIdle must not be negative.");
        Require(options.MaxConversations > 0, "MaxConversations must be positive.");
        Require(options.MaxBytesPerConversation >= 2L * options.MaxActivityBytes, "MaxBytesPerConversation must be at least twice MaxActivityBytes.");
        Require(!options.UploadsEnabled || options.MaxBytesPerConversation >= options.MaxUploadBytes, "MaxBytesPerConversation must be at least MaxUploadBytes when uploads are on.");

        // Every conversation is guaranteed its share of the total: it must hold the conversation itself and a few activities.
        Require(options.MaxTotalBytes / options.MaxConversations >= DirectLineLedger.ConversationOverheadBytes + (2L * options.MaxActivityBytes),
            "MaxTotalBytes / MaxConversations (each conversation's guaranteed share) must leave room for two activities of MaxActivityBytes.");
        Require(options.PostRateLimit.TokenLimit > 0 && options.PostRateLimit.TokensPerPeriod > 0 && options.PostRateLimit.ReplenishmentPeriod > TimeSpan.Zero,
            "PostRateLimit:TokenLimit, TokensPerPeriod and ReplenishmentPeriod must be positive.");
        Require(options.ChatToken.PermitLimit > 0 && options.ChatToken.Window > TimeSpan.Zero, "ChatToken:PermitLimit and ChatToken:Window must be positive.");
        Require(!string.IsNullOrWhiteSpace(options.BotId), "BotId must not be empty.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{DirectLineOptions.SectionName}: {message}");
        }
    }
}
