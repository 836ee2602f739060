namespace Segmentation.Fetch;

/// <summary>
/// A dataset <see cref="DatasetFetcher"/> can bring into the data folder: where it lands, where it comes from
/// by default, how to find it inside an archive and how to check it before it lands.
/// </summary>
public abstract class FetchTarget
{
    /// <summary>The PH2 dermoscopy database, landing in <c>data/PH2Dataset/</c>.</summary>
    public static FetchTarget Ph2 { get; } = new Ph2FetchTarget();

    /// <summary>The Segmentation Full Body MADS dataset from Kaggle, landing in <c>data/mads/</c>.</summary>
    public static FetchTarget Mads { get; } = new MadsFetchTarget();

    /// <summary>Every dataset that can be fetched.</summary>
    public static IReadOnlyList<FetchTarget> All { get; } = [Ph2, Mads];

    /// <summary>The name on the command line: <c>lesson fetch NAME</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What it is, for messages.</summary>
    public abstract string Description { get; }

    /// <summary>The folder inside the data folder where the dataset lands.</summary>
    public abstract string FolderName { get; }

    /// <summary>The name the downloaded archive gets in <c>data/downloads/</c> while it is downloaded and extracted.</summary>
    public abstract string ArchiveFileName { get; }

    /// <summary>Where the archive comes from when no <c>--from</c> is given, and the credentials to send there.</summary>
    /// <exception cref="FetchException">The default source needs credentials that cannot be found.</exception>
    public abstract (Uri Url, KaggleToken? Credentials) DefaultSource(FetchRequest request);

    /// <summary>The folder, at or below <paramref name="extractedFolder"/>, that becomes the dataset's folder; null when the layout is not there.</summary>
    public abstract string? FindDatasetRoot(string extractedFolder);

    /// <summary>Reads the dataset at <paramref name="datasetRoot"/> and returns one line saying what is there.</summary>
    /// <exception cref="FetchException">It is not a complete dataset.</exception>
    public abstract string Check(string datasetRoot);

    /// <summary>Turns a server's refusal of a download into advice; the default says to download by hand.</summary>
    /// <param name="refusal">The refusal.</param>
    /// <param name="credentials">The token that was sent, if any (its source goes into the advice, never its key).</param>
    public virtual FetchException ExplainRefusal(DownloadRefusedException refusal, KaggleToken? credentials) =>
        new($"{refusal.Message} The link may have moved or expired: download {ArchiveFileName} in a browser and run " +
            $"`lesson fetch {Name} --from FILE`, or give another address with --from URL.", refusal);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
