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
    readonly FlatTensor firstMoments;   // running mean of gradients
    readonly FlatTensor secondMoments;  // running mean of squared gradients
    readonly double beta1, beta2;
    readonly Scalar beta1Scalar, oneMinusBeta1, beta2Scalar, oneMinusBeta2, epsilon, weightDecay;
    readonly bool decays;

    /// <summary>An Adam optimiser for <paramref name="parameters"/>.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0) : base(parameters, learningRate)
    {
        firstMoments = NewState();
        secondMoments = NewState();
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
    protected override IEnumerable<Tensor> StateTensors => firstMoments.Parts.Concat(secondMoments.Parts);

    /// <inheritdoc/>
    protected override void Update(int step)
    {
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double biasCorrection2 = 1 - Math.Pow(beta2, step);
        using var negativeStepSize = (-LearningRate / biasCorrection1).ToScalar();
        using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        foreach (var (parameter, gradient, index) in Pieces())
        {
            var g = decays ? gradient.add(parameter, alpha: weightDecay) : gradient;
            var m = firstMoments.Part(index);
            var v = secondMoments.Part(index);
            m.mul_(beta1Scalar).add_(g, alpha: oneMinusBeta1);
            v.mul_(beta2Scalar).addcmul_(g, g, value: oneMinusBeta2);
            var denominator = v.sqrt().div_(sqrtBiasCorrection2).add_(epsilon, alpha: One);
            parameter.addcdiv_(m, denominator, value: negativeStepSize);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            firstMoments.Dispose();
            secondMoments.Dispose();
            foreach (var s in new[] { beta1Scalar, oneMinusBeta1, beta2Scalar, oneMinusBeta2, epsilon, weightDecay })
                s.Dispose();
        }
        base.Dispose(disposing);
    }
}
