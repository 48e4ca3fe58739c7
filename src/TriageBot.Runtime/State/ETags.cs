using System.Runtime.CompilerServices;

namespace TriageBot.Runtime.State;

/// <summary>eTag values and checks shared by every <see cref="IStateStore"/> provider.</summary>
public static class ETags
{
    /// <summary>Write whatever is stored (create or replace).</summary>
    public const string Any = "*";

    /// <summary>A fresh opaque eTag. Random rather than a counter, so two processes sharing a store never mint the same one.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Rejects an empty eTag: it is neither "create only" (null) nor a value a store could have issued, so it can only
    /// be a bug in the caller, and treating it as a conflict would make a turn retry forever.
    /// </summary>
    public static void ThrowIfEmpty(string? expectedETag, [CallerArgumentExpression(nameof(expectedETag))] string? paramName = null)
    {
        if (expectedETag is { Length: 0 })
        {
            throw new ArgumentException("An eTag must be null (create only), \"*\" (any) or a value read from the store.", paramName);
        }
    }
}
