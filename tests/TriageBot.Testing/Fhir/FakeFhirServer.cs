using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TriageBot.Fhir;

namespace TriageBot.Testing.Fhir;

/// <summary>
/// A FHIR server and its token endpoint on real Kestrel (loopback), answering the way a FHIR server does:
/// <c>POST /oauth2/token</c> checks the client credentials and issues bearer tokens; <c>POST /fhir</c> takes only
/// those tokens, validates each transaction Bundle against the R4 core profiles with Firely (422 and an
/// OperationOutcome when it is not valid), honours conditional creates (<c>ifNoneExist</c> on identifier: 200 for
/// one already there, 201 for a new one) and answers with a transaction-response Bundle. It can fail on demand.
/// </summary>
public sealed class FakeFhirServer : IAsyncDisposable
{
    public const string ClientId = "triagebot-fhir";
    public const string ClientSecret = "fhir-client-secret-for-tests";

    /// <summary>Text only the server's error body holds; it must never reach the bot's exception or logs.</summary>
    public const string ServerOnlyDiagnostics = "internal-detail-from-the-fhir-server";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private readonly Dictionary<string, Resource> _stored = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Bundle> _transactions = new();
    private readonly Lock _gate = new();
    private int _issued;
    private int _posts;

    private FakeFhirServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri FhirBase => new(BaseAddress, "/fhir");

    public Uri TokenEndpoint => new(BaseAddress, "/oauth2/token");

    public int TokensIssued => _issued;

    /// <summary>Bundles posted with a valid token (whatever the answer).</summary>
    public int BundlesPosted => _posts;

    public static async Task<FakeFhirServer> StartAsync()
    {
        // Load the core profiles before the first request, not during it (seconds, once per test run).
        CoreProfiles.Errors(new Basic { Code = new CodeableConcept("urn:test", "warm-up") });

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeFhirServer(builder.Build());
        server._app.MapPost("/oauth2/token", server.TokenAsync);
        server._app.MapPost("/fhir", server.TransactionAsync);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.First());
        return server;
    }

    /// <summary>The next Bundle gets this status (with an OperationOutcome, and Retry-After when given) instead of being processed.</summary>
    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    /// <summary>Every token issued so far stops working (as when the server's keys roll over).</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>Every transaction Bundle that passed validation and was processed, as posted, in order.</summary>
    public IReadOnlyList<Bundle> Transactions => [.. _transactions];

    public IReadOnlyList<T> Stored<T>()
        where T : Resource
    {
        lock (_gate)
        {
            return [.. _stored.Values.OfType<T>()];
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "unsupported_grant_type" }, statusCode: 400);
        }

        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_client" }, statusCode: 401);
        }

        var token = $"fhir-token-{Interlocked.Increment(ref _issued)}";
        _tokens[token] = 0;
        return Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 3600 });
    }

    private async Task<IResult> TransactionAsync(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return Outcome(401, OperationOutcome.IssueType.Login, "token not accepted");
        }

        Interlocked.Increment(ref _posts);
        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } after)
            {
                request.HttpContext.Response.Headers.RetryAfter = after;
            }

            return Outcome(failure.Status, OperationOutcome.IssueType.Transient, ServerOnlyDiagnostics);
        }

        if (request.ContentType?.StartsWith(FhirJson.MediaType, StringComparison.Ordinal) != true)
        {
            return Outcome(415, OperationOutcome.IssueType.NotSupported, "not application/fhir+json");
        }

        Bundle? bundle;
        try
        {
            using var reader = new StreamReader(request.Body);
            bundle = FhirJson.Deserialize<Bundle>(await reader.ReadToEndAsync());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or DeserializationFailedException)
        {
            return Outcome(400, OperationOutcome.IssueType.Structure, "not a FHIR resource");
        }

        if (bundle is not { Type: Bundle.BundleType.Transaction })
        {
            return Outcome(400, OperationOutcome.IssueType.Invalid, "not a transaction Bundle");
        }

        var errors = CoreProfiles.Errors(bundle);
        if (errors.Count > 0)
        {
            return Outcome(422, OperationOutcome.IssueType.Invalid, string.Join("; ", errors));
        }

        _transactions.Enqueue(bundle);
        return Results.Text(FhirJson.Serialize(Process(bundle)), FhirJson.MediaType, statusCode: 200);
    }

    /// <summary>All or nothing, like a transaction: conditional creates matched on identifier, then references rewritten to the new ids.</summary>
    private Bundle Process(Bundle bundle)
    {
        lock (_gate)
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            var created = new List<(string Key, string Id, Resource Resource)>();
            var response = new Bundle { Type = Bundle.BundleType.TransactionResponse };
            foreach (var entry in bundle.Entry)
            {
                var type = entry.Resource!.TypeName;
                var key = $"{type}?{Uri.UnescapeDataString(entry.Request?.IfNoneExist ?? Guid.NewGuid().ToString())}";
                var existing = _stored.TryGetValue(key, out var found);
                var id = existing ? found!.Id! : Guid.NewGuid().ToString("N");
                ids[entry.FullUrl ?? string.Empty] = $"{type}/{id}";
                if (!existing)
                {
                    created.Add((key, id, entry.Resource));
                }

                response.Entry.Add(new Bundle.EntryComponent
                {
                    Response = new Bundle.ResponseComponent { Status = existing ? "200 OK" : "201 Created", Location = $"{type}/{id}/_history/1" },
                });
            }

            foreach (var (key, id, resource) in created)
            {
                var json = ids.Aggregate(FhirJson.Serialize(resource), (text, link) => text.Replace(link.Key, link.Value, StringComparison.Ordinal));
                var stored = FhirJson.Deserialize<Resource>(json)!;
                stored.Id = id;
                _stored[key] = stored;
            }

            return response;
        }
    }

    private static IResult Outcome(int status, OperationOutcome.IssueType code, string diagnostics) =>
        Results.Text(
            FhirJson.Serialize(new OperationOutcome
            {
                Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
            }),
            FhirJson.MediaType,
            statusCode: status);
}
