using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TriageBot.Dialogs.Tests.Teams;

/// <summary>
/// Reads a PNG as the tests need it: size, colour type and RGBA pixels. Checks each chunk's CRC; reads 8-bit RGBA
/// with unfiltered rows only (what the package's icons are), and fails loudly on anything else.
/// </summary>
internal sealed record PngImage(int Width, int Height, byte ColourType, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var at = ((y * Width) + x) * 4;
        return (Rgba[at], Rgba[at + 1], Rgba[at + 2], Rgba[at + 3]);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels() =>
        Enumerable.Range(0, Width * Height).Select(i => Pixel(i % Width, i / Width));

    public static PngImage Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG signature");
        int width = 0, height = 0;
        byte depth = 0, colourType = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.True(crc == Crc32(png.AsSpan(at + 4, length + 4)), $"chunk {type} has a wrong CRC");
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                depth = data[8];
                colourType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        Assert.True(depth == 8 && colourType == 6, $"expected 8-bit RGBA, found depth {depth} colour type {colourType}");
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 4) + 1);
            Assert.True(rows[row] == 0, $"row {y} uses PNG filter {rows[row]}; this reader handles unfiltered rows only");
            Array.Copy(rows, row + 1, rgba, y * width * 4, width * 4);
        }

        return new PngImage(width, height, colourType, rgba);
    }

    /// <summary>CRC-32 (ISO-HDLC), bit by bit: slow and obviously right, which is what a check wants.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }
}
