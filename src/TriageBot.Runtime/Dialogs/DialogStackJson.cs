using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// Reads a persisted dialog stack (<c>[{"id","version","state"}, ...]</c>) straight from the stored UTF-8 document:
/// each frame's state stays a slice of that document until its dialog asks for it, so a nested stack is parsed
/// once per turn instead of once per level, and an untouched frame is written back as it was read.
/// </summary>
internal static class DialogStackJson
{
    /// <summary>The frames of a stack array (JSON <c>null</c> is an empty stack).</summary>
    /// <exception cref="JsonException">The JSON is not a stack of frames.</exception>
    public static List<DialogInstance> Read(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        reader.Read();
        return ReadFrames(json, ref reader);
    }

    /// <summary>True when the stack array has at least one frame, without reading the frames.</summary>
    public static bool HasFrames(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        return reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>The inner stack of a component's state (<c>{"dialogs":[...]}</c>); empty when it has none.</summary>
    public static List<DialogInstance> ReadComponentStack(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return [];
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDialogs = reader.ValueTextEquals("dialogs"u8) || reader.ValueTextEquals("Dialogs"u8);
            reader.Read();
            if (isDialogs)
            {
                return ReadFrames(json, ref reader);
            }

            reader.Skip();
        }

        return [];
    }

    /// <summary>Reads the frames of the array the reader stands on.</summary>
    private static List<DialogInstance> ReadFrames(ReadOnlyMemory<byte> json, ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var frames = new List<DialogInstance>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            frames.Add(ReadFrame(json, ref reader));
        }

        return frames;
    }

    /// <summary>
    /// Reads the frame the reader stands on. Its state is a slice of <paramref name="json"/> (the reader's whole
    /// input), or a copy when the input is not at hand (empty: the reader belongs to the serializer).
    /// </summary>
    internal static DialogInstance ReadFrame(ReadOnlyMemory<byte> json, ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null;
        int? version = null;
        ReadOnlyMemory<byte>? state = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = FrameProperty.Of(ref reader);
            reader.Read();
            switch (property)
            {
                case FrameProperty.Id:
                    id = reader.GetString();
                    break;
                case FrameProperty.Version:
                    version = reader.GetInt32();
                    break;
                case FrameProperty.State:
                    state = json.IsEmpty ? Copy(ref reader) : Slice(json, ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var frame = new DialogInstance
        {
            Id = id ?? throw new JsonException("A dialog frame has no 'id'."),
            Version = version ?? throw new JsonException("A dialog frame has no 'version'."),
        };
        if (state is { } stateJson)
        {
            frame.SetJson(stateJson);
        }

        return frame;
    }

    private static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> json, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    private static byte[] Copy(ref Utf8JsonReader reader)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            using var value = JsonDocument.ParseValue(ref reader);
            value.RootElement.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} in a dialog stack, found {reader.TokenType}.");
        }
    }

    /// <summary>The frame's properties, matched as the serializer's web defaults would (camelCase, or as declared).</summary>
    internal static class FrameProperty
    {
        public const int Other = 0;
        public const int Id = 1;
        public const int Version = 2;
        public const int State = 3;

        public static int Of(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("Id"u8) ? Id
            : reader.ValueTextEquals("version"u8) || reader.ValueTextEquals("Version"u8) ? Version
            : reader.ValueTextEquals("state"u8) || reader.ValueTextEquals("State"u8) ? State
            : Other;
    }
}

/// <summary>
/// Writes a frame with its state as it stands (typed, or the JSON it was loaded with). Reading through the serializer
/// (rare: the runtime reads stacks with <see cref="DialogStackJson"/>) copies the state out of the reader.
/// </summary>
internal sealed class DialogInstanceConverter : JsonConverter<DialogInstance>
{
    public override DialogInstance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DialogStackJson.ReadFrame(ReadOnlyMemory<byte>.Empty, ref reader);

    public override void Write(Utf8JsonWriter writer, DialogInstance value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("id"u8, value.Id);
        writer.WriteNumber("version"u8, value.Version);
        writer.WritePropertyName("state"u8);
        value.WriteStateTo(writer);
        writer.WriteEndObject();
    }
}
