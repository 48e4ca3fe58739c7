namespace TriageBot.Content;

/// <summary>Content files that could not be read: missing, not YAML, or not in the documented shape.</summary>
public sealed class ContentLoadException : Exception
{
    public ContentLoadException()
        : this([])
    {
    }

    public ContentLoadException(string message)
        : this([message])
    {
    }

    public ContentLoadException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public ContentLoadException(IReadOnlyList<string> errors)
        : base(Format(errors)) => Errors = errors;

    /// <summary>One line per problem, each naming the file (and line, when known).</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Format(IReadOnlyList<string> errors) =>
        errors.Count == 0
            ? "The content could not be loaded."
            : $"The content could not be loaded ({errors.Count} error(s)):{Environment.NewLine}  - " +
              string.Join(Environment.NewLine + "  - ", errors);
}
