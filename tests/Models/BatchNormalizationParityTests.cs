using Segmentation.Models;
using Segmentation.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

/// <summary>
/// The kit's BatchNormalization (written to hold its Scalar, see its remarks) behaves as TorchSharp's nn.BatchNorm2d:
/// same outputs and gradients, same running statistics and batch count, in training and in evaluation mode.
/// </summary>
public class BatchNormalizationParityTests
{
    static double Difference(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.to_type(ScalarType.Float64).sub(b.to_type(ScalarType.Float64)).abs().max().item<double>();
    }

    [Theory]
    [InlineData(0.1, 1e-5)]
    [InlineData(0.3, 1e-3)]
    public void Matches_batchnorm2d_in_training_and_evaluation(double momentum, double epsilon)
    {
        Seeds.Set(51);
        using var ours = new BatchNormalization(5, momentum, epsilon);
        using var theirs = nn.BatchNorm2d(5, eps: epsilon, momentum: momentum);
        using (no_grad())
        {
            // The same non-trivial scale and shift in both.
            using var weight = rand(5).add_(0.5);
            using var bias = randn(5);
            ours.state_dict()["weight"].copy_(weight);
            ours.state_dict()["bias"].copy_(bias);
            theirs.weight!.copy_(weight);
            theirs.bias!.copy_(bias);
        }

        ours.train();
        theirs.train();
        for (int batch = 0; batch < 3; batch++)
        {
            using var scope = NewDisposeScope();
            var input = randn(4, 5, 6, 7).mul_(3).add_(1);
            var ourInput = input.clone().requires_grad_(true);
            var theirInput = input.clone().requires_grad_(true);
            var ourOutput = ours.call(ourInput);
            var theirOutput = theirs.call(theirInput);
            Assert.InRange(Difference(ourOutput, theirOutput), 0, 1e-6);

            // Gradients flow the same way: to the input, the scale and the shift.
            using var upstream = randn_like(input);
            ourOutput.backward([upstream]);
            theirOutput.backward([upstream]);
            Assert.InRange(Difference(ourInput.grad!, theirInput.grad!), 0, 1e-5);
            Assert.InRange(Difference(ours.parameters().First().grad!, theirs.weight!.grad!), 0, 1e-5);
            Assert.InRange(Difference(ours.parameters().Last().grad!, theirs.bias!.grad!), 0, 1e-5);
            foreach (var p in ours.parameters().Concat(theirs.parameters()))
                p.grad?.zero_();
        }

        var ourState = ours.state_dict();
        var theirState = theirs.state_dict();
        Assert.Equal(theirState.Keys.Order(), ourState.Keys.Order());
        Assert.InRange(Difference(ourState["running_mean"], theirState["running_mean"]), 0, 1e-6);
        Assert.InRange(Difference(ourState["running_var"], theirState["running_var"]), 0, 1e-6);
        Assert.Equal(3L, ourState["num_batches_tracked"].item<long>());
        Assert.Equal(theirState["num_batches_tracked"].item<long>(), ourState["num_batches_tracked"].item<long>());
        Assert.Equal(ScalarType.Int64, ourState["num_batches_tracked"].dtype);
        Assert.Equal(theirState["num_batches_tracked"].shape, ourState["num_batches_tracked"].shape);
        Assert.True(Difference(ourState["running_mean"], zeros(5)) > 0.01, "the running mean never moved");

        ours.eval();
        theirs.eval();
        using (no_grad())
        using (var input = randn(2, 5, 3, 3).mul_(2))
        using (var ourOutput = ours.call(input))
        using (var theirOutput = theirs.call(input))
        {
            Assert.InRange(Difference(ourOutput, theirOutput), 0, 1e-6);
        }
        Assert.Equal(3L, ours.state_dict()["num_batches_tracked"].item<long>());   // evaluation counts no batch
    }
}
