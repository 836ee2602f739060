using Segmentation.Metrics;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Metrics;

public class MetricsTests
{
    public MetricsTests() => TorchRuntime.EnsureLoaded();

    static Tensor Mask(params float[] values) => tensor(values).reshape(1, 1, 1, values.Length);

    // Logits: positive = predicted lesion.
    static Tensor Logits(params float[] values) => tensor(values).reshape(1, 1, 1, values.Length);

    [Fact]
    public void Counts_and_scores_match_a_hand_computed_case()
    {
        // mask:       1 1 1 0 0 0
        // prediction: 1 1 0 1 0 0  -> TP 2, FN 1, FP 1, TN 2
        var counts = new ConfusionCounts();
        counts.Add(Logits(3, 1, -2, 0.5f, -1, -4), Mask(1, 1, 1, 0, 0, 0));
        Assert.Equal((2L, 1L, 1L, 2L), (counts.TruePositives, counts.FalsePositives, counts.FalseNegatives, counts.TrueNegatives));
        Assert.Equal(4.0 / 6.0, counts.Dice, 10);        // 2*2 / (2*2 + 1 + 1)
        Assert.Equal(2.0 / 4.0, counts.IoU, 10);         // 2 / (2 + 1 + 1)
        Assert.Equal(4.0 / 6.0, counts.PixelAccuracy, 10);
    }

    [Fact]
    public void Counts_accumulate_across_batches_instead_of_averaging_averages()
    {
        var counts = new ConfusionCounts();
        counts.Add(Logits(1, 1, 1, 1), Mask(1, 1, 1, 1));   // perfect: TP 4
        counts.Add(Logits(-1, -1), Mask(1, 0));             // missed one: FN 1, TN 1
        Assert.Equal(8.0 / 9.0, counts.Dice, 10);           // mean of per-batch Dice would be 0.5
    }

    [Fact]
    public void Empty_mask_and_empty_prediction_score_one_but_a_false_alarm_scores_zero()
    {
        var nothing = new ConfusionCounts();
        nothing.Add(Logits(-1, -1), Mask(0, 0));
        Assert.Equal(1.0, nothing.Dice);
        Assert.Equal(1.0, nothing.IoU);

        var falseAlarm = new ConfusionCounts();
        falseAlarm.Add(Logits(1, -1), Mask(0, 0));
        Assert.Equal(0.0, falseAlarm.Dice);
        Assert.Equal(0.0, falseAlarm.IoU);
    }
}
