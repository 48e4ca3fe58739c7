using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Schema;

/// <summary>
/// Writes <c>timestamp</c> and <c>expiration</c> as UTC with a <c>Z</c>, as channels do; System.Text.Json on its
/// own would write <c>+00:00</c>. Reading accepts any ISO-8601 offset.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
