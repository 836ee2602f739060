using Segmentation.Models;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

public class UNetTests
{
    public UNetTests() => TorchRuntime.EnsureLoaded();

    [Theory]
    [InlineData(16, 16)]
    [InlineData(64, 96)]
    [InlineData(48, 128)]
    public void Output_is_one_logit_per_pixel_at_the_input_size(int height, int width)
    {
        Segmentation.Training.Seeds.Set(5);
        using var model = new UNet();
        using var images = rand(2, 3, height, width);
        using var logits = model.call(images);
        Assert.Equal(new long[] { 2, 1, height, width }, logits.shape);
        // Logits, not probabilities: no sigmoid at the end, so some values are negative.
        Assert.True(logits.min().item<float>() < 0, "the output looks squashed into [0, 1]: is there a sigmoid at the end?");
    }

    [Fact]
    public void Double_conv_variant_and_other_widths_keep_the_input_size()
    {
        using var deep = new UNet(widths: [8, 16, 32, 64, 128], blocks: BlockStyle.Double);
        using var shallow = new UNet(classes: 3, widths: [8, 16]);
        using var images = rand(1, 3, 64, 32);
        using var smallImages = rand(1, 3, 12, 20); // two halvings: multiples of 4 are enough
        using var deepLogits = deep.call(images);
        using var shallowLogits = shallow.call(smallImages);
        Assert.Equal(new long[] { 1, 1, 64, 32 }, deepLogits.shape);
        Assert.Equal(new long[] { 1, 3, 12, 20 }, shallowLogits.shape);
        Assert.Equal(32, deep.SizeMultiple);
        Assert.Equal(4, shallow.SizeMultiple);
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
        Assert.Equal(974_929, parameters);
    }

    [Fact]
    public void Double_conv_unet_has_the_hand_counted_parameters()
    {
        using var model = new UNet(blocks: BlockStyle.Double);
        // Each double block (in->out): two bias-free 3x3 convs (in*out*9 + out*out*9) and two batch norms (2*out each).
        // Encoder 3->16, 16->32, 32->64, 64->128; bottleneck 128->256; decoder 384->128, 192->64, 96->32 and
        // 48->16 on the top level; head 16->1 (1x1 with bias).
        long expected = new (long In, long Out)[] { (3, 16), (16, 32), (32, 64), (64, 128), (128, 256), (384, 128), (192, 64), (96, 32), (48, 16) }
            .Sum(c => c.In * c.Out * 9 + c.Out * c.Out * 9 + 4 * c.Out) + 16 + 1;
        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
        Assert.Equal(1_964_097, expected);
    }

    [Fact]
    public void State_dict_names_are_the_documented_checkpoint_format()
    {
        using var model = new UNet();
        Assert.Equal(LessonBlockNames.Expected().Order(), model.state_dict().Keys.Order());
    }

    [Fact]
    public void Double_conv_state_dict_names_are_documented()
    {
        using var model = new UNet(blocks: BlockStyle.Double);
        var names = model.state_dict().Keys.ToHashSet();
        Assert.Contains("encoder.0.conv1.weight", names);
        Assert.Contains("encoder.0.norm2.running_var", names);
        Assert.Contains("bottleneck.conv2.weight", names);
        Assert.Contains("decoder.3.norm1.weight", names); // the top level's decoder block
        Assert.Contains("head.weight", names);
        Assert.DoesNotContain("encoder.0.conv1.bias", names); // batch norm follows: no bias
        Assert.Equal(9 * 12 + 2, names.Count);                 // 9 blocks of 12 entries, plus the head
    }

    [Fact]
    public void Encoder_runs_once_per_forward_pass()
    {
        // The original notebook ran the encoder twice, which also moved the batch-norm statistics twice.
        using var model = new UNet();
        model.train();
        using var images = rand(2, 3, 32, 32);
        using var logits = model.call(images);
        Assert.Equal(1L, model.state_dict()["encoder.0.norm.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void Wrong_channel_count_is_rejected_with_the_shape_and_advice()
    {
        using var model = new UNet();
        using var gray = zeros(2, 1, 64, 64);
        var error = Assert.Throws<ArgumentException>(() => model.call(gray));
        Assert.Contains("[2, 1, 64, 64]", error.Message);
        Assert.Contains("3-channel", error.Message);
        Assert.Contains("RGB", error.Message);
    }

    [Fact]
    public void Size_not_divisible_by_two_to_the_depth_is_rejected_with_a_size_that_works()
    {
        using var model = new UNet();
        using var images = zeros(1, 3, 100, 64);
        var error = Assert.Throws<ArgumentException>(() => model.call(images));
        Assert.Contains("[1, 3, 100, 64]", error.Message);
        Assert.Contains("multiples of 16", error.Message);
        Assert.Contains("112x64", error.Message);
    }

    [Fact]
    public void A_single_image_without_batch_dimension_is_rejected_with_advice()
    {
        using var model = new UNet();
        using var image = zeros(3, 64, 64);
        var error = Assert.Throws<ArgumentException>(() => model.call(image));
        Assert.Contains("unsqueeze(0)", error.Message);
    }

    [Fact]
    public void Bad_widths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new UNet(widths: []));
        Assert.Throws<ArgumentException>(() => new UNet(widths: [16, 0]));
    }
}
