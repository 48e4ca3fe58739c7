using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Writes an ActivitySet, <c>{"activities":[…],"watermark":"N"}</c>: the body of a poll and of every stream frame.
/// The activities were serialized by the schema's serializer when they were stored, so this only copies their
/// bytes: a poll or a frame costs the size of its page, not of the log.
/// </summary>
internal static class ActivitySetJson
{
    public static byte[] Write(IReadOnlyCollection<DirectLineEntry> entries, long watermark)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + entries.Sum(e => e.Json.Length + 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var entry in entries)
            {
                writer.WriteRawValue(entry.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();

            // A string: clients treat the watermark as opaque, and DirectLineJS ignores one that is not truthy.
            writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
