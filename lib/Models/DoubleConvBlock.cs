using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Models;

/// <summary>
/// The block most U-Nets use: 3x3 convolution -> batch norm -> ReLU, twice. Padding 1 keeps height and width.
/// The convolutions have no bias: the batch norm right after subtracts the mean and adds its own shift,
/// so a bias would be cancelled anyway. Built without batch normalisation, the convolutions keep their bias and the
/// block has no <c>norm*</c> entries.
/// State-dict names: <c>conv1.weight</c>, <c>norm1.*</c>, <c>conv2.weight</c>, <c>norm2.*</c>
/// (each norm: <c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>).
/// </summary>
public sealed class DoubleConvBlock : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> conv1;
    readonly Module<Tensor, Tensor> norm1;
    readonly Module<Tensor, Tensor> conv2;
    readonly Module<Tensor, Tensor> norm2;
    readonly Module<Tensor, Tensor> relu;

    /// <summary>A block turning <paramref name="inChannels"/> feature maps into <paramref name="outChannels"/>.</summary>
    /// <param name="inChannels">Feature maps in.</param>
    /// <param name="outChannels">Feature maps out.</param>
    /// <param name="batchNorm">False to leave out the batch normalisations (identities in their place).</param>
    public DoubleConvBlock(long inChannels, long outChannels, bool batchNorm = true) : base(nameof(DoubleConvBlock))
    {
        conv1 = Conv2d(inChannels, outChannels, kernel_size: 3, padding: 1, bias: !batchNorm);
        norm1 = batchNorm ? new BatchNormalization(outChannels) : Identity();
        conv2 = Conv2d(outChannels, outChannels, kernel_size: 3, padding: 1, bias: !batchNorm);
        norm2 = batchNorm ? new BatchNormalization(outChannels) : Identity();
        relu = ReLU(inplace: true);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) =>
        relu.call(norm2.call(conv2.call(relu.call(norm1.call(conv1.call(input))))));
}
