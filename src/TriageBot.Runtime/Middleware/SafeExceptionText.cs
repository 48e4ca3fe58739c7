using System.Text;

namespace TriageBot.Runtime.Middleware;

/// <summary>Describes an exception by type and stack trace, leaving out messages (which may quote user input).</summary>
public static class SafeExceptionText
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" ---> ");
            }

            text.Append(e.GetType().FullName).Append('\n').Append(e.StackTrace);
        }

        return text.ToString();
    }
}
