using Segmentation.Metrics;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Metrics;

public class ConfusionCountsTests
{
    public ConfusionCountsTests() => TorchRuntime.EnsureLoaded();

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
        Assert.Equal(2.0 / 3.0, counts.Precision, 10);   // 2 / (2 + 1)
        Assert.Equal(2.0 / 3.0, counts.Recall, 10);      // 2 / (2 + 1)
        Assert.Equal("TP 2, FP 1, FN 1, TN 2: Dice 0.667, IoU 0.500", counts.ToString());
    }

    [Fact]
    public void Precision_recall_and_f1_differ_when_errors_are_lopsided()
    {
        // mask:       1 1 1 1 0 0
        // prediction: 1 0 0 0 0 1  -> TP 1, FN 3, FP 1, TN 1
        var counts = new ConfusionCounts();
        counts.Add(Logits(2, -1, -1, -1, -1, 2), Mask(1, 1, 1, 1, 0, 0));
        Assert.Equal(1.0 / 2.0, counts.Precision, 10);   // 1 / (1 + 1)
        Assert.Equal(1.0 / 4.0, counts.Recall, 10);      // 1 / (1 + 3)
        Assert.Equal(1.0 / 3.0, counts.F1, 10);          // 2 (1/2)(1/4) / (1/2 + 1/4)
        Assert.Equal(1.0 / 3.0, counts.Dice, 10);        // 2 / (2 + 1 + 3)
        Assert.Equal(1.0 / 5.0, counts.IoU, 10);         // 1 / (1 + 1 + 3)
    }

    [Fact]
    public void Counts_accumulate_across_batches_instead_of_averaging_averages()
    {
        var counts = new ConfusionCounts();
        counts.Add(Logits(1, 1, 1, 1), Mask(1, 1, 1, 1));   // perfect: TP 4
        counts.Add(Logits(-1, -1), Mask(1, 0));             // missed one: FN 1, TN 1
        Assert.Equal(8.0 / 9.0, counts.Dice, 10);           // mean of per-batch Dice would be 0.5
        counts.Reset();
        Assert.Equal(0L, counts.TruePositives + counts.FalseNegatives + counts.TrueNegatives);
    }

    [Fact]
    public void Empty_mask_and_empty_prediction_score_one_everywhere()
    {
        var nothing = new ConfusionCounts();
        nothing.Add(Logits(-1, -1), Mask(0, 0));
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 1.0], new[] { nothing.Dice, nothing.IoU, nothing.Precision, nothing.Recall, nothing.F1 });
    }

    [Fact]
    public void A_false_alarm_on_an_empty_mask_scores_zero_including_recall()
    {
        var falseAlarm = new ConfusionCounts();
        falseAlarm.Add(Logits(1, -1), Mask(0, 0));          // TP 0, FP 1: recall is 0/0
        Assert.Equal([0.0, 0.0, 0.0, 0.0], new[] { falseAlarm.Dice, falseAlarm.IoU, falseAlarm.Precision, falseAlarm.Recall });
    }

    [Fact]
    public void A_missed_object_scores_zero_including_precision()
    {
        var missed = new ConfusionCounts();
        missed.Add(Logits(-1, -1), Mask(1, 0));             // TP 0, FN 1: precision is 0/0
        Assert.Equal([0.0, 0.0, 0.0, 0.0], new[] { missed.Dice, missed.IoU, missed.Precision, missed.Recall });
        Assert.Equal(0.5, missed.PixelAccuracy, 10);
    }

    [Fact]
    public void Predicted_masks_count_like_logits()
    {
        var fromMasks = new ConfusionCounts();
        fromMasks.AddPredictions(Mask(1, 1, 0, 1, 0, 0), Mask(1, 1, 1, 0, 0, 0));
        Assert.Equal((2L, 1L, 1L, 2L), (fromMasks.TruePositives, fromMasks.FalsePositives, fromMasks.FalseNegatives, fromMasks.TrueNegatives));
    }

    [Fact]
    public void Shape_mismatch_is_rejected_with_both_shapes()
    {
        var counts = new ConfusionCounts();
        using var logits = zeros(2, 1, 4, 4);
        using var masks = zeros(2, 1, 4, 5);
        var error = Assert.Throws<ArgumentException>(() => counts.Add(logits, masks));
        Assert.Contains("[2, 1, 4, 4]", error.Message);
        Assert.Contains("[2, 1, 4, 5]", error.Message);
    }
}
