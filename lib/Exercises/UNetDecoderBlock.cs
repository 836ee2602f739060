using Segmentation.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Exercises;

/// <summary>
/// One step of a U-Net decoder, the library's answer to the lab's exercise 6: upsample the map from the level below
/// x2 (bilinear), concatenate the encoder's map of the same size (the skip) along the channels, and convolve with a
/// <see cref="ConvBlock"/>. State-dict names: <c>conv.*</c> (see <see cref="ConvBlock"/>).
/// </summary>
public sealed class UNetDecoderBlock : Module<Tensor, Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> upsample = Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
    readonly Module<Tensor, Tensor> conv;

    /// <summary>A block taking <paramref name="belowChannels"/> from below and <paramref name="skipChannels"/> from the skip.</summary>
    public UNetDecoderBlock(long belowChannels, long skipChannels, long outChannels) : base(nameof(UNetDecoderBlock))
    {
        conv = new ConvBlock(belowChannels + skipChannels, outChannels);
        RegisterComponents();
    }

    /// <summary>[N, out, 2H, 2W] from <paramref name="below"/> [N, belowChannels, H, W] and <paramref name="skip"/> [N, skipChannels, 2H, 2W].</summary>
    public override Tensor forward(Tensor below, Tensor skip) => conv.call(cat([upsample.call(below), skip], dim: 1));
}
