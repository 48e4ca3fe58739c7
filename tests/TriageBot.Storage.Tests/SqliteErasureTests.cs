using System.Text;
using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>
/// What is deleted is gone from the disk too: after "delete my data" or the retention purge, neither the database
/// file nor its WAL still holds the words, and the files are the owner's alone.
/// </summary>
public sealed class SqliteErasureTests : IDisposable
{
    private const string Words = "my bladder has felt odd since tuesday";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triagebot-storage-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "state.db");

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task DeletedState_LeavesNoCopyOfTheWordsInTheFileOrItsWal()
    {
        await using var store = new SqliteStateStore(DatabasePath);
        await store.WriteAsync("webchat/conversations/erase-me", $$"""{"painText":"{{Words}}"}""", null, Ct);
        await store.WriteAsync("webchat/conversations/someone-else", """{"step":3}""", null, Ct);

        Assert.True(await store.DeleteAsync("webchat/conversations/erase-me", Ct));

        Assert.False(FilesContain(Words), "the deleted words are still readable on disk");
        Assert.NotNull(await store.ReadAsync("webchat/conversations/someone-else", Ct));
    }

    [Fact]
    public async Task PurgedState_LeavesNoCopyOfTheWordsInTheFileOrItsWal()
    {
        await using var store = new SqliteStateStore(DatabasePath);
        await store.WriteAsync("webchat/conversations/old", $$"""{"painText":"{{Words}}"}""", null, Ct);

        Assert.Equal(1, await store.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct));

        Assert.False(FilesContain(Words), "the purged words are still readable on disk");
    }

    [Fact]
    public async Task DeletedReferral_LeavesNoCopyOfItsSummaryInTheFileOrItsWal()
    {
        await using var store = new SqliteStateStore(DatabasePath);
        var referrals = new SqliteReferralStore(store);
        await referrals.AddAsync(new ReferralRecord("TB-ERASE234", "subject-1", DateTimeOffset.UtcNow, "v1", "urgent", $$"""{"pain":"{{Words}}"}""", "CfDJ8-protected"), Ct);

        Assert.Equal(1, await referrals.DeleteBySubjectAsync("subject-1", Ct));

        Assert.False(FilesContain(Words), "the deleted referral's words are still readable on disk");
    }

    [Fact]
    public async Task NewDatabase_AndItsWal_AreReadableByTheOwnerOnly()
    {
        await using var store = new SqliteStateStore(DatabasePath);
        await store.WriteAsync("webchat/conversations/c1", "{}", null, Ct);

        // Unix file modes: this service runs on Linux (Windows has ACLs, not modes).
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabasePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabasePath + "-wal"));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private bool FilesContain(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return new[] { DatabasePath, DatabasePath + "-wal" }
            .Where(File.Exists)
            .Any(path => ReadShared(path).AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>The bytes as on disk now, read while SQLite still has the file open.</summary>
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
