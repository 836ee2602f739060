using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// Where a predicted mask is wrong, drawn over the image: <b>false positives</b> (predicted lesion that is skin) in
/// <see cref="FalsePositiveColour"/>, <b>false negatives</b> (lesion the prediction missed) in <see cref="FalseNegativeColour"/>;
/// correct pixels keep the image's own colours. Which kind of error dominates says what to fix: spilling over the border,
/// or missing faint parts.
/// </summary>
public static class ErrorOverlay
{
    /// <summary>Colour of false positives: magenta.</summary>
    public static Color FalsePositiveColour { get; } = Color.Magenta;

    /// <summary>Colour of false negatives: cyan (distinct from magenta for the common kinds of colour blindness too).</summary>
    public static Color FalseNegativeColour { get; } = Color.Cyan;

    /// <summary>
    /// The image ([3, H, W], 0..1) with the errors of <paramref name="predicted"/> against <paramref name="truth"/> (both [1, H, W]
    /// or [H, W], object where 0.5 or above) painted in at <paramref name="opacity"/>.
    /// </summary>
    public static Picture Of(Tensor image, Tensor predicted, Tensor truth, float opacity = 0.8f)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        if (!predicted.shape.SequenceEqual(truth.shape))
            throw new ArgumentException($"The predicted mask is {TensorShapes.Describe(predicted)} but the true mask is "
                + $"{TensorShapes.Describe(truth)}; they must have the same shape.", nameof(predicted));
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || image.shape[0] != 3 || image.shape[1] != truth.shape[^2] || image.shape[2] != truth.shape[^1])
            throw new ArgumentException($"The image is {TensorShapes.Describe(image)}; expected [3, H, W] with the masks' height and width "
                + $"({TensorShapes.Describe(truth)}).", nameof(image));
        using var scope = NewDisposeScope();
        var (falsePositives, falseNegatives) = Errors(predicted, truth);
        var rgb = image.detach().cpu().to_type(ScalarType.Float32).clamp(0, 1);
        // Blend each error's colour in where that error is (the two never overlap).
        rgb = rgb + (ColourOf(FalsePositiveColour) - rgb) * (falsePositives * opacity);
        rgb = rgb + (ColourOf(FalseNegativeColour) - rgb) * (falseNegatives * opacity);
        return Picture.FromImageTensor(rgb);
    }

    /// <summary>Counts of the two kinds of error, for a caption: <c>false positives 312 px, false negatives 1,024 px</c>.</summary>
    public static string Counts(Tensor predicted, Tensor truth)
    {
        using var scope = NewDisposeScope();
        var (falsePositives, falseNegatives) = Errors(predicted, truth);
        return $"false positives {falsePositives.sum().item<float>():N0} px, false negatives {falseNegatives.sum().item<float>():N0} px";
    }

    /// <summary>[1, H, W] maps, 1 where the error is: predicted but not true, true but not predicted.</summary>
    static (Tensor FalsePositives, Tensor FalseNegatives) Errors(Tensor predicted, Tensor truth)
    {
        var said = predicted.detach().cpu().reshape(1, predicted.shape[^2], predicted.shape[^1]).ge(0.5);
        var real = truth.detach().cpu().reshape(1, truth.shape[^2], truth.shape[^1]).ge(0.5);
        return (said.logical_and(real.logical_not()).to_type(ScalarType.Float32),
                real.logical_and(said.logical_not()).to_type(ScalarType.Float32));
    }

    static Tensor ColourOf(Color colour)
    {
        var pixel = colour.ToPixel<Rgb24>();
        return tensor(new[] { pixel.R / 255f, pixel.G / 255f, pixel.B / 255f }).reshape(3, 1, 1);
    }
}
