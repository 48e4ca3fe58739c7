using System.Text.Json;
using TriageBot.Schema.Tests.Support;

namespace TriageBot.Schema.Tests;

/// <summary>The serialization rules of protocol §1.1, one at a time.</summary>
public sealed class ActivitySerializationTests
{
    /// <summary>An activity with every field whose wire name has a capital inside it.</summary>
    private static readonly Activity EveryNamedField = new()
    {
        Type = ActivityTypes.Message,
        ReplyToId = "1712345678901",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ChannelId = ChannelIds.MsTeams,
        LocalTimestamp = new DateTimeOffset(2024, 4, 5, 11, 14, 38, TimeSpan.FromHours(2)),
        LocalTimezone = "Europe/Berlin",
        TextFormat = TextFormatTypes.Plain,
        InputHint = InputHints.ExpectingInput,
        AttachmentLayout = "list",
        DeliveryMode = DeliveryModes.Normal,
        CallerId = CallerIdConstants.PublicAzureChannel,
        From = new ChannelAccount { Id = "29:1", AadObjectId = "7faf8ab2" },
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal", TenantId = "t1", IsGroup = false },
        MembersAdded = [new ChannelAccount { Id = "29:1" }],
        SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes")] },
        Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://x/y.png", ThumbnailUrl = "https://x/t.png" }],
    };

    [Fact]
    public void TeamsPersonalMessage_Deserialized_ReadsConversationTypeAndTenant()
    {
        var activity = Fixtures.Load(Fixtures.TeamsPersonalMessage);

        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.Equal("5d1e2f3a-9b8c-4d7e-a6f5-0c1b2a3d4e5f", activity.Conversation?.TenantId);
        Assert.Equal("7faf8ab2-0c4d-4e5f-9a1b-2c3d4e5f6a7b", activity.From?.AadObjectId);
    }

