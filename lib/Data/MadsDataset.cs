namespace Segmentation.Data;

/// <summary>
/// Finds the frames of the Segmentation Full Body MADS dataset (Kaggle), or a generated sample in its layout.
/// Accepts the archive as unzipped (<c>df.csv</c> next to a doubled
/// <c>segmentation_full_body_mads_dataset_1192_img/segmentation_full_body_mads_dataset_1192_img/</c>), the
/// flattened single folder, or the inner folder itself: whichever folder holds <c>images/</c> and <c>masks/</c>.
/// Pairs come from <c>df.csv</c> when there is one, otherwise from equal file names in <c>images/</c> and
/// <c>masks/</c>; <c>collages/</c> (pictures of image and mask together) is not training data and is ignored.
/// </summary>
public static class MadsDataset
{
    /// <summary>Name of the dataset's folder (doubled in the archive).</summary>
    public const string FolderName = "segmentation_full_body_mads_dataset_1192_img";

    /// <summary>The table of image and mask paths (columns images, masks), relative to the folder with images/ and masks/.</summary>
    public const string CsvFileName = "df.csv";

    /// <summary>Names of the image, mask and collage folders.</summary>
    public const string ImagesFolderName = "images", MasksFolderName = "masks", CollagesFolderName = "collages";

    /// <summary>How many frames (image/mask pairs) the real dataset has.</summary>
    public const int RealFrameCount = 1192;

    static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>
    /// Lists every frame under <paramref name="root"/>, sorted by name, and stops at the first bad frame.
    /// To skip bad frames and get a list of them instead, use <see cref="LoadGoodCases"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder with images/ and masks/ under the root.</exception>
    /// <exception cref="BadFileException">A frame is bad (a file missing, damaged, of the wrong size, badly named), or df.csv cannot be read.</exception>
    public static IReadOnlyList<MadsFrame> Load(string root)
    {
        var contents = Collect(root, stopAtFirstProblem: true, decodePixels: false);
        if (contents.Cases.Count == 0)
            throw new DirectoryNotFoundException(
                $"'{contents.Folder}' holds no frames. Unzip the MADS archive again, or generate a sample with " +
                "MadsSample.EnsureDefault(...) or `lesson data sample mads`.");
        return contents.Cases;
    }

    /// <summary>
    /// Like <see cref="Load"/>, but a bad frame is left out and reported instead of stopping: the result holds the
    /// good frames and every problem found. With <paramref name="decodePixels"/> every image and mask is
    /// decoded as well, which also finds damage that a file's header does not show.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder with images/ and masks/ under the root.</exception>
    /// <exception cref="BadFileException">df.csv exists but has no images and masks columns.</exception>
    public static DatasetContents<MadsFrame> LoadGoodCases(string root, bool decodePixels = false) =>
        Collect(root, stopAtFirstProblem: false, decodePixels);

    static DatasetContents<MadsFrame> Collect(string root, bool stopAtFirstProblem, bool decodePixels)
    {
        var (dataFolder, csv) = FindFolders(root);
        var problems = new List<DatasetProblem>();
        var pairs = csv is not null ? MadsCsv.ReadPairs(csv, dataFolder, problems) : PairByFileName(dataFolder, problems);
        ThrowFirst(problems, stopAtFirstProblem);

        var results = new (MadsFrame? Frame, List<DatasetProblem> Problems, ImageHeader? Image)[pairs.Count];
        void CheckOne(int i) => results[i] = Check(pairs[i].Image, pairs[i].Mask, decodePixels);
        if (stopAtFirstProblem)
            for (int i = 0; i < pairs.Count; i++)
            {
                CheckOne(i);
                ThrowFirst(results[i].Problems, stop: true);
            }
        else
            Parallel.For(0, pairs.Count, CheckOne);

        var frames = results.Where(r => r.Frame is not null).Select(r => r.Frame!).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        problems.AddRange(results.SelectMany(r => r.Problems));
        var size = PairCheck.MostCommonSize(results.Where(r => r.Frame is not null && r.Image is not null).Select(r => r.Image!));
        return new DatasetContents<MadsFrame>(dataFolder, frames,
            problems.OrderBy(p => p.Case, StringComparer.Ordinal).ToList(), size);
    }

    /// <summary>
    /// The folder that holds images/ and masks/ (searched at the root, one and two levels down in the dataset's
    /// folder), and df.csv if it lies in that folder or any folder between it and the root.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist or no candidate holds images/ and masks/.</exception>
    public static (string DataFolder, string? Csv) FindFolders(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
            throw new DirectoryNotFoundException(
                $"The MADS folder '{fullRoot}' does not exist. Unzip the Kaggle archive there, " +
                "or generate a sample in the same layout with MadsSample.EnsureDefault(...) or `lesson data sample mads`.");

        var dataFolder = FindPairsFolder(fullRoot)
            ?? throw new DirectoryNotFoundException(
                $"No MADS images under '{fullRoot}': expected '{ImagesFolderName}/' and '{MasksFolderName}/' in it, in " +
                $"'{FolderName}/' or in '{FolderName}/{FolderName}/'. Point to the folder the archive was unzipped into, " +
                "or generate a sample with MadsSample.EnsureDefault(...) or `lesson data sample mads`.");

        // Walk up from the data folder to the root: df.csv sits at the archive's top, or users move it inside.
        for (var folder = dataFolder; ; folder = Path.GetDirectoryName(folder)!)
        {
            var csv = Path.Combine(folder, CsvFileName);
            if (File.Exists(csv))
                return (dataFolder, csv);
            if (folder.Length <= fullRoot.Length)
                return (dataFolder, null);
        }
    }

