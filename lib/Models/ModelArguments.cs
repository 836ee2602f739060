namespace Segmentation.Models;

/// <summary>Checks constructor arguments shared by the networks.</summary>
static class ModelArguments
{
    /// <summary>The lesson's widths when none are given; otherwise checks them and copies them.</summary>
    public static IReadOnlyList<long> Widths(long[]? widths, long inChannels, long classes, string modelName)
    {
        if (inChannels < 1)
            throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, $"{modelName}: inChannels must be at least 1 (3 for RGB images).");
        if (classes < 1)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"{modelName}: classes must be at least 1 (1 for a binary mask).");
        if (widths is null)
            return [16, 32, 64, 128];
        if (widths.Length is 0 or > 10 || widths.Any(w => w < 1))
            throw new ArgumentException(
                $"{modelName}: give one positive channel width per encoder level (1 to 10 levels), e.g. [16, 32, 64, 128]; got [{string.Join(", ", widths)}].",
                nameof(widths));
        return widths.ToArray();
    }

    /// <summary>Refuses a block style that is not one of <see cref="BlockStyle"/>'s values (e.g. a number cast to it, or read from a damaged file).</summary>
    public static BlockStyle Blocks(BlockStyle blocks, string modelName) =>
        Enum.IsDefined(blocks)
            ? blocks
            : throw new ArgumentOutOfRangeException(nameof(blocks), blocks, $"{modelName}: blocks must be BlockStyle.Lesson or BlockStyle.Double.");
}
