using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TriageBot.Testing.Identity;

namespace TriageBot.Testing.Teams;

/// <summary>
/// The Teams side of the Bot Connector on a real loopback port, speaking the wire format: checks the bot's outbound
/// JWT (signed by <see cref="FakeIdentityServer.AccessTokenKey"/>, audience api.botframework.com) on every call,
/// answers create-conversation with 201 and Teams-shaped ids, records activity updates, serves the members API from
/// <see cref="Members"/>, and answers 429 with <c>Retry-After</c> when a test asks (<see cref="ThrottleNext"/>). It
/// also plays staff clicks: <see cref="ClickAsync"/> sends the bot an <c>invoke</c> shaped like Teams', signed with a
/// channel token.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    public const string TenantId = "7d3e5f21-0b4c-4e8a-9c61-2a9f0e4b8d13";
    public const string TeamId = "19:clinic-team@thread.tacv2";
    public const string ChannelId = "19:referrals@thread.tacv2";

    private readonly FakeIdentityServer _identity;
    private readonly ConcurrentQueue<CreatedConversation> _created = new();
    private readonly ConcurrentQueue<UpdatedActivity> _updates = new();
    private readonly ConcurrentQueue<string> _refusedCalls = new();
    private readonly ConcurrentQueue<JsonObject> _replies = new();
    private WebApplication? _app;
    private int _sequence;
    private int _throttle;
    private int _retryAfterSeconds;
    private int _failAfterCreating;

    // One key object for the connector's life: IdentityModel caches signature providers per key.
    private readonly RSA _tokenKey = RSA.Create();

    private FakeTeamsConnector(FakeIdentityServer identity)
    {
        _identity = identity;
        _tokenKey.ImportFromPem(identity.AccessTokenKey.PublicKeyPem);
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>: what the bot is configured with as the clinic's serviceUrl.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Members of the clinic's team, by Teams user id (for the members API).</summary>
    public ConcurrentDictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Every accepted create-conversation, in order.</summary>
    public IReadOnlyList<CreatedConversation> Created => [.. _created];

    /// <summary>Every accepted activity update (PUT), in order.</summary>
    public IReadOnlyList<UpdatedActivity> Updates => [.. _updates];

    /// <summary>Replies the bot posted to conversations (a staff member's personal chat), in order.</summary>
    public IReadOnlyList<JsonObject> Replies => [.. _replies];

    /// <summary>Calls refused (bad token, throttled), by reason: "token", "throttled".</summary>
    public IReadOnlyList<string> RefusedCalls => [.. _refusedCalls];

    public static async Task<FakeTeamsConnector> StartAsync(FakeIdentityServer identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var connector = new FakeTeamsConnector(identity);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v3/conversations", (Func<HttpContext, Task<IResult>>)connector.CreateConversationAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", connector.UpdateActivityAsync);
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", connector.GetMemberAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", connector.ReplyAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.ReplyAsync);
        await app.StartAsync();
        connector._app = app;
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>
    /// The bot's settings naming this connector as the clinic's Teams channel (service URL, tenant, team, channel), with
    /// <paramref name="staff"/> on the staff allow-list.
    /// </summary>
    public Dictionary<string, string?> ClinicChannelSettings(params StaffMember[] staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var settings = new Dictionary<string, string?>
        {
            ["Clinic:Teams:Enabled"] = "true",
            ["Clinic:Teams:ServiceUrl"] = ServiceUrl,
            ["Clinic:Teams:TenantId"] = TenantId,
            ["Clinic:Teams:TeamId"] = TeamId,
            ["Clinic:Teams:ChannelId"] = ChannelId,
        };
        for (var i = 0; i < staff.Length; i++)
        {
            settings[$"Clinic:Teams:StaffAadObjectIds:{i}"] = staff[i].AadObjectId;
        }

        return settings;
    }

    /// <summary>The next <paramref name="count"/> calls answer 429 with <c>Retry-After: seconds</c>.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds)
    {
        Volatile.Write(ref _retryAfterSeconds, retryAfterSeconds);
        Volatile.Write(ref _throttle, count);
    }

    /// <summary>
    /// The next <paramref name="count"/> create-conversation calls create the thread (it is in <see cref="Created"/>,
    /// as in the channel) and then answer 502: the Bot Connector's "accepted, but the answer failed" case.
    /// </summary>
    public void FailAfterCreatingNext(int count) => Volatile.Write(ref _failAfterCreating, count);

    /// <summary>
    /// A staff member clicks an <c>Action.Execute</c> on the card posted in <paramref name="post"/> (or runs the
    /// card's automatic refresh): the invoke Teams sends, with the user's Teams id, Entra object id and tenant, the
    /// channel conversation, <c>value.action</c> {type, verb, data} and <c>value.trigger</c>, signed with a channel
    /// token for <paramref name="appId"/>, posted to the bot's <c>/api/messages</c>.
    /// </summary>
    public async Task<InvokeAnswer> ClickAsync(
        Uri messagesUrl, string appId, CreatedConversation post, StaffMember who, string verb, JsonObject data, string trigger = "manual")
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(who);
        var activity = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = who.TeamsId, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = true,
                ["conversationType"] = "channel",
                ["tenantId"] = who.TenantId,
                ["id"] = post.ConversationId,
            },
            ["recipient"] = new JsonObject { ["id"] = "28:" + appId, ["name"] = "TriageBot" },
            ["replyToId"] = post.ActivityId,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = ChannelId },
                ["team"] = new JsonObject { ["id"] = TeamId },
                ["tenant"] = new JsonObject { ["id"] = who.TenantId },
                ["source"] = new JsonObject { ["name"] = "message" },
                ["legacy"] = new JsonObject { ["replyToId"] = post.ActivityId },
            },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = trigger,
            },
            ["locale"] = "en-GB",
        };
        return await SendInvokeAsync(messagesUrl, appId, activity.ToJsonString());
    }

    /// <summary>
    /// Teams' <c>installationUpdate</c> when someone adds the bot to the clinic's team: from the team's General
    /// channel (whose id is the team's), with <c>channelData.team</c> and the tenant.
    /// </summary>
    public Task<InvokeAnswer> InstallInTeamAsync(Uri messagesUrl, string appId, string tenantId = TenantId)
    {
        var activity = new JsonObject
        {
            ["type"] = "installationUpdate",
            ["action"] = "add",
            ["id"] = "i:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:installer", ["aadObjectId"] = "0b6a3c1e-9999-4a2b-8c3d-4e5f6a7b8c9d" },
            ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenantId, ["id"] = TeamId },
            ["recipient"] = new JsonObject { ["id"] = "28:" + appId, ["name"] = "TriageBot" },
            ["channelData"] = new JsonObject
            {
                ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = TeamId } },
                ["channel"] = new JsonObject { ["id"] = TeamId },
                ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Northgate Spine Clinic", ["aadGroupId"] = Guid.NewGuid().ToString() },
                ["tenant"] = new JsonObject { ["id"] = tenantId },
                ["source"] = null,
            },
            ["locale"] = "en-GB",
        };
        return SendInvokeAsync(messagesUrl, appId, activity.ToJsonString());
    }

    /// <summary>A staff member types <paramref name="text"/> in their personal chat with the bot.</summary>
    public Task<InvokeAnswer> SayInPersonalChatAsync(Uri messagesUrl, string appId, StaffMember who, string text)
    {
        ArgumentNullException.ThrowIfNull(who);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "m:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = who.TeamsId, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = who.TenantId, ["id"] = "a:personal-" + who.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:" + appId, ["name"] = "TriageBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = who.TenantId } },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-GB",
        };
        return SendInvokeAsync(messagesUrl, appId, activity.ToJsonString());
    }

    /// <summary>Posts any activity body (a malformed invoke, say) to the bot, signed like Teams'.</summary>
    public async Task<InvokeAnswer> SendInvokeAsync(Uri messagesUrl, string appId, string body)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, messagesUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.ChannelToken(appId, ServiceUrl));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new InvokeAnswer((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _tokenKey.Dispose();
    }

    private async Task<IResult> CreateConversationAsync(HttpContext context)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
        var tenant = body?["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        if (body?["isGroup"]?.GetValue<bool>() != true || channel is null || tenant is null || body["activity"] is not JsonObject activity)
        {
            return Results.Json(new { error = new { code = "BadSyntax", message = "Incorrect conversation creation parameters" } }, statusCode: 400);
        }

        // Teams' ids: the new thread is the channel's id with the first message's id; the activity id is that message.
        var messageId = (1_700_000_000_000L + Interlocked.Increment(ref _sequence)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = new CreatedConversation($"{channel};messageid={messageId}", messageId, channel, tenant, activity);
        _created.Enqueue(created);
        if (Interlocked.Decrement(ref _failAfterCreating) >= 0)
        {
            return Results.Json(new { error = new { code = "ServiceError", message = "Bad gateway" } }, statusCode: 502);
        }

        Interlocked.Exchange(ref _failAfterCreating, 0);
        return Results.Json(new { id = created.ConversationId, activityId = messageId }, statusCode: 201);
    }

    private async Task<IResult> UpdateActivityAsync(string conversationId, string activityId, HttpContext context)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }

        if (!_created.Any(c => c.ConversationId == conversationId && c.ActivityId == activityId))
        {
            return Results.Json(new { error = new { code = "ActivityNotFoundInConversation", message = "Unknown activity" } }, statusCode: 404);
        }

        var activity = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        _updates.Enqueue(new UpdatedActivity(conversationId, activityId, activity));
        return Results.Json(new { id = activityId });
    }

    private async Task<IResult> ReplyAsync(string conversationId, HttpContext context)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }

        _replies.Enqueue((JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!);
        return Results.Json(new { id = "r" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private async Task<IResult> GetMemberAsync(string conversationId, string userId, HttpContext context)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }

        return conversationId == TeamId && Members.TryGetValue(userId, out var aad)
            ? Results.Json(new { id = userId, aadObjectId = aad, tenantId = TenantId, userRole = "user" })
            : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "Member not found" } }, statusCode: 404);
    }

    /// <summary>A 401 for a missing or invalid token, a 429 while throttling; null to go on.</summary>
    private async Task<IResult?> RefuseAsync(HttpContext context)
    {
        if (!await ValidTokenAsync(context.Request.Headers.Authorization.ToString()))
        {
            _refusedCalls.Enqueue("token");
            return Results.Json(new { error = new { code = "Unauthorized", message = "Authorization has been denied" } }, statusCode: 401);
        }

        while (Volatile.Read(ref _throttle) is var left and > 0)
        {
            if (Interlocked.CompareExchange(ref _throttle, left - 1, left) == left)
            {
                _refusedCalls.Enqueue("throttled");
                context.Response.Headers.RetryAfter = Volatile.Read(ref _retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new { error = new { code = "TooManyRequests", message = "Too many requests" } }, statusCode: 429);
            }
        }

        return null;
    }

    private async Task<bool> ValidTokenAsync(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_tokenKey) { KeyId = _identity.AccessTokenKey.Kid },
            ValidAudience = FakeIdentityServer.BotFrameworkAudience,
            ValidIssuer = _identity.AccessTokenIssuer("botframework.com"),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        return result.IsValid;
    }
}

