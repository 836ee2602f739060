namespace Segmentation.Fetch;

/// <summary>
/// A minimal check of the MADS layout (<c>images/NAME.png</c> with <c>masks/NAME.png</c> beside it, possibly under
/// the archive's doubled folder) so that <c>lesson fetch mads</c> can tell a good download from a bad one.
/// The full reader is <c>Segmentation.Data.MadsDataset</c>; this stays small on purpose and may be replaced by it.
/// </summary>
public static class MadsLayout
{
    /// <summary>How many image/mask pairs the real dataset has.</summary>
    public const int RealPairCount = 1192;

    static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>
    /// The first folder at or below <paramref name="root"/> (up to four levels down) that holds both an
    /// <c>images</c> and a <c>masks</c> folder; null when there is none.
    /// </summary>
    public static string? FindPairsFolder(string root)
    {
        var level = new List<string> { Path.GetFullPath(root) };
        for (int depth = 0; depth <= 4 && level.Count > 0; depth++)
        {
            foreach (var folder in level.Order(StringComparer.Ordinal))
                if (Directory.Exists(Path.Combine(folder, "images")) && Directory.Exists(Path.Combine(folder, "masks")))
                    return folder;
            level = level.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories).ToList();
        }
        return null;
    }

    /// <summary>Counts the images that have a mask of the same file name, and those that do not.</summary>
    /// <exception cref="FetchException">No images/ and masks/ folders, or not a single pair.</exception>
    public static (int Pairs, int ImagesWithoutMask) CountPairs(string root)
    {
        var folder = FindPairsFolder(root) ?? throw new FetchException(
            $"No MADS images under '{root}': expected 'images/' and 'masks/' folders side by side " +
            "(in the Kaggle zip they sit in segmentation_full_body_mads_dataset_1192_img/segmentation_full_body_mads_dataset_1192_img/).");
        var masks = Directory.EnumerateFiles(Path.Combine(folder, "masks")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var images = Directory.EnumerateFiles(Path.Combine(folder, "images"))
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(Path.GetFileName).ToList();
        int pairs = images.Count(masks.Contains);
        if (pairs == 0)
            throw new FetchException(
                $"'{folder}' has {images.Count} images but none has a mask of the same name in 'masks/'. " +
                "The archive is not the MADS dataset, or it is incomplete.");
        return (pairs, images.Count - pairs);
    }
}
