using Segmentation.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Exercises;

/// <summary>
/// The lab's U-Net, whose decoder is built from the blocks a given factory makes (the learner's exercise 6, or
/// <see cref="LabFallbacks.DecoderBlock"/>): an encoder of <see cref="ConvBlock"/>s with max-pooling (widths 16, 32,
/// 64, 128 by default), a bottleneck of twice the last width, one decoder block per level from the deepest up, each
/// given the map from below and the encoder's map of its size, then a 1x1 convolution to one logit per pixel.
/// State-dict names: <c>encoder.{i}.*</c>, <c>bottleneck.*</c>, <c>decoder.{i}.*</c> (<c>decoder.0</c> deepest), <c>head.*</c>.
/// </summary>
public sealed class LabUNet : Module<Tensor, Tensor>
{
    readonly ModuleList<Module<Tensor, Tensor>> encoder = new();
    readonly Module<Tensor, Tensor> bottleneck;
    readonly ModuleList<Module<Tensor, Tensor, Tensor>> decoder = new();
    readonly Module<Tensor, Tensor> head;
    readonly Module<Tensor, Tensor> pool = MaxPool2d(kernel_size: 2);

    /// <summary>Builds the network with decoder blocks from <paramref name="makeBlock"/>(channels from below, skip channels, output channels).</summary>
    /// <exception cref="ArgumentException">The factory returned null.</exception>
    public LabUNet(Func<long, long, long, Module<Tensor, Tensor, Tensor>> makeBlock, long[]? widths = null) : base(nameof(LabUNet))
    {
        ArgumentNullException.ThrowIfNull(makeBlock);
        Widths = widths ?? [16, 32, 64, 128];
        long previous = 3;
        foreach (long width in Widths)
        {
            encoder.Add(new ConvBlock(previous, width));
            previous = width;
        }
        long below = Widths[^1] * 2;
        bottleneck = new ConvBlock(previous, below);
        for (int level = Widths.Count - 1; level >= 0; level--)
        {
            decoder.Add(makeBlock(below, Widths[level], Widths[level])
                ?? throw new ArgumentException($"The decoder block factory returned null for ({below}, {Widths[level]}, {Widths[level]}).", nameof(makeBlock)));
            below = Widths[level];
        }
        head = Conv2d(below, 1, kernel_size: 1);
        RegisterComponents();
    }

    /// <summary>The decoder's blocks, deepest first, as the factory made them.</summary>
    public IReadOnlyList<Module<Tensor, Tensor, Tensor>> Decoder => decoder.ToList();

    /// <summary>The encoder's widths, one per level.</summary>
    public IReadOnlyList<long> Widths { get; }

    /// <summary>Logits [N, 1, H, W] for images [N, 3, H, W] (H and W multiples of 2 to the number of levels).</summary>
    public override Tensor forward(Tensor images)
    {
        var skips = new List<Tensor>();
        var x = images;
        foreach (var block in encoder)
        {
            x = block.call(x);
            skips.Add(x);
            x = pool.call(x);
        }
        x = bottleneck.call(x);
        for (int i = 0; i < decoder.Count; i++)
            x = decoder[i].call(x, skips[^(i + 1)]);
        return head.call(x);
    }
}
