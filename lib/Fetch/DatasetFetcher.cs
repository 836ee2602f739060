namespace Segmentation.Fetch;

/// <summary>
/// Brings a dataset into the data folder: download (or take a local archive or folder), extract safely into a
/// hidden working folder, check the result with the dataset's reader, and only then move it into place with one
/// rename. So <c>data/PH2Dataset/</c> or <c>data/mads/</c> either holds a checked dataset or does not exist.
/// </summary>
public static class DatasetFetcher
{
    /// <summary>Folder, inside the data folder, where downloads are kept while they are incomplete.</summary>
    public const string DownloadsFolderName = "downloads";

    /// <summary>
    /// Fetches <paramref name="target"/> as <paramref name="request"/> says and returns what landed. Does nothing
    /// but check when the dataset is already in place. Steps go to <paramref name="log"/>, download progress to
    /// <paramref name="progress"/>. One run at a time per data folder: a new run clears what an interrupted one left.
    /// </summary>
    /// <exception cref="FetchException">Anything the learner can act on: the message says what and what to do.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; a partial download is kept, so the next run continues it.</exception>
    public static async Task<FetchReport> FetchAsync(
        FetchTarget target, FetchRequest request, TextWriter? log = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataFolder = Path.GetFullPath(request.DataFolder);
        var finalFolder = Path.Combine(dataFolder, target.FolderName);
        if (Directory.Exists(finalFolder))
            return new FetchReport(finalFolder, CheckExisting(target, finalFolder), WasAlreadyThere: true, null, null);

        Directory.CreateDirectory(dataFolder);
        RemoveLeftoverWorkFolders(dataFolder, target);
        // Inside the data folder, so the final move is a rename on the same disk: instant and all or nothing.
        var work = Path.Combine(dataFolder, $"{WorkFolderPrefix(target)}{Guid.NewGuid():N}");
        DownloadResult? download = null;
        ExtractionSummary? extraction = null;
        try
        {
            var from = string.IsNullOrWhiteSpace(request.From) ? null : request.From.Trim();
            if (from is null || IsWebAddress(from))
            {
                download = await DownloadAsync(target, request, from, log, progress, cancellationToken);
                extraction = Extract(download.Path, work, request.Limits, log, cancellationToken);
            }
            else if (File.Exists(from))
                extraction = Extract(from, work, request.Limits, log, cancellationToken);
            else if (Directory.Exists(from))
                CopyFolder(from, work, log);
            else
                throw new FetchException($"'{from}' is neither an http(s) address nor an existing archive file or folder.");

            var root = target.FindDatasetRoot(work) ?? throw new FetchException(
                $"{from ?? download?.Path} does not hold the {target.Description} in a layout this kit knows. " +
                $"See data/README.md for the expected layout, and check that it is the right file.");
            log?.WriteLine($"Checking the {target.Description} ...");
            var summary = target.Check(root);
            Directory.Move(root, finalFolder); // the one step that makes the dataset visible
            return new FetchReport(finalFolder, summary, WasAlreadyThere: false, download, extraction);
        }
        finally
        {
            // The extracted files now live in finalFolder, or the run failed: either way the rest goes. The downloaded
            // archive too: it is never reused (a new run downloads again), and a bad one must not look complete.
            TryCleanUp(() => Directory.Delete(work, recursive: true), Directory.Exists(work));
            var downloads = Path.Combine(dataFolder, DownloadsFolderName);
            if (download is not null)
                TryCleanUp(() => File.Delete(download.Path), true);
            TryCleanUp(() => Directory.Delete(downloads), Directory.Exists(downloads) && !Directory.EnumerateFileSystemEntries(downloads).Any());
        }
    }

    static string CheckExisting(FetchTarget target, string finalFolder)
    {
        try
        {
            return target.Check(finalFolder);
        }
        catch (FetchException problem)
        {
            throw new FetchException(
                $"'{finalFolder}' already exists but is not a complete {target.Description}: {problem.Message} " +
                "`lesson fetch` never leaves an incomplete dataset there, so it was put there by hand: move or delete it, " +
                "then run again.", problem);
        }
    }

    static async Task<DownloadResult> DownloadAsync(
        FetchTarget target, FetchRequest request, string? from, TextWriter? log,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var (url, credentials) = from is null ? target.DefaultSource(request) : (new Uri(from), null);
        var file = Path.Combine(Path.GetFullPath(request.DataFolder), DownloadsFolderName, from is null ? target.ArchiveFileName : ArchiveName(url, target));
        log?.WriteLine($"Downloading {url}");
        log?.WriteLine($"  to {file}");
        try
        {
            var options = request.Download with { Credentials = credentials, Log = request.Download.Log ?? log };
            return await ResumableDownload.RunAsync(url, file, options, progress, cancellationToken);
        }
        catch (DownloadRefusedException refusal)
        {
            throw from is null
                ? target.ExplainRefusal(refusal, credentials)
                : new FetchException($"{refusal.Message} Check the address, or download the file in a browser and pass it with --from FILE.", refusal);
        }
    }

    /// <summary>For a --from address: its own file name when it is a plain one (so a .zip is not saved as .rar), else the usual name.</summary>
    static string ArchiveName(Uri url, FetchTarget target)
    {
        var name = Path.GetFileName(url.AbsolutePath);
        bool plain = name.Length is > 0 and <= 100 && name.Contains('.') && !name.StartsWith('.') &&
                     name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
        return plain ? name : target.ArchiveFileName;
    }

    static ExtractionSummary Extract(string archive, string work, ExtractionLimits limits, TextWriter? log, CancellationToken cancellationToken)
    {
        log?.WriteLine($"Extracting {Path.GetFileName(archive)} ...");
        var summary = ArchiveExtractor.Extract(archive, work, limits, cancellationToken);
        log?.WriteLine($"  {summary.Files:N0} files, {summary.Bytes / 1e6:N1} MB ({summary.Format})");
        return summary;
    }

    static void CopyFolder(string source, string work, TextWriter? log)
    {
        log?.WriteLine($"Copying {source} ...");
        var from = new DirectoryInfo(Path.GetFullPath(source));
        if (work.StartsWith(Path.TrimEndingDirectorySeparator(from.FullName) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new FetchException($"'{from.FullName}' contains the data folder itself; point --from at the dataset's own folder.");
        foreach (var item in from.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            // Same rule as for archives: a link could lead anywhere, and the datasets have none.
            if (item.LinkTarget is not null)
                throw new FetchException($"'{item.FullName}' is a link; copy the dataset without links and try again.");
            var target = Path.Combine(work, Path.GetRelativePath(from.FullName, item.FullName));
            if (item is DirectoryInfo)
                Directory.CreateDirectory(target);
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(item.FullName, target);
            }
        }
    }

    static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    static string WorkFolderPrefix(FetchTarget target) => $".fetch-{target.Name}-";

    static void RemoveLeftoverWorkFolders(string dataFolder, FetchTarget target)
    {
        // A run that was killed mid-extraction leaves its work folder behind; it is never a dataset.
        foreach (var leftover in Directory.EnumerateDirectories(dataFolder, WorkFolderPrefix(target) + "*"))
            Directory.Delete(leftover, recursive: true);
    }

    static void TryCleanUp(Action delete, bool needed)
    {
        // A failing clean-up must not hide the real error; leftovers are removed by the next run.
        try
        {
            if (needed)
                delete();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }
}
