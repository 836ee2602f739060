namespace Lesson.Tests;

/// <summary>Locations in the repository, found from the test's output folder.</summary>
static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ToolDll => Path.Combine(Root, "tools", "lesson", "bin", Configuration, "net10.0", "lesson.dll");

    /// <summary>lib/bin/notebook: the one folder every build of the library fills, whatever the configuration.</summary>
    public static string LibOutput => Path.Combine(Root, "lib", "bin", "notebook");

    static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>A fresh empty folder under the system temp folder, removed when the test process ends.</summary>
    public static string NewTempFolder(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "lesson-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    static string FindRoot() =>
        Segmentation.KitFolder.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Could not find Lesson.sln above " + AppContext.BaseDirectory);
}
