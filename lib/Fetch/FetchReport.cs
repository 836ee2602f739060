namespace Segmentation.Fetch;

/// <summary>What <see cref="DatasetFetcher.FetchAsync"/> did.</summary>
/// <param name="DatasetFolder">Full path of the dataset's folder in the data folder.</param>
/// <param name="Summary">What the check found there, e.g. "200 PH2 cases (80 common nevi, ...)".</param>
/// <param name="WasAlreadyThere">True when a complete dataset was already in place and nothing was fetched.</param>
/// <param name="Download">The download, when there was one: its size and SHA-256 (print it so it can be pinned).</param>
/// <param name="Extraction">The extraction, when an archive was extracted.</param>
public sealed record FetchReport(
    string DatasetFolder, string Summary, bool WasAlreadyThere, DownloadResult? Download, ExtractionSummary? Extraction);