/// <summary>A thread the bot started in a channel: Teams' ids for it, where, and the first activity as posted.</summary>
public sealed record CreatedConversation(string ConversationId, string ActivityId, string ChannelId, string TenantId, JsonObject Activity)
{
    /// <summary>The Adaptive Card the activity carries.</summary>
    public JsonObject Card => (JsonObject)Activity["attachments"]![0]!["content"]!;
}

/// <summary>An activity the bot replaced (PUT).</summary>
public sealed record UpdatedActivity(string ConversationId, string ActivityId, JsonObject Activity)
{
    public JsonObject Card => (JsonObject)Activity["attachments"]![0]!["content"]!;
}

/// <summary>Someone in Teams: their Teams id (29:…), Entra object id, display name and tenant.</summary>
public sealed record StaffMember(string TeamsId, string AadObjectId, string Name, string TenantId = FakeTeamsConnector.TenantId);

/// <summary>The bot's HTTP answer to an invoke: status and body.</summary>
public sealed record InvokeAnswer(int Status, JsonNode? Body)
{
    /// <summary>The card in an <c>application/vnd.microsoft.card.adaptive</c> answer.</summary>
    public JsonObject Card => Body?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive"
        ? (JsonObject)Body["value"]!
        : throw new InvalidOperationException($"Not a card answer: {Status} {Body?.ToJsonString()}");
}
