using static TorchSharp.torch;

namespace Segmentation.Models;

/// <summary>
/// The networks by name, for command lines and settings files: <c>unet</c> (the lesson's U-Net),
/// <c>unet-double</c> (the common U-Net with double-conv blocks) and <c>segnet</c> (the lesson's SegNet).
/// Names are case-insensitive.
/// </summary>
public static class ModelCatalog
{
    static readonly (string Name, string Description)[] Entries =
    [
        ("unet", "the lesson's U-Net: conv-ReLU-BatchNorm blocks with skip connections"),
        ("unet-double", "the common U-Net: double conv-BatchNorm-ReLU blocks on every level"),
        ("segnet", "the lesson's SegNet: encoder-decoder without skip connections"),
    ];

    /// <summary>The names <see cref="Create"/> accepts, in the order to list them.</summary>
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
    /// <exception cref="ArgumentException">No network has that name.</exception>
    public static nn.Module<Tensor, Tensor> Create(string name, long inChannels = 3, long classes = 1, long[]? widths = null) =>
        Entries[IndexOf(name)].Name switch
        {
            "unet" => new UNet(inChannels, classes, widths),
            "unet-double" => new UNet(inChannels, classes, widths, BlockStyle.Double),
            _ => new SegNet(inChannels, classes, widths),
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
