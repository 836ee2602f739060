using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests;

public class UNetTests
{
    public UNetTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Output_is_one_logit_per_pixel_at_the_input_size()
    {
        Segmentation.Training.Seeds.Set(5);
        using var model = new UNet();
        using var images = rand(2, 3, 64, 96);
        using var logits = model.call(images);
        Assert.Equal(new long[] { 2, 1, 64, 96 }, logits.shape);
        // Logits, not probabilities: no sigmoid at the end, so some values are negative.
        Assert.True(logits.min().item<float>() < 0, "the output looks squashed into [0, 1]: is there a sigmoid at the end?");
    }

    [Fact]
    public void Has_the_lesson_architecture_parameter_count()
    {
        using var model = new UNet();
        long parameters = model.parameters().Sum(p => p.numel());
        // Conv weights+biases and BatchNorm scales+shifts of: 3->16, 16->32, 32->64, 64->128, 128->256,
        // 384->128, 192->64, 96->32 (3x3) and 48->1 (1x1).
        long expected = new (long In, long Out)[] { (3, 16), (16, 32), (32, 64), (64, 128), (128, 256), (384, 128), (192, 64), (96, 32) }
            .Sum(c => c.In * c.Out * 9 + c.Out + 2 * c.Out) + 48 + 1;
        Assert.Equal(expected, parameters);
    }

    [Fact]
    public void State_dict_names_are_the_documented_checkpoint_format()
    {
        using var model = new UNet();
        var names = model.state_dict().Keys.ToHashSet();
        Assert.Contains("encoder.0.conv.weight", names);
        Assert.Contains("encoder.3.norm.running_mean", names);
        Assert.Contains("bottleneck.conv.weight", names);
        Assert.Contains("decoder.2.norm.weight", names);
        Assert.Contains("head.weight", names);
    }

    [Fact]
    public void Loss_rejects_a_mask_of_the_wrong_shape_with_advice()
    {
        using var logits = zeros(2, 1, 8, 8);
        using var masks = zeros(2, 3, 8, 8);
        var error = Assert.Throws<ArgumentException>(() => BinaryLosses.BceWithLogits(logits, masks));
        Assert.Contains("[2, 3, 8, 8]", error.Message);
        Assert.Contains("one channel", error.Message);
    }
}
