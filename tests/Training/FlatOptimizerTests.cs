using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Native;
using Segmentation.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>
/// The optimisers keep parameters and state in one buffer and update it with a few large operations when every parameter
/// has a gradient, else parameter by parameter. Both ways must take the same steps, and the model must not notice.
/// </summary>
public class FlatOptimizerTests
{
    public FlatOptimizerTests() => TorchRuntime.EnsureLoaded();

    static UNet Model()
    {
        Seeds.Set(23);
        return new UNet(widths: [4, 8]);
    }

    static void Train(UNet model, IOptimizer optimizer, int steps)
    {
        Seeds.Set(24);
        model.train();
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var images = rand(2, 3, 16, 16);
            var masks = images.mean([1], keepdim: true).gt(0.5).to_type(ScalarType.Float32);
            optimizer.ZeroGrad();
            BinaryLosses.BceWithLogits(model.call(images), masks).backward();
            optimizer.Step();
        }
    }

    static Func<IEnumerable<Parameter>, IOptimizer>[] Optimizers =>
    [
        p => new AdamOptimizer(p, learningRate: 1e-2, weightDecay: 1e-2),
        p => new SgdOptimizer(p, learningRate: 0.05, momentum: 0.9, weightDecay: 1e-2),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void One_buffer_and_parameter_by_parameter_take_the_same_steps(int optimizer)
    {
        using var flat = Model();
        using var perParameter = Model();
        // A parameter no forward pass uses never gets a gradient, which sends the update down the per-parameter path.
        using var unused = new Parameter(ones(3));
        using var flatOptimizer = Optimizers[optimizer](flat.parameters());
        using var perParameterOptimizer = Optimizers[optimizer](perParameter.parameters().Append(unused));

        Train(flat, flatOptimizer, steps: 4);
        Train(perParameter, perParameterOptimizer, steps: 4);

        var expected = perParameter.state_dict();
        foreach (var (name, actual) in flat.state_dict())
            Assert.True(actual.equal(expected[name]).all().item<bool>(), $"{name} differs between the two ways of updating");
        Assert.True(unused.equal(ones(3)).all().item<bool>(), "a parameter without gradient was moved");
        Assert.False(flat.state_dict()["head.weight"].equal(Model().state_dict()["head.weight"]).all().item<bool>(), "training moved nothing");
    }

    [Fact]
    public void The_model_keeps_its_parameters_and_their_values()
    {
        using var model = Model();
        var before = model.parameters().ToArray();
        var values = before.Select(p => p.detach().clone()).ToArray();
        using var optimizer = new AdamOptimizer(model.parameters());

        var after = model.parameters().ToArray();
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Same(before[i], after[i]);
            Assert.True(after[i].equal(values[i]).all().item<bool>());
            Assert.True(after[i].requires_grad && after[i].is_leaf);
        }

        // Loading weights into the model (as a checkpoint does) reaches the optimiser's buffer: the next step starts from them.
        using var other = new UNet(widths: [4, 8]);
        using var stream = new MemoryStream();
        other.save(new BinaryWriter(stream));
        stream.Position = 0;
        model.load(new BinaryReader(stream));
        Train(model, optimizer, steps: 1);
        using var reference = new UNet(widths: [4, 8]);
        stream.Position = 0;
        reference.load(new BinaryReader(stream));
        using var referenceOptimizer = new AdamOptimizer(reference.parameters());
        Train(reference, referenceOptimizer, steps: 1);
        foreach (var (name, actual) in model.state_dict())
            Assert.True(actual.equal(reference.state_dict()[name]).all().item<bool>(), $"{name}: the step did not start from the loaded weights");
    }

    [Fact]
    public void Zero_grad_removes_the_gradients()
    {
        using var model = Model();
        using var optimizer = new SgdOptimizer(model.parameters());
        Train(model, optimizer, steps: 1);
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
        optimizer.ZeroGrad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }
}
