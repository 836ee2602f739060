using Segmentation.Models;
using Segmentation.Native;
using Segmentation.Training;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lesson.Tests.Models;

/// <summary>
/// SegNet and U-Net apply their 1x1 head before the last upsampling (it is cheaper, see UNet.LessonHead). The result must
/// be the lesson's order: upsample (and concatenate the top skip), then the head. The reference below rebuilds the forward
/// pass in that order from the model's own weights.
/// </summary>
public class LessonOrderTests
{
    public LessonOrderTests() => TorchRuntime.EnsureLoaded();

    static Tensor Block(IReadOnlyDictionary<string, Tensor> weights, string name, Tensor x)
    {
        var convolved = F.conv2d(x, weights[$"{name}.conv.weight"], weights[$"{name}.conv.bias"], padding: [1, 1]).relu();
        return F.batch_norm(convolved, weights[$"{name}.norm.running_mean"], weights[$"{name}.norm.running_var"],
            weights[$"{name}.norm.weight"], weights[$"{name}.norm.bias"], training: false);
    }

    static Tensor Up(Tensor x) => F.interpolate(x, scale_factor: [2, 2], mode: InterpolationMode.Bilinear, align_corners: false);

    static Tensor LessonOrder(IReadOnlyDictionary<string, Tensor> weights, Tensor x, bool skips)
    {
        var kept = new List<Tensor>();
        for (int level = 0; level < 4; level++)
        {
            x = Block(weights, $"encoder.{level}", x);
            kept.Add(x);
            x = F.max_pool2d(x, [2, 2]);
        }
        x = Block(weights, "bottleneck", x);
        for (int i = 0; i < 3; i++)
            x = Block(weights, $"decoder.{i}", skips ? cat([Up(x), kept[3 - i]], 1) : Up(x));
        x = skips ? cat([Up(x), kept[0]], 1) : Up(x);
        return F.conv2d(x, weights["head.weight"], weights["head.bias"]);
    }

    [Theory]
    [InlineData("segnet")]
    [InlineData("unet")]
    public void Head_before_the_last_upsampling_gives_the_lessons_result(string name)
    {
        Seeds.Set(61);
        using var model = ModelCatalog.Create(name);
        using (no_grad())
            foreach (var (key, tensor) in model.state_dict())
            {
                // Batch norm with statistics other than 0 and 1, so every part of the network matters.
                if (key.EndsWith("running_mean") || key.EndsWith("norm.bias"))
                    tensor.copy_(randn_like(tensor).mul_(0.1));
                if (key.EndsWith("running_var") || key.EndsWith("norm.weight"))
                    tensor.copy_(rand_like(tensor).add_(0.5));
            }
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand(2, 3, 48, 32);
        var actual = model.call(images);
        var expected = LessonOrder(model.state_dict(), images, skips: name == "unet");
        Assert.Equal(expected.shape, actual.shape);
        double scale = expected.abs().max().item<float>();
        double difference = actual.sub(expected).abs().max().item<float>();
        Assert.True(scale > 0.01, $"the reference output is nearly zero ({scale:G3}): the comparison would prove little");
        Assert.True(difference <= 1e-5 * scale, $"differs by {difference:G3} (largest logit {scale:G3})");
    }
}
