using static TorchSharp.torch;

namespace Segmentation.Loading;

/// <summary>
/// A three-class mask made from a dermoscopy image and its lesion mask, for lessons that need more than two
/// classes: 0 skin, 1 the lighter half of the lesion, 2 its darker half. PH2 annotates lesion colours
/// (light-brown, dark-brown, ...) in the same spirit; this split is made from pixel brightness, not by a
/// dermatologist, so it is a teaching example, not ground truth.
/// </summary>
public static class LesionColourRegions
{
    /// <summary>Class id of skin (outside the lesion).</summary>
    public const long Skin = 0;

    /// <summary>Class id of lesion pixels at least as bright as the lesion's median brightness.</summary>
    public const long LighterLesion = 1;

    /// <summary>Class id of lesion pixels darker than the lesion's median brightness.</summary>
    public const long DarkerLesion = 2;

    /// <summary>The class names, indexed by class id, in the course's language (<see cref="Course.UseLanguage"/>).</summary>
    public static IReadOnlyList<string> ClassNames => [Course.Text("skin"), Course.Text("lighter lesion"), Course.Text("darker lesion")];

    /// <summary>
    /// Class ids, Int64 [H, W] on the CPU: <see cref="Skin"/> outside the mask, and inside it
    /// <see cref="DarkerLesion"/> where the pixel's brightness (mean of R, G, B) is below the median over the
    /// lesion, else <see cref="LighterLesion"/>.
    /// </summary>
    /// <param name="image">RGB image [3, H, W], values 0..1.</param>
    /// <param name="mask">Lesion mask [1, H, W] or [H, W]; values above 0.5 are lesion.</param>
    /// <exception cref="ArgumentException">The shapes do not fit together.</exception>
    public static Tensor Classify(Tensor image, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        if (image.dim() != 3 || image.shape[0] != 3)
            throw new ArgumentException($"Expected an RGB image [3, H, W], got {TensorShapes.Describe(image)}.", nameof(image));
        int height = (int)image.shape[1], width = (int)image.shape[2];
        if (mask.numel() != (long)height * width || mask.shape[^1] != width || mask.shape[^2] != height)
            throw new ArgumentException(
                $"The mask {TensorShapes.Describe(mask)} must be [1, {height}, {width}] or [{height}, {width}], like the image.", nameof(mask));

        float[] rgb, lesion;
        using (NewDisposeScope())
        {
            rgb = image.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
            lesion = mask.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        }
        int plane = height * width;
        var brightness = new float[plane];
        for (int p = 0; p < plane; p++)
            brightness[p] = (rgb[p] + rgb[plane + p] + rgb[2 * plane + p]) / 3;
        var inside = Enumerable.Range(0, plane).Where(p => lesion[p] > 0.5f).ToArray();
        var classes = new long[plane];
        if (inside.Length > 0)
        {
            var sorted = inside.Select(p => brightness[p]).Order().ToArray();
            float median = sorted[sorted.Length / 2];
            foreach (int p in inside)
                classes[p] = brightness[p] < median ? DarkerLesion : LighterLesion;
        }
        return tensor(classes, [height, width]);
    }
}
