namespace TriageBot.Testing;

/// <summary>A running TriageBot a test talks to over HTTP: in process (<see cref="BotHost"/>) or a child process.</summary>
public interface IBotEndpoint
{
    /// <summary>The bot's <c>/api/messages</c>.</summary>
    Uri MessagesUrl { get; }

    /// <summary>A client for this instance.</summary>
    HttpClient Client { get; }
}
