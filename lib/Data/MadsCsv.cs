namespace Segmentation.Data;

/// <summary>
/// Reads MADS's df.csv: a header naming the columns "images" and "masks" (pandas may add an unnamed index
/// column first), then one row per frame with the two paths, relative to the folder holding images/ and masks/.
/// </summary>
internal static class MadsCsv
{
    /// <summary>
    /// The image/mask pairs the table lists, as full paths. Rows that pair files of different names, repeat a
    /// frame, or cannot be read become problems; files in images/ that the table does not list too.
    /// </summary>
    /// <exception cref="BadFileException">The file has no "images" and "masks" columns.</exception>
    public static List<(string Image, string Mask)> ReadPairs(string csv, string dataFolder, List<DatasetProblem> problems)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines.Length > 0 ? Cells(lines[0]) : [];
        int imageColumn = Array.FindIndex(header, cell => cell.Equals("images", StringComparison.OrdinalIgnoreCase));
        int maskColumn = Array.FindIndex(header, cell => cell.Equals("masks", StringComparison.OrdinalIgnoreCase));
        if (imageColumn < 0 || maskColumn < 0)
            throw new BadFileException(csv,
                $"'{csv}' has no 'images' and 'masks' columns in its first line, so it cannot say which mask belongs to " +
                $"which image. Take df.csv from the archive again, or delete it: without it the kit pairs images/ and masks/ by file name.");

        var pairs = new List<(string Image, string Mask)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal); // every image a row names, usable or not
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var cells = Cells(lines[i]);
            string where = $"Line {i + 1} of '{csv}'";
            if (cells.Length <= Math.Max(imageColumn, maskColumn))
            {
                problems.Add(new DatasetProblem("", csv, $"{where} has {cells.Length} values, fewer than the header's columns. " +
                    "Take df.csv from the archive again, or delete it to pair images and masks by file name."));
                continue;
            }
            var image = Resolve(cells[imageColumn], dataFolder, csv);
            var mask = Resolve(cells[maskColumn], dataFolder, csv);
            var name = Path.GetFileNameWithoutExtension(image);
            mentioned.Add(image);
            // MADS masks carry their image's file name: a row that says otherwise would pair the wrong mask.
            if (!Path.GetFileName(image).Equals(Path.GetFileName(mask), StringComparison.Ordinal))
                problems.Add(new DatasetProblem(name, csv, $"{where} pairs image '{cells[imageColumn]}' with mask " +
                    $"'{cells[maskColumn]}', but a MADS mask has its image's file name. Correct the line, or delete df.csv " +
                    "to pair images and masks by file name."));
            else if (!seen.Add(name))
                problems.Add(new DatasetProblem(name, csv, $"{where} lists {name} a second time; the first line is used. Remove the repeat.",
                    CaseLeftOut: false));
            else
                pairs.Add((image, mask));
        }

        foreach (var image in Directory.EnumerateFiles(Path.Combine(dataFolder, MadsDataset.ImagesFolderName)).Order(StringComparer.Ordinal))
            if (!mentioned.Contains(Path.GetFullPath(image)) && !PairCheck.IsSystemClutter(Path.GetFileName(image)))
                problems.Add(new DatasetProblem(Path.GetFileNameWithoutExtension(image), image,
                    $"'{image}' is not listed in '{csv}', so it is not used. Add it to df.csv, or delete df.csv to pair " +
                    "images and masks by file name."));
        return pairs;
    }

    /// <summary>
    /// A path from the table, as a full path: relative to the data folder as documented, or else to df.csv's own
    /// folder (some copies list "segmentation_full_body_mads_dataset_1192_img/images/..." from there).
    /// </summary>
    static string Resolve(string relative, string dataFolder, string csv)
    {
        var normalised = relative.Replace('\\', '/').TrimStart('.', '/');
        var fromData = Path.GetFullPath(Path.Combine(dataFolder, normalised));
        if (File.Exists(fromData))
            return fromData;
        var fromCsv = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csv)!, normalised));
        return File.Exists(fromCsv) ? fromCsv : fromData;
    }

    /// <summary>Splits a CSV line on commas and removes surrounding quotes (MADS paths contain no commas).</summary>
    static string[] Cells(string line) =>
        line.Split(',').Select(cell => cell.Trim().Trim('"').Trim()).ToArray();
}