    /// <summary>
    /// The folder that holds <c>images/</c> and <c>masks/</c>: <paramref name="root"/> itself, <c>root/segmentation_full_body_mads_dataset_1192_img</c>
    /// (the flattened archive) or the archive's doubled folder under it; null when none does (or the root does not exist).
    /// </summary>
    public static string? FindPairsFolder(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        string[] candidates = [fullRoot, Path.Combine(fullRoot, FolderName), Path.Combine(fullRoot, FolderName, FolderName)];
        return candidates.FirstOrDefault(folder =>
            Directory.Exists(Path.Combine(folder, ImagesFolderName)) && Directory.Exists(Path.Combine(folder, MasksFolderName)));
    }

    /// <summary>
    /// A quick count, without reading any file: the images (PNG or JPEG) in the pairs folder that have a mask of the same
    /// file name, and those that have none. Enough to tell a good download from a bad one; <see cref="LoadGoodCases"/>
    /// checks every frame.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder with images/ and masks/ under the root.</exception>
    public static (string Folder, int Pairs, int ImagesWithoutMask) CountPairs(string root)
    {
        var folder = FindPairsFolder(root) ?? throw new DirectoryNotFoundException(
            $"No MADS images under '{root}': expected '{ImagesFolderName}/' and '{MasksFolderName}/' folders side by side " +
            $"(in the Kaggle zip they sit in {FolderName}/{FolderName}/).");
        var masks = Directory.EnumerateFiles(Path.Combine(folder, MasksFolderName)).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var images = Directory.EnumerateFiles(Path.Combine(folder, ImagesFolderName))
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(Path.GetFileName).ToList();
        int pairs = images.Count(masks.Contains);
        return (folder, pairs, images.Count - pairs);
    }

    /// <summary>Without df.csv: every file in images/ pairs with the file of the same name in masks/.</summary>
    static List<(string Image, string Mask)> PairByFileName(string dataFolder, List<DatasetProblem> problems)
    {
        var images = Path.Combine(dataFolder, ImagesFolderName);
        var masks = Path.Combine(dataFolder, MasksFolderName);
        var pairs = new List<(string Image, string Mask)>();
        foreach (var image in ListFiles(images))
            pairs.Add((image, Path.Combine(masks, Path.GetFileName(image))));
        var imageNames = pairs.Select(p => Path.GetFileName(p.Image)).ToHashSet(StringComparer.Ordinal);
        foreach (var mask in ListFiles(masks).Where(mask => !imageNames.Contains(Path.GetFileName(mask))))
            problems.Add(new DatasetProblem(Path.GetFileNameWithoutExtension(mask), mask,
                $"The mask '{mask}' has no image of the same name in '{images}'. Unzip the archive again, or remove the mask."));
        return pairs;
    }

    static IEnumerable<string> ListFiles(string folder) =>
        Directory.EnumerateFileSystemEntries(folder)
            .Where(path => !PairCheck.IsSystemClutter(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);

    static (MadsFrame? Frame, List<DatasetProblem> Problems, ImageHeader? Image) Check(string image, string mask, bool decodePixels)
    {
        var name = Path.GetFileNameWithoutExtension(image);
        if (!Path.GetExtension(image).Equals(".png", StringComparison.OrdinalIgnoreCase) || Directory.Exists(image))
            return (null, [new DatasetProblem(name, image,
                $"'{image}' is not a PNG file, and MADS images are PNG files named like HipHop_HipHop1_C0_00180.png. " +
                "Move it out of the dataset folder.")], null);
        if (MadsFrame.ParseName(image) is not { } parsed)
            return (null, [new DatasetProblem(name, image,
                $"'{image}' is not named like a MADS frame ({{Activity}}_{{Sequence}}_C{{camera}}_{{frame}}.png, e.g. " +
                "HipHop_HipHop1_C0_00180.png), so its sequence is unknown and it could land on both sides of a split. Rename or remove it.")], null);

        var (problems, header) = PairCheck.Check(name, image, mask, "person mask", decodePixels);
        return problems.Count > 0
            ? (null, problems, header)
            : (new MadsFrame(name, image, mask, parsed.Activity, parsed.Sequence, parsed.Camera, parsed.Frame), problems, header);
    }

    static void ThrowFirst(IEnumerable<DatasetProblem> problems, bool stop)
    {
        if (stop && problems.FirstOrDefault(p => p.CaseLeftOut) is { } problem)
            throw new BadFileException(problem.File, problem.Error);
    }
}
