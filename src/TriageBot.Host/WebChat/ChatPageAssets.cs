using Microsoft.Extensions.Options;

namespace TriageBot.Host.WebChat;

/// <summary>
/// Finds the page's files. <c>dotnet run</c> serves them from the project's wwwroot; tests and published apps from
/// the wwwroot copied next to the app (WebChat.targets copies it, Web Chat bundle included).
/// </summary>
internal sealed class ChatPageAssets
{
    public ChatPageAssets(IWebHostEnvironment environment, IOptions<ChatPageOptions> options)
    {
        string?[] candidates = string.IsNullOrEmpty(options.Value.AssetsPath)
            ? [environment.WebRootPath, Path.Combine(environment.ContentRootPath, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot")]
            : [Path.GetFullPath(options.Value.AssetsPath, environment.ContentRootPath)];
        Root = candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "index.html")))
            ?? throw new InvalidOperationException(
                $"The chat page (index.html) was not found in any of: {string.Join(", ", candidates.Where(c => c is not null))}. Build src/TriageBot.Host, which copies wwwroot next to the app.");
    }

    public string Root { get; }

    /// <summary>The full path of a page file, or null when it is missing (e.g. the bundle was never restored).</summary>
    public string? Find(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        return File.Exists(path) ? path : null;
    }
}
