using Segmentation.Data;

namespace Segmentation.Fetch;

/// <summary>PH2: <c>PH2Dataset.rar</c> from the mirror most course material links to, checked with <see cref="Ph2Dataset.Load"/>.</summary>
internal sealed class Ph2FetchTarget : FetchTarget
{
    /// <summary>
    /// The Dropbox mirror of PH2Dataset.rar that the original lesson and many papers' code download with wget
    /// (the authors' own page asks for registration). <c>dl=1</c> asks Dropbox for the file, not a preview page.
    /// </summary>
    public static readonly Uri DefaultUrl = new("https://www.dropbox.com/s/8lqrloi0mxj2acu/PH2Dataset.rar?dl=1");

    /// <summary>Cases in the real database.</summary>
    public const int RealCaseCount = 200;

    public override string Name => "ph2";
    public override string Description => "PH2 dermoscopy database";
    public override string FolderName => Ph2Dataset.DatasetFolderName;
    public override string ArchiveFileName => "PH2Dataset.rar";

    public override (Uri Url, KaggleToken? Credentials) DefaultSource(FetchRequest request) => (DefaultUrl, null);

    public override string? FindDatasetRoot(string extractedFolder)
    {
        // Normally PH2Dataset/ at the top; a learner's own zip may hold its contents directly, or one folder more.
        var level = new List<string> { extractedFolder };
        for (int depth = 0; depth <= 3 && level.Count > 0; depth++)
        {
            foreach (var folder in level.Order(StringComparer.Ordinal))
                if (Directory.Exists(Path.Combine(folder, Ph2Dataset.ImagesFolderName)))
                    return folder;
            level = level.SelectMany(Directory.EnumerateDirectories).ToList();
        }
        return null;
    }

    public override string Check(string datasetRoot)
    {
        IReadOnlyList<Ph2Case> cases;
        try
        {
            cases = Ph2Dataset.Load(datasetRoot);
        }
        catch (IOException error) // DirectoryNotFoundException and FileNotFoundException: messages say what is missing
        {
            throw new FetchException($"The PH2 data is incomplete: {error.Message}", error);
        }

        int Count(Ph2Diagnosis diagnosis) => cases.Count(c => c.Diagnosis == diagnosis);
        var line = $"{cases.Count} PH2 cases ({Count(Ph2Diagnosis.CommonNevus)} common nevi, " +
                   $"{Count(Ph2Diagnosis.AtypicalNevus)} atypical nevi, {Count(Ph2Diagnosis.Melanoma)} melanomas";
        line += Count(Ph2Diagnosis.Unknown) is int unknown and > 0 ? $", {unknown} without a diagnosis)" : ")";
        if (cases.Count != RealCaseCount)
            line += $"; the real PH2 archive has {RealCaseCount}";
        return line;
    }
}
