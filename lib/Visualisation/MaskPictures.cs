using Segmentation.Augmentation;
using SixLabors.ImageSharp;
using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// The lessons' standard pictures of a mask over its image, one name per thing shown: the true mask in green, a prediction
/// in orange-red, or the mask's outline alone so the image stays visible under it.
/// </summary>
public static class MaskPictures
{
    /// <summary>Colour of a predicted mask: orange-red, to tell it from the true mask's green.</summary>
    public static Color PredictionColour { get; } = Color.OrangeRed;

    /// <summary>The true mask tinted green over the image ([3, H, W] and [1, H, W]).</summary>
    public static Picture Truth(Tensor image, Tensor mask) => Picture.Overlay(image, mask);

    /// <summary>A predicted mask tinted orange-red over the image ([3, H, W] and [1, H, W]).</summary>
    public static Picture Prediction(Tensor image, Tensor predictedMask) => Picture.Overlay(image, predictedMask, PredictionColour);

    /// <summary>The image with only the mask's green outline (no tint), to check that a mask still hugs its lesion.</summary>
    public static Picture Outline(Tensor image, Tensor mask) => Picture.Overlay(image, mask, opacity: 0);

    /// <summary>An augmented example (as a loader serves it) with only its mask's outline drawn.</summary>
    public static Picture Outline(ImageAndMask example)
    {
        ArgumentNullException.ThrowIfNull(example);
        using var image = tensor(example.Image, [3, example.Height, example.Width]);
        using var mask = tensor(example.Mask, [1, example.Height, example.Width]);
        return Outline(image, mask);
    }
}
