using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// Notebooks 01 and 02, read from the main job's run (<see cref="CourseRun"/>): the box-versus-mask numbers of 01 and the
/// batch-normalisation verdict of 02 agree with the numbers printed beside them.
/// </summary>
[Collection(CourseRunCollection.Name)]
public class Lesson01To02ContentTests(CourseRun run)
{
    [Fact]
    public void Lesson_01_box_holds_the_mask_and_its_share_of_the_box_is_the_printed_one()
    {
        string text = run.Executed("notebooks/01-what-is-segmentation.ipynb").Text;

        var box = Regex.Match(text, @"detection: a box, columns (\d+)\.\.(\d+), rows (\d+)\.\.(\d+) \((\d+) x (\d+) pixels\): ([\d,]+) pixels");
        Assert.True(box.Success, "01 printed no box line:\n" + text);
        int left = Int(box.Groups[1].Value), right = Int(box.Groups[2].Value), top = Int(box.Groups[3].Value), bottom = Int(box.Groups[4].Value);
        Assert.Equal(right - left + 1, Int(box.Groups[5].Value));
        Assert.Equal(bottom - top + 1, Int(box.Groups[6].Value));
        int area = Int(box.Groups[7].Value);
        Assert.Equal((right - left + 1) * (bottom - top + 1), area);

        var mask = Regex.Match(text, @"segmentation: a mask of ([\d,]+) lesion pixels, (\d+) ?% of the box; the other (\d+) ?% of the box is skin");
        Assert.True(mask.Success, "01 printed no mask line:\n" + text);
        int lesion = Int(mask.Groups[1].Value);
        Assert.InRange(lesion, 1, area);          // the box holds every lesion pixel
        Assert.Equal(Math.Round(100.0 * lesion / area, MidpointRounding.AwayFromZero), (double)Int(mask.Groups[2].Value));
        Assert.InRange(Int(mask.Groups[2].Value) + Int(mask.Groups[3].Value), 99, 101);   // two rounded shares
        // The lesion pixel count of section 2 is the same mask's.
        Assert.Contains($"{mask.Groups[1].Value} of 36,864 pixels are lesion", text);
        Assert.Contains("Mask R-CNN", File.ReadAllText(Path.Combine(RepoPaths.Root, "notebooks", "01-what-is-segmentation.ipynb")));
    }

    [Fact]
    public void Lesson_02_batch_norm_verdict_matches_the_last_epochs_it_prints()
    {
        string text = run.Executed("notebooks/02-encoder-decoder-networks.ipynb").Text;

        double withBn = LastDice(text, "with batch norm"), withoutBn = LastDice(text, "without");
        var verdict = Regex.Match(text, @"After (\d+) epochs the run (with|without) batch normalisation is ahead: held-out Dice (\d\.\d+) against (\d\.\d+), (\d\.\d+) higher\.");
        if (Math.Abs(withBn - withoutBn) < 0.01)
        {
            Assert.Contains("both runs reach about the same held-out Dice", text);
            return;
        }
        Assert.True(verdict.Success, "02 printed no batch-norm verdict:\n" + text);
        Assert.Equal(withBn > withoutBn ? "with" : "without", verdict.Groups[2].Value);
        Assert.Equal(Math.Max(withBn, withoutBn), Number(verdict.Groups[3].Value), 2);
        Assert.Equal(Math.Min(withBn, withoutBn), Number(verdict.Groups[4].Value), 2);
        Assert.Equal(Math.Abs(withBn - withoutBn), Number(verdict.Groups[5].Value), 1);   // rounded values: within 0.01
        // On the generated sample the normalised network is the one ahead (the lesson's point); a real-data run may differ.
        Assert.True(withBn > withoutBn, $"with batch norm {withBn}, without {withoutBn}");
    }

    static double LastDice(string text, string run)
    {
        var line = Regex.Match(text, Regex.Escape(run) + @"\s+held-out Dice by epoch: ([\d. ]+)\(");
        Assert.True(line.Success, $"no '{run}' Dice line:\n{text}");
        return line.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number).Last();
    }

    static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>
/// The diagrams of 01 and 02 are files next to the notebooks, so that VS Code, Jupyter and a repository browser all show
/// them: every image a markdown cell names exists, is plain SVG with its text as text, and needs nothing from outside.
/// </summary>
public class LessonFigureTests
{
    public static TheoryData<string> Notebooks() => new("notebooks/01-what-is-segmentation.ipynb", "notebooks/02-encoder-decoder-networks.ipynb");

    static IEnumerable<string> ImagesIn(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, notebook)));
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "markdown")
                continue;
            string source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()));
            foreach (Match image in Regex.Matches(source, @"!\[[^\]]+\]\(([^)\s]+)\)"))
                yield return image.Groups[1].Value;
        }
    }

    [Fact]
    public void Notebook_02_shows_the_three_diagrams()
    {
        Assert.Equal(["figures/encoder-decoder.svg", "figures/segnet.svg", "figures/unet.svg"], ImagesIn("notebooks/02-encoder-decoder-networks.ipynb"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_figure_is_a_small_self_contained_svg_next_to_the_notebook(string notebook)
    {
        foreach (string relative in ImagesIn(notebook))
        {
            Assert.False(Path.IsPathRooted(relative) || relative.Contains("://"), $"{relative}: use a path relative to the notebook");
            string path = Path.Combine(RepoPaths.Root, Path.GetDirectoryName(notebook)!, relative);
            Assert.True(File.Exists(path), $"{notebook} shows {relative}, which does not exist");
            Assert.InRange(new FileInfo(path).Length, 1, 12_000);
            var svg = XDocument.Load(path).Root!;
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Name);
            Assert.NotNull(svg.Attribute("viewBox"));
            Assert.NotEmpty(svg.Descendants(ns + "text"));                       // labels are text, not paths or pixels
            Assert.Empty(svg.Descendants(ns + "image"));                         // no embedded or linked pictures
            Assert.Empty(svg.Descendants(ns + "style"));                         // no stylesheet, so no @font-face or @import
            string content = File.ReadAllText(path);
            Assert.DoesNotContain("href=\"http", content);
            Assert.DoesNotContain("url(http", content);
        }
    }
}
