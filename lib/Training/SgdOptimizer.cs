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
    readonly Tensor[] velocities;
    readonly Scalar momentum, weightDecay;
    readonly bool decays, usesMomentum;

    /// <summary>An SGD optimiser for <paramref name="parameters"/>.</summary>
    public SgdOptimizer(IEnumerable<Parameter> parameters, double learningRate = 0.01, double momentum = 0.9, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        velocities = Parameters.Select(p => zeros_like(p)).ToArray();
        this.momentum = momentum.ToScalar();
        this.weightDecay = weightDecay.ToScalar();
        decays = weightDecay != 0;
        usesMomentum = momentum != 0;
    }

    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    protected override IEnumerable<Tensor> StateTensors => velocities;

    /// <inheritdoc/>
    protected override void Update(int step)
    {
        using var negativeLearningRate = (-LearningRate).ToScalar();
        for (int i = 0; i < Parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var gradient = Parameters[i].grad;
            if (gradient is null)
                continue;
            if (decays)
                gradient = gradient.add(Parameters[i], alpha: weightDecay);
            if (usesMomentum)
                gradient = velocities[i].mul_(momentum).add_(gradient, alpha: One);
            Parameters[i].add_(gradient, alpha: negativeLearningRate);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            momentum.Dispose();
            weightDecay.Dispose();
        }
        base.Dispose(disposing);
    }
}
