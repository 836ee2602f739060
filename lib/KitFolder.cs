namespace Segmentation;

/// <summary>
/// The course kit's own folder, the one that holds its solution file (<c>Lesson.sln</c>, or <c>Lesson.slnx</c>,
/// which newer SDKs create). The kit's data folder, the notebooks <c>lesson run</c> finds and the tool manifest
/// <c>lesson kernel install</c> uses all hang off it, so it is looked for here and nowhere else.
/// (<c>lib/Segmentation.csx</c> walks up on its own, to <c>lib/Segmentation.csproj</c>: it runs before this library is loaded.)
/// </summary>
public static class KitFolder
{
    /// <summary>The names of the kit's solution file that mark its folder.</summary>
    public static IReadOnlyList<string> SolutionFileNames { get; } = ["Lesson.sln", "Lesson.slnx"];

    /// <summary>The kit's folder: <paramref name="start"/> or the nearest folder above it that holds the solution file; null outside the kit.</summary>
    public static string? FindRoot(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            if (SolutionFileNames.Any(name => File.Exists(Path.Combine(folder.FullName, name))))
                return folder.FullName;
        return null;
    }
}
