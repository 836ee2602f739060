using System.Globalization;
using System.Text;
using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>Small tensors as aligned rows of numbers, for the 2x2 and 4x4 examples of the loss lessons.</summary>
public static class NumberGrid
{
    /// <summary>
    /// The values of a [H, W] tensor (leading dimensions of size 1, as in [1, 1, H, W], are allowed) as one
    /// line per row, right-aligned, with <paramref name="decimals"/> digits after the point.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor holds more than one [H, W] grid.</exception>
    public static string Of(Tensor values, int decimals = 3)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var shape = values.shape;
        if (shape.Length < 2 || shape[..^2].Any(d => d != 1))
            throw new ArgumentException(
                $"Expected one grid, [H, W] or [1, ..., 1, H, W], got {TensorShapes.Describe(shape)}; pick one, e.g. t[0, 0].", nameof(values));
        int height = (int)shape[^2], width = (int)shape[^1];
        double[] numbers;
        using (NewDisposeScope())
            numbers = values.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var cells = numbers.Select(v => v.ToString("F" + decimals, CultureInfo.InvariantCulture)).ToArray();
        int cellWidth = cells.Max(c => c.Length);
        var text = new StringBuilder();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
                text.Append(x == 0 ? "" : "  ").Append(cells[y * width + x].PadLeft(cellWidth));
            if (y < height - 1)
                text.Append('\n');
        }
        return text.ToString();
    }
}
