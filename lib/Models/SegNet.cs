using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Models;

/// <summary>
/// The lesson's SegNet-style encoder-decoder, without skip connections: the decoder rebuilds the mask from
/// the bottleneck's features alone (compare <see cref="UNet"/>, which also hands it the encoder's maps).
/// Encoder: four <see cref="ConvBlock"/>s (conv 3x3 -> ReLU -> batch norm), each followed by 2x2 max-pooling,
/// channels 3-16-32-64-128; bottleneck block 128->256; decoder: bilinear upsampling x2 then a block,
/// 256->128, 128->64, 64->32; last, a 1x1 convolution 32->1 and one more upsampling (the same as upsampling first).
/// Four halvings and four doublings: the output has the input's height and width.
/// It returns LOGITS (no sigmoid).
/// State-dict names (the checkpoint format): <c>encoder.{i}.conv.*</c> / <c>encoder.{i}.norm.*</c> (i = 0..3),
/// <c>bottleneck.conv.*</c> / <c>bottleneck.norm.*</c>, <c>decoder.{i}.conv.*</c> / <c>decoder.{i}.norm.*</c>
/// (i = 0..2, <c>decoder.0</c> the deepest), <c>head.weight</c>, <c>head.bias</c>.
/// </summary>
public sealed class SegNet : Module<Tensor, Tensor>, ISegmentationModel
{
    readonly ModuleList<ConvBlock> encoder = new();
    readonly ConvBlock bottleneck;
    readonly ModuleList<ConvBlock> decoder = new();
    readonly Module<Tensor, Tensor> head;
    readonly Module<Tensor, Tensor> pool;
    readonly Module<Tensor, Tensor> upsample;

    /// <inheritdoc/>
    public long InChannels { get; }

    /// <inheritdoc/>
    public long Classes { get; }

    /// <summary>Channel widths of the encoder levels; the bottleneck has twice the last.</summary>
    public IReadOnlyList<long> Widths { get; }

    /// <inheritdoc/>
    public int Depth => Widths.Count;

    /// <summary>Whether every block normalises its outputs over the batch (true for the lesson's network).</summary>
    public bool BatchNorm { get; }

    /// <inheritdoc/>
    public int SizeMultiple => 1 << Depth;

    /// <summary>Creates a SegNet for <paramref name="inChannels"/>-channel images and <paramref name="classes"/> output channels.</summary>
    /// <param name="inChannels">3 for RGB images.</param>
    /// <param name="classes">1 for a binary mask (one logit per pixel).</param>
    /// <param name="widths">Encoder widths, one per level (depth = their count); the lesson's network is 16, 32, 64, 128.</param>
    /// <param name="batchNorm">False to build every block without batch normalisation (to see what it does).</param>
    public SegNet(long inChannels = 3, long classes = 1, long[]? widths = null, bool batchNorm = true) : base(nameof(SegNet))
    {
        BatchNorm = batchNorm;
        Widths = ModelArguments.Widths(widths, inChannels, classes, nameof(SegNet));
        InChannels = inChannels;
        Classes = classes;

        long previous = inChannels;
        foreach (long width in Widths)
        {
            encoder.Add(new ConvBlock(previous, width, batchNorm));
            previous = width;
        }
        long deepest = Widths[^1] * 2;
        bottleneck = new ConvBlock(previous, deepest, batchNorm);

        // Mirror of the encoder without its top level: 256->128, 128->64, 64->32 for the lesson's widths.
        long below = deepest;
        for (int level = Widths.Count - 1; level >= 1; level--)
        {
            decoder.Add(new ConvBlock(below, Widths[level], batchNorm));
            below = Widths[level];
        }
        head = Conv2d(below, classes, kernel_size: 1);

        pool = MaxPool2d(kernel_size: 2);
        upsample = Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
        RegisterComponents();
    }

    /// <summary>
    /// Logits of shape [N, classes, H, W] for images of shape [N, inChannels, H, W]; H and W must be multiples of
    /// <see cref="SizeMultiple"/> (16 for the default four levels).
    /// </summary>
    /// <exception cref="ArgumentException">The images have the wrong number of dimensions or channels, or a size the network cannot halve <see cref="Depth"/> times.</exception>
    public override Tensor forward(Tensor images)
    {
        InputCheck.Images(images, this, nameof(SegNet));
        Tensor x = images;
        foreach (var block in encoder)
            x = pool.call(block.call(x));
        x = bottleneck.call(x);
        foreach (var block in decoder)
            x = block.call(ChannelsLast.Call(upsample, x));
        // The decoder doubled the size one time fewer than the encoder halved it: the last doubling is here, after the
        // 1x1 head rather than before it. Both are linear and act on different axes (the head mixes channels pixel by
        // pixel, upsampling mixes pixels channel by channel, with weights summing to 1), so the order does not change the
        // result; upsampling 1 channel instead of 32 saves about a tenth of a training step on the CPU.
        return ChannelsLast.Call(upsample, head.call(x));
    }
}
