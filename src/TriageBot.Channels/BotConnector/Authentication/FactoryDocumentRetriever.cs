using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// IdentityModel's <see cref="HttpDocumentRetriever"/> over a fresh client from the factory for each fetch, so a
/// process that runs for months still follows DNS changes of the identity endpoints (fetches are rare: daily, or on
/// an unknown kid). Logs why a fetch failed, as a status code or a fixed reason, never the response body.
/// </summary>
internal sealed class FactoryDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps, ILogger logger) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        using var client = httpClientFactory.CreateClient(BotAuthenticationServiceCollectionExtensions.HttpClientName);
        var retriever = new HttpDocumentRetriever(client) { RequireHttps = requireHttps, SendAdditionalHeaderData = false };
        try
        {
            return await retriever.GetDocumentAsync(address, cancel);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            AuthLog.SigningKeysUnavailable(logger, address, Reason(e));
            throw;
        }
    }

    private static string Reason(Exception e) => e switch
    {
        ArgumentException => "https required",
        _ when e.Data[HttpDocumentRetriever.StatusCode] is HttpStatusCode status => $"answered {(int)status}",
        _ when e.InnerException is TaskCanceledException or Polly.Timeout.TimeoutRejectedException => "timed out",
        _ => "request failed",
    };
}
