using Microsoft.Extensions.Options;

namespace TriageBot.Channels.DirectLine;

/// <summary>Refuses, at startup, settings that would fail later or silently; each failure names its key.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = Failures(options).Select(f => $"{DirectLineOptions.SectionName}: {f}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(DirectLineOptions options)
    {
        foreach (var origin in options.AllowedOrigins.Where(o => DirectLineOptionsSetup.TryNormalizeOrigin(o) is null))
        {
            yield return $"AllowedOrigins: '{origin}' is not an origin such as https://clinic.example.";
        }

        var rules = new (bool Holds, string Message)[]
        {
            (options.TokenLifetime > TimeSpan.Zero, "TokenLifetime must be positive."),
            (options.StreamUrlLifetime > TimeSpan.Zero, "StreamUrlLifetime must be positive."),
            (options.Retention > TimeSpan.Zero, "Retention must be positive."),
            (options.PurgeInterval > TimeSpan.Zero, "PurgeInterval must be positive."),
            (options.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive."),
            (options.MaxActivitiesPerConversation > 0, "MaxActivitiesPerConversation must be positive."),
            (options.MaxActivityBytes > 0, "MaxActivityBytes must be positive."),
            (options.MaxUploadBytes > 0, "MaxUploadBytes must be positive."),
            (options.MaxUploadParts >= 2, "MaxUploadParts must be at least 2 (the activity and one file)."),
            (options.MaxUploadPartHeaderBytes >= 256, "MaxUploadPartHeaderBytes must be at least 256."),
            (options.MaxActivitiesPerPage is > 0 and <= 10_000, "MaxActivitiesPerPage must be between 1 and 10000."),
            (options.EvictAfterIdle >= TimeSpan.Zero, "EvictAfterIdle must not be negative."),
            (options.MaxConversations > 0, "MaxConversations must be positive."),
            (options.MaxConversationsPerClient > 0, "MaxConversationsPerClient must be positive."),
            (options.StreamHoldsIdleConversationFor >= options.EvictAfterIdle && options.StreamHoldsIdleConversationFor > TimeSpan.Zero,
                "StreamHoldsIdleConversationFor must be positive and at least EvictAfterIdle (an open page keeps a conversation at least as long as a closed one)."),
            (options.MaxBytesPerConversation >= 2L * options.MaxActivityBytes, "MaxBytesPerConversation must be at least twice MaxActivityBytes."),
            (!options.UploadsEnabled || options.MaxBytesPerConversation >= options.MaxUploadBytes, "MaxBytesPerConversation must be at least MaxUploadBytes when uploads are on."),

            // Every conversation is guaranteed its share of the total: it must hold the conversation itself and a few activities.
            (options.MaxConversations <= 0 || options.MaxTotalBytes / options.MaxConversations >= DirectLineLedger.ConversationOverheadBytes + (2L * options.MaxActivityBytes),
                "MaxTotalBytes / MaxConversations (each conversation's guaranteed share) must leave room for two activities of MaxActivityBytes."),
            (options.PostRateLimit.TokenLimit > 0 && options.PostRateLimit.TokensPerPeriod > 0 && options.PostRateLimit.ReplenishmentPeriod > TimeSpan.Zero,
                "PostRateLimit:TokenLimit, TokensPerPeriod and ReplenishmentPeriod must be positive."),
            (options.ChatToken.PermitLimit > 0 && options.ChatToken.Window > TimeSpan.Zero, "ChatToken:PermitLimit and ChatToken:Window must be positive."),
            (!string.IsNullOrWhiteSpace(options.BotId), "BotId must not be empty."),
        };
        foreach (var (holds, message) in rules.Where(r => !r.Holds))
        {
            yield return message;
        }
    }
}
