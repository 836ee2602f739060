using Segmentation.Losses;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Losses;

public class MultiClassLossesTests
{
    public MultiClassLossesTests() => TorchRuntime.EnsureLoaded();

    // Two pixels, three classes. Pixel 0: logits 0, 0, 0 (softmax 1/3 each), class 2 -> ln 3.
    // Pixel 1: logits ln 2, 0, 0 (softmax 1/2, 1/4, 1/4), class 0 -> ln 2.
    static Tensor Logits() => tensor(new[] { 0f, (float)Math.Log(2), 0f, 0f, 0f, 0f }).reshape(1, 3, 1, 2);
    static Tensor Targets() => tensor(new long[] { 2, 0 }).reshape(1, 1, 2);

    [Fact]
    public void Cross_entropy_matches_the_formula()
    {
        using var logits = Logits();
        using var targets = Targets();
        Assert.Equal((Math.Log(3) + Math.Log(2)) / 2, MultiClassLosses.CrossEntropyWithLogits(logits, targets).item<float>(), 5);
    }

    [Fact]
    public void Class_weights_give_a_weighted_mean()
    {
        using var logits = Logits();
        using var targets = Targets();
        // Weights 2, 1, 1: pixel 1 (class 0) counts twice: (1 ln 3 + 2 ln 2) / (1 + 2).
        Assert.Equal((Math.Log(3) + 2 * Math.Log(2)) / 3,
            MultiClassLosses.CrossEntropyWithLogits(logits, targets, classWeights: [2, 1, 1]).item<float>(), 5);
    }

    [Fact]
    public void Targets_with_a_channel_dimension_get_advice()
    {
        using var logits = Logits();
        using var targets = tensor(new long[] { 2, 0 }).reshape(1, 1, 1, 2);
        var error = Assert.Throws<ArgumentException>(() => MultiClassLosses.CrossEntropyWithLogits(logits, targets));
        Assert.Contains("squeeze(1)", error.Message);
    }

    [Fact]
    public void Class_ids_out_of_range_or_of_the_wrong_type_are_rejected()
    {
        using var logits = Logits();
        using var tooLarge = tensor(new long[] { 3, 0 }).reshape(1, 1, 2);
        var range = Assert.Throws<ArgumentException>(() => MultiClassLosses.CrossEntropyWithLogits(logits, tooLarge));
        Assert.Contains("0..2", range.Message);
        Assert.Contains("from 0 to 3", range.Message);
        using var floats = tensor(new[] { 2f, 0f }).reshape(1, 1, 2);
        var type = Assert.Throws<ArgumentException>(() => MultiClassLosses.CrossEntropyWithLogits(logits, floats));
        Assert.Contains("Int64", type.Message);
    }

    [Fact]
    public void Catalog_creates_each_loss_by_name()
    {
        Assert.Equal(["bce", "dice", "bce-dice", "focal", "cross-entropy"], LossCatalog.Names);
        using var logits = zeros(1, 1, 2, 2);
        using var masks = ones(1, 1, 2, 2);
        Assert.Equal(Math.Log(2), LossCatalog.Create("BCE")(logits, masks).item<float>(), 5);
        // Dice of p = 1/2 everywhere against all ones: 1 - (2*2 + 1) / (2 + 4 + 1) = 2/7.
        Assert.Equal(2.0 / 7, LossCatalog.Create("dice")(logits, masks).item<float>(), 5);
        var error = Assert.Throws<ArgumentException>(() => LossCatalog.Create("mse"));
        Assert.Contains("bce, dice, bce-dice, focal, cross-entropy", error.Message);
    }
}
