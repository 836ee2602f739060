namespace Segmentation.Data;

/// <summary>
/// Finds the cases of the PH2 dermoscopy database (or a generated sample in the same layout):
/// <c>PH2Dataset/PH2 Dataset images/IMD003/IMD003_Dermoscopic_Image/IMD003.bmp</c> and
/// <c>.../IMD003/IMD003_lesion/IMD003_lesion.bmp</c>, with diagnoses in <c>PH2Dataset/PH2_dataset.txt</c>.
/// </summary>
public static class Ph2Dataset
{
    /// <summary>Name of the folder that holds one sub-folder per case.</summary>
    public const string ImagesFolderName = "PH2 Dataset images";

    /// <summary>Name of the folder the PH2 archive extracts to.</summary>
    public const string DatasetFolderName = "PH2Dataset";

    /// <summary>
    /// Lists every case under <paramref name="root"/>, sorted by case name. The root may be the folder that
    /// contains <c>PH2Dataset/</c>, <c>PH2Dataset/</c> itself, or the <c>PH2 Dataset images</c> folder.
    /// The <c>_roi</c> folders (colour regions, some cases only) are not used.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist or holds no PH2 images folder.</exception>
    /// <exception cref="FileNotFoundException">A case folder lacks its image or its lesion mask.</exception>
    public static IReadOnlyList<Ph2Case> Load(string root)
    {
        var imagesFolder = FindImagesFolder(root);
        var diagnoses = ReadDiagnoses(imagesFolder);

        var cases = new List<Ph2Case>();
        foreach (var caseFolder in Directory.EnumerateDirectories(imagesFolder, "IMD*"))
        {
            // The case name is the folder name; image and mask are found from it, so they always pair up.
            var name = Path.GetFileName(caseFolder);
            var image = Path.Combine(caseFolder, $"{name}_Dermoscopic_Image", $"{name}.bmp");
            var mask = Path.Combine(caseFolder, $"{name}_lesion", $"{name}_lesion.bmp");
            RequireFile(image, name, "image");
            RequireFile(mask, name, "lesion mask");
            cases.Add(new Ph2Case(name, image, mask, diagnoses.GetValueOrDefault(name, Ph2Diagnosis.Unknown)));
        }

        if (cases.Count == 0)
            throw new DirectoryNotFoundException(
                $"'{imagesFolder}' holds no case folders (IMD002, IMD003, ...). " +
                "Extract PH2Dataset.rar again, or generate a sample with Ph2Sample.EnsureDefault(...).");
        return cases.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    static string FindImagesFolder(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
            throw new DirectoryNotFoundException(
                $"The PH2 folder '{fullRoot}' does not exist. Extract PH2Dataset.rar there, " +
                "or generate a sample in the same layout with Ph2Sample.EnsureDefault(...).");

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
            "or generate a sample with Ph2Sample.EnsureDefault(...).");
    }

    static Dictionary<string, Ph2Diagnosis> ReadDiagnoses(string imagesFolder)
    {
        // PH2_dataset.txt sits next to the images folder; without it every diagnosis is Unknown.
        var table = Path.Combine(Path.GetDirectoryName(imagesFolder)!, Ph2DatasetTable.FileName);
        return File.Exists(table) ? Ph2DatasetTable.ReadDiagnoses(table) : [];
    }

    static void RequireFile(string path, string caseName, string what)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"PH2 case {caseName} has no {what}: '{path}' is missing. " +
                "The archive may be partly extracted: extract PH2Dataset.rar again, or delete that case folder.",
                path);
    }
}
