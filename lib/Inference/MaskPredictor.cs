using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Models;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp;
using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// Predicts masks for images of any size with a trained network: the image is resized to the size the network
/// was trained at, the network gives logits, the logits are resized back to the image's own size (bilinear)
/// and only then thresholded, so the mask's edges are smooth rather than blocky. Results are on the CPU.
/// The network runs in evaluation mode without gradients; its previous mode is restored afterwards.
/// </summary>
public sealed class MaskPredictor
{
    readonly nn.Module<Tensor, Tensor> model;

    /// <summary>A predictor for <paramref name="model"/>, feeding it images of <paramref name="inputHeight"/> x <paramref name="inputWidth"/> pixels.</summary>
    /// <param name="model">A network that outputs logits, e.g. <see cref="UNet"/>; it may live on any device.</param>
    /// <param name="inputHeight">Height the network sees: use the size it was trained at.</param>
    /// <param name="inputWidth">Width the network sees.</param>
    /// <param name="threshold">Probability above which a pixel is object (default 0.5).</param>
    /// <exception cref="ArgumentException">The network cannot take that size (see <see cref="ISegmentationModel.SizeMultiple"/>).</exception>
    public MaskPredictor(nn.Module<Tensor, Tensor> model, int inputHeight, int inputWidth, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputWidth, 1);
        if (!(threshold > 0 && threshold < 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold is a probability strictly between 0 and 1 (0.5 is usual).");
        if (model is ISegmentationModel network && (inputHeight % network.SizeMultiple != 0 || inputWidth % network.SizeMultiple != 0))
            throw new ArgumentException(
                $"This {model.GetType().Name} needs a height and width that are multiples of {network.SizeMultiple}, not {inputHeight}x{inputWidth}. "
                + "Use the size the network was trained at, e.g. 256x256.", nameof(inputHeight));
        this.model = model;
        InputHeight = inputHeight;
        InputWidth = inputWidth;
        Threshold = threshold;
    }

    /// <summary>A predictor feeding the network square images of <paramref name="inputSize"/> pixels.</summary>
    public MaskPredictor(nn.Module<Tensor, Tensor> model, int inputSize = 256, double threshold = 0.5)
        : this(model, inputSize, inputSize, threshold) { }

    /// <summary>Height of the images the network sees.</summary>
    public int InputHeight { get; }

    /// <summary>Width of the images the network sees.</summary>
    public int InputWidth { get; }

    /// <summary>Probability above which a pixel is object.</summary>
    public double Threshold { get; }

    /// <summary>The mask for the image file at <paramref name="imagePath"/> (BMP, PNG or JPEG): float32 0/1, [1, H, W] at the file's size.</summary>
    public Tensor PredictMask(string imagePath)
    {
        using var image = ImageFiles.Load<Rgb24>(imagePath);
        return PredictMask(image);
    }

    /// <summary>The mask for <paramref name="image"/>: float32 0/1, [1, H, W] at the image's size.</summary>
    public Tensor PredictMask(Image<Rgb24> image) => ToMask(PredictLogits(image));

    /// <summary>The mask for an image tensor [3, H, W] (values 0..1, any size): float32 0/1, [1, H, W].</summary>
    public Tensor PredictMask(Tensor image) => ToMask(PredictLogits(image));

    /// <summary>
    /// The network's logits for <paramref name="image"/>, resized to the image's size: [classes, H, W].
    /// The image is resized for the network with the same bicubic filter the kit's training data uses.
    /// </summary>
    public Tensor PredictLogits(Image<Rgb24> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var resized = image.Clone(context => context.Resize(InputWidth, InputHeight, KnownResamplers.Bicubic));
        using var pixels = ImageTensors.FromImage(resized);
        using var batch = pixels.unsqueeze(0);
        return Run(batch, image.Height, image.Width);
    }

    /// <summary>
    /// The network's logits for an image tensor [C, H, W] (or [1, C, H, W]) with values 0..1, resized back to
    /// H x W: [classes, H, W]. The image is resized for the network bilinearly with anti-aliasing.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not one image.</exception>
    public Tensor PredictLogits(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!(image.dim() == 3 || (image.dim() == 4 && image.shape[0] == 1)))
            throw new ArgumentException(
                $"Expected one image shaped [C, H, W] (or [1, C, H, W]), got {TensorShapes.Describe(image)}. "
                + "For a batch, predict one image at a time, e.g. images[i].", nameof(image));
        using var scope = NewDisposeScope();
        var batch = image.dim() == 3 ? image.unsqueeze(0) : image;
        long height = batch.shape[2], width = batch.shape[3];
        var resized = nn.functional.interpolate(batch.to_type(ScalarType.Float32), size: [InputHeight, InputWidth],
            mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
        return Run(resized, height, width).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The network's logits for a batch of images [N, C, H, W] with values 0..1: [N, classes, H, W] on the CPU, run
    /// through the network <paramref name="batchSize"/> images at a time. Images of the input size go in as they are;
    /// others are resized for the network and the logits back, as for one image.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not a batch of images.</exception>
    public Tensor PredictBatchLogits(Tensor images, int batchSize = 8)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (images.dim() != 4)
            throw new ArgumentException(
                $"Expected a batch of images shaped [N, C, H, W], got {TensorShapes.Describe(images)}. For one image, use PredictLogits.", nameof(images));
        long count = images.shape[0], height = images.shape[2], width = images.shape[3];
        bool atInputSize = height == InputHeight && width == InputWidth;
        var parts = new List<Tensor>();
        try
        {
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = images.narrow(0, start, Math.Min(batchSize, count - start));
                if (!atInputSize)
                    batch = nn.functional.interpolate(batch.to_type(ScalarType.Float32), size: [InputHeight, InputWidth],
                        mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
                parts.Add(Run(batch, height, width, keepBatch: true).MoveToOuterDisposeScope());
            }
            return cat(parts, dim: 0);
        }
        finally
        {
            foreach (var part in parts)
                part.Dispose();
        }
    }

    /// <summary>
    /// Masks for a batch of images [N, C, H, W] (see <see cref="PredictBatchLogits"/>): float32 0/1, [N, 1, H, W] on the CPU.
    /// </summary>
    public Tensor PredictBatchMasks(Tensor images, int batchSize = 8) => ToMask(PredictBatchLogits(images, batchSize), channelDimension: 1);

    /// <summary>
    /// Runs the network on a batch at the input size and resizes its logits to height x width (unless they have that size
    /// already); a batch of one loses its batch dimension unless <paramref name="keepBatch"/>.
    /// </summary>
    Tensor Run(Tensor batch, long height, long width, bool keepBatch = false)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        bool wasTraining = model.training;
        model.eval();
        try
        {
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            var logits = model.call(batch.to(device));
            // Resize the logits, not the thresholded mask: bilinear blending of logits gives smooth edges.
            var full = logits.shape[2] == height && logits.shape[3] == width
                ? logits
                : nn.functional.interpolate(logits, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
            return (keepBatch ? full : full.squeeze(0)).cpu().MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    Tensor ToMask(Tensor logits, int channelDimension = 0)
    {
        using (logits)
        {
            if (logits.shape[channelDimension] != 1)
                throw new InvalidOperationException(
                    $"The network outputs {logits.shape[channelDimension]} channels (one per class); a 0/1 mask needs one. "
                    + $"Take the class with the highest logit instead: PredictLogits(image).argmax({channelDimension}).");
            return BinaryMask.FromLogits(logits, Threshold);
        }
    }
}
