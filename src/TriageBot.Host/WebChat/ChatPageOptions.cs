namespace TriageBot.Host.WebChat;

/// <summary>How the chat page is served (configuration section <c>WebChat</c>).</summary>
public sealed class ChatPageOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// CSP <c>frame-ancestors</c> sources allowed to embed the page in an iframe (the <c>/embed.js</c> bubble), e.g.
    /// <c>https://www.clinic.example</c>. Empty: only this origin (<c>'self'</c>).
    /// </summary>
    public IList<string> FrameAncestors { get; } = [];

    /// <summary>The folder holding index.html and lib/; empty: <c>wwwroot</c> under the content root, else next to the app.</summary>
    public string? AssetsPath { get; set; }
}
