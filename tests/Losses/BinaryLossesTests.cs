using Segmentation.Losses;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Losses;

/// <summary>Each loss against values worked out by hand on four pixels.</summary>
public class BinaryLossesTests
{
    public BinaryLossesTests() => TorchRuntime.EnsureLoaded();

    static Tensor Pixels(params double[] values) => tensor(values.Select(v => (float)v).ToArray()).reshape(1, 1, 2, 2);

    // sigmoid(ln 3) = 3/4, sigmoid(-ln 3) = 1/4, sigmoid(0) = 1/2.
    static readonly double Ln3 = Math.Log(3);

    [Fact]
    public void Bce_with_logits_matches_the_formula()
    {
        // Pixels: (logit 0, mask 1) -> -ln 1/2; (ln 3, 1) -> -ln 3/4; (-ln 3, 0) -> -ln(1 - 1/4); (2, 0) -> -ln(1 - sigmoid 2) = ln(1 + e^2).
        using var logits = Pixels(0, Ln3, -Ln3, 2);
        using var masks = Pixels(1, 1, 0, 0);
        double expected = (Math.Log(2) + Math.Log(4.0 / 3) + Math.Log(4.0 / 3) + Math.Log(1 + Math.Exp(2))) / 4;
        Assert.Equal(expected, BinaryLosses.BceWithLogits(logits, masks).item<float>(), 5);
    }

    [Fact]
    public void Positive_weight_scales_only_the_object_pixels()
    {
        using var logits = Pixels(0, Ln3, -Ln3, 2);
        using var masks = Pixels(1, 1, 0, 0);
        double expected = (3 * Math.Log(2) + 3 * Math.Log(4.0 / 3) + Math.Log(4.0 / 3) + Math.Log(1 + Math.Exp(2))) / 4;
        Assert.Equal(expected, BinaryLosses.BceWithLogits(logits, masks, positiveWeight: 3).item<float>(), 5);
    }

    [Fact]
    public void Bce_on_probabilities_shows_the_double_sigmoid_floor()
    {
        // A perfect prediction, squashed by a sigmoid before the loss (the original notebook's defect):
        // the loss applies a second sigmoid, so a "probability" of 1 becomes sigmoid(1) = 0.73, never 1.
        using var masks = Pixels(1, 1, 0, 0);
        using var probabilities = Pixels(1, 1, 0, 0);
        double floor = (2 * Math.Log(1 + Math.Exp(-1)) + 2 * Math.Log(2)) / 4; // about 0.50
        Assert.Equal(floor, BinaryLosses.BceWithLogits(probabilities, masks).item<float>(), 5);
        using var confidentLogits = Pixels(20, 20, -20, -20);
        Assert.True(BinaryLosses.BceWithLogits(confidentLogits, masks).item<float>() < 1e-6);
    }

    [Fact]
    public void Soft_dice_matches_the_formula_with_and_without_much_smoothing()
    {
        // p = 3/4, 1/4, 1/2, 1/2 against 1, 0, 1, 0: overlap 3/4 + 1/2 = 5/4, sum p = 2, sum y = 2.
        using var logits = Pixels(Ln3, -Ln3, 0, 0);
        using var masks = Pixels(1, 0, 1, 0);
        Assert.Equal(1 - (2 * 1.25 + 1) / (4.0 + 1), BinaryLosses.SoftDiceWithLogits(logits, masks).item<float>(), 5);          // 0.3
        Assert.Equal(1 - (2 * 1.25 + 1e-6) / (4.0 + 1e-6), BinaryLosses.SoftDiceWithLogits(logits, masks, smooth: 1e-6).item<float>(), 5); // 0.375
    }

    [Fact]
    public void Soft_dice_is_zero_for_an_empty_mask_predicted_empty_and_rejects_no_smoothing()
    {
        using var logits = Pixels(-30, -30, -30, -30);
        using var masks = Pixels(0, 0, 0, 0);
        Assert.Equal(0.0, BinaryLosses.SoftDiceWithLogits(logits, masks).item<float>(), 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryLosses.SoftDiceWithLogits(logits, masks, smooth: 0));
    }

