namespace Segmentation.Samples;

/// <summary>
/// Writing a generated sample safely: built in a temporary folder and renamed into place (a rename is all
/// or nothing, so a crash never leaves half a dataset), marked complete only at the end, never written over
/// a folder that is not a generated sample (it may be a real download), and generated only once when several
/// processes ask for it at the same time.
/// </summary>
internal static class GeneratedSample
{
    /// <summary>Written next to the dataset folder once a sample is complete; its text says what was generated.</summary>
    public const string MarkerFileName = "GENERATED-SAMPLE.txt";

    /// <summary>
    /// Writes a sample under <paramref name="root"/>: <paramref name="build"/> fills a temporary folder that becomes
    /// <c>root/<paramref name="datasetFolder"/></c>, then <paramref name="finish"/> may add files at the root (named
    /// in <paramref name="rootFiles"/> so a later run can replace them). Returns the full path of the root.
    /// </summary>
    public static string Write(string root, string datasetFolder, string description, Action<string> build,
        string[]? rootFiles = null, Action<string>? finish = null)
    {
        var fullRoot = Path.GetFullPath(root);
        var dataset = Path.Combine(fullRoot, datasetFolder);
        var marker = Path.Combine(fullRoot, MarkerFileName);
        var extras = (rootFiles ?? []).Select(name => Path.Combine(fullRoot, name)).ToArray();
        Directory.CreateDirectory(fullRoot);

        if (Directory.Exists(dataset) || extras.Any(File.Exists))
        {
            if (!File.Exists(marker))
                throw new IOException(
                    $"'{dataset}' already exists and is not a generated sample (there is no {MarkerFileName} next to it). " +
                    "Write the sample to another folder: the kit never deletes what may be a real download.");
            File.Delete(marker); // first, so that a crash below leaves a sample that reads as incomplete
            if (Directory.Exists(dataset))
                Directory.Delete(dataset, recursive: true);
            foreach (var extra in extras.Where(File.Exists))
                File.Delete(extra);
        }
        foreach (var leftover in Directory.EnumerateDirectories(fullRoot, $"{datasetFolder}.partial-*"))
            Directory.Delete(leftover, recursive: true);

        var building = Path.Combine(fullRoot, $"{datasetFolder}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(building);
            build(building);
            Directory.Move(building, dataset);
        }
        catch
        {
            if (Directory.Exists(building))
                Directory.Delete(building, recursive: true);
            throw;
        }
        finish?.Invoke(fullRoot);
        File.WriteAllText(marker, description);
        return fullRoot;
    }

    /// <summary>
    /// Returns <paramref name="root"/> after making sure it holds the sample <paramref name="description"/> describes,
    /// calling <paramref name="write"/> when it does not. Safe from several processes or threads at once: the first
    /// writes, the others wait for it (up to 10 minutes).
    /// </summary>
    public static string Ensure(string root, string description, Action write)
    {
        root = Path.GetFullPath(root);
        if (IsComplete(root, description))
            return root;
        Directory.CreateDirectory(root);
        using (LockFolder(root))
        {
            if (!IsComplete(root, description)) // another process may have finished while we waited
                write();
        }
        return root;
    }

    static bool IsComplete(string root, string description)
    {
        var marker = Path.Combine(root, MarkerFileName);
        return File.Exists(marker) && File.ReadAllText(marker) == description;
    }

    /// <summary>An exclusive lock on a file in the folder; other processes wait until it is released.</summary>
    static FileStream LockFolder(string folder)
    {
        var path = Path.Combine(folder, ".lock");
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }
}
