using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Adam (Kingma and Ba), with L2 weight decay added to the gradient as in PyTorch's Adam.
/// Why our own: TorchSharp 0.107.0's Adam passes numbers such as beta1 as temporary Scalars that the
/// garbage collector may free while libtorch is still using them (a rare crash in long training).
/// Every Scalar here is held in a field or a <c>using</c> variable for as long as libtorch needs it, and only
/// overloads that take every Scalar explicitly are called (e.g. <c>add_(x)</c> hides a temporary alpha of 1).
/// </summary>
public sealed class AdamOptimizer : IOptimizer
{
    readonly Parameter[] parameters;
    readonly Tensor[] firstMoments;   // running mean of gradients
    readonly Tensor[] secondMoments;  // running mean of squared gradients
    readonly double beta1, beta2;
    readonly Scalar beta1Scalar, oneMinusBeta1, beta2Scalar, oneMinusBeta2, epsilon, weightDecay, one;
    readonly bool decays;
    int step;

    /// <summary>Learning rate; may be changed between steps (learning-rate schedules).</summary>
    public double LearningRate { get; set; }

    /// <summary>Steps taken so far.</summary>
    public int Steps => step;

    /// <inheritdoc/>
    public string Name => "adam";

    /// <summary>An Adam optimiser for <paramref name="parameters"/>.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
    {
        this.parameters = parameters.Where(p => p.requires_grad).ToArray();
        firstMoments = this.parameters.Select(p => zeros_like(p)).ToArray();
        secondMoments = this.parameters.Select(p => zeros_like(p)).ToArray();
        LearningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        beta1Scalar = beta1.ToScalar();
        oneMinusBeta1 = (1 - beta1).ToScalar();
        beta2Scalar = beta2.ToScalar();
        oneMinusBeta2 = (1 - beta2).ToScalar();
        this.epsilon = epsilon.ToScalar();
        this.weightDecay = weightDecay.ToScalar();
        one = 1.0.ToScalar();
        decays = weightDecay != 0;
    }

    /// <summary>Clears the gradients before the next backward pass.</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in parameters)
            p.grad?.zero_();
    }

    /// <summary>Moves every parameter one Adam step against its gradient.</summary>
    public void Step()
    {
        step++;
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double biasCorrection2 = 1 - Math.Pow(beta2, step);
        using var negativeStepSize = (-LearningRate / biasCorrection1).ToScalar();
        using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var noGrad = no_grad();
        for (int i = 0; i < parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var gradient = parameters[i].grad;
            if (gradient is null)
                continue;
            if (decays)
                gradient = gradient.add(parameters[i], alpha: weightDecay);
            firstMoments[i].mul_(beta1Scalar).add_(gradient, alpha: oneMinusBeta1);
            secondMoments[i].mul_(beta2Scalar).addcmul_(gradient, gradient, value: oneMinusBeta2);
            var denominator = secondMoments[i].sqrt().div_(sqrtBiasCorrection2).add_(epsilon, alpha: one);  // add_(x) alone would make a temporary alpha Scalar
            parameters[i].addcdiv_(firstMoments[i], denominator, value: negativeStepSize);
        }
    }

    /// <inheritdoc/>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(step);
        writer.Write(firstMoments.Length);
        foreach (var moment in firstMoments.Concat(secondMoments))
            moment.Save(writer);
    }

    /// <inheritdoc/>
    public void LoadState(BinaryReader reader)
    {
        int steps = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (count != firstMoments.Length)
            throw new InvalidDataException($"the saved Adam state is for {count} parameters, this model has {firstMoments.Length}");
        using var noGrad = no_grad();
        foreach (var moment in firstMoments.Concat(secondMoments))
            moment.Load(reader);
        step = steps;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in firstMoments.Concat(secondMoments))
            t.Dispose();
        foreach (var s in new[] { beta1Scalar, oneMinusBeta1, beta2Scalar, oneMinusBeta2, epsilon, weightDecay, one })
            s.Dispose();
    }
}
