namespace Segmentation.Data;

/// <summary>
/// Finds the cases of the PH2 dermoscopy database (or a generated sample in the same layout):
/// <c>PH2Dataset/PH2 Dataset images/IMD003/IMD003_Dermoscopic_Image/IMD003.bmp</c> and
/// <c>.../IMD003/IMD003_lesion/IMD003_lesion.bmp</c>, with diagnoses in <c>PH2Dataset/PH2_dataset.txt</c>.
/// Image and mask are found from the case name, never from the order files happen to be listed in.
/// </summary>
public static class Ph2Dataset
{
    /// <summary>Name of the folder that holds one sub-folder per case.</summary>
    public const string ImagesFolderName = "PH2 Dataset images";

    /// <summary>Name of the folder the PH2 archive extracts to.</summary>
    public const string DatasetFolderName = "PH2Dataset";

    /// <summary>
    /// Lists every case under <paramref name="root"/>, sorted by case name, and stops at the first bad case.
    /// The root may be the folder that contains <c>PH2Dataset/</c>, <c>PH2Dataset/</c> itself, or the
    /// <c>PH2 Dataset images</c> folder. The <c>_roi</c> folders (colour regions, some cases only) are not used.
    /// Without PH2_dataset.txt every diagnosis is <see cref="Ph2Diagnosis.Unknown"/>.
    /// To skip bad cases and get a list of them instead, use <see cref="LoadGoodCases"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist or holds no PH2 images folder.</exception>
    /// <exception cref="BadFileException">A case is bad (a file missing, damaged, of the wrong size, or unexpected).</exception>
    public static IReadOnlyList<Ph2Case> Load(string root)
    {
        var imagesFolder = FindImagesFolder(root);
        var table = ReadTable(imagesFolder);
        var cases = new List<Ph2Case>();
        foreach (var entry in ListEntries(imagesFolder))
        {
            var check = CheckEntry(entry, table, decodePixels: false);
            if (check.Problems.FirstOrDefault(p => p.CaseLeftOut) is { } problem)
                throw new BadFileException(problem.File, problem.Error);
            cases.Add(check.Case!);
        }
        return RequireCases(cases, imagesFolder);
    }

    /// <summary>
    /// Like <see cref="Load"/>, but a bad case is left out and reported instead of stopping: the result holds the
    /// good cases and every problem found (bad files, unexpected files, unreadable or missing rows of PH2_dataset.txt).
    /// With <paramref name="decodePixels"/> every image and mask is decoded as well, which also finds damage
    /// that a file's header does not show (slower: seconds for all of PH2).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist or holds no PH2 images folder.</exception>
    public static DatasetContents<Ph2Case> LoadGoodCases(string root, bool decodePixels = false)
    {
        var imagesFolder = FindImagesFolder(root);
        var table = ReadTable(imagesFolder);
        var entries = ListEntries(imagesFolder);
        var results = new EntryCheck[entries.Count];
        Parallel.For(0, entries.Count, i => results[i] = CheckEntry(entries[i], table, decodePixels));

        var cases = results.Where(r => r.Case is not null).Select(r => r.Case!).ToList();
        var problems = (table?.Problems ?? []).Concat(results.SelectMany(r => r.Problems))
            .OrderBy(p => p.Case, StringComparer.Ordinal).ToList();
        if (table is not null)
            foreach (var name in table.Rows.Keys.Except(entries.Select(Path.GetFileName)!).Order(StringComparer.Ordinal))
                problems.Add(new DatasetProblem(name!, Path.Combine(imagesFolder, name!),
                    $"{Ph2DatasetTable.FileName} lists case {name} but '{Path.Combine(imagesFolder, name!)}' does not exist. " +
                    "The download may be partly extracted: extract it again (the other cases are used meanwhile).", CaseLeftOut: false));
        var size = PairCheck.MostCommonSize(results.Where(r => r.Case is not null && r.Image is not null).Select(r => r.Image!));
        return new DatasetContents<Ph2Case>(imagesFolder, cases, problems, size);
    }

