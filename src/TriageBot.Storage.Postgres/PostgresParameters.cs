using Npgsql;

namespace TriageBot.Storage.Postgres;

/// <summary>Typed positional parameters (<c>$1</c>, <c>$2</c>, …), added in the order the statement numbers them.</summary>
internal static class PostgresParameters
{
    public static NpgsqlCommand WithText(this NpgsqlCommand command, string? value)
    {
        command.Parameters.Add(value is null
            ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text }
            : new NpgsqlParameter<string> { TypedValue = value });
        return command;
    }

    public static NpgsqlCommand WithLong(this NpgsqlCommand command, long value)
    {
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        return command;
    }

    public static NpgsqlCommand WithInt(this NpgsqlCommand command, int value)
    {
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = value });
        return command;
    }

    public static NpgsqlCommand WithInterval(this NpgsqlCommand command, TimeSpan value)
    {
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = value });
        return command;
    }

    /// <summary>An exact UTC time as ticks (a <c>bigint</c>): reads back equal to what was stored.</summary>
    public static NpgsqlCommand WithTicks(this NpgsqlCommand command, DateTimeOffset value) => command.WithLong(value.UtcTicks);

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Every row of <paramref name="command"/>'s result, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
