using System.Text;
using Segmentation.Data;
using Segmentation.Fetch;

namespace Lesson.Tests.Fetch;

public class ArchiveExtractorTests
{
    readonly string folder = RepoPaths.NewTempFolder("extract");

    string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    string Destination => Path.Combine(folder, "out");

    [Fact]
    public void Extracts_a_ph2_layout_zip_byte_for_byte()
    {
        var summary = ArchiveExtractor.Extract(Save("ph2.zip", TestArchives.Ph2Zip()), Destination);

        Assert.Equal("ZIP", summary.Format);
        AssertSameFiles(Path.Combine(TestArchives.Ph2Folder, "PH2Dataset"), Path.Combine(Destination, "PH2Dataset"));
        Assert.Equal(3, Ph2Dataset.Load(Destination).Count);
    }

    [Fact]
    public void Extracts_a_ph2_layout_rar_with_windows_separators_byte_for_byte()
    {
        var summary = ArchiveExtractor.Extract(Save("PH2Dataset.rar", TestArchives.Ph2Rar()), Destination);

        Assert.Equal("RAR", summary.Format);
        AssertSameFiles(Path.Combine(TestArchives.Ph2Folder, "PH2Dataset"), Path.Combine(Destination, "PH2Dataset"));
        Assert.Equal(summary.Files, Directory.GetFiles(Destination, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("PH2Dataset/../../escaped.txt")]
    [InlineData("/tmp/escaped.txt")]
    [InlineData("C:\\escaped.txt")]
    public void Refuses_a_zip_with_an_entry_that_escapes_and_writes_nothing(string evilName)
    {
        // The good entry comes first: a careless extractor would already have written it.
        var archive = Save("evil.zip", TestArchives.Zip(
            ("PH2Dataset/ok.txt", "fine"u8.ToArray(), null),
            (evilName, "escaped"u8.ToArray(), null)));

        var error = Assert.Throws<UnsafeArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains(evilName, error.Message);
        Assert.False(Directory.Exists(Destination), "nothing may be written, not even the good entry");
        Assert.False(File.Exists(Path.Combine(folder, "escaped.txt")));
        Assert.False(File.Exists("/tmp/escaped.txt"));
    }

    [Fact]
    public void Refuses_a_rar_with_a_path_traversal_entry()
    {
        var archive = Save("evil.rar", Rar4Writer.Build([
            new("PH2Dataset\\ok.txt", "fine"u8.ToArray()),
            new("..\\..\\escaped.txt", "escaped"u8.ToArray())]));

        var error = Assert.Throws<UnsafeArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("escaped.txt", error.Message);
        Assert.False(Directory.Exists(Destination));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "escaped.txt")));
    }

    [Fact]
    public void Refuses_a_zip_holding_a_symbolic_link()
    {
        var archive = Save("link.zip", TestArchives.Zip(
            ("PH2Dataset/ok.txt", "fine"u8.ToArray(), null),
            ("PH2Dataset/passwd", "/etc/passwd"u8.ToArray(), TestArchives.SymbolicLinkMode)));

        var error = Assert.Throws<UnsafeArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("link", error.Message);
        Assert.Contains("PH2Dataset/passwd", error.Message);
        Assert.False(Directory.Exists(Destination));
    }

    [Fact]
    public void Refuses_a_rar_made_on_unix_holding_a_symbolic_link()
    {
        var archive = Save("link.rar", Rar4Writer.Build([
            new("PH2Dataset/ok.txt", "fine"u8.ToArray(), UnixMode: 0x81A4),   // a regular file, rw-r--r--
            new("PH2Dataset/home", "/home"u8.ToArray(), UnixMode: TestArchives.SymbolicLinkMode)]));

        var error = Assert.Throws<UnsafeArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("PH2Dataset/home", error.Message);
        Assert.False(Directory.Exists(Destination));
    }

    [Fact]
    public void Accepts_regular_unix_files_in_a_zip()
    {
        var archive = Save("unix.zip", TestArchives.Zip(("a/run.sh", "echo"u8.ToArray(), 0x81ED))); // rwxr-xr-x

        ArchiveExtractor.Extract(archive, Destination);

        Assert.Equal("echo", File.ReadAllText(Path.Combine(Destination, "a", "run.sh")));
    }

    [Fact]
    public void Refuses_an_archive_that_expands_beyond_the_limit_before_writing()
    {
        // 4 MB of zeros compress to a few kilobytes: the classic shape of a "zip bomb".
        var archive = Save("bomb.zip", TestArchives.Zip(("zeros.bin", new byte[4_000_000], null)));
        Assert.True(new FileInfo(archive).Length < 50_000);

        var error = Assert.Throws<UnsafeArchiveException>(
            () => ArchiveExtractor.Extract(archive, Destination, new ExtractionLimits(MaxTotalBytes: 1_000_000, MaxEntries: 100)));

        Assert.Contains("4,000,000", error.Message);
        Assert.False(Directory.Exists(Destination));
    }

    [Fact]
    public void Stops_an_entry_that_expands_beyond_the_size_it_declares()
    {
        // Lie in the headers: declare 1,000 bytes for an entry that inflates to 4 MB.
        var bytes = TestArchives.Zip(("zeros.bin", new byte[4_000_000], null));
        TestArchives.SetDeclaredSize(bytes, 1_000);
        var archive = Save("liar.zip", bytes);

        var error = Assert.Throws<UnsafeArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("beyond its declared", error.Message);
        Assert.True(new FileInfo(Path.Combine(Destination, "zeros.bin")).Length <= 1_000 + 65_536,
            "writing stops at the declared size (give or take one buffer)");
    }

    [Fact]
    public void Reports_a_flipped_byte_in_a_stored_entry_as_damage()
    {
        // Stored (not compressed) data has no decoder to trip over a bad byte: only the CRC-32 check catches it.
        var bytes = TestArchives.StoredZip("PH2Dataset/Readme.txt", "0123456789 PH2 readme"u8.ToArray());
        bytes[Encoding.Latin1.GetString(bytes).IndexOf("0123456789", StringComparison.Ordinal) + 5] ^= 0x01;
        var archive = Save("flipped.zip", bytes);

        var error = Assert.Throws<DamagedArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("flipped.zip", error.Message);
        Assert.Contains("CRC-32", error.Message);
        Assert.Contains("download it again", error.Message);
    }

    [Fact]
    public void Reports_a_truncated_archive_as_damaged()
    {
        var whole = TestArchives.Ph2Zip();
        var archive = Save("half.zip", whole[..(whole.Length / 2)]);

        var error = Assert.Throws<DamagedArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("half.zip", error.Message);
    }

    [Fact]
    public void Reports_a_web_page_saved_as_an_archive_as_not_an_archive()
    {
        var archive = Save("PH2Dataset.rar", "<!DOCTYPE html><html><body>Sign in</body></html>"u8.ToArray());

        var error = Assert.Throws<DamagedArchiveException>(() => ArchiveExtractor.Extract(archive, Destination));

        Assert.Contains("not a readable", error.Message);
    }

    static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = Directory.GetFiles(expectedFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(expectedFolder, f)).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(actualFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(actualFolder, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, file))), $"{file} differs");
    }
}