    [Fact]
    public void TeamsPersonalMessage_RoundTrip_PreservesTenantAndClientInfo()
    {
        var json = Wire.ToElement(Fixtures.Load(Fixtures.TeamsPersonalMessage));

        Assert.Equal("5d1e2f3a-9b8c-4d7e-a6f5-0c1b2a3d4e5f", json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        var clientInfo = Assert.Single(json.GetProperty("entities").EnumerateArray());
        JsonEquivalence.AssertEquivalent(
            """{ "type": "clientInfo", "locale": "en-US", "country": "DE", "platform": "Windows", "timezone": "Europe/Berlin" }""",
            clientInfo.GetRawText());
    }

    [Fact]
    public void UnknownTopLevelPropertyAndEntityType_RoundTrip_PreservedUnchanged()
    {
        const string Json = """
            {
              "type": "message", "id": "1", "text": "hi", "foo": 1, "bar": { "nested": [true, null, 2.50] },
              "from": { "id": "u1", "tier": "gold" },
              "conversation": { "id": "c1", "x-region": "eu" },
              "attachments": [ { "contentType": "text/plain", "content": "x", "x-size": 12 } ],
              "entities": [ { "type": "x-clinic-triage", "score": 0.73, "codes": ["M54.5"] } ]
            }
            """;

        JsonEquivalence.AssertEquivalent(Json, Wire.RoundTrip(Json));
    }

    [Fact]
    public void UnknownEntityType_Deserialized_KeepsTypeAndExtraFields()
    {
        var activity = Wire.Read("""{ "type": "message", "entities": [ { "type": "x-clinic-triage", "score": 0.73 } ] }""");

        var entity = Assert.Single(activity.Entities!);
        Assert.Equal("x-clinic-triage", entity.Type);
        Assert.Equal(0.73m, entity.Properties!["score"].GetDecimal());
    }

    [Fact]
    public void OutgoingMessage_NullSpeakAndSummary_OmitsThoseKeys()
    {
        var json = Wire.ToElement(MessageFactory.Text("Please describe your symptoms."));

        Assert.False(json.TryGetProperty("speak", out _));
        Assert.False(json.TryGetProperty("summary", out _));
        JsonEquivalence.AssertEquivalent(
            """{ "type": "message", "text": "Please describe your symptoms.", "inputHint": "acceptingInput" }""",
            json.GetRawText());
    }

    [Theory]
    [InlineData(InputHints.AcceptingInput, "acceptingInput")]
    [InlineData(InputHints.ExpectingInput, "expectingInput")]
    [InlineData(InputHints.IgnoringInput, "ignoringInput")]
    public void InputHint_Serialized_CarriesInputSuffix(string inputHint, string wire)
    {
        var json = Wire.ToElement(MessageFactory.Text("Which date?", inputHint));

        Assert.Equal(wire, json.GetProperty("inputHint").GetString());
    }

    [Theory]
    [InlineData("2024-04-05T09:14:38.901Z", "2024-04-05T09:14:38.901Z")]
    [InlineData("2026-11-21T04:30:36.8712345Z", "2026-11-21T04:30:36.8712345Z")]
    [InlineData("2024-04-05T11:14:38.901+02:00", "2024-04-05T09:14:38.901Z")]
    [InlineData("2024-04-05T01:14:38.901-08:00", "2024-04-05T09:14:38.901Z")]
    // Trailing zero fractions are dropped: the same instant, written the shortest way.
    [InlineData("2024-05-01T08:00:00.000Z", "2024-05-01T08:00:00Z")]
    [InlineData("2024-05-01T08:00:00.120Z", "2024-05-01T08:00:00.12Z")]
    public void Timestamp_RoundTrip_IsUtcWithZ(string incoming, string written)
    {
        var json = Wire.RoundTrip($$"""{ "type": "message", "timestamp": "{{incoming}}", "expiration": "{{incoming}}" }""");

        using var document = JsonDocument.Parse(json);
        Assert.Equal(written, document.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal(written, document.RootElement.GetProperty("expiration").GetString());
    }

    [Fact]
    public void Timestamp_Deserialized_IsTheSameInstant()
    {
        var activity = Wire.Read("""{ "type": "message", "timestamp": "2024-04-05T11:14:38.901+02:00" }""");

        Assert.Equal(new DateTimeOffset(2024, 4, 5, 9, 14, 38, 901, TimeSpan.Zero), activity.Timestamp);
    }

    [Fact]
    public void TimeFields_NullOnTheWire_ReadAsNullAndOmitted()
    {
        var activity = Wire.Read("""{ "type": "message", "timestamp": null, "localTimestamp": null, "expiration": null, "value": null }""");

        Assert.Equal((null, null, null, null), (activity.Timestamp, activity.LocalTimestamp, activity.Expiration, activity.Value));
        JsonEquivalence.AssertEquivalent("""{ "type": "message" }""", Wire.Write(activity));
    }

    [Theory]
    [InlineData("2024-04-05T11:14:38.901+02:00")]
    [InlineData("2024-05-01T10:00:00-07:00")]
    [InlineData("2024-05-01T14:30:00.123+05:30")]
    public void LocalTimestamp_RoundTrip_KeepsItsOffset(string localTimestamp)
    {
        var json = Wire.RoundTrip($$"""{ "type": "message", "localTimestamp": "{{localTimestamp}}" }""");

        using var document = JsonDocument.Parse(json);
        Assert.Equal(localTimestamp, document.RootElement.GetProperty("localTimestamp").GetString());
    }

    [Fact]
    public void LocalTimestamp_InUtcWithZ_KeepsInstantAndZeroOffset()
    {
        // Web Chat in a UTC browser sends "Z"; it comes back as the equivalent "+00:00".
        var activity = Wire.Read(Wire.RoundTrip("""{ "type": "message", "localTimestamp": "2026-11-21T04:30:36.658Z" }"""));

        Assert.Equal(TimeSpan.Zero, activity.LocalTimestamp?.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 4, 30, 36, 658, TimeSpan.Zero), activity.LocalTimestamp);
    }

    [Fact]
    public void HeroCardAttachment_Serialized_HasHeroContentType()
    {
        var card = new HeroCard { Title = "Where is the pain?", Buttons = [CardAction.ImBack("Lower back")] };
        var json = Wire.ToElement(new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] });

        var attachment = Assert.Single(json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.hero", attachment.GetProperty("contentType").GetString());
        JsonEquivalence.AssertEquivalent(
            """{ "title": "Where is the pain?", "buttons": [ { "type": "imBack", "title": "Lower back", "value": "Lower back" } ] }""",
            attachment.GetProperty("content").GetRawText());
    }

