using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// A waterfall's persisted frame: the step running or waiting, a per-run id, its typed values and begin options.
/// Stored as <c>{"step","instanceId","values","options"}</c>; the values are written with the waterfall's own
/// source-generated type, so they stay typed for the whole turn.
/// </summary>
internal sealed class WaterfallFrame<TState>(string? step, string? instanceId, TState? values, JsonElement? options)
    where TState : class
{
    public string? Step { get; set; } = step;

    public string? InstanceId { get; } = instanceId;

    public TState? Values { get; set; } = values;

    public JsonElement? Options { get; } = options;

    /// <summary>The frame's JSON contract for a waterfall whose values are <paramref name="stateType"/>.</summary>
    public static JsonTypeInfo<WaterfallFrame<TState>> JsonType(JsonTypeInfo<TState> stateType) =>
        JsonMetadataServices.CreateValueInfo<WaterfallFrame<TState>>(RuntimeJsonContext.Default.Options, new Converter(stateType));

    private sealed class Converter(JsonTypeInfo<TState> stateType) : JsonConverter<WaterfallFrame<TState>>
    {
        public override WaterfallFrame<TState> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected a waterfall frame object, found {reader.TokenType}.");
            }

            string? step = null, instanceId = null;
            TState? values = null;
            JsonElement? begin = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Property.Of(ref reader);
                reader.Read();
                switch (name)
                {
                    case Property.Step:
                        step = reader.GetString();
                        break;
                    case Property.InstanceId:
                        instanceId = reader.GetString();
                        break;
                    case Property.Values:
                        values = JsonSerializer.Deserialize(ref reader, stateType);
                        break;
                    case Property.Options:
                        begin = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return new WaterfallFrame<TState>(step, instanceId, values, begin);
        }

        public override void Write(Utf8JsonWriter writer, WaterfallFrame<TState> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            if (value.Step is not null)
            {
                writer.WriteString("step"u8, value.Step);
            }

            if (value.InstanceId is not null)
            {
                writer.WriteString("instanceId"u8, value.InstanceId);
            }

            writer.WritePropertyName("values"u8);
            JsonSerializer.Serialize(writer, value.Values!, stateType);
            if (value.Options is { } begin)
            {
                writer.WritePropertyName("options"u8);
                begin.WriteTo(writer);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>The frame's properties, matched as the serializer's web defaults would (camelCase, or as declared).</summary>
    private static class Property
    {
        public const int Other = 0;
        public const int Step = 1;
        public const int InstanceId = 2;
        public const int Values = 3;
        public const int Options = 4;

        public static int Of(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("step"u8) || reader.ValueTextEquals("Step"u8) ? Step
            : reader.ValueTextEquals("instanceId"u8) || reader.ValueTextEquals("InstanceId"u8) ? InstanceId
            : reader.ValueTextEquals("values"u8) || reader.ValueTextEquals("Values"u8) ? Values
            : reader.ValueTextEquals("options"u8) || reader.ValueTextEquals("Options"u8) ? Options
            : Other;
    }
}
