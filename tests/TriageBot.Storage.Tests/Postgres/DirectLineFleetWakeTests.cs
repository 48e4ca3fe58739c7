using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using TriageBot.Storage.Postgres;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// Two hosts in this process on one database: what the wakes (LISTEN/NOTIFY) and the fleet's retention lease do
/// when something goes wrong or runs on both instances at once.
/// </summary>
public sealed class DirectLineFleetWakeTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AfterItsListeningConnectionIsCut_AnInstanceListensAgain_AndItsStreamGetsWhatItsWakeMissed()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        await using var a = await DirectLineHost.StartAsync(PostgresDirectLineLogTests.Settings(connectionString));
        using var cancel = new CancellationTokenSource(Patience);
        await WaitForAsync(() => a.Logs.WithEvent("PostgresListening").Any(), "instance A to listen", cancel.Token);
        var conversation = await a.Client.StartWithTokenAsync();
        var log = await a.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, cancel.Token);
        await socket.ReceiveActivitiesAsync(log.Activities.Count, cancel.Token);

        // An activity stored with no wake at all (as if its NOTIFY came while the listener was down), then the cut.
        var missed = await AppendWithoutWakeAsync(connectionString, conversation.ConversationId, "stored while nobody listened");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(cancel.Token);
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %';", admin);
            Assert.Equal(1L, await cut.ExecuteScalarAsync(cancel.Token));
        }

        var received = await socket.ReceiveUntilAsync(x => x.Id == missed, cancel.Token);

        Assert.Equal(missed, Assert.Single(received).Id);
        Assert.NotEmpty(a.Logs.WithEvent("PostgresListenLost"));
        Assert.Equal(2, a.Logs.WithEvent("PostgresListening").Count());
    }

    [Fact]
    public async Task TheSharedLogsRetentionPurge_RunsOnOneInstanceOfTheFleet()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        var settings = PostgresDirectLineLogTests.Settings(connectionString);
        settings["Channels:DirectLine:PurgeInterval"] = "00:00:00.300";
        settings["Logging:LogLevel:TriageBot.Channels.DirectLine"] = "Debug";
        await using var a = await DirectLineHost.StartAsync(settings);
        await using var b = await DirectLineHost.StartAsync(settings);
        var conversation = await a.Client.StartWithTokenAsync();
        await a.Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hi", "retention-1"));

        // Idle for two days, as far as the database's clock is concerned (Retention is one day).
        await ExecuteAsync(connectionString, $"UPDATE directline_conversations SET last_activity = now() - interval '2 days';");
        using var cancel = new CancellationTokenSource(Patience);
        int Skips() => a.Logs.WithEvent("DirectLineSharedPurgeSkipped").Concat(b.Logs.WithEvent("DirectLineSharedPurgeSkipped")).Count();
        await WaitForAsync(() => a.Logs.WithEvent("DirectLinePurged").Concat(b.Logs.WithEvent("DirectLinePurged")).Any(), "the purge", cancel.Token);
        var skipsThen = Skips();
        await WaitForAsync(() => Skips() >= skipsThen + 3, "the other instance to defer to the lease holder, three more times", cancel.Token);

        var purges = a.Logs.WithEvent("DirectLinePurged").Concat(b.Logs.WithEvent("DirectLinePurged")).ToList();
        Assert.Contains("Conversations=1", Assert.Single(purges).Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM directline_activities;"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.StartAsync(conversation.Token)).Status);
    }

    /// <summary>Stores a bot message straight into the shared log, without the NOTIFY an append sends; returns its id.</summary>
    private static async Task<string> AppendWithoutWakeAsync(string connectionString, string conversationId, string text)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var bump = new NpgsqlCommand(
            "UPDATE directline_conversations SET last_seq = last_seq + 1, last_ts = clock_timestamp() WHERE id = $1 RETURNING last_seq, last_ts;", connection, transaction);
        bump.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        long sequence;
        DateTimeOffset timestamp;
        await using (var reader = await bump.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "The conversation must be in the shared log.");
            (sequence, timestamp) = (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");
        var json = $$"""{"type":"message","id":"{{id}}","timestamp":"{{timestamp:O}}","from":{"id":"triagebot","role":"bot"},"text":"{{text}}"}""";
        await using var insert = new NpgsqlCommand("INSERT INTO directline_activities (conversation_id, seq, ts, json) VALUES ($1, $2, $3, $4);", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timestamp });
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Encoding.UTF8.GetBytes(json) });
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return id;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var database = new PostgresDatabase(connectionString);
        await database.ExecuteAsync(sql, _ => { }, CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            Assert.False(cancellationToken.IsCancellationRequested, $"Timed out waiting for {what}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
