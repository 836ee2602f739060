using Segmentation.Metrics;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Metrics;

public class MultiClassConfusionTests
{
    public MultiClassConfusionTests() => TorchRuntime.EnsureLoaded();

    // A 2x3 image.  targets:    0 0 1     predicted: 0 1 1
    //                           1 2 2                1 2 0
    static Tensor Targets() => tensor(new long[] { 0, 0, 1, 1, 2, 2 }).reshape(1, 2, 3);
    static Tensor Predicted() => tensor(new long[] { 0, 1, 1, 1, 2, 0 }).reshape(1, 2, 3);

    [Fact]
    public void Matrix_and_per_class_iou_match_a_hand_computed_case()
    {
        var confusion = new MultiClassConfusion(3);
        using var predicted = Predicted();
        using var targets = Targets();
        confusion.AddPredictions(predicted, targets);
        // (actual, predicted): (0,0) 1, (0,1) 1, (1,1) 2, (2,2) 1, (2,0) 1.
        Assert.Equal((1L, 1L, 0L), (confusion[0, 0], confusion[0, 1], confusion[0, 2]));
        Assert.Equal((0L, 2L, 0L), (confusion[1, 0], confusion[1, 1], confusion[1, 2]));
        Assert.Equal((1L, 0L, 1L), (confusion[2, 0], confusion[2, 1], confusion[2, 2]));
        // class 0: TP 1, FP 1, FN 1 -> 1/3; class 1: TP 2, FP 1, FN 0 -> 2/3; class 2: TP 1, FP 0, FN 1 -> 1/2.
        var iou = confusion.IoUPerClass();
        Assert.Equal(1.0 / 3, iou[0], 10);
        Assert.Equal(2.0 / 3, iou[1], 10);
        Assert.Equal(1.0 / 2, iou[2], 10);
        Assert.Equal(0.5, confusion.MeanIoU, 10);
        Assert.Equal(4.0 / 6, confusion.PixelAccuracy, 10);
        Assert.Equal(2.0 / 4, confusion.DicePerClass()[0], 10);   // 2*1 / (2*1 + 1 + 1)
        Assert.Equal(4L, confusion.ForClass(2).TrueNegatives);      // 6 pixels - TP 1 - FN 1 (no FP)
    }

    [Fact]
    public void Logits_are_turned_into_classes_by_argmax()
    {
        using var predicted = Predicted();
        using var targets = Targets();
        // One-hot logits of the predicted classes, [1, 3, 2, 3].
        using var logits = nn.functional.one_hot(predicted, 3).permute(0, 3, 1, 2).to_type(ScalarType.Float32);
        var confusion = new MultiClassConfusion(3);
        confusion.Add(logits, targets);
        Assert.Equal(0.5, confusion.MeanIoU, 10);
    }

    [Fact]
    public void A_class_seen_nowhere_scores_one_but_is_left_out_of_the_mean()
    {
        using var predicted = Predicted();
        using var targets = Targets();
        var confusion = new MultiClassConfusion(4);
        confusion.AddPredictions(predicted, targets);
        Assert.Equal(1.0, confusion.IoUPerClass()[3]);
        Assert.Equal(0.5, confusion.MeanIoU, 10);
        confusion.Reset();
        Assert.True(double.IsNaN(confusion.MeanIoU));
    }

    [Fact]
    public void Bad_class_ids_are_rejected_with_advice()
    {
        var confusion = new MultiClassConfusion(2);
        using var predicted = Predicted();
        using var targets = Targets();
        var range = Assert.Throws<ArgumentException>(() => confusion.AddPredictions(predicted, targets));
        Assert.Contains("0..1", range.Message);
        using var withChannel = targets.unsqueeze(1);
        var shape = Assert.Throws<ArgumentException>(() => new MultiClassConfusion(3).AddPredictions(predicted, withChannel));
        Assert.Contains("squeeze(1)", shape.Message);
    }
}
