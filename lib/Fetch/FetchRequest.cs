namespace Segmentation.Fetch;

/// <summary>Where a dataset should land and where it comes from; see <see cref="DatasetFetcher.FetchAsync"/>.</summary>
public sealed record FetchRequest
{
    /// <summary>Kaggle's public API.</summary>
    public static readonly Uri DefaultKaggleApi = new("https://www.kaggle.com/api/v1/");

    /// <summary>The data folder (the kit's <c>data/</c>): the dataset lands in a folder inside it.</summary>
    public required string DataFolder { get; init; }

    /// <summary>
    /// An http(s) URL to download, an archive file (RAR, ZIP, ...) or an already extracted folder to copy;
    /// null for the dataset's default source.
    /// </summary>
    public string? From { get; init; }

    /// <summary>Kaggle's API address; tests point it at a server on this machine.</summary>
    public Uri KaggleApi { get; init; } = DefaultKaggleApi;

    /// <summary>Finds the Kaggle API token, only when a Kaggle download needs it (by default <see cref="KaggleToken.Find"/>).</summary>
    public Func<KaggleToken?> FindKaggleToken { get; init; } = () => KaggleToken.Find();

    /// <summary>Checks and retries for the download (the expected SHA-256 goes here); credentials are filled in by the fetcher.</summary>
    public DownloadOptions Download { get; init; } = new();

    /// <summary>Size limits for extraction.</summary>
    public ExtractionLimits Limits { get; init; } = ExtractionLimits.Default;
}
