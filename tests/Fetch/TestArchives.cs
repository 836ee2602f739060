using System.IO.Compression;
using Segmentation.Data;
using Segmentation.Samples;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace Lesson.Tests.Fetch;

/// <summary>Small archives in the real datasets' layouts, and hostile ones, made at test time.</summary>
static class TestArchives
{
    /// <summary>Top folder of the MADS zip (the real one has it twice, one inside the other).</summary>
    public const string MadsFolder = "segmentation_full_body_mads_dataset_1192_img";

    static readonly Lazy<string> Ph2SampleRoot = new(() => Ph2Sample.Write(RepoPaths.NewTempFolder("ph2-source"), count: 3));

    /// <summary>A generated PH2 sample (3 cases) in the real layout: <c>ROOT/PH2Dataset/PH2 Dataset images/IMD.../</c>.</summary>
    public static string Ph2Folder => Ph2SampleRoot.Value;

    static readonly Lazy<byte[]> Ph2ZipBytes = new(MakePh2Zip);
    static readonly Lazy<byte[]> Ph2RarBytes = new(MakePh2Rar);

    /// <summary>A ZIP of <see cref="Ph2Folder"/> with <c>PH2Dataset/</c> at the top, as in PH2Dataset.rar (a fresh copy).</summary>
    public static byte[] Ph2Zip() => (byte[])Ph2ZipBytes.Value.Clone();

    /// <summary>The same files as a RAR 4 archive (stored), like the real PH2Dataset.rar (a fresh copy).</summary>
    public static byte[] Ph2Rar() => (byte[])Ph2RarBytes.Value.Clone();

    static byte[] MakePh2Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Ph2Folder, Ph2Dataset.DatasetFolderName), "*", SearchOption.AllDirectories))
                zip.CreateEntryFromFile(file, Path.GetRelativePath(Ph2Folder, file).Replace('\\', '/'), CompressionLevel.Fastest);
        return memory.ToArray();
    }

    static byte[] MakePh2Rar() =>
        Rar4Writer.Build(Directory.EnumerateFiles(Path.Combine(Ph2Folder, Ph2Dataset.DatasetFolderName), "*", SearchOption.AllDirectories)
            .Select(file => new Rar4Writer.Entry(Path.GetRelativePath(Ph2Folder, file).Replace('/', '\\'), File.ReadAllBytes(file))));

    /// <summary>A MADS-style zip: df.csv and the doubled folder with images/, masks/ (same names) and collages/.</summary>
    public static byte[] MadsZip(int pairs = 3)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var inner = $"{MadsFolder}/{MadsFolder}";
            var rows = new List<string> { "images,masks" };
            for (int i = 0; i < pairs; i++)
            {
                var name = $"HipHop_HipHop1_C{i % 3}_{i * 45:00000}.png";
                Add(zip, $"{inner}/images/{name}", Png(i, mask: false));
                Add(zip, $"{inner}/masks/{name}", Png(i, mask: true));
                rows.Add($"images/{name},masks/{name}");
            }
            Add(zip, $"{inner}/collages/collage_0.jpg", [0xFF, 0xD8, 0xFF, 0xD9]);
            Add(zip, "df.csv", System.Text.Encoding.ASCII.GetBytes(string.Join("\n", rows)));
        }
        return memory.ToArray();
    }

    /// <summary>A ZIP whose entries are written exactly as given: names are not cleaned, attributes are set as asked.</summary>
    public static byte[] Zip(params (string Name, byte[] Data, int? UnixMode)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data, unixMode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (unixMode is int mode)
                    entry.ExternalAttributes = mode << 16; // how Unix zip tools store a file's mode (0120777: a symbolic link)
                using var stream = entry.Open();
                stream.Write(data);
            }
        return memory.ToArray();
    }

    /// <summary>A ZIP with one entry stored uncompressed, so its bytes can be found in the archive and changed.</summary>
    public static byte[] StoredZip(string name, byte[] data)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open())
            stream.Write(data);
        return memory.ToArray();
    }

    /// <summary>
    /// Rewrites the uncompressed size a ZIP declares for its entries, in the local headers (offset 22) and the
    /// central directory (offset 24), to make an archive that lies about how far it expands.
    /// </summary>
    public static void SetDeclaredSize(byte[] zip, uint size)
    {
        for (int i = 0; i + 28 <= zip.Length; i++)
        {
            uint signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50)
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            else if (signature == 0x02014b50)
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
        }
    }

    /// <summary>Unix file mode of a symbolic link (type 0120000) with rwx for all.</summary>
    public const int SymbolicLinkMode = 0xA1FF; // octal 0120777

    static void Add(ZipArchive zip, string name, byte[] data)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(data);
    }

    static byte[] Png(int seed, bool mask)
    {
        using var image = new Image<Rgb24>(16, 12);
        for (int y = 0; y < 12; y++)
            for (int x = 0; x < 16; x++)
                image[x, y] = mask
                    ? (x > 4 && x < 11 ? new Rgb24(255, 255, 255) : new Rgb24(0, 0, 0))
                    : new Rgb24((byte)(x * 16), (byte)(y * 20), (byte)(seed * 40));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