    /// <summary>The full path of the folder that holds the case folders, found from any of the accepted roots.</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist or holds no PH2 images folder.</exception>
    public static string FindImagesFolder(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
            throw new DirectoryNotFoundException(
                $"The PH2 folder '{fullRoot}' does not exist. Extract PH2Dataset.rar there, " +
                "or generate a sample in the same layout with Ph2Sample.EnsureDefault(...) or `lesson data sample ph2`.");

        string[] candidates =
        [
            Path.Combine(fullRoot, DatasetFolderName, ImagesFolderName),
            Path.Combine(fullRoot, ImagesFolderName),
            fullRoot,
        ];
        foreach (var candidate in candidates)
            if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate, "IMD*").Any())
                return candidate;

        throw new DirectoryNotFoundException(
            $"No PH2 images under '{fullRoot}': expected '{DatasetFolderName}/{ImagesFolderName}/IMD###/' " +
            $"(or '{ImagesFolderName}/IMD###/' directly). Point to the folder PH2Dataset.rar was extracted into, " +
            "or generate a sample with Ph2Sample.EnsureDefault(...) or `lesson data sample ph2`.");
    }

    /// <summary>Everything in the images folder except system clutter, sorted by name.</summary>
    static List<string> ListEntries(string imagesFolder) =>
        Directory.EnumerateFileSystemEntries(imagesFolder)
            .Where(path => !PairCheck.IsSystemClutter(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>What checking one entry of the images folder found.</summary>
    sealed record EntryCheck(Ph2Case? Case, List<DatasetProblem> Problems, ImageHeader? Image);

    /// <summary>
    /// Checks one entry of the images folder. The case is returned only when no problem left it out;
    /// problems that only cost information (no diagnosis row) come with a case.
    /// </summary>
    static EntryCheck CheckEntry(string entry, Ph2TableContents? table, bool decodePixels)
    {
        var name = Path.GetFileName(entry);
        if (!Directory.Exists(entry) || !Ph2DatasetTable.CaseName().IsMatch(name))
            return new EntryCheck(null, [new DatasetProblem(name, entry,
                $"'{entry}' is not a PH2 case folder (those are folders named IMD and three digits, such as IMD003). " +
                "Move it out of the images folder so that nothing unexpected is mistaken for a case.")], null);

        var imagePath = Path.Combine(entry, $"{name}_Dermoscopic_Image", $"{name}.bmp");
        var maskPath = Path.Combine(entry, $"{name}_lesion", $"{name}_lesion.bmp");
        var problems = UnexpectedEntries(entry, name, imagePath, maskPath);
        var (fileProblems, image) = PairCheck.Check(name, imagePath, maskPath, "lesion mask", decodePixels);
        problems.AddRange(fileProblems);
        if (problems.Count > 0)
            return new EntryCheck(null, problems, image);

        var metadata = table?.Rows.GetValueOrDefault(name);
        if (table is not null && metadata is null && !table.Problems.Any(p => p.Case == name))
            problems.Add(new DatasetProblem(name, TablePath(Path.GetDirectoryName(entry)!),
                $"{Ph2DatasetTable.FileName} has no row for case {name}, so its diagnosis is unknown (its images are used). " +
                $"Take {Ph2DatasetTable.FileName} from the original download again.", CaseLeftOut: false));
        return new EntryCheck(new Ph2Case(name, imagePath, maskPath, metadata?.Diagnosis ?? Ph2Diagnosis.Unknown, metadata), problems, image);
    }

    /// <summary>
    /// Files in a case folder that the layout does not have. An extra image next to the expected one makes it
    /// unclear which file was meant, so the case is left out until the extra file is moved away.
    /// </summary>
    static List<DatasetProblem> UnexpectedEntries(string caseFolder, string name, string imagePath, string maskPath)
    {
        var problems = new List<DatasetProblem>();
        var imageFolder = Path.GetDirectoryName(imagePath)!;
        var maskFolder = Path.GetDirectoryName(maskPath)!;
        var roiFolder = Path.Combine(caseFolder, $"{name}_roi");
        var expected = new[] { imageFolder, maskFolder, roiFolder }.ToHashSet(StringComparer.Ordinal);

        var unexpected = Directory.EnumerateFileSystemEntries(caseFolder).Where(path => !expected.Contains(path))
            .Concat(FilesBesides(imageFolder, imagePath))
            .Concat(FilesBesides(maskFolder, maskPath));
        foreach (var path in unexpected.Where(path => !PairCheck.IsSystemClutter(Path.GetFileName(path))).Order(StringComparer.Ordinal))
            problems.Add(new DatasetProblem(name, path,
                $"'{path}' is not part of the PH2 layout (a case folder holds {name}_Dermoscopic_Image/{name}.bmp, " +
                $"{name}_lesion/{name}_lesion.bmp and sometimes {name}_roi/), so it is unclear which file is meant. " +
                "Move it out of the case folder; the case is left out until then."));
        return problems;
    }

    static IEnumerable<string> FilesBesides(string folder, string expectedFile) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder).Where(path => path != expectedFile)
            : [];

    static Ph2TableContents? ReadTable(string imagesFolder)
    {
        // Without PH2_dataset.txt every diagnosis is Unknown: the images are still a segmentation dataset.
        var table = TablePath(imagesFolder);
        return File.Exists(table) ? Ph2DatasetTable.Read(table) : null;
    }

    /// <summary>PH2_dataset.txt sits next to the images folder.</summary>
    static string TablePath(string imagesFolder) => Path.Combine(Path.GetDirectoryName(imagesFolder)!, Ph2DatasetTable.FileName);

    static List<Ph2Case> RequireCases(List<Ph2Case> cases, string imagesFolder) =>
        cases.Count > 0
            ? cases
            : throw new DirectoryNotFoundException(
                $"'{imagesFolder}' holds no usable case folders (IMD002, IMD003, ...). " +
                "Extract PH2Dataset.rar again, or generate a sample with Ph2Sample.EnsureDefault(...).");
}
