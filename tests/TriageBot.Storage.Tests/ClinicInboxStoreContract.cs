using TriageBot.Runtime.ClinicInbox;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>What every clinic inbox store must do (<see cref="IClinicInboxStore"/>); one subclass per provider.</summary>
public abstract class ClinicInboxStoreContract
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>An exact time with ticks below the millisecond, to show times read back equal to what was stored.</summary>
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567);

    /// <summary>A store of its own, empty.</summary>
    protected abstract Task<IClinicInboxStore> OpenAsync();

    [Fact]
    public async Task APostedCard_IsFoundByItsKeyAndByItsReference_AndARepeatedRecordKeepsTheFirst()
    {
        var inbox = await OpenAsync();
        var post = new ClinicPost("TB-POST0001:clinic-inbox", "TB-POST0001", "https://smba.example/emea/", "19:channel;messageid=1", "activity-1", At);

        await inbox.RecordPostAsync(post, Ct);
        await inbox.RecordPostAsync(post with { ActivityId = "activity-2", PostedUtc = At.AddMinutes(1) }, Ct);

        Assert.Equal(post, await inbox.FindPostAsync(post.IdempotencyKey, Ct));
        Assert.Equal(post, await inbox.FindPostByReferenceAsync("TB-POST0001", Ct));
        Assert.Null(await inbox.FindPostAsync("TB-NOPE:clinic-inbox", Ct));
        Assert.Null(await inbox.FindPostByReferenceAsync("TB-NOPE", Ct));
    }

    [Fact]
    public async Task TheAuditTrail_IsOneReferralsActions_OldestFirst_WithOrWithoutAName()
    {
        var inbox = await OpenAsync();
        ClinicAuditEntry[] trail =
        [
            new("TB-AUDIT001", ClinicActions.Posted, "bot", null, At),
            new("TB-AUDIT001", ClinicActions.Claim, "staff-1", "Sam Staff", At.AddMinutes(1)),
            new("TB-AUDIT001", ClinicActions.MarkContacted, "staff-1", "Sam Staff", At.AddMinutes(2)),
        ];
        await inbox.AppendAuditAsync(trail[0], Ct);
        await inbox.AppendAuditAsync(new ClinicAuditEntry("TB-AUDIT002", ClinicActions.Claim, "staff-2", null, At), Ct);
        await inbox.AppendAuditAsync(trail[1], Ct);
        await inbox.AppendAuditAsync(trail[2], Ct);

        Assert.Equal(trail, await inbox.ListAuditAsync("TB-AUDIT001", Ct));
        Assert.Empty(await inbox.ListAuditAsync("TB-NOPE", Ct));
    }

    [Fact]
    public async Task Notes_AreOneReferralsNotes_OldestFirst_StillEncrypted()
    {
        var inbox = await OpenAsync();
        ClinicNote[] notes =
        [
            new("TB-NOTES001", "staff-1", "Sam Staff", At, "CfDJ8-first"),
            new("TB-NOTES001", "staff-2", null, At.AddMinutes(5), "CfDJ8-second"),
        ];
        await inbox.AddNoteAsync(notes[0], Ct);
        await inbox.AddNoteAsync(new ClinicNote("TB-NOTES002", "staff-1", "Sam Staff", At, "CfDJ8-other"), Ct);
        await inbox.AddNoteAsync(notes[1], Ct);

        Assert.Equal(notes, await inbox.ListNotesAsync("TB-NOTES001", Ct));
        Assert.Empty(await inbox.ListNotesAsync("TB-NOPE", Ct));
    }

    [Fact]
    public async Task TheClinicChannel_IsNoneUntilCaptured_AndACaptureReplacesTheLast()
    {
        var inbox = await OpenAsync();
        Assert.Null(await inbox.FindChannelAsync(Ct));
        var first = new ClinicChannelAddress("https://smba.example/emea/", "tenant-1", "19:team@thread.tacv2", "19:general@thread.tacv2");
        var moved = first with { ServiceUrl = "https://smba.example/amer/", ChannelId = "19:referrals@thread.tacv2" };

        await inbox.SaveChannelAsync(first, Ct);
        Assert.Equal(first, await inbox.FindChannelAsync(Ct));
        await inbox.SaveChannelAsync(moved, Ct);

        Assert.Equal(moved, await inbox.FindChannelAsync(Ct));
    }
}

public sealed class InMemoryClinicInboxStoreTests : ClinicInboxStoreContract
{
    protected override Task<IClinicInboxStore> OpenAsync() => Task.FromResult<IClinicInboxStore>(new InMemoryClinicInboxStore());
}

public sealed class SqliteClinicInboxStoreTests(SqliteFileFixture fixture) : ClinicInboxStoreContract, IClassFixture<SqliteFileFixture>, IAsyncDisposable
{
    private readonly List<SqliteStateStore> _opened = [];

    protected override Task<IClinicInboxStore> OpenAsync()
    {
        var database = new SqliteStateStore(fixture.NewDatabasePath());
        _opened.Add(database);
        return Task.FromResult<IClinicInboxStore>(new SqliteClinicInboxStore(database));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }
}
