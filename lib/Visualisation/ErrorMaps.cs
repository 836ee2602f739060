using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// Where a predicted mask is wrong, in colours that stay distinct for colour-blind readers (Okabe-Ito): pixels
/// rightly found tinted green, false positives (background marked as object) in vermillion, false negatives (object
/// missed) in blue, over the image dimmed so the colours stand out.
/// </summary>
public static class ErrorMaps
{
    /// <summary>What each colour means, for a caption (in the course's language, see <see cref="Course"/>).</summary>
    public static string Legend => Course.Text("green: found; vermillion: false positive (marked, but background); blue: false negative (missed)");

    static readonly float[] Found = [0f, 0.62f, 0.45f], FalsePositive = [0.84f, 0.37f, 0f], FalseNegative = [0f, 0.45f, 0.70f];

    /// <summary>
    /// The error map of one image [3, H, W] (values 0..1), its predicted mask and its true mask ([1, H, W] or [H, W],
    /// values above 0.5 are object).
    /// </summary>
    /// <exception cref="ArgumentException">The masks' height and width differ from the image's.</exception>
    public static Picture Draw(Tensor image, Tensor predicted, Tensor truth)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var rgb = image.detach().cpu().to_type(ScalarType.Float32);
        long height = rgb.shape[^2], width = rgb.shape[^1];
        Tensor Plane(Tensor mask, string name)
        {
            var flat = mask.detach().cpu().to_type(ScalarType.Float32);
            if (flat.shape[^2] != height || flat.shape[^1] != width || flat.numel() != height * width)
                throw new ArgumentException($"The {name} mask is {TensorShapes.Describe(mask)} but the image is {width}x{height}; give one [1, H, W] mask of the image's size.", name);
            return flat.reshape(1, height, width).gt(0.5);
        }
        var found = Plane(predicted, nameof(predicted));
        var real = Plane(truth, nameof(truth));
        var picture = rgb.mul(0.45);
        picture = Paint(picture, found.logical_and(real), Found, opacity: 0.55f);
        picture = Paint(picture, found.logical_and(real.logical_not()), FalsePositive, opacity: 1f);
        picture = Paint(picture, real.logical_and(found.logical_not()), FalseNegative, opacity: 1f);
        return Picture.FromImageTensor(picture);
    }

    /// <summary>Counts of the two kinds of error, for a caption: <c>false positives 312 px, false negatives 1,024 px</c>.</summary>
    /// <exception cref="ArgumentException">The two masks have different shapes.</exception>
    public static string Counts(Tensor predicted, Tensor truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        if (!predicted.shape.SequenceEqual(truth.shape))
            throw new ArgumentException($"The predicted mask is {TensorShapes.Describe(predicted)} but the true mask is "
                + $"{TensorShapes.Describe(truth)}; they must have the same shape.", nameof(predicted));
        using var scope = NewDisposeScope();
        var found = predicted.detach().cpu().gt(0.5);
        var real = truth.detach().cpu().gt(0.5);
        long falsePositives = found.logical_and(real.logical_not()).sum().item<long>();
        long falseNegatives = real.logical_and(found.logical_not()).sum().item<long>();
        return Course.Say("false positives {0:N0} px, false negatives {1:N0} px", falsePositives, falseNegatives);
    }

    static Tensor Paint(Tensor picture, Tensor where, float[] colour, float opacity)
    {
        var tint = tensor(colour).reshape(3, 1, 1);
        var blended = picture.mul(1 - opacity).add(tint.mul(opacity));
        return TorchSharp.torch.where(where.expand_as(picture), blended, picture);
    }
}
