namespace Lesson.Tests.Notebooks;

/// <summary>
/// The main job run once for the tests that read its results: `lesson run` with no notebook named executes every
/// course notebook (notebooks/, lab/, lab/solutions/), each in its own process with a fresh .NET Interactive kernel.
/// Sharing one run keeps the suite's time to one execution of each notebook.
/// </summary>
public sealed class CourseRun
{
    /// <summary>The course notebooks, relative to the repository root, in the order `lesson run` takes them.</summary>
    public static readonly string[] Folders = ["notebooks", "lab", "lab/solutions"];

    public CourseRun()
    {
        OutputFolder = RepoPaths.NewTempFolder("course-run");
        Result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(45), "run", "--out", OutputFolder);
    }

    /// <summary>Exit code and everything `lesson run` printed.</summary>
    public ToolProcess.Result Result { get; }

    /// <summary>Where the executed copies are, under their paths relative to the repository root.</summary>
    public string OutputFolder { get; }

    /// <summary>Every notebook in the course folders, relative to the repository root with '/' separators.</summary>
    public static IEnumerable<string> Notebooks() =>
        Folders.SelectMany(folder => Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.ipynb").Order(StringComparer.Ordinal))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'));

    /// <summary>The executed copy of <paramref name="notebook"/>, after checking that the run reported it passed.</summary>
    public NotebookOutputs Executed(string notebook)
    {
        Assert.True(Result.Output.Contains($"PASS  {notebook}", StringComparison.Ordinal),
            $"lesson run did not pass {notebook} (exit code {Result.ExitCode}):\n{Result.Output}{Result.Error}");
        return NotebookOutputs.Read(Path.Combine(OutputFolder, notebook));
    }
}

[CollectionDefinition(Name)]
public sealed class CourseRunCollection : ICollectionFixture<CourseRun>
{
    public const string Name = "course run";
}
