using System.Text;

namespace Lesson.Tests.Fetch;

/// <summary>
/// Writes a RAR 4 archive with stored (uncompressed) files, from the format's published block layout: a marker
/// block, an archive header, one file header plus data per file, an end block. RAR compression itself is closed,
/// but "stored" needs none, so the tests can feed the extractor real RAR archives, hostile ones included.
/// </summary>
static class Rar4Writer
{
    /// <summary>One file. <paramref name="Name"/> uses \ like archives made on Windows; <paramref name="UnixMode"/> set
    /// means "made on Unix" with that file mode (0xA1FF is a symbolic link whose data is the target path).</summary>
    public sealed record Entry(string Name, byte[] Data, int? UnixMode = null);

    const byte ArchiveHeader = 0x73, FileHeader = 0x74, EndOfArchive = 0x7B;
    const byte HostWindows = 2, HostUnix = 3;
    const byte MethodStore = 0x30;
    const ushort HasData = 0x8000, NoMoreVolumes = 0x4000;

    public static byte[] Build(IEnumerable<Entry> entries)
    {
        var output = new MemoryStream();
        output.Write("Rar!\x1A\x07\x00"u8);
        WriteBlock(output, ArchiveHeader, 0, new byte[6]); // two reserved fields
        foreach (var entry in entries)
        {
            var name = Encoding.ASCII.GetBytes(entry.Name);
            var fields = new MemoryStream();
            var writer = new BinaryWriter(fields);
            writer.Write((uint)entry.Data.Length);               // packed size
            writer.Write((uint)entry.Data.Length);               // unpacked size
            writer.Write(entry.UnixMode is null ? HostWindows : HostUnix);
            writer.Write(Crc32(entry.Data));        // file CRC
            writer.Write(0x5A210000u);                           // DOS date and time (2025-01-01)
            writer.Write((byte)20);                              // version needed to extract: 2.0
            writer.Write(MethodStore);
            writer.Write((ushort)name.Length);
            writer.Write((uint)(entry.UnixMode ?? 0x20));        // attributes: Unix mode, or "archive" on Windows
            writer.Write(name);
            WriteBlock(output, FileHeader, HasData, fields.ToArray());
            output.Write(entry.Data);
        }
        WriteBlock(output, EndOfArchive, NoMoreVolumes, []);
        return output.ToArray();
    }

    /// <summary>A block: CRC16 (the low half of the CRC-32 of what follows), type, flags, size, fields.</summary>
    static void WriteBlock(Stream output, byte type, ushort flags, byte[] fields)
    {
        var header = new MemoryStream();
        var writer = new BinaryWriter(header);
        writer.Write(type);
        writer.Write(flags);
        writer.Write((ushort)(2 + 1 + 2 + 2 + fields.Length));
        writer.Write(fields);
        var bytes = header.ToArray();
        output.Write(BitConverter.GetBytes((ushort)(Crc32(bytes) & 0xFFFF)));
        output.Write(bytes);
    }

    /// <summary>CRC-32 (the ZIP/RAR polynomial), bit by bit: slow and obvious, fine for test archives.</summary>
    static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
