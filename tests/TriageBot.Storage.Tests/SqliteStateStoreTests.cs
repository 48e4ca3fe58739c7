using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

/// <summary>The contract on one temporary SQLite file for the class; SQLite-only behaviour is in the partial files.</summary>
public sealed partial class SqliteStateStoreTests(SqliteFileFixture fixture) : StateStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override IStateStore Store => fixture.Store;
}