    [Fact]
    public void Bce_dice_is_the_weighted_sum_of_both()
    {
        using var logits = Pixels(Ln3, -Ln3, 0, 0);
        using var masks = Pixels(1, 0, 1, 0);
        // BCE: -ln 3/4, -ln 3/4, ln 2, ln 2; Dice loss 0.3 (see above).
        double bce = (2 * Math.Log(4.0 / 3) + 2 * Math.Log(2)) / 4;
        Assert.Equal(bce + 0.3, BinaryLosses.BceDiceWithLogits(logits, masks).item<float>(), 5);
        Assert.Equal(0.5 * bce + 2 * 0.3, BinaryLosses.BceDiceWithLogits(logits, masks, bceWeight: 0.5, diceWeight: 2).item<float>(), 5);
    }

    [Fact]
    public void Focal_loss_matches_the_formula()
    {
        // (0, 1): p_t = 1/2, a_t = 0.25 -> 0.25 * (1/2)^2 * ln 2
        // (ln 3, 0): p_t = 1 - 3/4 = 1/4, a_t = 0.75 -> 0.75 * (3/4)^2 * ln 4
        // (-ln 3, 0): p_t = 3/4, a_t = 0.75 -> 0.75 * (1/4)^2 * ln 4/3
        // (-ln 3, 1): p_t = 1/4, a_t = 0.25 -> 0.25 * (3/4)^2 * ln 4
        using var logits = Pixels(0, Ln3, -Ln3, -Ln3);
        using var masks = Pixels(1, 0, 0, 1);
        double expected = (0.25 * 0.25 * Math.Log(2) + 0.75 * 0.5625 * Math.Log(4) + 0.75 * 0.0625 * Math.Log(4.0 / 3) + 0.25 * 0.5625 * Math.Log(4)) / 4;
        Assert.Equal(expected, BinaryLosses.FocalWithLogits(logits, masks).item<float>(), 5);
    }

    [Fact]
    public void Focal_loss_without_focus_or_weighting_is_bce()
    {
        using var logits = Pixels(0, Ln3, -Ln3, 2);
        using var masks = Pixels(1, 1, 0, 0);
        Assert.Equal(BinaryLosses.BceWithLogits(logits, masks).item<float>(),
            BinaryLosses.FocalWithLogits(logits, masks, alpha: null, gamma: 0).item<float>(), 5);
    }

    [Fact]
    public void Losses_give_gradients_to_the_logits()
    {
        using var logits = Pixels(0.5, -1, 2, 0).requires_grad_();
        using var masks = Pixels(1, 0, 0, 1);
        using var loss = BinaryLosses.BceDiceWithLogits(logits, masks) + BinaryLosses.FocalWithLogits(logits, masks);
        loss.backward();
        Assert.True(logits.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void A_mask_of_the_wrong_shape_is_rejected_with_advice()
    {
        using var logits = zeros(2, 1, 8, 8);
        using var masks = zeros(2, 3, 8, 8);
        var error = Assert.Throws<ArgumentException>(() => BinaryLosses.BceWithLogits(logits, masks));
        Assert.Contains("[2, 3, 8, 8]", error.Message);
        Assert.Contains("one channel", error.Message);
        Assert.Throws<ArgumentException>(() => BinaryLosses.SoftDiceWithLogits(logits, masks));
        Assert.Throws<ArgumentException>(() => BinaryLosses.FocalWithLogits(logits, masks));
    }

    [Fact]
    public void A_mask_of_0_to_255_is_rejected_with_advice()
    {
        using var logits = zeros(1, 1, 2, 2);
        using var masks = Pixels(0, 255, 255, 0);
        var error = Assert.Throws<ArgumentException>(() => BinaryLosses.SoftDiceWithLogits(logits, masks));
        Assert.Contains("255", error.Message);
        Assert.Contains("divide by 255", error.Message);
    }

    [Fact]
    public void Integer_masks_are_accepted()
    {
        using var logits = Pixels(0, Ln3, -Ln3, 2);
        using var masks = tensor(new long[] { 1, 1, 0, 0 }).reshape(1, 1, 2, 2);
        using var floatMasks = Pixels(1, 1, 0, 0);
        Assert.Equal(BinaryLosses.BceWithLogits(logits, floatMasks).item<float>(), BinaryLosses.BceWithLogits(logits, masks).item<float>(), 6);
    }
}
