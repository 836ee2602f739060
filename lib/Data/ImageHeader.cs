using System.Buffers.Binary;

namespace Segmentation.Data;

/// <summary>
/// What an image file says about itself before any pixel is decoded: its format and size.
/// <see cref="Read"/> also checks that the file is complete, so a damaged or hostile file is turned
/// away with a clear message before a decoder (and its memory) ever sees it.
/// </summary>
/// <param name="Format">"BMP", "PNG" or "JPEG": the formats the datasets use (BMP, PNG) and that photos come in (JPEG).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record ImageHeader(string Format, int Width, int Height)
{
    /// <summary>
    /// The most pixels an image may declare (50 megapixels; PH2 images have 0.43). A file that declares
    /// more is refused unread: a few kilobytes of PNG can declare gigabytes of pixels (a decompression bomb).
    /// </summary>
    public const long MaxPixels = 50_000_000;

    static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>
    /// Reads the header of a BMP, PNG or JPEG file and checks that the file is complete.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BadFileException">
    /// The file is empty, is not a BMP, PNG or JPEG, declares an impossible or too large size, or is cut off.
    /// The message names the file, says what is wrong and what to do.
    /// </exception>
    public static ImageHeader Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Image file '{path}' does not exist. Check the dataset folder.", path);
        using var file = File.OpenRead(path);
        if (file.Length == 0)
            throw Damaged(path, "is empty (0 bytes)");

        Span<byte> start = stackalloc byte[54]; // a BMP's file header plus its 40-byte info header, or PNG's first chunk
        int length = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        start = start[..length];
        return start.StartsWith(PngSignature) ? ReadPng(path, file, start)
            : start.Length >= 2 && start[0] == 'B' && start[1] == 'M' ? ReadBmp(path, file, start)
            : start.StartsWith(JpegSignature) ? JpegHeader.Read(path, file)
            : throw new BadFileException(path,
                $"'{path}' is not a BMP, PNG or JPEG image (its first bytes are none of their signatures), and the kit " +
                "reads only those formats. Remove the file from the folder, or convert it to PNG.");
    }

    /// <summary>Checked before anything else about the pixels: an absurd size is the clearest sign of a hostile file.</summary>
    internal static void RequireSensibleSize(string path, long width, long height)
    {
        if (width * height > MaxPixels)
            throw new BadFileException(path,
                $"'{path}' declares {width}x{height} pixels, more than the {MaxPixels / 1_000_000} megapixels " +
                "the kit accepts. No dataset image is that large: the file may be damaged or a decompression bomb. Remove it.");
    }

    static ImageHeader ReadBmp(string path, FileStream file, ReadOnlySpan<byte> start)
    {
        if (start.Length < 26)
            throw CutOff(path, "its BMP header is incomplete");
        uint pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(start[10..]);
        uint infoSize = BinaryPrimitives.ReadUInt32LittleEndian(start[14..]);
        int width, height, bitsPerPixel;
        uint compression = 0;
        if (infoSize == 12) // the old OS/2 header: 16-bit sizes, no compression field
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(start[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(start[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(start[24..]);
        }
        else if (infoSize >= 40 && start.Length >= 34)
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(start[18..]);
            height = BinaryPrimitives.ReadInt32LittleEndian(start[22..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(start[28..]);
            compression = BinaryPrimitives.ReadUInt32LittleEndian(start[30..]);
        }
        else
            throw Damaged(path, $"has a BMP header of an unknown kind ({infoSize} bytes)");

        height = height == int.MinValue ? 0 : Math.Abs(height); // negative height: rows stored top to bottom
        if (width <= 0 || height <= 0 || bitsPerPixel is not (1 or 4 or 8 or 16 or 24 or 32))
            throw Damaged(path, $"has an impossible BMP header ({width}x{height} pixels, {bitsPerPixel} bits per pixel)");
        RequireSensibleSize(path, width, height);

        // Uncompressed rows are padded to 4 bytes, so the size the pixels need is known exactly.
        // (A cut-off BMP otherwise decodes without complaint, its missing rows black.)
        const uint Uncompressed = 0, BitFields = 3, AlphaBitFields = 6;
        long needed = compression is Uncompressed or BitFields or AlphaBitFields
            ? pixelOffset + ((long)width * bitsPerPixel + 31) / 32 * 4 * height
            : BinaryPrimitives.ReadUInt32LittleEndian(start[2..]); // compressed: trust the declared file size
        if (needed > file.Length)
            throw CutOff(path, $"its pixels need {needed} bytes but the file has {file.Length}");
        return new ImageHeader("BMP", width, height);
    }

    static ImageHeader ReadPng(string path, FileStream file, ReadOnlySpan<byte> start)
    {
        // After the signature comes the IHDR chunk: length, "IHDR", then width and height (big-endian).
        if (start.Length < 24 || !start[12..16].SequenceEqual("IHDR"u8))
            throw CutOff(path, "its PNG header is incomplete");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(start[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(start[20..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
            throw Damaged(path, $"has an impossible PNG header ({width}x{height} pixels)");
        RequireSensibleSize(path, width, height);
        RequirePngEnd(path, file);
        return new ImageHeader("PNG", (int)width, (int)height);
    }

    /// <summary>
    /// Walks the PNG's chunks (length, type, data, checksum) to its closing IEND chunk: a file cut off in the
    /// middle ends before IEND. Only the 8 bytes before each chunk's data are read.
    /// </summary>
    static void RequirePngEnd(string path, FileStream file)
    {
        Span<byte> chunk = stackalloc byte[8];
        long position = 8;
        while (true)
        {
            file.Position = position;
            if (file.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false) < chunk.Length)
                throw CutOff(path, "it ends before the PNG's closing IEND chunk");
            long dataLength = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            position += 8 + dataLength + 4;
            if (position > file.Length)
                throw CutOff(path, $"a PNG chunk needs {position} bytes but the file has {file.Length}");
            if (chunk[4..].SequenceEqual("IEND"u8))
                return;
        }
    }

    internal static BadFileException CutOff(string path, string detail) =>
        new(path, $"'{path}' is cut off: {detail}. Download or extract the dataset again, or remove the file.");

    internal static BadFileException Damaged(string path, string what) =>
        new(path, $"'{path}' {what}: it is not a usable image. Download or extract the dataset again, or remove the file.");
}
