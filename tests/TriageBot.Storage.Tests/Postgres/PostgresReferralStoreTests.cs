using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>The referral contract on a real PostgreSQL database (its own, so listing sees only this class's rows).</summary>
public sealed class PostgresReferralStoreTests(PostgresFixture fixture) : ReferralStoreContract, IClassFixture<PostgresFixture>
{
    protected override IReferralStore Store { get; } = new PostgresReferralStore(fixture.Database);

    [Fact]
    public Task DeleteBySubject_AlsoDeletesStaffNotesOnThosePersonsReferrals_AndKeepsOthersNotes() =>
        AssertDeletingAPersonDeletesTheStaffNotesOnTheirReferralsOnlyAsync(Store, new PostgresClinicInboxStore(fixture.Database));

    [Fact]
    public async Task CreatedTime_RoundTripsToTheTick()
    {
        var created = new DateTimeOffset(2026, 12, 7, 15, 48, 32, TimeSpan.Zero).AddTicks(1234567);
        var referral = new ReferralRecord("TB-TICKS001", "subject-ticks", created, "v", "routine", "{}", "protected");

        await Store.AddAsync(referral, CancellationToken.None);

        Assert.Equal(created, (await Store.FindAsync("TB-TICKS001", CancellationToken.None))!.CreatedUtc);
    }
}
