using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>A loss: LOGITS and targets in, a single-number tensor out (to call backward on).</summary>
public delegate Tensor SegmentationLoss(Tensor logits, Tensor targets);

/// <summary>
/// The losses by name, with their default settings, for command lines and settings files:
/// <c>bce</c>, <c>dice</c>, <c>bce-dice</c>, <c>focal</c> (binary masks, [N, 1, H, W] targets) and
/// <c>cross-entropy</c> (class ids, [N, H, W] Int64 targets). All take logits. Names are case-insensitive.
/// </summary>
public static class LossCatalog
{
    static readonly (string Name, string Description, SegmentationLoss Loss)[] Entries =
    [
        ("bce", "binary cross-entropy with logits", (l, t) => BinaryLosses.BceWithLogits(l, t)),
        ("dice", "soft Dice with logits, smooth 1", (l, t) => BinaryLosses.SoftDiceWithLogits(l, t)),
        ("bce-dice", "binary cross-entropy + soft Dice with logits", (l, t) => BinaryLosses.BceDiceWithLogits(l, t)),
        ("focal", "focal loss with logits, alpha 0.25, gamma 2", (l, t) => BinaryLosses.FocalWithLogits(l, t)),
        ("cross-entropy", "multi-class cross-entropy with logits; targets are class ids", (l, t) => MultiClassLosses.CrossEntropyWithLogits(l, t)),
    ];

    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>A one-line description of the loss called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No loss has that name.</exception>
    public static string Describe(string name) => Entries[IndexOf(name)].Description;

    /// <summary>The loss called <paramref name="name"/>, with its default settings.</summary>
    /// <exception cref="ArgumentException">No loss has that name.</exception>
    public static SegmentationLoss Create(string name) => Entries[IndexOf(name)].Loss;

    static int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int index = Array.FindIndex(Entries, e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new ArgumentException($"There is no loss called '{name}'. Choose one of: {string.Join(", ", Names)}.", nameof(name));
        return index;
    }
}
