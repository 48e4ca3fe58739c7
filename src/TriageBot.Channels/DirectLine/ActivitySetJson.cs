using System.Buffers;
using System.Globalization;
using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Writes an ActivitySet, <c>{"activities":[…],"watermark":"N"}</c>: the body of a poll and of every stream frame.
/// Written by hand around the schema's serializer, so activities keep exactly their wire form.
/// </summary>
internal static class ActivitySetJson
{
    public static byte[] Write(IEnumerable<Activity> activities, long watermark)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                JsonSerializer.Serialize(writer, activity, SchemaJsonContext.Default.Activity);
            }

            writer.WriteEndArray();

            // A string: clients treat the watermark as opaque, and DirectLineJS ignores one that is not truthy.
            writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
