using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Segmentation.Models;

/// <summary>
/// Batch normalisation over channels of [N, C, H, W] maps, with the same state-dict names and
/// behaviour as PyTorch's BatchNorm2d (<c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>,
/// <c>num_batches_tracked</c>).
/// Why not TorchSharp's own: in TorchSharp 0.107.0 it counts batches with <c>add_(1)</c>, whose temporary
/// Scalar can be freed by the garbage collector while libtorch still reads it, which rarely aborts
/// training. Here every Scalar lives as long as the program.
/// </summary>
public sealed class BatchNormalization : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Parameter bias;
    readonly Tensor running_mean;
    readonly Tensor running_var;
    readonly Tensor num_batches_tracked;
    readonly double momentum;
    readonly double epsilon;

    /// <summary>Normalises <paramref name="channels"/> channels; running statistics move by <paramref name="momentum"/> per batch.</summary>
    public BatchNormalization(long channels, double momentum = 0.1, double epsilon = 1e-5) : base(nameof(BatchNormalization))
    {
        weight = new Parameter(ones(channels));
        bias = new Parameter(zeros(channels));
        running_mean = zeros(channels);
        running_var = ones(channels);
        num_batches_tracked = zeros(1, dtype: ScalarType.Int64).squeeze();
        this.momentum = momentum;
        this.epsilon = epsilon;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            using var noGrad = no_grad();
            // add_(Scalar, alpha) with both arguments held: the shorter overload add_(x) makes a temporary
            // alpha Scalar of its own, which is exactly what can be freed too early.
            num_batches_tracked.add_(Scalars.IntegerOne, alpha: Scalars.IntegerOne);
        }
        return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, epsilon);
    }

}
