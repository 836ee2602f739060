using Segmentation.Models;
using Segmentation.Training;

namespace Lesson.Tests.Training;

public class SeedRunsTests
{
    [Fact]
    public void Each_seed_trains_a_fresh_network_and_the_summary_gives_mean_and_sample_spread()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 13);
        var (testImages, testMasks) = TinyData.Squares(4, 32, seed: 14);
        int built = 0;
        var scores = SeedRuns.TestDice("U-Net", () => { built++; return new UNet(); }, [1, 2], new TrainingOptions { Epochs = 2, BatchSize = 4 },
            (images, masks), (images, masks), (testImages, testMasks));

        Assert.Equal(2, built);
        Assert.Equal([1, 2], scores.Runs.Select(r => r.Seed));
        Assert.All(scores.Runs, r => Assert.InRange(r.ChosenEpoch, 1, 2));
        Assert.All(scores.Runs, r => Assert.InRange(r.TestDice, 0, 1));
        // Different seeds, different starting weights: the two runs do not score the same.
        Assert.NotEqual(scores.Runs[0].TestDice, scores.Runs[1].TestDice);
        // The second seed's run is the same whether or not the first ran before it, and an earlier run is counted, not retrained.
        var withEarlier = SeedRuns.TestDice("U-Net", () => new UNet(), [2], new TrainingOptions { Epochs = 2, BatchSize = 4 },
            (images, masks), (images, masks), (testImages, testMasks), earlier: [scores.Runs[0]]);
        Assert.Equal([1, 2], withEarlier.Runs.Select(r => r.Seed));
        Assert.Equal(scores.Runs[0], withEarlier.Runs[0]);
        Assert.Equal(scores.Runs[1].TestDice, withEarlier.Runs[1].TestDice, 5);
        var twice = Assert.Throws<ArgumentException>(() => SeedRuns.TestDice("U-Net", () => new UNet(), [1], new TrainingOptions { Epochs = 2 },
            (images, masks), (images, masks), (testImages, testMasks), earlier: [scores.Runs[0]]));
        Assert.Contains("Seed 1", twice.Message);
    }

    [Fact]
    public void Mean_and_standard_deviation_use_n_minus_one_and_the_comparison_says_whether_the_gap_beats_the_spread()
    {
        var segnet = new SeedScores("SegNet", [new(1, 3, 0.80), new(2, 3, 0.84), new(3, 2, 0.82)]);
        var unet = new SeedScores("U-Net", [new(1, 3, 0.80), new(2, 3, 0.88), new(3, 3, 0.87)]);   // sd 0.044
        var far = new SeedScores("U-Net", [new(1, 3, 0.90), new(2, 3, 0.91), new(3, 3, 0.92)]);

        Assert.Equal(0.82, segnet.Mean, 10);
        Assert.Equal(0.02, segnet.StandardDeviation, 10);
        Assert.StartsWith("SegNet   test Dice 0.820 ± 0.020 over 3 seeds (seed 1: 0.800 at epoch 3,", segnet.ToString());
        Assert.EndsWith("level within the spread, so these runs name no winner", unet.ComparedWith(segnet));
        Assert.StartsWith("U-Net minus SegNet: +0.030", unet.ComparedWith(segnet));
        Assert.EndsWith("U-Net is ahead by more than the spread", far.ComparedWith(segnet));
        Assert.EndsWith("U-Net is ahead by more than the spread", segnet.ComparedWith(far));
        Assert.Equal(0, new SeedScores("one", [new(1, 1, 0.5)]).StandardDeviation);
    }
}
