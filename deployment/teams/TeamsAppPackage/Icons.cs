namespace TriageBot.Deployment.Teams;

/// <summary>
/// The app's icons as Teams asks for them: a 192×192 colour icon (full-bleed, opaque) and a 32×32 outline icon that
/// is white on a transparent background. Drawn in code so the package needs no image files or tools: a spine of
/// three discs, white on the accent blue (colour) or white on nothing (outline).
/// </summary>
public static class Icons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The manifest's accentColor, #1F5C99.</summary>
    private static readonly Rgba Accent = new(0x1F, 0x5C, 0x99, 0xFF);
    private static readonly Rgba White = new(0xFF, 0xFF, 0xFF, 0xFF);
    private static readonly Rgba Transparent = new(0, 0, 0, 0);

    public static byte[] Color() => PngWriter.Write(ColorSize, (x, y) => IsSpine(x, y, ColorSize) ? White : Accent);

    public static byte[] Outline() => PngWriter.Write(OutlineSize, (x, y) => IsSpine(x, y, OutlineSize) ? White : Transparent);

    /// <summary>Three rounded discs stacked in the middle third, with gaps between them.</summary>
    private static bool IsSpine(int x, int y, int size)
    {
        var centre = (size - 1) / 2.0;
        var halfWidth = size / 6.0;
        var top = size / 8.0;
        var discHeight = (size - (2 * top)) / 3.0;
        var gap = discHeight / 5.0;
        if (y < top || y >= size - top || Math.Abs(x - centre) > halfWidth)
        {
            return false;
        }

        var within = (y - top) % discHeight;
        return within >= gap / 2 && within < discHeight - (gap / 2);
    }
}

/// <summary>One pixel, 8 bits per channel.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A);
