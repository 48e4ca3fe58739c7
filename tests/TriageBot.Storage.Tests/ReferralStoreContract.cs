using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>What every referral store must do; one subclass per provider.</summary>
public abstract class ReferralStoreContract
{
    protected abstract IReferralStore Store { get; }

    [Fact]
    public async Task Add_ThenFind_ReturnsTheSameReferral()
    {
        var referral = New("subject-a");

        await Store.AddAsync(referral, CancellationToken.None);

        Assert.Equal(referral, await Store.FindAsync(referral.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task Find_Unknown_IsNull() =>
        Assert.Null(await Store.FindAsync("TB-NOPE", CancellationToken.None));

    [Fact]
    public async Task DeleteBySubject_RemovesOnlyThatPersonsReferrals()
    {
        var mine1 = New("subject-me");
        var mine2 = New("subject-me");
        var theirs = New("subject-them");
        foreach (var r in new[] { mine1, mine2, theirs })
        {
            await Store.AddAsync(r, CancellationToken.None);
        }

        Assert.Equal(2, await Store.DeleteBySubjectAsync("subject-me", CancellationToken.None));
        Assert.Null(await Store.FindAsync(mine1.Reference, CancellationToken.None));
        Assert.NotNull(await Store.FindAsync(theirs.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task Add_TheSameReferralAgain_AsATurnReRunAfterAStateConflictDoes_KeepsTheFirstAndSucceeds()
    {
        var referral = New("subject-rerun");
        await Store.AddAsync(referral, CancellationToken.None);

        await Store.AddAsync(referral with { CreatedUtc = referral.CreatedUtc.AddSeconds(1) }, CancellationToken.None);

        Assert.Equal(referral, await Store.FindAsync(referral.Reference, CancellationToken.None));
        Assert.Equal(1, await Store.DeleteBySubjectAsync("subject-rerun", CancellationToken.None));
    }

    [Fact]
    public async Task Add_AReferenceAnotherPersonHas_IsRefusedAndTheirReferralStays()
    {
        var theirs = New("subject-collision");
        await Store.AddAsync(theirs, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(theirs with { SubjectHash = "subject-me" }, CancellationToken.None));

        Assert.Equal(theirs, await Store.FindAsync(theirs.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task ANewReferral_IsWaiting_ThenSeen_ThenContacted()
    {
        var referral = New("subject-status");
        await Store.AddAsync(referral, CancellationToken.None);
        Assert.Equal(ReferralStatuses.Waiting, (await Store.FindAsync(referral.Reference, CancellationToken.None))!.Status);

        Assert.True(await Store.SetStatusAsync(referral.Reference, ReferralStatuses.Seen, CancellationToken.None));
        Assert.Equal(ReferralStatuses.Seen, (await Store.FindAsync(referral.Reference, CancellationToken.None))!.Status);

        Assert.True(await Store.SetStatusAsync(referral.Reference, ReferralStatuses.Contacted, CancellationToken.None));
        Assert.Equal(ReferralStatuses.Contacted, (await Store.FindAsync(referral.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SetStatus_OfNoSuchReferral_IsFalse_AndAnUnknownStatusIsRefused()
    {
        Assert.False(await Store.SetStatusAsync("TB-NOPE", ReferralStatuses.Seen, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetStatusAsync("TB-NOPE", "lost", CancellationToken.None));
    }

    [Fact]
    public async Task ListOpen_IsNewestFirst_WithoutContactedOnes_APageAtATime()
    {
        var start = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var older = New("subject-list") with { CreatedUtc = start };
        var contacted = New("subject-list") with { CreatedUtc = start.AddMinutes(1) };
        var newer = New("subject-list") with { CreatedUtc = start.AddMinutes(2) };
        foreach (var r in new[] { older, contacted, newer })
        {
            await Store.AddAsync(r, CancellationToken.None);
        }

        await Store.SetStatusAsync(contacted.Reference, ReferralStatuses.Contacted, CancellationToken.None);

        var firstPage = await Store.ListOpenAsync(0, 1, CancellationToken.None);
        var secondPage = await Store.ListOpenAsync(1, 1, CancellationToken.None);
        Assert.Equal([newer.Reference], firstPage.Select(r => r.Reference));
        Assert.Equal([older.Reference], secondPage.Select(r => r.Reference));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListOpenAsync(0, 0, CancellationToken.None));
    }

    /// <summary>
    /// For a store whose clinic inbox shares its database: deleting a person's referrals deletes the staff notes on
    /// them (they may repeat what the person told the clinic), and nobody else's; the audit trail stays (who acted on
    /// which reference, when: nothing about the person).
    /// </summary>
    protected static async Task AssertDeletingAPersonDeletesTheStaffNotesOnTheirReferralsOnlyAsync(IReferralStore store, IClinicInboxStore inbox)
    {
        var mine = New("subject-notes");
        var theirs = New("subject-other");
        foreach (var referral in new[] { mine, theirs })
        {
            await store.AddAsync(referral, CancellationToken.None);
            await inbox.AddNoteAsync(new ClinicNote(referral.Reference, "staff-1", "Staff", DateTimeOffset.UnixEpoch, "CfDJ8-note"), CancellationToken.None);
            await inbox.AppendAuditAsync(new ClinicAuditEntry(referral.Reference, ClinicActions.AddNote, "staff-1", "Staff", DateTimeOffset.UnixEpoch), CancellationToken.None);
        }

        await store.DeleteBySubjectAsync("subject-notes", CancellationToken.None);

        Assert.Empty(await inbox.ListNotesAsync(mine.Reference, CancellationToken.None));
        Assert.Single(await inbox.ListNotesAsync(theirs.Reference, CancellationToken.None));
        Assert.Single(await inbox.ListAuditAsync(mine.Reference, CancellationToken.None));
    }

    private static ReferralRecord New(string subject) => new(
        $"TB-{Guid.NewGuid():N}"[..11].ToUpperInvariant(),
        subject,
        new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
        "2026.11.21",
        "routine",
        """{"location":"lower-back"}""",
        "CfDJ8-protected-bytes");
}

public sealed class InMemoryReferralStoreTests : ReferralStoreContract
{
    protected override IReferralStore Store { get; } = new InMemoryReferralStore();
}

public sealed class SqliteReferralStoreTests(SqliteFileFixture fixture) : ReferralStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override IReferralStore Store { get; } = new SqliteReferralStore(fixture.Store);

    [Fact]
    public Task DeleteBySubject_AlsoDeletesStaffNotesOnThosePersonsReferrals_AndKeepsOthersNotes() =>
        AssertDeletingAPersonDeletesTheStaffNotesOnTheirReferralsOnlyAsync(Store, new SqliteClinicInboxStore(fixture.Store));

    [Fact]
    public async Task Referral_SurvivesReopeningTheFile()
    {
        var path = fixture.NewDatabasePath();
        var referral = new ReferralRecord("TB-KEEP0001", "s", DateTimeOffset.UnixEpoch, "v", "urgent", "{}", "protected");
        await using (var first = new SqliteStateStore(path))
        {
            await new SqliteReferralStore(first).AddAsync(referral, CancellationToken.None);
        }

        await using var reopened = new SqliteStateStore(path);

        Assert.Equal(referral, await new SqliteReferralStore(reopened).FindAsync("TB-KEEP0001", CancellationToken.None));
    }
}
