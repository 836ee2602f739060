using System.IO.Hashing;
using SharpCompress.Archives;
using SharpCompress.Common;
using SharpCompress.Readers;

namespace Segmentation.Fetch;

/// <summary>
/// Extracts a RAR, ZIP, 7z or tar archive in managed code (SharpCompress: MIT-licensed, maintained since 2010,
/// and the one .NET library that reads RAR, so nobody needs the unrar tool). Every entry is checked before
/// anything is written: names must stay inside the destination, links are refused, and the declared sizes
/// must fit <see cref="ExtractionLimits"/>. While writing, each file must match its declared size and CRC-32.
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>
    /// Extracts <paramref name="archiveFile"/> into <paramref name="destinationFolder"/> (created if missing) and
    /// returns what it wrote. On an error some files may already be written: extract into a fresh folder and
    /// delete it on failure, as <see cref="DatasetFetcher"/> does.
    /// </summary>
    /// <exception cref="UnsafeArchiveException">An entry escapes the destination or is a link, the archive is too big,
    /// or it is encrypted; nothing was written.</exception>
    /// <exception cref="DamagedArchiveException">The file is not a readable archive, or an entry is damaged.</exception>
    public static ExtractionSummary Extract(
        string archiveFile, string destinationFolder, ExtractionLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= ExtractionLimits.Default;
        var archivePath = Path.GetFullPath(archiveFile);
        var destination = Path.GetFullPath(destinationFolder);
        using var archive = Open(archivePath);
        var entries = ReadEntries(archive, archivePath);
        var targets = PlanTargets(entries, destination, limits, archivePath);

        Directory.CreateDirectory(destination);
        var written = new Budget(limits.MaxTotalBytes);
        int files = 0;
        if (archive.IsSolid || archive.Type == ArchiveType.SevenZip)
        {
            // Solid archives compress files as one stream: reading them in order is the only fast way.
            using var reader = archive.ExtractAllEntries();
            while (MoveNext(reader, archivePath))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!reader.Entry.IsDirectory)
                    files += WriteFile(reader.Entry, reader.OpenEntryStream, Planned(targets, reader.Entry, archivePath), written, archivePath);
            }
        }
        else
        {
            foreach (var entry in entries.Where(e => !e.IsDirectory))
            {
                cancellationToken.ThrowIfCancellationRequested();
                files += WriteFile(entry, entry.OpenEntryStream, targets[entry.Key!], written, archivePath);
            }
        }
        foreach (var folder in entries.Where(e => e.IsDirectory))
            Directory.CreateDirectory(targets[folder.Key!]); // empty folders too

        return new ExtractionSummary(archive.Type.ToString().ToUpperInvariant(), files, written.Used);
    }

    static string Planned(Dictionary<string, string> targets, IEntry entry, string archivePath) =>
        targets.TryGetValue(entry.Key ?? "", out var target)
            ? target
            : throw Damaged(archivePath, $"is damaged: entry '{entry.Key}' is not in its list of contents", null);

    static IArchive Open(string archivePath)
    {
        if (!File.Exists(archivePath))
            throw new FileNotFoundException($"The archive '{archivePath}' does not exist.", archivePath);
        try
        {
            return ArchiveFactory.OpenArchive(archivePath, new ReaderOptions());
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw Damaged(archivePath, "is not a readable RAR, ZIP, 7z or tar archive", error);
        }
    }

    static List<IArchiveEntry> ReadEntries(IArchive archive, string archivePath)
    {
        try
        {
            return archive.Entries.ToList();
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw Damaged(archivePath, "has a damaged list of contents", error);
        }
    }

    /// <summary>Checks every entry and decides where each goes, before a single byte is written.</summary>
    static Dictionary<string, string> PlanTargets(
        List<IArchiveEntry> entries, string destination, ExtractionLimits limits, string archivePath)
    {
        if (entries.Count > limits.MaxEntries)
            throw new UnsafeArchiveException(
                $"'{archivePath}' lists {entries.Count:N0} entries, more than the limit of {limits.MaxEntries:N0}; nothing was extracted.");

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        long declared = 0;
        foreach (var entry in entries)
        {
            var key = entry.Key ?? "";
            if (IsLink(entry))
                throw new UnsafeArchiveException(
                    $"'{archivePath}' contains a link, '{key}'. Links could point outside the destination, and the " +
                    "datasets contain none, so the archive was refused; nothing was extracted.");
            if (entry.IsEncrypted)
                throw new UnsafeArchiveException(
                    $"'{archivePath}' has an encrypted entry, '{key}'; the datasets are not encrypted. Nothing was extracted.");
            targets[key] = SafeEntryPath.Resolve(destination, key);
            declared += Math.Max(entry.Size, 0);
        }
        if (declared > limits.MaxTotalBytes)
            throw new UnsafeArchiveException(
                $"'{archivePath}' would expand to {declared:N0} bytes, more than the limit of {limits.MaxTotalBytes:N0}; " +
                "nothing was extracted. Check that this is the right archive.");
        return targets;
    }

    /// <summary>
    /// Symbolic and hard links: tar and RAR 5 name a link target; ZIP and RAR 4 made on Unix store the file mode,
    /// whose type bits say "link" (ZIP in the upper 16 bits of the attributes, RAR 4 in the lower ones).
    /// </summary>
    static bool IsLink(IEntry entry)
    {
        const int TypeBits = 0xF000, SymbolicLink = 0xA000;
        int attributes = entry.Attrib ?? 0;
        return !string.IsNullOrEmpty(entry.LinkTarget)
               || ((attributes >> 16) & TypeBits) == SymbolicLink
               || (attributes & TypeBits) == SymbolicLink;
    }

    static int WriteFile(IEntry entry, Func<Stream> open, string target, Budget written, string archivePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // The CRC-32 that ZIP, RAR and 7z store for every file (System.IO.Hashing), checked here because not every reader
        // checks it: a flipped byte in a stored (uncompressed) entry would otherwise pass unnoticed.
        var crc = new Crc32();
        long length = 0;
        using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var input = OpenEntry(open, entry, archivePath))
        {
            var buffer = new byte[1 << 16];
            int count;
            while ((count = ReadEntry(input, buffer, entry, archivePath)) > 0)
            {
                length += count;
                // Declared sizes were checked against the limit; an entry that expands past its own is lying.
                if (length > entry.Size && entry.Size >= 0)
                    throw new UnsafeArchiveException(
                        $"'{archivePath}': entry '{entry.Key}' expands beyond its declared {entry.Size:N0} bytes; extraction was stopped.");
                written.Take(count, archivePath);
                crc.Append(buffer.AsSpan(0, count));
                output.Write(buffer, 0, count);
            }
        }

        if (entry.Size >= 0 && length != entry.Size)
            throw Damaged(archivePath, $"ends early: entry '{entry.Key}' has {length:N0} of its {entry.Size:N0} bytes", null);
        // Tar stores no CRC (0); for the rest a mismatch means damaged data.
        if (entry.Crc != 0 && crc.GetCurrentHashAsUInt32() != (uint)entry.Crc)
            throw Damaged(archivePath, $"is damaged: entry '{entry.Key}' fails its CRC-32 check", null);
        return 1;
    }

    static Stream OpenEntry(Func<Stream> open, IEntry entry, string archivePath)
    {
        try
        {
            return open();
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw Damaged(archivePath, $"is damaged: entry '{entry.Key}' cannot be opened", error);
        }
    }

    static int ReadEntry(Stream input, byte[] buffer, IEntry entry, string archivePath)
    {
        try
        {
            return input.Read(buffer, 0, buffer.Length);
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw Damaged(archivePath, $"is damaged: entry '{entry.Key}' cannot be decompressed", error);
        }
    }

    static bool MoveNext(IReader reader, string archivePath)
    {
        try
        {
            return reader.MoveToNextEntry();
        }
        catch (Exception error) when (IsReadError(error))
        {
            throw Damaged(archivePath, "is damaged", error);
        }
    }

    // Decoders fed damaged data fail in many ways (format errors, index errors, ...); all mean "damaged".
    // Cancellation and our own refusals are not read errors.
    static bool IsReadError(Exception error) => error is not (OperationCanceledException or FetchException or OutOfMemoryException);

    static DamagedArchiveException Damaged(string archivePath, string what, Exception? inner) =>
        new($"'{archivePath}' {what}{(inner is null ? "" : $" ({inner.Message})")}. " +
            "The download may be incomplete or corrupted: delete the file and download it again.", inner);

    /// <summary>Counts bytes written against the limit on the total.</summary>
    sealed class Budget(long limit)
    {
        public long Used { get; private set; }

        public void Take(long bytes, string archivePath)
        {
            Used += bytes;
            if (Used > limit)
                throw new UnsafeArchiveException(
                    $"'{archivePath}' expands beyond the limit of {limit:N0} bytes; extraction was stopped.");
        }
    }
}
