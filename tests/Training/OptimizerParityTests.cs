using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>
/// The kit's own Adam and SGD (written to hold every Scalar, see AdamOptimizer) take exactly the steps of TorchSharp's
/// optim.Adam and optim.SGD on the same libtorch. A few steps only: TorchSharp's own optimisers have the Scalar race
/// this kit avoids, so the test stays short and forces no garbage collection.
/// </summary>
public class OptimizerParityTests
{
    const int Steps = 4;

    /// <summary>Two copies of one small U-Net (same initial weights), and a few batches of data.</summary>
    static (UNet Kit, UNet Reference, Tensor[] Images, Tensor[] Masks) Setup()
    {
        Seeds.Set(41);
        var kit = new UNet(widths: [4, 8]);
        Seeds.Set(41);
        var reference = new UNet(widths: [4, 8]);
        var images = Enumerable.Range(0, Steps).Select(_ => rand(2, 3, 16, 16)).ToArray();
        var masks = images.Select(i => i.mean([1], keepdim: true).gt(0.5).to_type(ScalarType.Float32)).ToArray();
        return (kit, reference, images, masks);
    }

    static void Train(nn.Module<Tensor, Tensor> model, Action zeroGrad, Action step, Tensor[] images, Tensor[] masks, Action<int>? beforeStep = null)
    {
        model.train();
        for (int i = 0; i < images.Length; i++)
        {
            using var scope = NewDisposeScope();
            zeroGrad();
            BinaryLosses.BceWithLogits(model.call(images[i]), masks[i]).backward();
            beforeStep?.Invoke(i);
            step();
        }
    }

    static void AssertSameState(nn.Module kit, nn.Module reference)
    {
        var expected = reference.state_dict();
        foreach (var (name, actual) in kit.state_dict())
        {
            using var scope = NewDisposeScope();
            double difference = actual.to_type(ScalarType.Float64).sub(expected[name].to_type(ScalarType.Float64)).abs().max().item<double>();
            Assert.True(difference <= 1e-6, $"{name} differs by {difference:G3} after {Steps} steps");
        }
        // The steps really moved the weights: the comparison is not between two untouched models.
        Assert.True(kit.state_dict()["encoder.0.norm.num_batches_tracked"].item<long>() == Steps);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-2)]
    public void Adam_takes_the_same_steps_as_torchsharps_adam(double weightDecay)
    {
        var (kit, reference, images, masks) = Setup();
        using var disposeKit = kit;
        using var disposeReference = reference;
        using var initial = kit.state_dict()["head.weight"].clone();

        using var ours = new AdamOptimizer(kit.parameters(), learningRate: 1e-2, beta1: 0.8, beta2: 0.95, epsilon: 1e-6, weightDecay: weightDecay);
        Train(kit, ours.ZeroGrad, ours.Step, images, masks);
        using var theirs = optim.Adam(reference.parameters(), lr: 1e-2, beta1: 0.8, beta2: 0.95, eps: 1e-6, weight_decay: weightDecay);
        Train(reference, theirs.zero_grad, () => theirs.step(), images, masks);

        AssertSameState(kit, reference);
        Assert.False(initial.equal(kit.state_dict()["head.weight"]).all().item<bool>(), "Adam did not move the weights");
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.0)]
    [InlineData(0.9, 1e-2)]
    public void Sgd_takes_the_same_steps_as_torchsharps_sgd(double momentum, double weightDecay)
    {
        var (kit, reference, images, masks) = Setup();
        using var disposeKit = kit;
        using var disposeReference = reference;

        using var ours = new SgdOptimizer(kit.parameters(), learningRate: 0.05, momentum: momentum, weightDecay: weightDecay);
        Train(kit, ours.ZeroGrad, ours.Step, images, masks);
        using var theirs = optim.SGD(reference.parameters(), 0.05, momentum: momentum, weight_decay: weightDecay);
        Train(reference, theirs.zero_grad, () => theirs.step(), images, masks);

        AssertSameState(kit, reference);
    }

    [Fact]
    public void A_learning_rate_changed_between_steps_is_used_as_torchsharp_uses_it()
    {
        var (kit, reference, images, masks) = Setup();
        using var disposeKit = kit;
        using var disposeReference = reference;
        double[] rates = [1e-2, 5e-3, 2e-3, 1e-3];   // what a schedule does between epochs

        using var ours = new AdamOptimizer(kit.parameters(), learningRate: rates[0]);
        Train(kit, ours.ZeroGrad, ours.Step, images, masks, beforeStep: i => ours.LearningRate = rates[i]);
        using var theirs = optim.Adam(reference.parameters(), lr: rates[0], beta1: 0.9, beta2: 0.999);
        Train(reference, theirs.zero_grad, () => theirs.step(), images, masks, beforeStep: i => theirs.ParamGroups.First().LearningRate = rates[i]);

        AssertSameState(kit, reference);
    }
}
