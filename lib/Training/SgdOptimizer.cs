using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Stochastic gradient descent with momentum and L2 weight decay, as in PyTorch's SGD.
/// Every Scalar is held for as long as libtorch uses it (see <see cref="AdamOptimizer"/> for why).
/// </summary>
public sealed class SgdOptimizer : OptimizerBase
{
    readonly FlatTensor velocities;
    readonly Scalar momentum, weightDecay;
    readonly bool decays, usesMomentum;

    /// <summary>An SGD optimiser for <paramref name="parameters"/>.</summary>
    public SgdOptimizer(IEnumerable<Parameter> parameters, double learningRate = 0.01, double momentum = 0.9, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        velocities = NewState();
        this.momentum = momentum.ToScalar();
        this.weightDecay = weightDecay.ToScalar();
        decays = weightDecay != 0;
        usesMomentum = momentum != 0;
    }

    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    protected override IEnumerable<Tensor> StateTensors => velocities.Parts;

    /// <inheritdoc/>
    protected override void Update(int step)
    {
        using var negativeLearningRate = (-LearningRate).ToScalar();
        foreach (var (parameter, gradient, index) in Pieces())
        {
            var g = decays ? gradient.add(parameter, alpha: weightDecay) : gradient;
            if (usesMomentum)
                g = velocities.Part(index).mul_(momentum).add_(g, alpha: One);
            parameter.add_(g, alpha: negativeLearningRate);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            velocities.Dispose();
            momentum.Dispose();
            weightDecay.Dispose();
        }
        base.Dispose(disposing);
    }
}
