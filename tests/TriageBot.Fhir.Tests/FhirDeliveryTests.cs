using Hl7.Fhir.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Referrals;
using TriageBot.Fhir.Tests.Support;
using TriageBot.Runtime.Referrals;
using TriageBot.Testing.Fhir;
using TriageBot.Testing.Identity;
using Task = System.Threading.Tasks.Task;

namespace TriageBot.Fhir.Tests;

/// <summary>
/// The FHIR destination as the outbox calls it, against a FHIR server on real Kestrel with its own token endpoint:
/// what the clinic's records hold afterwards, and how each way of failing reaches the outbox.
/// </summary>
public sealed class FhirDeliveryTests : IAsyncLifetime
{
    private FakeFhirServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _server = await FakeFhirServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DeliveredReferral_IsAtTheClinic_AsPatientServiceRequestAndAnswers_LinkedToEachOther()
    {
        await Destination().DeliverAsync(Delivery(Referrals.Record("urgent")), CancellationToken.None);

        var patient = Assert.Single(_server.Stored<Patient>());
        var request = Assert.Single(_server.Stored<ServiceRequest>());
        var response = Assert.Single(_server.Stored<QuestionnaireResponse>());
        Assert.Equal("TB-7K2M9QXA", request.Identifier.Single().Value);
        Assert.Equal(RequestPriority.Urgent, request.Priority);
        Assert.Equal($"Patient/{patient.Id}", request.Subject.Reference);
        Assert.Equal($"QuestionnaireResponse/{response.Id}", request.SupportingInfo.Single().Reference);
        Assert.Equal($"Patient/{patient.Id}", response.Subject?.Reference);
        Assert.Equal("Sam Jones", patient.Name.Single().Text);
    }

    [Fact]
    public async Task SameDeliveryTwice_AsAfterACrashBeforeTheOutboxRecordedIt_LeavesOneServiceRequest()
    {
        var destination = Destination();
        var referral = Referrals.Record("routine");

        await destination.DeliverAsync(Delivery(referral, attempt: 1), CancellationToken.None);
        await destination.DeliverAsync(Delivery(referral, attempt: 2), CancellationToken.None);

        Assert.Equal(2, _server.BundlesPosted);
        Assert.Single(_server.Stored<ServiceRequest>());
        Assert.Single(_server.Stored<Patient>());
        Assert.Single(_server.Stored<QuestionnaireResponse>());
    }

    [Fact]
    public async Task TwoReferrals_AreTwoServiceRequests_WithOneTokenBetweenThem()
    {
        var destination = Destination();

        await destination.DeliverAsync(Delivery(Referrals.Record("routine", reference: "TB-AAAA2222")), CancellationToken.None);
        await destination.DeliverAsync(Delivery(Referrals.Record("emergency", reference: "TB-BBBB3333")), CancellationToken.None);

        Assert.Equal(2, _server.Stored<ServiceRequest>().Count);
        Assert.Equal(1, _server.TokensIssued);
    }

    [Fact]
    public async Task Token_IsKeptWhileValid_AndRenewedInItsLastMinute()
    {
        var clock = new ManualTimeProvider();
        var destination = Destination(clock: clock);
        await destination.DeliverAsync(Delivery(Referrals.Record("routine", reference: "TB-AAAA2222")), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(58));
        await destination.DeliverAsync(Delivery(Referrals.Record("routine", reference: "TB-BBBB3333")), CancellationToken.None);
        var afterFiftyEightMinutes = _server.TokensIssued;
        clock.Advance(TimeSpan.FromSeconds(90));
        await destination.DeliverAsync(Delivery(Referrals.Record("routine", reference: "TB-CCCC4444")), CancellationToken.None);

        Assert.Equal((1, 2), (afterFiftyEightMinutes, _server.TokensIssued));
    }

    [Fact]
    public async Task TokenTheServerNoLongerAccepts_IsRenewedOnce_AndTheReferralDelivered()
    {
        var destination = Destination();
        await destination.DeliverAsync(Delivery(Referrals.Record("routine", reference: "TB-AAAA2222")), CancellationToken.None);
        _server.RevokeTokens();

        await destination.DeliverAsync(Delivery(Referrals.Record("routine", reference: "TB-BBBB3333")), CancellationToken.None);

        Assert.Equal(2, _server.TokensIssued);
        Assert.Equal(2, _server.Stored<ServiceRequest>().Count);
    }

    [Fact]
    public async Task ServerBusy_503WithRetryAfter_IsATransientFailure_ThatCarriesTheWait()
    {
        _server.FailNext(503, retryAfter: "7");

        var failure = await Assert.ThrowsAsync<ReferralDeliveryException>(() => Destination().DeliverAsync(Delivery(Referrals.Record("urgent")), CancellationToken.None));

        Assert.Equal(("fhir-503", TimeSpan.FromSeconds(7), false), (failure.Reason, failure.RetryAfter, failure.Permanent));
        Assert.Empty(_server.Stored<ServiceRequest>());
    }

