using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Models;

/// <summary>
/// The lesson's basic block: 3x3 convolution, ReLU, then batch normalisation (in that order, as in
/// the original notebook). Padding 1 keeps height and width unchanged. Built without batch normalisation
/// (to see what it does), the block is convolution and ReLU only, and has no <c>norm.*</c> entries.
/// State-dict names: <c>conv.weight</c>, <c>conv.bias</c>, <c>norm.weight</c>, <c>norm.bias</c>,
/// <c>norm.running_mean</c>, <c>norm.running_var</c>, <c>norm.num_batches_tracked</c>.
/// </summary>
public sealed class ConvBlock : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> conv;
    readonly Module<Tensor, Tensor> relu;
    readonly Module<Tensor, Tensor> norm;

    /// <summary>A block turning <paramref name="inChannels"/> feature maps into <paramref name="outChannels"/>.</summary>
    /// <param name="inChannels">Feature maps in.</param>
    /// <param name="outChannels">Feature maps out.</param>
    /// <param name="batchNorm">False to leave out the batch normalisation (an identity in its place).</param>
    public ConvBlock(long inChannels, long outChannels, bool batchNorm = true) : base(nameof(ConvBlock))
    {
        conv = Conv2d(inChannels, outChannels, kernel_size: 3, padding: 1);
        relu = ReLU(inplace: true);
        norm = batchNorm ? new BatchNormalization(outChannels) : Identity();
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => norm.call(relu.call(conv.call(input)));
}
