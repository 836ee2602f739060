using Segmentation.Training;
using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// Predictions of the network a <see cref="Trainer"/> is training, for images already at the size it trains on, e.g.
/// <c>trainer.PredictMasks(testImages)</c>. They go through <see cref="MaskPredictor"/>, the kit's one prediction path
/// (evaluation mode, no gradients, the network's device, results on the CPU).
/// </summary>
public static class TrainerPredictions
{
    /// <summary>Logits for <paramref name="images"/> ([N, 3, H, W]): [N, classes, H, W] on the CPU, a training batch at a time.</summary>
    public static Tensor PredictLogits(this Trainer trainer, Tensor images) =>
        For(trainer, images).PredictBatchLogits(images, trainer.Options.BatchSize);

    /// <summary>
    /// Predicted masks for <paramref name="images"/>: 1 where the model's probability is above <paramref name="threshold"/>,
    /// else 0. Shape [N, 1, H, W], on the CPU.
    /// </summary>
    public static Tensor PredictMasks(this Trainer trainer, Tensor images, double threshold = 0.5) =>
        For(trainer, images, threshold).PredictBatchMasks(images, trainer.Options.BatchSize);

    static MaskPredictor For(Trainer trainer, Tensor images, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
            throw new ArgumentException($"Expected images shaped [N, 3, H, W], got {TensorShapes.Describe(images)}.", nameof(images));
        return new MaskPredictor(trainer.Model, (int)images.shape[2], (int)images.shape[3], threshold);
    }
}
