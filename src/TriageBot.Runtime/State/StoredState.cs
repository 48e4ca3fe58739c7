namespace TriageBot.Runtime.State;

/// <summary>One stored document and the eTag to write it back with.</summary>
public sealed record StoredState(string Key, string Json, string ETag);
