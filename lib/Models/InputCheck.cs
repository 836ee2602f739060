using static TorchSharp.torch;

namespace Segmentation.Models;

/// <summary>Checks images before a network sees them, so a wrong shape fails with advice instead of deep inside a layer.</summary>
static class InputCheck
{
    /// <summary>Throws unless <paramref name="images"/> is [N, inChannels, H, W] with H and W multiples of 2^depth.</summary>
    public static void Images(Tensor images, ISegmentationModel model, string modelName)
    {
        ArgumentNullException.ThrowIfNull(images);
        string shape = $"{TensorShapes.Describe(images)}";
        if (images.dim() != 4)
            throw new ArgumentException(
                $"{modelName} takes a batch of images shaped [N, {model.InChannels}, H, W], got a tensor of shape {shape}. "
                + "For a single image [C, H, W] add the batch dimension with image.unsqueeze(0).", nameof(images));
        if (images.shape[1] != model.InChannels)
            throw new ArgumentException(
                $"{modelName} was built for {model.InChannels}-channel images, but the batch has shape {shape} "
                + $"({images.shape[1]} channels). Load the images as {(model.InChannels == 3 ? "RGB" : $"{model.InChannels}-channel")} "
                + "tensors, or create the model with a matching inChannels.", nameof(images));

        long multiple = model.SizeMultiple;
        long height = images.shape[2], width = images.shape[3];
        if (height % multiple != 0 || width % multiple != 0)
            throw new ArgumentException(
                $"{modelName} halves the image {model.Depth} times, so height and width must be multiples of {multiple}; "
                + $"the batch has shape {shape} ({height}x{width}). Resize the images to, for example, "
                + $"{RoundUp(height, multiple)}x{RoundUp(width, multiple)}, or use Segmentation.Inference.MaskPredictor, "
                + "which resizes any image to the model's size and back.", nameof(images));
    }

    static long RoundUp(long value, long multiple) => Math.Max(multiple, (value + multiple - 1) / multiple * multiple);
}
