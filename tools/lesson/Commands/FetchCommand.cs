using Segmentation.Data;
using Segmentation.Fetch;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson fetch ph2|mads [--from URL_OR_FILE] [--dest DIR] [--sha256 HEX] [--kaggle-api URL]`: brings a real
/// dataset into the kit's data folder, where the notebooks and `lesson train` find it.
/// </summary>
public static class FetchCommand
{
    public static async Task<int> ExecuteAsync(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: [], values: ["--from", "--dest", "--sha256", "--kaggle-api"]);
        var target = FindTarget(options.Positionals);
        var request = new FetchRequest
        {
            DataFolder = DataFolder(options.Value("--dest", "")),
            From = NullIfEmpty(options.Value("--from", "")),
            KaggleApi = KaggleApi(options.Value("--kaggle-api", "")),
            Download = new DownloadOptions { ExpectedSha256 = Sha256(options.Value("--sha256", "")) },
        };

        // Ctrl+C stops cleanly: the partial download stays, and the same command continues it.
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        var progress = new FetchProgressPrinter(Console.Out);
        try
        {
            var report = await DatasetFetcher.FetchAsync(target, request, progress.MessageWriter, progress, cancel.Token);
            progress.Finish();
            PrintReport(target, report);
            return 0;
        }
        catch (FetchException error)
        {
            progress.Finish();
            Console.Error.WriteLine($"lesson fetch {target.Name}: {error.Message}");
            return 1;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Disk full, no permission, a file in use: the system's message names the file.
            progress.Finish();
            Console.Error.WriteLine($"lesson fetch {target.Name}: {error.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            progress.Finish();
            Console.Error.WriteLine("Interrupted. What was downloaded is kept: run the same command again to continue.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static void PrintReport(FetchTarget target, FetchReport report)
    {
        if (report.Download is { } download)
            Console.WriteLine($"sha256 {download.Sha256}  ({download.Size:N0} bytes; pin it with --sha256 {download.Sha256})");
        Console.WriteLine(report.WasAlreadyThere
            ? $"Already there, nothing fetched (delete the folder to fetch again): {report.Summary}"
            : $"Checked: {report.Summary}");
        Console.WriteLine($"The {target.Description} is ready in {report.DatasetFolder}");
    }

    static FetchTarget FindTarget(List<string> positionals)
    {
        var names = string.Join(" or ", FetchTarget.All.Select(t => t.Name));
        if (positionals.Count != 1)
            throw new UsageException($"name one dataset to fetch: {names}");
        return FetchTarget.All.FirstOrDefault(t => t.Name == positionals[0].ToLowerInvariant())
               ?? throw new UsageException($"unknown dataset '{positionals[0]}'; the datasets are {names}");
    }

    static string DataFolder(string dest) =>
        NullIfEmpty(dest)
        ?? DatasetLocations.FindDataFolder(Environment.CurrentDirectory)
        ?? throw new UsageException(
            $"cannot find Lesson.sln in {Environment.CurrentDirectory} or any folder above it; run inside the kit or pass --dest DIR");

    static Uri KaggleApi(string text)
    {
        if (NullIfEmpty(text) is null)
            return FetchRequest.DefaultKaggleApi;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--kaggle-api needs an http(s) address, not '{text}'");
    }

    static string? Sha256(string text)
    {
        if (NullIfEmpty(text) is null)
            return null;
        return text.Length == 64 && text.All(Uri.IsHexDigit)
            ? text
            : throw new UsageException($"--sha256 needs 64 hex digits, not '{text}'");
    }

    static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
