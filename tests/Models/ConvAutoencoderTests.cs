using Segmentation.Models;
using Segmentation.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

public class ConvAutoencoderTests
{
    [Fact]
    public void The_image_is_rebuilt_from_the_smaller_code_alone()
    {
        using var model = new ConvAutoencoder(codeChannels: 4);
        model.eval();
        using var scope = NewDisposeScope();
        var images = rand(2, 3, 32, 32);

        var code = model.Encode(images);
        var output = model.call(images);

        Assert.Equal(new long[] { 2, 4, 8, 8 }, code.shape);   // 256 numbers per image instead of 3072
        Assert.Equal(images.shape, output.shape);
        Assert.True(model.Decode(code).equal(output).all().item<bool>(), "the output is not Decode(Encode(x))");
        // Another image's code gives another image's output: nothing but the code reaches the decoder.
        var swapped = model.Decode(code.flip(0));
        Assert.True(swapped[0].equal(output[1]).all().item<bool>());
    }

    [Fact]
    public void Training_to_reproduce_the_input_lowers_the_reconstruction_error_several_times()
    {
        Seeds.Set(3);
        using var model = new ConvAutoencoder(codeChannels: 8);
        using var scope = NewDisposeScope();
        // Smooth images (a bright blob on a dark ground): what an autoencoder can learn to squeeze.
        var grid = linspace(-1, 1, 16);
        var (y, x) = (grid.view(1, 1, 16, 1), grid.view(1, 1, 1, 16));
        var centres = rand(8, 1, 1, 1).mul(1.2).sub(0.6);
        var blobs = exp(x.sub(centres).square().add(y.add(centres).square()).mul(-6));
        var images = cat([blobs, blobs.mul(0.6), blobs.mul(0.3).add(0.2)], 1);   // [8, 3, 16, 16] in 0..1

        double Error()
        {
            using var noGrad = no_grad();
            model.eval();
            return nn.functional.mse_loss(model.call(images), images).item<float>();
        }
        double before = Error();
        using var optimizer = new AdamOptimizer(model.parameters(), learningRate: 1e-2);
        model.train();
        for (int step = 0; step < 20; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.ZeroGrad();
            nn.functional.mse_loss(model.call(images), images).backward();
            optimizer.Step();
        }
        double after = Error();

        Assert.True(after < before / 4, $"reconstruction error {before:F4} -> {after:F4}: the autoencoder did not learn");
    }

    [Fact]
    public void A_size_that_cannot_be_halved_twice_is_refused_with_a_reason()
    {
        using var model = new ConvAutoencoder();
        using var images = zeros(1, 3, 30, 32);
        Assert.Contains("multiples of 4", Assert.Throws<ArgumentException>(() => model.Encode(images)).Message);
    }
}
