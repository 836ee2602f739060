using Segmentation.Data;

namespace Segmentation.Fetch;

/// <summary>
/// Where fetched datasets live in the kit's data folder, so notebooks and <c>lesson train</c> find them without
/// flags: <c>data/PH2Dataset/</c> for PH2 and <c>data/mads/</c> for MADS. A folder there is complete, because
/// <see cref="DatasetFetcher"/> moves a dataset into place only after checking it.
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

    /// <summary><c>dataFolder/mads</c> when it holds MADS images and masks (in any of the archive's layouts), else null.</summary>
    public static string? Mads(string dataFolder)
    {
        var root = Path.Combine(Path.GetFullPath(dataFolder), MadsFolderName);
        return Directory.Exists(root) && MadsLayout.FindPairsFolder(root) is not null ? root : null;
    }

    /// <summary>
    /// The kit's <c>data/</c> folder: walks up from <paramref name="start"/> to the folder holding Lesson.sln (or
    /// Lesson.slnx). Null outside the kit.
    /// </summary>
    public static string? FindDataFolder(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Lesson.sln")) || File.Exists(Path.Combine(folder.FullName, "Lesson.slnx")))
                return Path.Combine(folder.FullName, "data");
        return null;
    }
}
