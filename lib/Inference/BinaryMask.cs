using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>Turns model outputs into 0/1 masks, and masks into arrays for pixel-by-pixel work.</summary>
public static class BinaryMask
{
    /// <summary>
    /// 1 where sigmoid(logit) is above <paramref name="threshold"/>, else 0; float32, same shape and device.
    /// No sigmoid is computed: a probability above t is the same as a logit above ln(t / (1 - t)) (0 for t = 0.5).
    /// </summary>
    /// <param name="logits">Raw model output, any shape.</param>
    /// <param name="threshold">Probability threshold, strictly between 0 and 1 (default 0.5).</param>
    public static Tensor FromLogits(Tensor logits, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(logits);
        CheckThreshold(threshold);
        using var scope = NewDisposeScope();
        using var logitThreshold = Math.Log(threshold / (1 - threshold)).ToScalar();
        return logits.gt(logitThreshold).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>1 where the probability is above <paramref name="threshold"/>, else 0; float32, same shape and device.</summary>
    /// <param name="probabilities">Values in 0..1, e.g. sigmoid(logits).</param>
    /// <param name="threshold">Strictly between 0 and 1 (default 0.5).</param>
    public static Tensor FromProbabilities(Tensor probabilities, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        CheckThreshold(threshold);
        using var scope = NewDisposeScope();
        using var limit = threshold.ToScalar();
        return probabilities.gt(limit).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One mask as a managed array, <c>[y, x]</c>: true where the value is above 0.5.
    /// Takes [H, W], [1, H, W] or [1, 1, H, W] on any device.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor holds more than one mask.</exception>
    public static bool[,] ToArray(Tensor mask)
    {
        var (height, width) = Size(mask);
        using var scope = NewDisposeScope();
        var values = mask.detach().to_type(ScalarType.Float32).gt(Scalars.Half).cpu().contiguous().data<bool>().ToArray();
        var result = new bool[height, width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                result[y, x] = values[y * width + x];
        return result;
    }

    /// <summary>A float32 0/1 tensor [H, W] from a managed mask <c>[y, x]</c>.</summary>
    public static Tensor FromArray(bool[,] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int height = mask.GetLength(0), width = mask.GetLength(1);
        var values = new float[height * width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                values[y * width + x] = mask[y, x] ? 1f : 0f;
        return tensor(values, [height, width]);
    }

    /// <summary>Height and width of a single mask shaped [H, W], [1, H, W] or [1, 1, H, W].</summary>
    internal static (int Height, int Width) Size(Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var shape = mask.shape;
        bool single = shape.Length >= 2 && shape.Length <= 4 && shape[..^2].All(d => d == 1);
        if (!single)
            throw new ArgumentException(
                $"Expected one mask shaped [H, W], [1, H, W] or [1, 1, H, W], got {TensorShapes.Describe(shape)}. "
                + "For a batch, pass one mask at a time, e.g. masks[i].", nameof(mask));
        return ((int)shape[^2], (int)shape[^1]);
    }

    static void CheckThreshold(double threshold)
    {
        if (!(threshold > 0 && threshold < 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold is a probability strictly between 0 and 1 (0.5 is usual).");
    }
}
