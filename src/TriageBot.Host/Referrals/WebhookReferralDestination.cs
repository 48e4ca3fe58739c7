using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Host.Referrals;

/// <summary>
/// Delivers a referral as a signed JSON POST, for a clinic whose system (a ticket queue, an EHR's inbound API, a
/// script) takes webhooks. Headers: <c>Idempotency-Key</c> (the same on every attempt, so the receiver drops a
/// redelivery after a crash), <c>X-TriageBot-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of
/// "t.body"&gt;</c>. 2xx is delivered; 408, 409 (still processing the same key), 429 and 5xx are retried (honouring
/// Retry-After); any other status is a permanent refusal.
/// </summary>
internal sealed class WebhookReferralDestination(
    IHttpClientFactory clients,
    IOptions<WebhookDestinationOptions> options,
    IReferralProtector protector,
    TimeProvider clock) : IReferralDestination
{
    public const string DestinationName = "webhook";

    public const string HttpClientName = "TriageBot.Referrals.Webhook";

    public string Name => DestinationName;

    public async Task DeliverAsync(ReferralDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var settings = options.Value;
        var body = Body(delivery, settings.IncludeContact);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        request.Headers.Add("X-TriageBot-Signature", Signature(body, settings.Secret!, clock.GetUtcNow()));
        request.Headers.Add("X-TriageBot-Attempt", delivery.Attempt.ToString(CultureInfo.InvariantCulture));

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ReferralDeliveryException("network", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var transient = status is 408 or 409 or 429 || status >= 500;
            throw new ReferralDeliveryException($"http-{status}", RetryAfter(response), permanent: !transient);
        }
    }

    /// <summary>The signature header value: the timestamp and the HMAC of "timestamp.body", so a replay can be dated.</summary>
    internal static string Signature(byte[] body, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }

    private byte[] Body(ReferralDelivery delivery, bool includeContact)
    {
        var referral = delivery.Referral;
        var details = ContactDetails(referral.ProtectedContact);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("reference", referral.Reference);
            json.WriteString("idempotencyKey", delivery.IdempotencyKey);
            json.WriteString("createdUtc", referral.CreatedUtc.ToUniversalTime());
            json.WriteString("disposition", referral.Disposition);
            json.WriteString("status", referral.Status);
            json.WriteString("contentVersion", referral.ContentVersion);
            json.WriteString("preferredTime", details.GetValueOrDefault("time", "any"));
            json.WritePropertyName("summary");
            json.WriteRawValue(referral.SummaryJson);
            if (includeContact)
            {
                json.WriteStartObject("contact");
                json.WriteString("name", details.GetValueOrDefault("name"));
                json.WriteString("contact", details.GetValueOrDefault("contact"));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("contact");
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The stored details (name, contact, time), decrypted; none when the key ring cannot read them.</summary>
    private Dictionary<string, string> ContactDetails(string protectedContact)
    {
        try
        {
            using var document = JsonDocument.Parse(protector.Unprotect(protectedContact));
            return document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }
        catch (CryptographicException e)
        {
            throw new ReferralDeliveryException("contact-unreadable", retryAfter: null, permanent: true, e);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };
}
