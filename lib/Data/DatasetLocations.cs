namespace Segmentation.Data;

/// <summary>
/// Where the datasets live in the kit's data folder, so notebooks and <c>lesson train</c> find them without flags:
/// <c>data/PH2Dataset/</c> for PH2 and <c>data/mads/</c> for MADS, where <c>lesson fetch</c> puts them. A folder there is
/// complete, because the fetcher moves a dataset into place only after checking it.
/// </summary>
public static class DatasetLocations
{
    /// <summary>The folder, inside the data folder, that holds MADS.</summary>
    public const string MadsFolderName = "mads";

    /// <summary>
    /// <c>dataFolder/PH2Dataset</c> when it holds PH2 case folders (ready for <see cref="Ph2Dataset.Load"/>), else null.
    /// </summary>
    public static string? Ph2(string dataFolder)
    {
        var root = Path.Combine(Path.GetFullPath(dataFolder), Ph2Dataset.DatasetFolderName);
        var images = Path.Combine(root, Ph2Dataset.ImagesFolderName);
        return Directory.Exists(images) && Directory.EnumerateDirectories(images, "IMD*").Any() ? root : null;
    }

    /// <summary>
    /// <c>dataFolder/mads</c> when it holds MADS images and masks in one of the layouts <see cref="MadsDataset.Load"/> reads,
    /// else null.
    /// </summary>
    public static string? Mads(string dataFolder)
    {
        var root = Path.Combine(Path.GetFullPath(dataFolder), MadsFolderName);
        return Directory.Exists(root) && MadsDataset.FindPairsFolder(root) is not null ? root : null;
    }

    /// <summary>The kit's <c>data/</c> folder, in the kit's folder (<see cref="KitFolder.FindRoot"/>) above <paramref name="start"/>; null outside the kit.</summary>
    public static string? FindDataFolder(string start) =>
        KitFolder.FindRoot(start) is { } kit ? Path.Combine(kit, "data") : null;
}
