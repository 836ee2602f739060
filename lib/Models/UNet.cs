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
/// With <see cref="BlockStyle.Double"/> it is the common U-Net instead: double-conv blocks, and a decoder
/// block on the top level too (48->16), then a 16->1 head.
/// State-dict names (the checkpoint format): <c>encoder.{i}.*</c>, <c>bottleneck.*</c>, <c>decoder.{i}.*</c>
/// (<c>decoder.0</c> is the deepest), <c>head.weight</c>, <c>head.bias</c>; the block's own names follow
/// (<see cref="ConvBlock"/>: <c>conv</c>, <c>norm</c>; <see cref="DoubleConvBlock"/>: <c>conv1</c>, <c>norm1</c>, <c>conv2</c>, <c>norm2</c>).
/// </summary>
public sealed class UNet : Module<Tensor, Tensor>, ISegmentationModel
{
    readonly ModuleList<Module<Tensor, Tensor>> encoder = new();
    readonly Module<Tensor, Tensor> bottleneck;
    readonly ModuleList<Module<Tensor, Tensor>> decoder = new();
    readonly Conv2d head;
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

    /// <inheritdoc/>
    public int SizeMultiple => 1 << Depth;

    /// <summary>The kind of block the network is built from.</summary>
    public BlockStyle Blocks { get; }

    /// <summary>Whether every block normalises its outputs over the batch (true for the lesson's network).</summary>
    public bool BatchNorm { get; }

    /// <summary>Creates a U-Net for <paramref name="inChannels"/>-channel images and <paramref name="classes"/> output channels.</summary>
    /// <param name="inChannels">3 for RGB images.</param>
    /// <param name="classes">1 for a binary mask (one logit per pixel).</param>
    /// <param name="widths">Encoder widths, one per level (depth = their count); the lesson's network is 16, 32, 64, 128.</param>
    /// <param name="blocks">The lesson's single conv blocks (default) or the common double-conv blocks.</param>
    /// <param name="batchNorm">False to build every block without batch normalisation (to see what it does).</param>
    public UNet(long inChannels = 3, long classes = 1, long[]? widths = null, BlockStyle blocks = BlockStyle.Lesson, bool batchNorm = true) : base(nameof(UNet))
    {
        BatchNorm = batchNorm;
        Widths = ModelArguments.Widths(widths, inChannels, classes, nameof(UNet));
        InChannels = inChannels;
        Classes = classes;
        Blocks = ModelArguments.Blocks(blocks, nameof(UNet));

        long previous = inChannels;
        foreach (long width in Widths)
        {
            encoder.Add(Block(previous, width));
            previous = width;
        }

        long deepest = Widths[^1] * 2;
        bottleneck = Block(previous, deepest);

        // The lesson's network has no decoder block on the top level; the common U-Net has one.
        int topDecoderLevel = blocks == BlockStyle.Lesson ? 1 : 0;
        long below = deepest;
        for (int level = Widths.Count - 1; level >= topDecoderLevel; level--)
        {
            // Input = upsampled map from below + the skip from the encoder at this level.
            decoder.Add(Block(below + Widths[level], Widths[level]));
            below = Widths[level];
        }
        // A 1x1 convolution gives one logit per class and pixel. In the lesson's network it reads the top
        // level's upsampled map and skip directly.
        head = Conv2d(blocks == BlockStyle.Lesson ? below + Widths[0] : below, classes, kernel_size: 1);

        pool = MaxPool2d(kernel_size: 2);
        upsample = Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
        RegisterComponents();
    }

    Module<Tensor, Tensor> Block(long inChannels, long outChannels) => Blocks == BlockStyle.Lesson
        ? new ConvBlock(inChannels, outChannels, BatchNorm)
        : new DoubleConvBlock(inChannels, outChannels, BatchNorm);

    /// <summary>
    /// Logits of shape [N, classes, H, W] for images of shape [N, inChannels, H, W]; H and W must be multiples of
    /// <see cref="SizeMultiple"/> (16 for the default four levels).
    /// </summary>
    /// <exception cref="ArgumentException">The images have the wrong number of dimensions or channels, or a size the network cannot halve <see cref="Depth"/> times.</exception>
    public override Tensor forward(Tensor images)
    {
        InputCheck.Images(images, this, nameof(UNet));
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
            x = decoder[i].call(cat([ChannelsLast.Call(upsample, x), skip], dim: 1));
        }
        return Blocks == BlockStyle.Lesson ? LessonHead(x, skips[0]) : head.call(x);
    }

    /// <summary>
    /// The lesson's head, a 1x1 convolution of [upsampled x, top skip], computed in a cheaper order with the same result.
    /// A 1x1 convolution mixes channels pixel by pixel and bilinear upsampling mixes pixels channel by channel, so the two
    /// can be swapped: head([up(x), skip]) = up(W_x * x) + W_skip * skip + bias, where W_x and W_skip are the head's
    /// weights for the two inputs. Upsampling the one output channel instead of x's 32 (and not concatenating at full
    /// size) saves about a tenth of a training step on the CPU.
    /// </summary>
    Tensor LessonHead(Tensor x, Tensor skip)
    {
        long fromBelow = x.shape[1];
        using var weightBelow = head.weight!.narrow(1, 0, fromBelow);
        using var weightSkip = head.weight!.narrow(1, fromBelow, skip.shape[1]);
        using var below = nn.functional.conv2d(x, weightBelow);
        using var upsampled = ChannelsLast.Call(upsample, below);
        using var beside = nn.functional.conv2d(skip, weightSkip, head.bias);
        return upsampled.add(beside, alpha: ModelScalars.One);
    }
}
