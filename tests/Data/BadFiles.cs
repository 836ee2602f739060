using System.Buffers.Binary;
using System.Text;

namespace Lesson.Tests.Data;

/// <summary>The kinds of damage the datasets can suffer, each made for real on a file on disk.</summary>
public enum Damage
{
    TruncatedImage,
    ZeroByteMask,
    NotAnImage,
    MissingMask,
    MaskOfAnotherSize,
    ExtraFile,
    DecompressionBomb,
}

static class BadFiles
{
    /// <summary>Copies a folder tree, so each test damages its own copy of a sample generated once.</summary>
    public static string CopyFolder(string source, string name)
    {
        string target = RepoPaths.NewTempFolder(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    /// <summary>
    /// Damages one image/mask pair and returns the file a report must name, plus words its message must contain.
    /// <paramref name="extraFileFolder"/> is where a stray file goes for <see cref="Damage.ExtraFile"/>.
    /// </summary>
    public static (string File, string Says) Apply(Damage damage, string image, string mask, string extraFileFolder, string maskFormat)
    {
        switch (damage)
        {
            case Damage.TruncatedImage:
                File.WriteAllBytes(image, File.ReadAllBytes(image)[..(int)(new FileInfo(image).Length / 2)]);
                return (image, "cut off");
            case Damage.ZeroByteMask:
                File.WriteAllBytes(mask, []);
                return (mask, "empty (0 bytes)");
            case Damage.NotAnImage:
                File.WriteAllText(image, "<html><body>Download limit reached, try again later</body></html>");
                return (image, "is not a BMP, PNG or JPEG image");
            case Damage.MissingMask:
                File.Delete(mask);
                return (mask, "is missing");
            case Damage.MaskOfAnotherSize:
                if (maskFormat == "bmp")
                    DataFiles.MaskBmp(mask, 700, 500, (x, _) => x < 300, bits: 8);
                else
                    DataFiles.GrayPng(mask, 500, 300, (x, _) => x < 200 ? (byte)255 : (byte)0, channels: 3);
                return (mask, "pixel for pixel");
            case Damage.ExtraFile:
                string extra = Path.Combine(extraFileFolder, "notes.txt");
                File.WriteAllText(extra, "my notes about this case");
                return (extra, "notes.txt");
            case Damage.DecompressionBomb:
                File.WriteAllBytes(image, image.EndsWith(".png") ? BombPng() : BombBmp());
                return (image, "decompression bomb");
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }

    /// <summary>A BMP header declaring 40000 x 40000 pixels (4.8 GB decoded) in a file of a few bytes.</summary>
    static byte[] BombBmp()
    {
        var bytes = new byte[54 + 16];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(2), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), 40000);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), 40000);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), 24);
        return bytes;
    }

    /// <summary>A complete PNG (signature, IHDR, IDAT, IEND) whose header declares 60000 x 60000 RGB pixels.</summary>
    static byte[] BombPng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 60000);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 60000);
        header[8] = 8;  // bits per channel
        header[9] = 2;  // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]); // a tiny zlib stream
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]); // checksum: not looked at before the size is refused
    }
}
