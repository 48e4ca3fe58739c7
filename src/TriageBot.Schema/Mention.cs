using System.Text.Json;

namespace TriageBot.Schema;

/// <summary>A typed view of a <c>mention</c> entity: who was mentioned and the markup used (<c>&lt;at&gt;Name&lt;/at&gt;</c>).</summary>
public sealed record Mention(ChannelAccount Mentioned, string? Text)
{
    public const string EntityType = "mention";

    /// <summary>Reads a mention entity; null when the entity is not a well-formed mention.</summary>
    public static Mention? From(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!string.Equals(entity.Type, EntityType, StringComparison.OrdinalIgnoreCase) || entity.Properties is null)
        {
            return null;
        }

        if (!entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var account = mentioned.Deserialize(SchemaJsonContext.Default.ChannelAccount);
        if (account?.Id is null)
        {
            return null;
        }

        var text = entity.Properties.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new Mention(account, text);
    }

    /// <summary>The mention as an entity for an outgoing activity.</summary>
    public Entity ToEntity() => new()
    {
        Type = EntityType,
        Properties = new Dictionary<string, JsonElement>
        {
            ["mentioned"] = JsonSerializer.SerializeToElement(Mentioned, SchemaJsonContext.Default.ChannelAccount),
            ["text"] = JsonSerializer.SerializeToElement(Text ?? $"<at>{Mentioned.Name}</at>", SchemaJsonContext.Default.String),
        },
    };
}