    [Fact]
    public async Task TooManyRequests_429_IsTransient_AndTheNextAttemptDelivers()
    {
        var destination = Destination();
        _server.FailNext(429, retryAfter: "30");

        var failure = await Assert.ThrowsAsync<ReferralDeliveryException>(() => destination.DeliverAsync(Delivery(Referrals.Record("urgent")), CancellationToken.None));
        await destination.DeliverAsync(Delivery(Referrals.Record("urgent"), attempt: 2), CancellationToken.None);

        Assert.Equal(("fhir-429", TimeSpan.FromSeconds(30), false), (failure.Reason, failure.RetryAfter, failure.Permanent));
        Assert.Single(_server.Stored<ServiceRequest>());
    }

    [Fact]
    public async Task BundleRefused_422_IsPermanent_AndSaysNothingOfTheServersText()
    {
        _server.FailNext(422);

        var failure = await Assert.ThrowsAsync<ReferralDeliveryException>(() => Destination().DeliverAsync(Delivery(Referrals.Record("urgent")), CancellationToken.None));

        Assert.Equal(("fhir-rejected-422", true), (failure.Reason, failure.Permanent));
        Assert.DoesNotContain(FakeFhirServer.ServerOnlyDiagnostics, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongClientSecret_TheTokenEndpointRefuses_NoBundleIsSent_AndTheOutboxMayTryAgainLater()
    {
        var failure = await Assert.ThrowsAsync<ReferralDeliveryException>(() =>
            Destination(secret: "not-the-secret").DeliverAsync(Delivery(Referrals.Record("urgent")), CancellationToken.None));

        Assert.Equal(("fhir-token-refused", false), (failure.Reason, failure.Permanent));
        Assert.Equal(0, _server.BundlesPosted);
    }

    [Fact]
    public async Task ServerUnreachable_IsTransient()
    {
        var deadBase = _server.FhirBase;
        var tokens = _server.TokenEndpoint;
        await _server.DisposeAsync();
        _server = await FakeFhirServer.StartAsync();

        var failure = await Assert.ThrowsAsync<ReferralDeliveryException>(() =>
            Destination(baseUrl: deadBase, tokenEndpoint: tokens).DeliverAsync(Delivery(Referrals.Record("urgent")), CancellationToken.None));

        Assert.Equal(("fhir-token-unreachable", false), (failure.Reason, failure.Permanent));
    }

    [Fact]
    public async Task TheFakeServer_RefusesABundleThatBreaksTheCoreProfiles_With422AndAnOperationOutcome()
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = FakeFhirServer.ClientId,
            ["client_secret"] = FakeFhirServer.ClientSecret,
        });
        using var tokenResponse = await http.PostAsync(_server.TokenEndpoint, form);
        var token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        var bundle = TestBundles.For(Referrals.Record("urgent"));
        bundle.Single<Patient>().Telecom.Single().System = null; // breaks invariant cpt-2: a contact value needs its system
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.FhirBase)
        {
            Content = new StringContent(FhirJson.Serialize(bundle), System.Text.Encoding.UTF8, FhirJson.MediaType),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.NotNull(FhirJson.Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync()));
        Assert.Empty(_server.Stored<ServiceRequest>());
    }

    private static ReferralDelivery Delivery(ReferralRecord referral, int attempt = 1) =>
        new(referral, "fhir", ReferralDelivery.KeyFor(referral.Reference, "fhir"), attempt);

    private IReferralDestination Destination(string secret = FakeFhirServer.ClientSecret, Uri? baseUrl = null, Uri? tokenEndpoint = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Referrals:Fhir:BaseUrl"] = (baseUrl ?? _server.FhirBase).ToString(),
            ["Referrals:Fhir:TokenEndpoint"] = (tokenEndpoint ?? _server.TokenEndpoint).ToString(),
            ["Referrals:Fhir:ClientId"] = FakeFhirServer.ClientId,
            ["Referrals:Fhir:ClientSecret"] = secret,
            ["Referrals:Fhir:Scope"] = "system/*.write",

            // The fake server validates each Bundle with Firely; on a busy machine that can be slow.
            ["Referrals:Fhir:Timeout"] = "00:05:00",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(Referrals.Content)
            .AddSingleton<IReferralProtector, TestProtector>()
            .AddSingleton(clock ?? TimeProvider.System)
            .AddFhirReferrals(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
        var destination = Assert.Single(_services.GetServices<IReferralDestination>());
        Assert.Equal("fhir", destination.Name);
        return destination;
    }
}
