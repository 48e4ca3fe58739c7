using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace TriageBot.Runtime.State;

/// <summary>
/// One state document for the turn (conversation, user, or user-in-conversation): named properties holding typed
/// records as plain JSON. Loaded once at the start of the turn; written once at its end, and only if it changed.
/// </summary>
public sealed class StateScope
{
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private JsonObject _document;
    private string _loadedJson;

    internal StateScope(string key, StoredState? stored)
    {
        Key = key;
        ETag = stored?.ETag;
        _loadedJson = stored?.Json ?? "{}";
        _document = JsonNode.Parse(_loadedJson) as JsonObject ?? [];
    }

    public string Key { get; }

    /// <summary>The eTag the document was read with; null when it does not exist yet.</summary>
    public string? ETag { get; private set; }

    public T? Get<T>(string name, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _document[name] is { } node ? node.Deserialize(type) : default;
    }

    public void Set<T>(string name, T value, JsonTypeInfo<T> type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _document[name] = JsonSerializer.SerializeToNode(value, type);
        _changed.Add(name);
    }

    public void Remove(string name)
    {
        if (_document.Remove(name))
        {
            _changed.Add(name);
        }
    }

    /// <summary>Forgets everything in this scope (the document is written back empty).</summary>
    public void Clear()
    {
        foreach (var name in _document.Select(p => p.Key).ToList())
        {
            Remove(name);
        }
    }

    /// <summary>True once <see cref="Delete"/> was called: the document is removed at the end of the turn.</summary>
    public bool IsDeleted { get; private set; }

    /// <summary>Removes the whole document when the turn is saved ("delete my data").</summary>
    public void Delete()
    {
        Clear();
        IsDeleted = true;
    }

    /// <summary>The JSON to write, or null when nothing changed since the read.</summary>
    internal string? PendingJson()
    {
        var json = _document.ToJsonString();
        return json == _loadedJson ? null : json;
    }

    internal void Saved(string json, string eTag)
    {
        _loadedJson = json;
        ETag = eTag;
        _changed.Clear();
    }

    /// <summary>
    /// After a conflict on a secondary document: take the fresh copy and re-apply only the properties this turn
    /// changed, so another conversation's changes to other properties are kept.
    /// </summary>
    internal void Rebase(StoredState? fresh)
    {
        var mine = _document;
        _loadedJson = fresh?.Json ?? "{}";
        ETag = fresh?.ETag;
        _document = JsonNode.Parse(_loadedJson) as JsonObject ?? [];
        foreach (var name in _changed)
        {
            if (mine[name] is { } node)
            {
                _document[name] = node.DeepClone();
            }
            else
            {
                _document.Remove(name);
            }
        }
    }
}
