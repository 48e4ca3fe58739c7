using Microsoft.Extensions.Options;
using Npgsql;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Where the PostgreSQL database is, bound from <c>Storage:Postgres</c>. The connection string may instead come from
/// <c>ConnectionStrings:TriageBot</c> (the usual place for a platform's secret injection); this section wins.
/// </summary>
public sealed class PostgresStorageOptions
{
    public const string SectionName = "Storage:Postgres";

    public const string ConnectionStringName = "TriageBot";

    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>
/// The connection string must be there and parse, and name a host. Messages never echo it: it holds a password.
/// </summary>
internal sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    private const string Missing =
        $"Storage:Provider is Postgres but neither {PostgresStorageOptions.SectionName}:ConnectionString nor ConnectionStrings:{PostgresStorageOptions.ConnectionStringName} is set.";

    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(Missing);
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("The PostgreSQL connection string does not parse (its text is not shown: it may hold a password).");
        }

        return string.IsNullOrWhiteSpace(parsed.Host)
            ? ValidateOptionsResult.Fail("The PostgreSQL connection string names no Host.")
            : ValidateOptionsResult.Success;
    }
}
