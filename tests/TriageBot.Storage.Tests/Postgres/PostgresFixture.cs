using TriageBot.Storage.Postgres;
using TriageBot.Testing.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for one test class, with one database and its stores ready; tests that need a
/// database of their own (a schema race, a second "instance") ask <see cref="Cluster"/> for a new one.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public PostgresDatabase Database { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.StartAsync();
        ConnectionString = await Cluster.CreateDatabaseAsync();
        Database = new PostgresDatabase(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
