using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TriageBot.Schema;

namespace TriageBot.Runtime.State;

/// <summary>
/// One state document for the turn (conversation, user, or user-in-conversation): named properties holding typed
/// records as plain JSON. Loaded once at the start of the turn; written once at its end, and only if it changed.
/// </summary>
/// <remarks>
/// The document stays UTF-8 JSON: each property is a slice of the loaded document until it is set, and a set
/// property is its serialized value. Reading a property deserializes only that slice; saving writes the slices side
/// by side. No DOM is built (a <c>JsonObject</c> per turn was most of the state's cost; deployment/bench/README.md).
/// </remarks>
public sealed class StateScope
{
    private static readonly byte[] EmptyDocument = "{}"u8.ToArray();
    private static readonly byte[] JsonNull = "null"u8.ToArray();

    private readonly List<KeyValuePair<string, ReadOnlyMemory<byte>>> _properties = [];
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private ReadOnlyMemory<byte> _loaded;
    private string? _savedJson;

    internal StateScope(string key, StoredState? stored)
    {
        Key = key;
        Load(stored);
    }

    public string Key { get; }

    /// <summary>The eTag the document was read with; null when it does not exist yet.</summary>
    public string? ETag { get; private set; }

    public T? Get<T>(string name, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return TryGetJson(name, out var json) && !json.Span.SequenceEqual(JsonNull)
            ? JsonSerializer.Deserialize(json.Span, type)
            : default;
    }

    public void Set<T>(string name, T value, JsonTypeInfo<T> type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        Put(name, JsonSerializer.SerializeToUtf8Bytes(value, type));
        _changed.Add(name);
    }

    public void Remove(string name)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _properties.RemoveAt(index);
            _changed.Add(name);
        }
    }

    /// <summary>Forgets everything in this scope (the document is written back empty).</summary>
    public void Clear()
    {
        foreach (var property in _properties)
        {
            _changed.Add(property.Key);
        }

        _properties.Clear();
    }

    /// <summary>True once <see cref="Delete"/> was called: the document is removed at the end of the turn.</summary>
    public bool IsDeleted { get; private set; }

    /// <summary>Removes the whole document when the turn is saved ("delete my data").</summary>
    public void Delete()
    {
        Clear();
        IsDeleted = true;
    }

    /// <summary>A property's JSON as stored (or as last set), without deserializing it.</summary>
    internal bool TryGetJson(string name, out ReadOnlyMemory<byte> json)
    {
        var index = IndexOf(name);
        json = index >= 0 ? _properties[index].Value : default;
        return index >= 0;
    }

    /// <summary>The JSON to write, or null when nothing changed since the read.</summary>
    internal string? PendingJson()
    {
        if (_changed.Count == 0)
        {
            return null;
        }

        if (_savedJson is not null)
        {
            _loaded = Encoding.UTF8.GetBytes(_savedJson);
            _savedJson = null;
        }

        using var buffer = new PooledBufferWriter(_loaded.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _properties)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(value.Span, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        if (buffer.Written.Span.SequenceEqual(_loaded.Span))
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer.Written.Span);
    }

    internal void Saved(string json, string eTag)
    {
        // The written document is what a later comparison starts from; it is encoded only if one happens.
        _loaded = default;
        _savedJson = json;
        ETag = eTag;
        _changed.Clear();
    }

    /// <summary>
    /// After a conflict on a secondary document: take the fresh copy and re-apply only the properties this turn
    /// changed, so another conversation's changes to other properties are kept.
    /// </summary>
    internal void Rebase(StoredState? fresh)
    {
        var mine = _properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Load(fresh);
        foreach (var name in _changed)
        {
            if (mine.TryGetValue(name, out var value))
            {
                Put(name, value);
            }
            else
            {
                Remove(name);
            }
        }
    }

    private void Load(StoredState? stored)
    {
        ETag = stored?.ETag;
        _loaded = stored is null ? EmptyDocument : Encoding.UTF8.GetBytes(stored.Json);
        _savedJson = null;
        _properties.Clear();
        var reader = new Utf8JsonReader(_loaded.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Only an object holds properties; anything else reads as empty, as it always has.
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            Put(name, _loaded[start..(int)reader.BytesConsumed]);
        }
    }

    private void Put(string name, ReadOnlyMemory<byte> json)
    {
        var index = IndexOf(name);
        var property = KeyValuePair.Create(name, json);
        if (index >= 0)
        {
            _properties[index] = property;
        }
        else
        {
            _properties.Add(property);
        }
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _properties.Count; i++)
        {
            if (string.Equals(_properties[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
