using Segmentation.Models;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

public class SegNetTests
{
    public SegNetTests() => TorchRuntime.EnsureLoaded();

    [Theory]
    [InlineData(16, 16)]
    [InlineData(64, 96)]
    [InlineData(80, 48)]
    public void Output_is_one_logit_per_pixel_at_the_input_size(int height, int width)
    {
        Segmentation.Training.Seeds.Set(5);
        using var model = new SegNet();
        using var images = rand(2, 3, height, width);
        using var logits = model.call(images);
        Assert.Equal(new long[] { 2, 1, height, width }, logits.shape);
        Assert.True(logits.min().item<float>() < 0, "the output looks squashed into [0, 1]: is there a sigmoid at the end?");
    }

    [Fact]
    public void Other_widths_and_classes_keep_the_input_size()
    {
        using var model = new SegNet(classes: 4, widths: [8, 16, 32]);
        using var images = rand(3, 3, 24, 40);
        using var logits = model.call(images);
        Assert.Equal(new long[] { 3, 4, 24, 40 }, logits.shape);
    }

    [Fact]
    public void Has_the_hand_counted_parameters()
    {
        using var model = new SegNet();
        // Each ConvBlock in->out: 3x3 conv weights in*out*9 and biases out, batch norm scale and shift 2*out.
        //   encoder  3->16: 432+16+32 = 480        16->32: 4608+32+64 = 4704
        //           32->64: 18432+64+128 = 18624   64->128: 73728+128+256 = 74112
        //   bottleneck 128->256: 294912+256+512 = 295680
        //   decoder 256->128: 294912+128+256 = 295296   128->64: 73728+64+128 = 73920   64->32: 18432+32+64 = 18528
        //   head 1x1 32->1: 32+1 = 33
        long expected = 480 + 4704 + 18624 + 74112 + 295680 + 295296 + 73920 + 18528 + 33;
        Assert.Equal(781_377, expected);
        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void State_dict_names_are_the_documented_checkpoint_format()
    {
        using var model = new SegNet();
        Assert.Equal(LessonBlockNames.Expected().Order(), model.state_dict().Keys.Order());
        Assert.Equal(new long[] { 128, 256, 3, 3 }, model.state_dict()["decoder.0.conv.weight"].shape);
        Assert.Equal(new long[] { 1, 32, 1, 1 }, model.state_dict()["head.weight"].shape);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_shape_and_advice()
    {
        using var model = new SegNet();
        using var rgba = zeros(1, 4, 32, 32);
        var channels = Assert.Throws<ArgumentException>(() => model.call(rgba));
        Assert.Contains("[1, 4, 32, 32]", channels.Message);
        using var odd = zeros(1, 3, 32, 40);
        var size = Assert.Throws<ArgumentException>(() => model.call(odd));
        Assert.Contains("multiples of 16", size.Message);
        Assert.Contains("32x48", size.Message);
    }
}
