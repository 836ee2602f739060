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
public sealed class AdamOptimizer : OptimizerBase
{
    readonly Tensor[] firstMoments;   // running mean of gradients
    readonly Tensor[] secondMoments;  // running mean of squared gradients
    readonly double beta1, beta2;
    readonly Scalar beta1Scalar, oneMinusBeta1, beta2Scalar, oneMinusBeta2, epsilon, weightDecay;
    readonly bool decays;

    /// <summary>An Adam optimiser for <paramref name="parameters"/>.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0) : base(parameters, learningRate)
    {
        firstMoments = Parameters.Select(p => zeros_like(p)).ToArray();
        secondMoments = Parameters.Select(p => zeros_like(p)).ToArray();
        this.beta1 = beta1;
        this.beta2 = beta2;
        beta1Scalar = beta1.ToScalar();
        oneMinusBeta1 = (1 - beta1).ToScalar();
        beta2Scalar = beta2.ToScalar();
        oneMinusBeta2 = (1 - beta2).ToScalar();
        this.epsilon = epsilon.ToScalar();
        this.weightDecay = weightDecay.ToScalar();
        decays = weightDecay != 0;
    }

    /// <inheritdoc/>
    public override string Name => "adam";

    /// <inheritdoc/>
    protected override IEnumerable<Tensor> StateTensors => firstMoments.Concat(secondMoments);

    /// <inheritdoc/>
    protected override void Update(int step)
    {
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double biasCorrection2 = 1 - Math.Pow(beta2, step);
        using var negativeStepSize = (-LearningRate / biasCorrection1).ToScalar();
        using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        for (int i = 0; i < Parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var gradient = Parameters[i].grad;
            if (gradient is null)
                continue;
            if (decays)
                gradient = gradient.add(Parameters[i], alpha: weightDecay);
            firstMoments[i].mul_(beta1Scalar).add_(gradient, alpha: oneMinusBeta1);
            secondMoments[i].mul_(beta2Scalar).addcmul_(gradient, gradient, value: oneMinusBeta2);
            var denominator = secondMoments[i].sqrt().div_(sqrtBiasCorrection2).add_(epsilon, alpha: One);
            Parameters[i].addcdiv_(firstMoments[i], denominator, value: negativeStepSize);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var s in new[] { beta1Scalar, oneMinusBeta1, beta2Scalar, oneMinusBeta2, epsilon, weightDecay })
                s.Dispose();
        base.Dispose(disposing);
    }
}
