namespace TriageBot.Schema;

/// <summary>A card with a title, text, images and buttons: how choices render where suggested actions do not (Teams group chats).</summary>
public sealed record HeroCard
{
    public const string ContentType = "application/vnd.microsoft.card.hero";

    public string? Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<CardImage>? Images { get; init; }
    public IReadOnlyList<CardAction>? Buttons { get; init; }
    public CardAction? Tap { get; init; }

    /// <summary>Wraps this card as an attachment.</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = ContentType,
        Content = System.Text.Json.JsonSerializer.SerializeToElement(this, SchemaJsonContext.Default.HeroCard),
    };
}

/// <summary>An image on a card.</summary>
public sealed record CardImage(string Url, string? Alt = null, CardAction? Tap = null);
