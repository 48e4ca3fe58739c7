using System.Buffers;

namespace TriageBot.Channels;

/// <summary>
/// Reads a request body (or a multipart section) up to a limit, checked while reading, so a missing or lying
/// Content-Length cannot make the server buffer more than it allows.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The bytes, or null when the stream is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    return null;
                }

                collected.Write(buffer, 0, read);
            }

            return collected.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
