using System.Buffers.Binary;

namespace Segmentation.Data;

/// <summary>
/// The JPEG part of <see cref="ImageHeader.Read"/>. A JPEG is a run of marker segments (<c>FF xx</c>, then a 2-byte
/// big-endian length for most) up to the start of the compressed scan; the frame header (SOF) among them holds the
/// size. The compressed data never contains <c>FF D9</c> (an <c>FF</c> in it is always followed by <c>00</c> or a
/// restart marker), so the end-of-image marker after the first scan shows that the file is complete.
/// </summary>
static class JpegHeader
{
    const byte StartOfScan = 0xDA, EndOfImage = 0xD9;

    public static ImageHeader Read(string path, FileStream file)
    {
        long position = 2;   // after the start-of-image marker FF D8
        int? width = null, height = null;
        Span<byte> marker = stackalloc byte[4];
        Span<byte> frame = stackalloc byte[5];
        while (true)
        {
            file.Position = position;
            if (file.ReadAtLeast(marker, marker.Length, throwOnEndOfStream: false) < marker.Length)
                throw ImageHeader.CutOff(path, "it ends among the JPEG's header segments, before the image data");
            if (marker[0] != 0xFF)
                throw ImageHeader.Damaged(path, $"has a damaged JPEG header (no marker at byte {position})");
            byte type = marker[1];
            if (type == 0xFF) { position++; continue; }   // fill byte before a marker
            if (type is 0x01 or (>= 0xD0 and <= 0xD7)) { position += 2; continue; }   // markers without a length
            if (type == EndOfImage)
                throw ImageHeader.CutOff(path, "the JPEG ends before any image data");
            int length = BinaryPrimitives.ReadUInt16BigEndian(marker[2..]);
            if (length < 2)
                throw ImageHeader.Damaged(path, $"has a damaged JPEG header (a segment of length {length})");
            if (IsFrameHeader(type))
            {
                // precision (1 byte), height (2), width (2)
                if (length < 7 || file.ReadAtLeast(frame, frame.Length, throwOnEndOfStream: false) < frame.Length)
                    throw ImageHeader.CutOff(path, "its JPEG frame header is incomplete");
                height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..]);
            }
            position += 2 + length;
            if (position > file.Length)
                throw ImageHeader.CutOff(path, $"a JPEG header segment needs {position} bytes but the file has {file.Length}");
            if (type == StartOfScan)
                break;
        }

        if (width is not int w || height is not int h)
            throw ImageHeader.Damaged(path, "has no JPEG frame header (SOF) before its image data");
        if (w == 0 || h == 0)
            throw ImageHeader.Damaged(path, $"has an impossible JPEG header ({w}x{h} pixels)");
        ImageHeader.RequireSensibleSize(path, w, h);
        if (!EndsAfter(file, position))
            throw ImageHeader.CutOff(path, "its compressed data ends without the JPEG end-of-image marker (FF D9)");
        return new ImageHeader("JPEG", w, h);
    }

    /// <summary>Frame headers: SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    static bool IsFrameHeader(byte type) => type is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>
    /// True when FF D9 occurs after <paramref name="scanStart"/>. Searched from the end, where it normally is
    /// (a few bytes of padding after it are allowed); one pass over the file at worst.
    /// </summary>
    static bool EndsAfter(FileStream file, long scanStart)
    {
        var buffer = new byte[64 * 1024];
        long end = file.Length;
        while (end > scanStart)
        {
            long start = Math.Max(scanStart, end - buffer.Length);
            int count = (int)(end - start);
            file.Position = start;
            file.ReadExactly(buffer, 0, count);
            for (int i = count - 1; i > 0; i--)
                if (buffer[i] == EndOfImage && buffer[i - 1] == 0xFF)
                    return true;
            end = start + 1;   // overlap one byte, so a marker split across two reads is still found
            if (start == scanStart)
                break;
        }
        return false;
    }
}
