using Microsoft.Extensions.Options;

namespace TriageBot.Storage.Sqlite;

/// <summary>The data folder must be a folder: a file in its place would fail later, on the first patient's answer.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        File.Exists(options.DataDirectory)
            ? ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:DataDirectory '{options.DataDirectory}' is a file, not a folder.")
            : ValidateOptionsResult.Success;
}

/// <summary>The database path must name a file, not a folder.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options) =>
        options.Path is not { Length: > 0 } path || Directory.Exists(path) || Path.EndsInDirectorySeparator(path)
            ? ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:Path '{options.Path}' must name a file, not a folder.")
            : ValidateOptionsResult.Success;
}
