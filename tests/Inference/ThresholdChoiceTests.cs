using Segmentation.Inference;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class ThresholdChoiceTests
{
    public ThresholdChoiceTests() => TorchRuntime.EnsureLoaded();

    static Tensor Logit(params float[] probabilities) =>
        tensor(probabilities.Select(p => MathF.Log(p / (1 - p))).ToArray(), [1, 1, 1, probabilities.Length]);

    [Fact]
    public void The_threshold_with_the_best_dice_on_the_given_images_wins()
    {
        // Lesion pixels score 0.45 and 0.6, skin 0.2 and 0.35: any threshold in [0.35, 0.45) gets all four right.
        using var logits = Logit(0.45f, 0.6f, 0.2f, 0.35f);
        using var masks = tensor(new float[] { 1, 1, 0, 0 }, [1, 1, 1, 4]);

        var (threshold, dice) = ThresholdChoice.BestDice(logits, masks);

        Assert.Equal(0.35, threshold);
        Assert.Equal(1.0, dice, 10);
        // At the default 0.5 the 0.45 pixel is missed: Dice 2/3.
        Assert.Equal(2.0 / 3, ThresholdChoice.BestDice(logits, masks, [0.5]).Dice, 10);
    }

    [Fact]
    public void Thresholds_outside_zero_to_one_and_mismatched_shapes_are_refused()
    {
        using var logits = Logit(0.5f, 0.5f);
        using var masks = zeros(1, 1, 1, 2);
        Assert.Throws<ArgumentException>(() => ThresholdChoice.BestDice(logits, masks, [1.0]));
        Assert.Throws<ArgumentException>(() => ThresholdChoice.BestDice(logits, masks, []));
        Assert.Throws<ArgumentException>(() => ThresholdChoice.BestDice(logits, zeros(1, 1, 2, 2)));
    }
}
