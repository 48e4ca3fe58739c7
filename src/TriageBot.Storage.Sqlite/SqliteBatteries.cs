namespace TriageBot.Storage.Sqlite;

/// <summary>Loads the bundled native SQLite exactly once per process, before the first connection opens.</summary>
internal static class SqliteBatteries
{
    // The runtime runs a static constructor once, thread-safely, on first use: exactly the guarantee Init needs.
#pragma warning disable CA1810 // The constructor calls a method; there are no fields to initialize inline.
    static SqliteBatteries() => SQLitePCL.Batteries_V2.Init();
#pragma warning restore CA1810

    public static void EnsureInitialized()
    {
        // Touching the type is enough: the static constructor has run by the time this body executes.
    }
}
