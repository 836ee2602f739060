using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Stochastic gradient descent with momentum and L2 weight decay, as in PyTorch's SGD.
/// Every Scalar is held for as long as libtorch uses it (see <see cref="AdamOptimizer"/> for why).
/// </summary>
public sealed class SgdOptimizer : IOptimizer
{
    readonly Parameter[] parameters;
    readonly Tensor[] velocities;
    readonly Scalar momentum, weightDecay, one;
    readonly bool decays, usesMomentum;
    int step;

    /// <summary>An SGD optimiser for <paramref name="parameters"/>.</summary>
    public SgdOptimizer(IEnumerable<Parameter> parameters, double learningRate = 0.01, double momentum = 0.9, double weightDecay = 0)
    {
        this.parameters = parameters.Where(p => p.requires_grad).ToArray();
        velocities = this.parameters.Select(p => zeros_like(p)).ToArray();
        LearningRate = learningRate;
        this.momentum = momentum.ToScalar();
        this.weightDecay = weightDecay.ToScalar();
        one = 1.0.ToScalar();
        decays = weightDecay != 0;
        usesMomentum = momentum != 0;
    }

    /// <inheritdoc/>
    public double LearningRate { get; set; }

    /// <inheritdoc/>
    public int Steps => step;

    /// <inheritdoc/>
    public string Name => "sgd";

    /// <inheritdoc/>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in parameters)
            p.grad?.zero_();
    }

    /// <inheritdoc/>
    public void Step()
    {
        step++;
        using var negativeLearningRate = (-LearningRate).ToScalar();
        using var noGrad = no_grad();
        for (int i = 0; i < parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var gradient = parameters[i].grad;
            if (gradient is null)
                continue;
            if (decays)
                gradient = gradient.add(parameters[i], alpha: weightDecay);
            if (usesMomentum)
                gradient = velocities[i].mul_(momentum).add_(gradient, alpha: one);
            parameters[i].add_(gradient, alpha: negativeLearningRate);
        }
    }

    /// <inheritdoc/>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(step);
        writer.Write(velocities.Length);
        foreach (var v in velocities)
            v.Save(writer);
    }

    /// <inheritdoc/>
    public void LoadState(BinaryReader reader)
    {
        int steps = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (count != velocities.Length)
            throw new InvalidDataException($"the saved SGD state is for {count} parameters, this model has {velocities.Length}");
        using var noGrad = no_grad();
        foreach (var v in velocities)
            v.Load(reader);
        step = steps;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var v in velocities)
            v.Dispose();
        momentum.Dispose();
        weightDecay.Dispose();
        one.Dispose();
    }
}
