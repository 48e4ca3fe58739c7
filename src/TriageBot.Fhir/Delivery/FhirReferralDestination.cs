using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Referrals;
using TriageBot.Fhir.Bundles;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Fhir.Delivery;

/// <summary>
/// Delivers a referral to the clinic's FHIR server: one transaction Bundle posted to the base URL with the bot's
/// bearer token. The outbox may deliver the same referral again (a crash after the server took it); every entry is
/// a conditional create on our reference (the delivery's idempotency key names the same referral), so the server
/// keeps one of each. A 401 fetches a new token and tries once more.
/// </summary>
/// <remarks>
/// Failures say why in a short code, never the server's text: 429 and 503 carry the server's Retry-After; 400, 404,
/// 409, 412 and 422 (the server refuses this Bundle, or the identifier matches several resources) are permanent, so
/// the outbox parks the referral instead of sending it again; anything else is tried again later.
/// </remarks>
internal sealed class FhirReferralDestination(
    IHttpClientFactory httpClientFactory,
    FhirTokenCache tokens,
    ReferralBundle bundles,
    IReferralProtector protector,
    IOptions<FhirReferralOptions> options,
    TimeProvider timeProvider,
    ILogger<FhirReferralDestination> logger) : IReferralDestination
{
    public const string DestinationName = "fhir";
    public const string HttpClientName = "TriageBot.Fhir";

    public string Name => DestinationName;

    public async Task DeliverAsync(ReferralDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var referral = delivery.Referral;
        var bundle = bundles.Create(referral, ReferralContact.Triage(referral), ReferralContact.Read(referral, protector));
        var body = FhirJson.Serialize(bundle);
        int? status = null;
        try
        {
            using var response = await PostWithTokenAsync(body, cancellationToken);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                FhirLog.Delivered(logger, referral.Reference, status.Value, delivery.Attempt);
                return;
            }

            throw Refused(response);
        }
        catch (ReferralDeliveryException e)
        {
            FhirLog.Failed(logger, referral.Reference, e.Reason, status, delivery.Attempt);
            throw;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            FhirLog.Failed(logger, referral.Reference, "fhir-unreachable", status, delivery.Attempt);
            throw new ReferralDeliveryException("fhir-unreachable", retryAfter: null, permanent: false, e);
        }
    }

    private async Task<HttpResponseMessage> PostWithTokenAsync(string body, CancellationToken cancellationToken)
    {
        var response = await PostAsync(body, await tokens.GetAsync(forceRefresh: false, cancellationToken), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        return await PostAsync(body, await tokens.GetAsync(forceRefresh: true, cancellationToken), cancellationToken);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string token, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.BaseUrl!))
        {
            Content = new StringContent(body, Encoding.UTF8, FhirJson.MediaType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson.MediaType));
        request.Headers.Add("Prefer", "return=minimal");
        return await client.SendAsync(request, cancellationToken);
    }

    private ReferralDeliveryException Refused(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            429 or 503 => new ReferralDeliveryException($"fhir-{status}", RetryAfter(response.Headers.RetryAfter), permanent: false),
            400 or 404 or 409 or 412 or 422 => new ReferralDeliveryException($"fhir-rejected-{status}", retryAfter: null, permanent: true),
            401 or 403 => new ReferralDeliveryException("fhir-unauthorized", retryAfter: null, permanent: false),
            _ => new ReferralDeliveryException($"fhir-{status}", retryAfter: null, permanent: false),
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
