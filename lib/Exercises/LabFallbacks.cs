using Segmentation.Augmentation;
using Segmentation.Data;
using Segmentation.Inference;
using Segmentation.Loading;
using Segmentation.Metrics;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

/// <summary>
/// The library's version of each lab exercise, with the exercise's own signature: the lab's pipeline runs these
/// where the learner's piece is not done yet (see <see cref="LabPieces"/>), so one unfinished exercise never blocks
/// the rest. Each is a thin call of the library's own tools.
/// </summary>
public static class LabFallbacks
{
    /// <summary>Exercise 1: images and thresholded masks with <see cref="ImageTensors.LoadPairs(IEnumerable{ISegmentationPair}, int)"/>.</summary>
    public static (Tensor Images, Tensor Masks) LoadFrames(IReadOnlyList<MadsFrame> frames, int size) => ImageTensors.LoadPairs(frames, size);

    /// <summary>Exercise 2: whole recordings on one side, with <see cref="Loading.Split.BySequence"/> and seed 1.</summary>
    public static (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut) SplitFrames(IReadOnlyList<MadsFrame> frames, double fraction) =>
        Loading.Split.BySequence(frames, fraction, seed: 1);

    /// <summary>Exercise 3: the library's <see cref="Augmentations.People"/> (left-right flips, small turns, colour changes).</summary>
    public static (Tensor Image, Tensor Mask) Augment((Tensor Image, Tensor Mask) example, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int height = (int)example.Image.shape[1], width = (int)example.Image.shape[2];
        var pair = new ImageAndMask(LabCheckTools.Values(example.Image), LabCheckTools.Values(example.Mask), width, height);
        Augmentations.People.Apply(pair, random);
        return (tensor(pair.Image).reshape(3, height, width), tensor(pair.Mask).reshape(1, height, width));
    }

    /// <summary>Exercise 4: IoU of 0/1 masks, all pixels of the batch together (1 when both are empty).</summary>
    public static double Iou(Tensor predicted, Tensor truth) => Counts(predicted, truth).IoU;

    /// <summary>Exercise 4: Dice of 0/1 masks, all pixels of the batch together (1 when both are empty).</summary>
    public static double Dice(Tensor predicted, Tensor truth) => Counts(predicted, truth).Dice;

    /// <summary>Exercise 5: IoU of all pixels together, person where the sigmoid of the logit is above <paramref name="threshold"/>.</summary>
    public static double HeldOutIou(Tensor logits, Tensor masks, double threshold)
    {
        using var predicted = BinaryMask.FromLogits(logits, threshold);
        return Counts(predicted, masks).IoU;
    }

    /// <summary>Exercise 6: the library's decoder block (upsample x2, concatenate the skip, <see cref="Models.ConvBlock"/>).</summary>
    public static TorchSharp.torch.nn.Module<Tensor, Tensor, Tensor> DecoderBlock(long belowChannels, long skipChannels, long outChannels) =>
        new UNetDecoderBlock(belowChannels, skipChannels, outChannels);

    /// <summary>Exercise 7: a short run with the library's defaults (binary cross-entropy, Adam at 1e-3), 2 epochs.</summary>
    public static TrainingOptions Options { get; } = new() { Epochs = 2 };

    /// <summary>Exercise 8: the <paramref name="count"/> images with the lowest IoU, worst first.</summary>
    public static int[] WorstImages(Tensor predicted, Tensor masks, int count)
    {
        var scores = Enumerable.Range(0, (int)predicted.shape[0]).Select(i => Iou(predicted[i], masks[i])).ToArray();
        return Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).Take(count).ToArray();
    }

    /// <summary>Exercise 9: connected regions (touching at a side or a corner) of at least 0.5% of the picture.</summary>
    public static int CountPeople(Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        double smallest = 0.005 * mask.shape[^1] * mask.shape[^2];
        return ConnectedComponents.Label(mask).Sizes.Count(size => size >= smallest);
    }

    static ConfusionCounts Counts(Tensor predicted, Tensor truth)
    {
        var counts = new ConfusionCounts();
        counts.AddPredictions(predicted, truth);
        return counts;
    }
}
