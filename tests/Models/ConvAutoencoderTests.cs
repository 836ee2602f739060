using Segmentation.Models;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

public class ConvAutoencoderTests
{
    [Fact]
    public void The_code_is_smaller_and_the_output_has_the_input_shape_in_0_to_1()
    {
        using var model = new ConvAutoencoder(codeChannels: 4);
        using var scope = NewDisposeScope();
        var images = rand(2, 3, 32, 32);

        var code = model.Encode(images);
        var output = model.call(images);

        Assert.Equal(new long[] { 2, 4, 8, 8 }, code.shape);
        Assert.Equal(images.shape, output.shape);
        Assert.True(output.min().item<float>() >= 0 && output.max().item<float>() <= 1);
    }

    [Fact]
    public void A_size_that_cannot_be_halved_twice_is_refused_with_a_reason()
    {
        using var model = new ConvAutoencoder();
        using var images = zeros(1, 3, 30, 32);
        Assert.Contains("multiples of 4", Assert.Throws<ArgumentException>(() => model.Encode(images)).Message);
    }
}
