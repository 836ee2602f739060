using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Models;

/// <summary>
/// The lesson's U-Net: an encoder of <see cref="ConvBlock"/>s with max-pooling (3-16-32-64-128 channels),
/// a 128->256 bottleneck, and a decoder that upsamples x2 and concatenates the encoder's feature map of
/// the same size (the skip connection) before each block: 384->128, 192->64, 96->32, then 48->1.
/// It returns LOGITS (no sigmoid): pair it with a loss that takes logits, and apply a sigmoid only to
/// read probabilities. Unlike the original notebook, the encoder runs once per forward pass.
/// State-dict names: <c>encoder.{i}.*</c>, <c>bottleneck.*</c>, <c>decoder.{i}.*</c>, <c>head.weight</c>, <c>head.bias</c>.
/// </summary>
public sealed class UNet : Module<Tensor, Tensor>
{
    readonly ModuleList<ConvBlock> encoder = new();
    readonly ConvBlock bottleneck;
    readonly ModuleList<ConvBlock> decoder = new();
    readonly Module<Tensor, Tensor> head;
    readonly Module<Tensor, Tensor> pool;
    readonly Module<Tensor, Tensor> upsample;

    /// <summary>Channel widths of the encoder levels; the bottleneck has twice the last.</summary>
    public IReadOnlyList<long> Widths { get; }

    /// <summary>Creates a U-Net for <paramref name="inChannels"/>-channel images and <paramref name="classes"/> output channels.</summary>
    /// <param name="inChannels">3 for RGB images.</param>
    /// <param name="classes">1 for a binary mask (one logit per pixel).</param>
    /// <param name="widths">Encoder widths; the lesson's network is 16, 32, 64, 128.</param>
    public UNet(long inChannels = 3, long classes = 1, long[]? widths = null) : base(nameof(UNet))
    {
        Widths = widths ?? [16, 32, 64, 128];
        long previous = inChannels;
        foreach (long width in Widths)
        {
            encoder.Add(new ConvBlock(previous, width));
            previous = width;
        }

        long deepest = Widths[^1] * 2;
        bottleneck = new ConvBlock(previous, deepest);

        long below = deepest;
        for (int level = Widths.Count - 1; level >= 1; level--)
        {
            // Input = upsampled map from below + the skip from the encoder at this level.
            decoder.Add(new ConvBlock(below + Widths[level], Widths[level]));
            below = Widths[level];
        }
        // The last level's upsampled map and skip go straight to a 1x1 convolution: one logit per class.
        head = Conv2d(below + Widths[0], classes, kernel_size: 1);

        pool = MaxPool2d(kernel_size: 2);
        upsample = Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
        RegisterComponents();
    }

    /// <summary>Logits of shape [N, classes, H, W] for images of shape [N, inChannels, H, W] (H, W divisible by 16).</summary>
    public override Tensor forward(Tensor images)
    {
        var skips = new List<Tensor>();
        Tensor x = images;
        foreach (var block in encoder)
        {
            x = block.call(x);
            skips.Add(x);           // kept before pooling: same size as the decoder map it will join
            x = pool.call(x);
        }
        x = bottleneck.call(x);

        for (int i = 0; i < decoder.Count; i++)
        {
            var skip = skips[skips.Count - 1 - i];
            x = decoder[i].call(cat([upsample.call(x), skip], dim: 1));
        }
        return head.call(cat([upsample.call(x), skips[0]], dim: 1));
    }
}
