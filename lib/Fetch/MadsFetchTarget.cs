using Segmentation.Data;

namespace Segmentation.Fetch;

/// <summary>MADS: Kaggle's dataset download API with the learner's API token, checked with <see cref="MadsDataset.CountPairs"/>.</summary>
internal sealed class MadsFetchTarget : FetchTarget
{
    /// <summary>The dataset's owner/name on Kaggle.</summary>
    public const string KaggleDataset = "tapakah68/segmentation-full-body-mads-dataset";

    public override string Name => "mads";
    public override string Description => "Segmentation Full Body MADS dataset";
    public override string FolderName => DatasetLocations.MadsFolderName;
    public override string ArchiveFileName => "segmentation-full-body-mads-dataset.zip";

    static string DatasetPage => $"https://www.kaggle.com/datasets/{KaggleDataset}";

    public override (Uri Url, KaggleToken? Credentials) DefaultSource(FetchRequest request)
    {
        var token = request.FindKaggleToken() ?? throw new FetchException(
            "No Kaggle API token found. Create one at " + KaggleToken.SettingsPage + " (API, Create New Token) and save " +
            "the downloaded kaggle.json in ~/.kaggle/ (on Windows: C:\\Users\\<you>\\.kaggle\\), or set KAGGLE_USERNAME " +
            $"and KAGGLE_KEY. Or download the zip by hand from {DatasetPage} and run `lesson fetch mads --from FILE`.");
        return (new Uri($"{request.KaggleApi.AbsoluteUri.TrimEnd('/')}/datasets/download/{KaggleDataset}"), token);
    }

    // The archive's own layout is kept under data/mads/ (the reader accepts the doubled folder).
    public override string? FindDatasetRoot(string extractedFolder) =>
        MadsDataset.FindPairsFolder(extractedFolder) is null ? null : extractedFolder;

    /// <exception cref="FetchException">No images/ and masks/ folders, or not a single pair.</exception>
    public override string Check(string datasetRoot)
    {
        string folder;
        int pairs, unpaired;
        try
        {
            (folder, pairs, unpaired) = MadsDataset.CountPairs(datasetRoot);
        }
        catch (DirectoryNotFoundException missing)
        {
            throw new FetchException(missing.Message, missing);
        }
        if (pairs == 0)
            throw new FetchException(
                $"'{folder}' has {unpaired} images but none has a mask of the same name in 'masks/'. " +
                "The archive is not the MADS dataset, or it is incomplete.");
        var line = $"{pairs} MADS image/mask pairs";
        if (unpaired > 0)
            line += $" and {unpaired} images without a mask";
        if (pairs != MadsDataset.RealFrameCount)
            line += $"; the real dataset has {MadsDataset.RealFrameCount}";
        return line;
    }

    public override FetchException ExplainRefusal(DownloadRefusedException refusal, KaggleToken? credentials)
    {
        string advice = refusal.StatusCode switch
        {
            401 => "Kaggle did not accept the API token (wrong user name or key, or the token was revoked).",
            403 => "Kaggle refused the download with this API token: the token may be revoked, or the account may first " +
                   $"have to open {DatasetPage} and accept the dataset's terms.",
            404 => $"Kaggle does not know the dataset {KaggleDataset} (or the API address is wrong).",
            _ => "Kaggle refused the download.",
        };
        var token = refusal.StatusCode is 401 or 403 && credentials is not null ? $" The token was read from {credentials.Source}." : "";
        return new FetchException(
            $"{advice}{token} Kaggle answered {refusal.StatusCode}. Create a new token at {KaggleToken.SettingsPage} " +
            $"(API, Create New Token), or download the zip by hand from {DatasetPage} and run `lesson fetch mads --from FILE`.",
            refusal);
    }
}
