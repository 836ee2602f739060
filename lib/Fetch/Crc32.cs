namespace Segmentation.Fetch;

/// <summary>
/// The CRC-32 that ZIP, RAR and 7z store for every file. Checked on extraction because not every reader
/// checks it: a flipped byte in a stored (uncompressed) entry would otherwise pass unnoticed.
/// </summary>
internal sealed class Crc32
{
    static readonly uint[] Table = MakeTable();
    uint state = 0xFFFFFFFF;

    /// <summary>The CRC of everything appended so far.</summary>
    public uint Value => ~state;

    public void Append(ReadOnlySpan<byte> data)
    {
        uint crc = state;
        foreach (byte b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        state = crc;
    }

    static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
