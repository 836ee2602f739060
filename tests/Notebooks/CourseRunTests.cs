namespace Lesson.Tests.Notebooks;

/// <summary>
/// The main job, `lesson run`, over the whole course: every notebook passes, and each executed copy shows pictures
/// and, where it trains, a chart of its training curves with its static picture.
/// </summary>
[Collection(CourseRunCollection.Name)]
public class CourseRunTests(CourseRun run)
{
    public static TheoryData<string> CourseNotebooks() => new(CourseRun.Notebooks());

    [Fact]
    public void Lesson_run_passes_every_course_notebook_and_says_so_last()
    {
        var notebooks = CourseRun.Notebooks().ToList();
        Assert.True(run.Result.ExitCode == 0, run.Result.Output + run.Result.Error);
        foreach (var notebook in notebooks)
            Assert.Contains($"PASS  {notebook}", run.Result.Output);
        Assert.Equal($"{notebooks.Count} passed, 0 failed", run.Result.Output.TrimEnd().Split('\n')[^1].Trim());
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Executed_notebook_shows_pictures_and_a_chart_where_it_trains(string notebook)
    {
        var executed = run.Executed(notebook);

        Assert.Equal(0, executed.Errors);
        Assert.True(executed.Pictures >= 1, $"{notebook} shows no picture");
        if (executed.Trains)
            Assert.True(executed.Charts >= 1, $"{notebook} trains but draws no training-curve chart");
        Assert.True(executed.ChartPictures == executed.Charts,
            $"{notebook}: {executed.Charts} charts but {executed.ChartPictures} static pictures shown just before them");
    }
}

/// <summary>
/// The notebooks as committed: their stored outputs (refreshed by `lesson run --inplace`) let a reader see the
/// results in a repository browser, so they must hold the pictures and charts a run makes, each chart with its
/// static picture (a repository browser runs no script, so the picture is all it shows of a chart), and no errors.
/// </summary>
public class StoredOutputsTests
{
    [Theory]
    [MemberData(nameof(CourseRunTests.CourseNotebooks), MemberType = typeof(CourseRunTests))]
    public void Committed_notebook_stores_pictures_and_a_chart_where_it_trains(string notebook)
    {
        var stored = NotebookOutputs.Read(Path.Combine(RepoPaths.Root, notebook));

        Assert.Equal(0, stored.Errors);
        Assert.True(stored.Pictures >= 1, $"{notebook} is committed without pictures: run `lesson run {notebook} --inplace`");
        if (stored.Trains)
            Assert.True(stored.Charts >= 1, $"{notebook} trains but is committed without its chart: run `lesson run {notebook} --inplace`");
        Assert.True(stored.ChartPictures == stored.Charts,
            $"{notebook} is committed with {stored.Charts} charts but {stored.ChartPictures} static pictures of them: run `lesson run {notebook} --inplace`");
    }

    public static TheoryData<string> RomanianTwins() => new(Translations.Twins());

    [Theory]
    [MemberData(nameof(RomanianTwins))]
    public void Committed_Romanian_twin_stores_its_run_in_Romanian(string twin)
    {
        var stored = NotebookOutputs.Read(Path.Combine(RepoPaths.Root, twin));

        Assert.Equal(0, stored.Errors);
        Assert.True(stored.Pictures >= 1, $"{twin} is committed without pictures: run `lesson run {twin} --inplace`");
        if (stored.Trains)
            Assert.True(stored.Charts >= 1 && stored.ChartPictures == stored.Charts,
                $"{twin} trains but is committed with {stored.Charts} charts and {stored.ChartPictures} static pictures of them: run `lesson run {twin} --inplace`");
        RomanianOutputs.AssertNoEnglishFromTheLibrary(twin, stored.Text);
    }
}
