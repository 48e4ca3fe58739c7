using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// One frame of the persisted dialog stack: which dialog, which version of it wrote the frame, and the dialog's own
/// state as plain JSON (a waterfall keeps its step name and typed values there). No CLR type names, no object bags,
/// so a stack written by one process resumes in another.
/// </summary>
/// <remarks>
/// Within a turn the state is held as the dialog last read or wrote it: the UTF-8 JSON the frame was loaded with
/// (a slice of the stored document, never copied), or the typed value of <see cref="GetState{T}(JsonTypeInfo{T})"/> and
/// <see cref="SetState{T}"/>. It is turned into JSON once, when the stack is saved at the end of the turn, instead of
/// a round trip through <see cref="JsonElement"/> at every step (measured: a third of a turn's dialog work;
/// deployment/bench/README.md). <see cref="State"/> still reads and writes the frame as a <see cref="JsonElement"/>.
/// </remarks>
[JsonConverter(typeof(DialogInstanceConverter))]
public sealed class DialogInstance
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private ReadOnlyMemory<byte> _json = EmptyObject;
    private object? _value;
    private JsonTypeInfo? _valueType;
    private Action<Utf8JsonWriter, object?>? _write;

    public required string Id { get; init; }

    public required int Version { get; init; }

    /// <summary>The frame's state as JSON; an empty object for a frame that was just pushed.</summary>
    public JsonElement State
    {
        get => _value is JsonElement element ? element : JsonElement.Parse(Json().Span);
        set
        {
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                SetJson(EmptyObject);
            }
            else
            {
                SetState(value, RuntimeJsonContext.Default.JsonElement);
            }
        }
    }

    /// <summary>
    /// The state as <typeparamref name="T"/>; default when it is JSON <c>null</c>. The value is kept: later reads in
    /// the same turn return the same instance, so treat it as read-only and store changes with <see cref="SetState{T}"/>.
    /// </summary>
    /// <exception cref="JsonException">The stored state does not fit <typeparamref name="T"/>.</exception>
    public T? GetState<T>(JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (ReferenceEquals(_valueType, type))
        {
            return (T?)_value;
        }

        var json = Json();
        var value = JsonSerializer.Deserialize(json.Span, type);
        _json = json;
        _value = value;
        _valueType = type;
        _write = null;
        return value;
    }

    /// <summary>
    /// The state as <typeparamref name="T"/>, read from the frame's JSON by <paramref name="read"/> (for states that
    /// hold frames of their own, which are best sliced rather than deserialized) and kept as <see cref="GetState{T}(JsonTypeInfo{T})"/> does.
    /// </summary>
    internal T GetState<T>(JsonTypeInfo<T> type, Func<ReadOnlyMemory<byte>, T> read)
    {
        if (ReferenceEquals(_valueType, type))
        {
            return (T)_value!;
        }

        var json = Json();
        var value = read(json);
        _json = json;
        _value = value;
        _valueType = type;
        _write = null;
        return value;
    }

    /// <summary>Replaces the state; it is written as JSON when the stack is saved.</summary>
    public void SetState<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _value = value;
        _valueType = type;
        _write = null;
    }

    /// <summary>
    /// Replaces the state with a value that <paramref name="write"/> writes exactly as <paramref name="type"/> would
    /// (a prompt writes its options from bytes it made once); <see cref="GetState{T}(JsonTypeInfo{T})"/> with
    /// <paramref name="type"/> still returns the value.
    /// </summary>
    internal void SetStateWrittenBy<T>(T value, JsonTypeInfo<T> type, Action<Utf8JsonWriter, object?> write)
    {
        SetState(value, type);
        _write = write;
    }

    /// <summary>Sets the state from JSON already serialized (a slice of the stored document).</summary>
    internal void SetJson(ReadOnlyMemory<byte> json)
    {
        _json = json;
        _value = null;
        _valueType = null;
        _write = null;
    }

    /// <summary>Writes the state as it stands: the typed value if one was read or set, else the JSON as loaded.</summary>
    internal void WriteStateTo(Utf8JsonWriter writer)
    {
        if (_write is not null)
        {
            _write(writer, _value);
        }
        else if (_valueType is not null)
        {
            JsonSerializer.Serialize(writer, _value, _valueType);
        }
        else
        {
            writer.WriteRawValue(_json.Span, skipInputValidation: true);
        }
    }

    /// <summary>The state as UTF-8 JSON, serializing a typed value when there is one.</summary>
    private ReadOnlyMemory<byte> Json()
    {
        if (_valueType is null)
        {
            return _json;
        }

        if (_write is null)
        {
            return JsonSerializer.SerializeToUtf8Bytes(_value, _valueType);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _write(writer, _value);
        }

        return buffer.WrittenMemory;
    }
}
