using static TorchSharp.torch;

namespace Segmentation.Models;

/// <summary>
/// The networks by name, for command lines, settings files and checkpoints: <c>unet</c> (the lesson's U-Net),
/// <c>unet-double</c> (the common U-Net with double-conv blocks) and <c>segnet</c> (the lesson's SegNet).
/// Names are case-insensitive.
/// </summary>
public static class ModelCatalog
{
    static readonly (string Name, BlockStyle Blocks, string Description)[] Entries =
    [
        ("unet", BlockStyle.Lesson, "the lesson's U-Net: conv-ReLU-BatchNorm blocks with skip connections"),
        ("unet-double", BlockStyle.Double, "the common U-Net: double conv-BatchNorm-ReLU blocks on every level"),
        ("segnet", BlockStyle.Lesson, "the lesson's SegNet: encoder-decoder without skip connections"),
    ];

    /// <summary>The names <see cref="Create(string, long, long, long[], bool)"/> accepts, in the order to list them.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>A one-line description of the network called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No network has that name.</exception>
    public static string Describe(string name) => Entries[IndexOf(name)].Description;

    /// <summary>
    /// A new, randomly initialised network called <paramref name="name"/> (see <see cref="Names"/>).
    /// Every network returned is also an <see cref="ISegmentationModel"/> and outputs logits.
    /// </summary>
    /// <param name="name"><c>unet</c>, <c>unet-double</c> or <c>segnet</c>.</param>
    /// <param name="inChannels">3 for RGB images.</param>
    /// <param name="classes">1 for a binary mask.</param>
    /// <param name="widths">Encoder widths, one per level; null for the lesson's 16, 32, 64, 128.</param>
    /// <param name="batchNorm">False for the same network without batch normalisation (to see what it does).</param>
    /// <exception cref="ArgumentException">No network has that name, or an argument is out of range.</exception>
    public static nn.Module<Tensor, Tensor> Create(string name, long inChannels = 3, long classes = 1, long[]? widths = null, bool batchNorm = true)
    {
        var entry = Entries[IndexOf(name)];
        return entry.Name == "segnet"
            ? new SegNet(inChannels, classes, widths, batchNorm)
            : new UNet(inChannels, classes, widths, entry.Blocks, batchNorm);
    }

    /// <summary>A new, randomly initialised network built exactly as <paramref name="architecture"/> says (e.g. read from a checkpoint).</summary>
    /// <exception cref="ArgumentException">The name is unknown, an argument is out of range, or the block style does not belong to the name.</exception>
    public static nn.Module<Tensor, Tensor> Create(ModelArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var entry = Entries[IndexOf(architecture.Name)];
        if (architecture.Blocks != entry.Blocks)
            throw new ArgumentException(
                $"'{entry.Name}' is built from {entry.Blocks} blocks, not {architecture.Blocks}: "
                + $"{(architecture.Blocks == BlockStyle.Double ? "the double-conv U-Net is 'unet-double'" : "the lesson's U-Net is 'unet'")}.",
                nameof(architecture));
        return Create(entry.Name, architecture.InChannels, architecture.Classes, architecture.Widths?.ToArray(), architecture.BatchNorm);
    }

    /// <summary>
    /// The catalogue name and constructor arguments of <paramref name="model"/>, enough to build it again with
    /// <see cref="Create(ModelArchitecture)"/>; null for a network the catalogue does not build (e.g. your own module).
    /// </summary>
    public static ModelArchitecture? ArchitectureOf(nn.Module model) => model switch
    {
        UNet unet => new(unet.Blocks == BlockStyle.Double ? "unet-double" : "unet", unet.InChannels, unet.Classes, unet.Widths.ToArray(), unet.Blocks, unet.BatchNorm),
        SegNet segnet => new("segnet", segnet.InChannels, segnet.Classes, segnet.Widths.ToArray(), BlockStyle.Lesson, segnet.BatchNorm),
        _ => null,
    };

    static int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int index = Array.FindIndex(Entries, e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new ArgumentException($"There is no model called '{name}'. Choose one of: {string.Join(", ", Names)}.", nameof(name));
        return index;
    }
}
