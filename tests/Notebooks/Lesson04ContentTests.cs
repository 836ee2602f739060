using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// Notebook 04's sentences rest on numbers its run prints: each test reads them from the executed copy of the main
/// job's run (<see cref="CourseRun"/>) and checks the claim against them, and the prose against the method it describes.
/// </summary>
[Collection(CourseRunCollection.Name)]
public class Lesson04ContentTests(CourseRun run)
{
    const string Notebook = "notebooks/04-training-on-ph2.ipynb";
    const string Number = @"(\d+\.\d+)";

    string Text => run.Executed(Notebook).Text;

    /// <summary>The notebook's cells as one text, line breaks and indents read as single spaces (prose wraps).</summary>
    static string Source
    {
        get
        {
            using var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, Notebook)));
            var cells = notebook.RootElement.GetProperty("cells").EnumerateArray()
                .Select(cell => string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString())));
            return Regex.Replace(string.Join("\n", cells), @"\s+", " ");
        }
    }

    [Fact]
    public void The_class_counts_and_the_nevi_per_melanoma_ratio_are_printed_from_the_data()
    {
        string text = Text;
        var diagnoses = Regex.Match(text, @"diagnoses: (\d+) CommonNevus, (\d+) AtypicalNevus, (\d+) Melanoma");
        var ratio = Regex.Match(text, @"nevi \(common and atypical\): (\d+), melanomas: (\d+), so ([\d.]+) nevi per melanoma");
        Assert.True(diagnoses.Success && ratio.Success, text);
        int nevi = Int(diagnoses.Groups[1].Value) + Int(diagnoses.Groups[2].Value), melanomas = Int(diagnoses.Groups[3].Value);
        Assert.Equal(nevi, Int(ratio.Groups[1].Value));
        Assert.Equal(melanomas, Int(ratio.Groups[2].Value));
        Assert.Equal((double)nevi / melanomas, Real(ratio.Groups[3].Value), 1);
        // The prose defers to that line instead of naming a ratio that the data contradicts.
        Assert.DoesNotContain("twice as many", Source);
    }

    [Fact]
    public void Each_network_keeps_the_epoch_with_the_best_validation_dice_and_the_test_set_is_scored_with_it()
    {
        string text = Text;
        foreach (var name in new[] { "SegNet", "U-Net" })
        {
            // The epoch lines of this network's run: the ones printed before its "epoch chosen" line.
            var chosen = Regex.Match(text, Regex.Escape(name) + @": epoch chosen on validation: (\d+) \(validation Dice " + Number + @"\)");
            Assert.True(chosen.Success, text);
            string before = text[..chosen.Index];
            int start = before.LastIndexOf(name + ": ", before.Length - 1, StringComparison.Ordinal);
            var epochs = Regex.Matches(before[start..], @"epoch (\d+): train loss \d\.\d+, validation loss \d\.\d+, Dice " + Number)
                .Select(m => (Epoch: Int(m.Groups[1].Value), Dice: Real(m.Groups[2].Value))).ToList();
            Assert.Equal(3, epochs.Count);
            var best = epochs.First(e => e.Dice == epochs.Max(x => x.Dice));
            Assert.Equal(best.Epoch, Int(chosen.Groups[1].Value));
            Assert.Equal(best.Dice, Real(chosen.Groups[2].Value));

            var scored = Regex.Match(text, Regex.Escape(name) + @"\s+(\d+)\s+" + Number + @"\s+" + Number + @"\s+" + Number + @"\s+" + Number);
            Assert.True(scored.Success, text);
            Assert.Equal(best.Epoch, Int(scored.Groups[1].Value));
            var threshold = Regex.Match(text, Regex.Escape(name) + @":\s+threshold chosen on validation " + Number);
            Assert.Equal(Real(threshold.Groups[1].Value), Real(scored.Groups[2].Value));
        }
        Assert.DoesNotContain("test Dice stops improving", Source);
        Assert.Contains("EarlyStoppingPatience = 5` there to stop when the **validation** Dice", Source);
    }

    [Fact]
    public void U_net_test_dice_lands_in_the_calibrated_range_and_the_two_ways_of_counting_differ()
    {
        string text = Text;
        var unet = Regex.Match(text, @"U-Net\s+\d+\s+" + Number + @"\s+" + Number + @"\s+" + Number + @"\s+" + Number);
        Assert.True(unet.Success, text);
        // The generated sample is calibrated to be about as hard as real PH2 (data/README.md).
        Assert.InRange(Real(unet.Groups[2].Value), 0.80, 0.93);

        var both = Regex.Match(text, @"U-Net test Dice: " + Number + @" over all pixels, " + Number + @" as a mean per image \(a difference of " + Number + @"\)");
        Assert.True(both.Success, text);
        Assert.Equal(Real(unet.Groups[2].Value), Real(both.Groups[1].Value));
        Assert.Equal(Real(unet.Groups[4].Value), Real(both.Groups[2].Value));
        Assert.True(Real(both.Groups[3].Value) > 0, "pooled and per-image Dice are the same, so 'say which' shows nothing: " + both.Value);
    }

    [Fact]
    public void The_last_progress_line_of_each_run_shows_its_last_epochs_dice()
    {
        string text = Text;
        var progress = Regex.Matches(text, @"epoch 3/3 \[#{20}\] (\d+)/\1 loss \d\.\d+ Dice " + Number + " ETA");
        var lastEpochs = Regex.Matches(text, @"epoch 3: train loss \d\.\d+, validation loss \d\.\d+, Dice " + Number);
        Assert.Equal(2, progress.Count);
        Assert.Equal(2, lastEpochs.Count);
        for (int i = 0; i < 2; i++)
            Assert.Equal(lastEpochs[i].Groups[1].Value, progress[i].Groups[2].Value);
    }

    [Fact]
    public void The_first_epoch_is_explained_from_measured_dice_and_pixel_accuracy()
    {
        string text = Text;
        var share = Regex.Match(text, @"validation pixels that are lesion: " + Number + @" %, so calling every pixel skin scores a pixel accuracy of " + Number);
        Assert.True(share.Success, text);
        Assert.Equal(100, Real(share.Groups[1].Value) + Real(share.Groups[2].Value), 1);
        foreach (Match first in Regex.Matches(text, @"(SegNet|U-Net)\s+epoch 1: validation Dice " + Number + @", pixel accuracy [\d.]+ %: (.*)"))
            Assert.Equal(Real(first.Groups[2].Value) < 0.05 ? "(almost) every pixel called skin" : "already finding lesion pixels", first.Groups[3].Value.Trim());
    }

    [Fact]
    public void Keeping_the_largest_region_is_described_by_what_it_measurably_does()
    {
        var lines = Regex.Matches(Text, @"(SegNet|U-Net)\s+(validation|test)\s+mean Dice per image " + Number + @" as predicted, " + Number + @" keeping the largest region: (.*)");
        Assert.Equal(4, lines.Count);
        foreach (Match line in lines)
        {
            double change = Real(line.Groups[4].Value) - Real(line.Groups[3].Value);
            string said = line.Groups[5].Value.Trim();
            if (Math.Abs(change) < 0.0015)
                continue;   // rounding to three places can hide the sign
            Assert.StartsWith(change > 0 ? "helps by" : "hurts by", said);
        }
    }

    [Fact]
    public void SegNet_and_u_net_are_compared_over_three_seeds_with_their_spread()
    {
        string text = Text;
        var scores = Regex.Matches(text, @"(SegNet|U-Net)\s+test Dice " + Number + " ± " + Number + @" over 3 seeds \(seed 1: ");
        Assert.Equal(["SegNet", "U-Net"], scores.Select(m => m.Groups[1].Value));
        double gap = Real(scores[1].Groups[2].Value) - Real(scores[0].Groups[2].Value);
        double spread = Math.Max(Real(scores[0].Groups[3].Value), Real(scores[1].Groups[3].Value));
        Assert.All(scores, m => Assert.InRange(Real(m.Groups[2].Value), 0.70, 0.95));
        var verdict = Regex.Match(text, @"U-Net minus SegNet: [+-]\d\.\d+ \(largest spread over seeds \d\.\d+\): (.*)");
        Assert.True(verdict.Success, text);
        if (Math.Abs(Math.Abs(gap) - spread) > 0.002)   // far enough from the edge for the printed rounding not to matter
            Assert.Equal(Math.Abs(gap) > spread, verdict.Groups[1].Value.Contains("ahead", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notebook_ends_with_a_reading_list()
    {
        string source = Source;
        foreach (var paper in new[] { "Ronneberger", "Badrinarayanan", "Kirillov", "Mendonça" })
            Assert.Contains(paper, source);
    }

    static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    static double Real(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
