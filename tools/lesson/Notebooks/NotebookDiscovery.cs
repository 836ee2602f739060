namespace Lesson.Tool.Notebooks;

/// <summary>Finds the notebooks to run and decides where their executed copies go.</summary>
internal static class NotebookDiscovery
{
    /// <summary>
    /// Course notebook folders, in the order a learner meets them: the lessons, the lab, the lab's solution
    /// (run too, so instructors know the reference answer still reaches its target).
    /// </summary>
    static readonly string[] CourseFolders = ["notebooks", "lab", Path.Combine("lab", "solutions")];

    /// <summary>
    /// The kit's folder at or above <paramref name="start"/>, the one holding its solution file (the library's
    /// <see cref="Segmentation.KitFolder.FindRoot"/>); null when there is none.
    /// </summary>
    public static string? FindRepoRoot(string start) => Segmentation.KitFolder.FindRoot(start);

    /// <summary>
    /// Turns the paths typed on the command line into full notebook paths, in run order.
    /// No paths means every course notebook. Returns an error message for a path that is not there.
    /// </summary>
    public static (List<string> Notebooks, string? Error) Resolve(IReadOnlyList<string> paths, string? repoRoot)
    {
        var notebooks = new List<string>();

        if (paths.Count == 0)
        {
            if (repoRoot is null)
                return (notebooks, $"cannot find Lesson.sln in {Environment.CurrentDirectory} or any folder above it. " +
                                   "Run this inside the course kit, or name the notebooks to run.");

            // Only the top level of each folder: the Romanian twins (notebooks/ro, lab/ro) run when named.
            foreach (var folder in CourseFolders)
                notebooks.AddRange(NotebooksIn(Path.Combine(repoRoot, folder)));

            if (notebooks.Count == 0)
                return (notebooks, $"no notebooks found in {string.Join(" or ", CourseFolders.Select(f => Path.Combine(repoRoot, f)))}.");

            return (notebooks, null);
        }

        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);

            if (Directory.Exists(full))
            {
                var inFolder = NotebooksIn(full).ToList();
                if (inFolder.Count == 0)
                    return (notebooks, $"no .ipynb files in folder '{path}' ({full}).");
                notebooks.AddRange(inFolder);
            }
            else if (File.Exists(full))
            {
                if (!full.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    return (notebooks, $"'{path}' is not a notebook: give a .ipynb file or a folder of them.");
                notebooks.Add(full);
            }
            else
            {
                return (notebooks, $"notebook not found: '{path}' (looked for {full}). " +
                                   "Give a .ipynb file or a folder, relative to the current folder, " +
                                   "or no path at all to run every course notebook.");
            }
        }

        // A notebook named twice (e.g. as a file and through its folder) runs once.
        return (notebooks.Distinct(PathComparer).ToList(), null);
    }

    /// <summary>The folder that receives executed copies unless --out says otherwise.</summary>
    public static string DefaultOutputRoot(string? repoRoot) =>
        Path.Combine(repoRoot ?? Environment.CurrentDirectory, "artifacts", "notebooks");

    /// <summary>
    /// Where the executed copy of <paramref name="notebook"/> goes: the same path relative to the
    /// repository under <paramref name="outputRoot"/>, or just its file name for a notebook
    /// outside the repository.
    /// </summary>
    public static string ExecutedCopyPath(string notebook, string? repoRoot, string outputRoot)
    {
        var relative = repoRoot is not null && IsUnder(notebook, repoRoot)
            ? Path.GetRelativePath(repoRoot, notebook)
            : Path.GetFileName(notebook);
        return Path.Combine(Path.GetFullPath(outputRoot), relative);
    }

    /// <summary>A short name for messages: relative to the repository when inside it, with '/' separators.</summary>
    public static string DisplayName(string notebook, string? repoRoot)
    {
        var shown = repoRoot is not null && IsUnder(notebook, repoRoot)
            ? Path.GetRelativePath(repoRoot, notebook)
            : notebook;
        return shown.Replace('\\', '/');
    }

    static IEnumerable<string> NotebooksIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal)
            : [];

    static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != path && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    static StringComparer PathComparer =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
