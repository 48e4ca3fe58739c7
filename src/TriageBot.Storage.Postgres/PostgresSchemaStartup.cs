using Microsoft.Extensions.Hosting;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Makes the schema ready while the host starts, so a database that cannot be reached (or is newer than this build)
/// stops the instance at startup rather than failing the first patient's turn.
/// </summary>
internal sealed class PostgresSchemaStartup(PostgresDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureReadyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
