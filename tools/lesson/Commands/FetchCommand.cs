using System.CommandLine;
using System.CommandLine.Parsing;
using Segmentation.Data;
using Segmentation.Fetch;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson fetch ph2|mads [--from URL_OR_FILE] [--dest DIR] [--sha256 HEX] [--kaggle-api URL]`: brings a real
/// dataset into the kit's data folder, where the notebooks and `lesson train` find it.
/// </summary>
public static class FetchCommand
{
    static readonly Argument<string> Dataset = CliOptions.ChoiceArgument("dataset", FetchTarget.All.Select(t => t.Name).ToList(),
        "the dataset to fetch", ignoreCase: true);
    // An empty --from, --dest or --kaggle-api means the default, so scripts can pass "$FROM" whether or not it is set.
    static readonly Option<string?> From = new("--from")
    {
        Description = "where to take it from: an address to download, an archive already on disk, or an extracted folder (default: the dataset's usual source)",
        HelpName = "URL_OR_FILE_OR_FOLDER",
    };
    static readonly Option<string?> Dest = new("--dest") { Description = "the data folder to put it in (default: the kit's data/)", HelpName = "DIR" };
    static readonly Option<string?> ExpectedSha256 = new("--sha256")
    {
        Description = "refuse a download whose SHA-256 differs (64 hex digits)",
        HelpName = "HEX",
        Validators = { result => CheckSha256(result, result.GetValueOrDefault<string?>()) },
    };
    static readonly Option<Uri?> KaggleApiAddress = new("--kaggle-api")
    {
        Description = $"the Kaggle API to ask for MADS (default: {FetchRequest.DefaultKaggleApi})",
        HelpName = "URL",
        CustomParser = ParseKaggleApi,
    };

    public static Command Create()
    {
        var command = new Command("fetch", "Download (resumable) or take a local copy of a dataset, extract it safely into data/ and check it. "
            + "MADS needs a Kaggle API token.")
        {
            Dataset, From, Dest, ExpectedSha256, KaggleApiAddress,
        };
        command.SetAction((parsed, _) => ExecuteAsync(parsed));
        return command;
    }

    static async Task<int> ExecuteAsync(ParseResult parsed)
    {
        string name = parsed.GetValue(Dataset)!.ToLowerInvariant();
        var target = FetchTarget.All.First(t => t.Name == name);
        var request = new FetchRequest
        {
            DataFolder = DataFolder(NullIfEmpty(parsed.GetValue(Dest))),
            From = NullIfEmpty(parsed.GetValue(From)),
            KaggleApi = parsed.GetValue(KaggleApiAddress) ?? FetchRequest.DefaultKaggleApi,
            Download = new DownloadOptions { ExpectedSha256 = NullIfEmpty(parsed.GetValue(ExpectedSha256)) },
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
            return ExitCodes.Interrupted;
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

    static string DataFolder(string? dest) =>
        dest
        ?? DatasetLocations.FindDataFolder(Environment.CurrentDirectory)
        ?? throw new UsageException(
            $"cannot find Lesson.sln in {Environment.CurrentDirectory} or any folder above it; run inside the kit or pass --dest DIR");

    static Uri? ParseKaggleApi(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (NullIfEmpty(text) is null)
            return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        result.AddError($"--kaggle-api needs an http(s) address, not '{text}'");
        return null;
    }

    static void CheckSha256(OptionResult result, string? text)
    {
        if (NullIfEmpty(text) is not null && !(text!.Length == 64 && text.All(Uri.IsHexDigit)))
            result.AddError($"--sha256 needs 64 hex digits, not '{text}'");
    }

    static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
