using Segmentation.Metrics;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Metrics;

public class PerImageCountsTests
{
    public PerImageCountsTests() => TorchRuntime.EnsureLoaded();

    // Three 2x2 images: A has a 4-pixel object predicted perfectly, B a 1-pixel object that is missed,
    // C is empty and predicted empty.
    static Tensor Masks() => tensor(new float[] { 1, 1, 1, 1, /**/ 1, 0, 0, 0, /**/ 0, 0, 0, 0 }).reshape(3, 1, 2, 2);
    static Tensor Logits() => tensor(new float[] { 5, 5, 5, 5, /**/ -5, -5, -5, -5, /**/ -5, -5, -5, -5 }).reshape(3, 1, 2, 2);

    [Fact]
    public void Per_image_counts_are_one_per_image()
    {
        using var logits = Logits();
        using var masks = Masks();
        var images = ConfusionCounts.PerImage(logits, masks);
        Assert.Equal(3, images.Length);
        Assert.Equal((4L, 0L, 0L, 0L), (images[0].TruePositives, images[0].FalsePositives, images[0].FalseNegatives, images[0].TrueNegatives));
        Assert.Equal((0L, 0L, 1L, 3L), (images[1].TruePositives, images[1].FalsePositives, images[1].FalseNegatives, images[1].TrueNegatives));
        Assert.Equal((0L, 0L, 0L, 4L), (images[2].TruePositives, images[2].FalsePositives, images[2].FalseNegatives, images[2].TrueNegatives));
        Assert.Equal([1.0, 0.0, 1.0], images.Select(i => i.Dice));
    }

    [Fact]
    public void Mean_of_per_image_scores_differs_from_the_dataset_score()
    {
        using var logits = Logits();
        using var masks = Masks();
        var perImage = new PerImageCounts();
        perImage.Add(logits.narrow(0, 0, 2), masks.narrow(0, 0, 2)); // two batches
        perImage.Add(logits.narrow(0, 2, 1), masks.narrow(0, 2, 1));

        // Per image: Dice 1, 0, 1 -> mean 2/3. Dataset: TP 4, FN 1 -> 8/9; IoU 4/5.
        Assert.Equal(2.0 / 3.0, perImage.MeanDice, 10);
        Assert.Equal(2.0 / 3.0, perImage.MeanIoU, 10);
        Assert.Equal(8.0 / 9.0, perImage.Total().Dice, 10);
        Assert.Equal(4.0 / 5.0, perImage.Total().IoU, 10);
        Assert.Equal((1.0 + 0.0 + 1.0) / 3, perImage.Mean(c => c.Recall), 10); // recall of the empty image C is 1

        var dataset = new ConfusionCounts();
        dataset.Add(logits, masks);
        Assert.Equal(dataset.Dice, perImage.Total().Dice, 10);
    }

    [Fact]
    public void Predicted_masks_are_counted_per_image_and_reset_forgets()
    {
        using var masks = Masks();
        using var predicted = tensor(new float[] { 1, 1, 0, 0, /**/ 0, 0, 0, 0, /**/ 0, 0, 0, 1 }).reshape(3, 1, 2, 2);
        var perImage = new PerImageCounts();
        perImage.AddPredictions(predicted, masks);
        // A: TP 2, FN 2 -> Dice 4/6; B: missed -> 0; C: false alarm on an empty mask -> 0.
        Assert.Equal([4.0 / 6.0, 0.0, 0.0], perImage.Images.Select(i => i.Dice));
        perImage.Reset();
        Assert.Empty(perImage.Images);
        Assert.True(double.IsNaN(perImage.MeanDice));
    }
}