    [Fact]
    public void HeroCardReply_BuiltFromWebChatMessage_MatchesRecordedReply()
    {
        var incoming = Fixtures.Load(Fixtures.WebChatDirectLineMessage);
        var card = new HeroCard
        {
            Title = "Where is the pain?",
            Text = "Pick the area that hurts most.",
            Buttons = [CardAction.ImBack("Lower back"), CardAction.ImBack("Upper back"), CardAction.ImBack("Neck")],
        };
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            InputHint = InputHints.ExpectingInput,
            Text = "I'm sorry to hear that. A few quick questions so I can point you to the right care.",
            Attachments = [card.ToAttachment()],
            SuggestedActions = new SuggestedActions
            {
                To = [incoming.From!.Id!],
                Actions = [CardAction.ImBack("Not sure"), CardAction.ImBack("Talk to a nurse")],
            },
        }.ApplyConversationReference(incoming.GetConversationReference());

        JsonEquivalence.AssertEquivalent(Fixtures.Read(Fixtures.BotReplyHeroCard), Wire.Write(reply));
    }

    [Fact]
    public void PostBackStringValue_RoundTrip_StaysJsonString()
    {
        const string Json = """{ "type": "message", "text": "42", "value": "42", "channelData": { "postBack": true } }""";

        var activity = Wire.Read(Json);

        Assert.Equal(JsonValueKind.String, activity.Value?.ValueKind);
        Assert.Equal(JsonValueKind.String, Wire.ToElement(activity).GetProperty("value").ValueKind);
        JsonEquivalence.AssertEquivalent(Json, Wire.Write(activity));
    }

    [Fact]
    public void PostBackObjectValue_Deserialized_KeepsObjectAndPostBackFlag()
    {
        var activity = Fixtures.Load(Fixtures.WebChatPostBackMessage);

        Assert.Null(activity.Text);
        Assert.Equal("sameDay", activity.Value?.GetProperty("urgency").GetString());
        Assert.True(activity.ChannelData?.GetProperty("postBack").GetBoolean());
    }

    [Fact]
    public void EmptyArrays_RoundTrip_AcceptedAndPreserved()
    {
        const string Json = """
            { "type": "message", "text": "hi", "attachments": [], "entities": [], "membersAdded": [], "membersRemoved": [],
              "channelData": { "attachmentSizes": [] } }
            """;

        var activity = Wire.Read(Json);

        Assert.Empty(activity.Attachments!);
        Assert.Empty(activity.Entities!);
        JsonEquivalence.AssertEquivalent(Json, Wire.Write(activity));
    }

    [Theory]
    [InlineData("replyToId")]
    [InlineData("serviceUrl")]
    [InlineData("channelId")]
    [InlineData("localTimestamp")]
    [InlineData("localTimezone")]
    [InlineData("textFormat")]
    [InlineData("inputHint")]
    [InlineData("suggestedActions")]
    [InlineData("attachmentLayout")]
    [InlineData("membersAdded")]
    [InlineData("deliveryMode")]
    [InlineData("callerId")]
    [InlineData("from.aadObjectId")]
    [InlineData("conversation.conversationType")]
    [InlineData("conversation.tenantId")]
    [InlineData("conversation.isGroup")]
    [InlineData("attachments[].contentType")]
    [InlineData("attachments[].thumbnailUrl")]
    public void Activity_Serialized_UsesCamelCasePropertyName(string path) =>
        Assert.Contains(path, PropertyPaths(Wire.ToElement(EveryNamedField)));

    [Fact]
    public void Activity_Serialized_HasNoPascalCasePropertyNames() =>
        Assert.All(PropertyPaths(Wire.ToElement(EveryNamedField)), path => Assert.True(char.IsLower(path.Split('.')[^1][0]), path));

    [Fact]
    public void Activity_DeserializedFromPascalCase_ReadsProperties()
    {
        var activity = Wire.Read("""{ "Type": "message", "ReplyToId": "7", "Conversation": { "Id": "c1", "TenantId": "t1" } }""");

        Assert.Equal(("message", "7", "c1", "t1"), (activity.Type, activity.ReplyToId, activity.Conversation?.Id, activity.Conversation?.TenantId));
    }

    /// <summary>Every property of the tree as a dotted path; array items appear as <c>name[]</c>.</summary>
    private static List<string> PropertyPaths(JsonElement element, string prefix = "")
    {
        var paths = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix + property.Name;
                paths.Add(path);
                paths.AddRange(PropertyPaths(property.Value, path + "."));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                paths.AddRange(PropertyPaths(item, prefix.TrimEnd('.') + "[]."));
            }
        }

        return paths;
    }
}
