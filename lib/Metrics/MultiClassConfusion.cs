using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Metrics;

/// <summary>
/// A confusion matrix for masks with several classes: how many pixels of each true class were predicted as
/// each class, accumulated over batches. Per-class scores treat one class as the object and all others as
/// background (one-vs-rest), so they follow the empty-mask rules of <see cref="ConfusionCounts"/>.
/// </summary>
public sealed class MultiClassConfusion
{
    readonly long[,] counts;

    /// <summary>An empty matrix for <paramref name="classes"/> classes (background counts as a class).</summary>
    public MultiClassConfusion(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Classes = classes;
        counts = new long[classes, classes];
    }

    /// <summary>The number of classes.</summary>
    public int Classes { get; }

    /// <summary>Pixels whose true class is <paramref name="actual"/> and predicted class <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => counts[actual, predicted];

    /// <summary>Adds a batch of model outputs: logits [N, C, H, W] (the class with the highest logit wins) against class ids [N, H, W] (Int64).</summary>
    /// <exception cref="ArgumentException">Shapes, types or class ids do not fit.</exception>
    public void Add(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.dim() != 4 || logits.shape[1] != Classes)
            throw new ArgumentException(
                $"{nameof(MultiClassConfusion)}: expected logits [N, {Classes}, H, W] for {Classes} classes, got {TensorShapes.Describe(logits)}.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        AddPredictions(logits.argmax(1), targets);
    }

    /// <summary>Adds a batch of predicted class ids [N, H, W] against true class ids of the same shape (both Int64).</summary>
    /// <exception cref="ArgumentException">Shapes, types or class ids do not fit.</exception>
    public void AddPredictions(Tensor predictedIds, Tensor targets)
    {
        MetricInput.ClassIds(predictedIds, Classes, "the predicted classes", nameof(MultiClassConfusion));
        MetricInput.ClassIds(targets, Classes, "the targets", nameof(MultiClassConfusion));
        if (!predictedIds.shape.SequenceEqual(targets.shape))
            throw new ArgumentException(
                $"{nameof(MultiClassConfusion)}: predictions {TensorShapes.Describe(predictedIds)} and targets {TensorShapes.Describe(targets)} must have the same shape.");
        using var scope = NewDisposeScope();
        // Each pixel's (actual, predicted) pair becomes one number actual * C + predicted; counting those numbers fills the matrix.
        using var classes = ((long)Classes).ToScalar();
        using var one = 1L.ToScalar();   // add(x) alone would make a hidden alpha Scalar
        var pairs = targets.mul(classes).add(predictedIds, alpha: one).flatten();
        var tally = bincount(pairs, minlength: Classes * Classes).cpu().data<long>().ToArray();
        for (int actual = 0; actual < Classes; actual++)
            for (int predicted = 0; predicted < Classes; predicted++)
                counts[actual, predicted] += tally[actual * Classes + predicted];
    }

    /// <summary>Sets every count back to 0.</summary>
    public void Reset() => Array.Clear(counts);

    /// <summary>Counts for class <paramref name="c"/> against all others (TP: c predicted as c; FP: others predicted as c; FN: c predicted as another).</summary>
    public ConfusionCounts ForClass(int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(c, Classes);
        long truePositives = counts[c, c], predictedAsC = 0, actuallyC = 0, total = 0;
        for (int other = 0; other < Classes; other++)
        {
            predictedAsC += counts[other, c];
            actuallyC += counts[c, other];
            for (int k = 0; k < Classes; k++)
                total += counts[other, k];
        }
        long falsePositives = predictedAsC - truePositives, falseNegatives = actuallyC - truePositives;
        return new ConfusionCounts(truePositives, falsePositives, falseNegatives, total - truePositives - falsePositives - falseNegatives);
    }

    /// <summary>IoU of each class, index = class id. A class absent from both targets and predictions scores 1.</summary>
    public double[] IoUPerClass() => Enumerable.Range(0, Classes).Select(c => ForClass(c).IoU).ToArray();

    /// <summary>Dice of each class, index = class id. A class absent from both targets and predictions scores 1.</summary>
    public double[] DicePerClass() => Enumerable.Range(0, Classes).Select(c => ForClass(c).Dice).ToArray();

    /// <summary>
    /// Mean IoU over the classes that occur in the targets or the predictions. Classes seen nowhere are left out
    /// (they would score 1 and flatter the mean); NaN when no pixel was added.
    /// </summary>
    public double MeanIoU
    {
        get
        {
            var seen = Enumerable.Range(0, Classes).Select(ForClass)
                .Where(c => c.TruePositives + c.FalsePositives + c.FalseNegatives > 0).ToList();
            return seen.Count == 0 ? double.NaN : seen.Average(c => c.IoU);
        }
    }

    /// <summary>Share of pixels given their true class; NaN when no pixel was added.</summary>
    public double PixelAccuracy
    {
        get
        {
            long correct = 0, total = 0;
            for (int a = 0; a < Classes; a++)
                for (int p = 0; p < Classes; p++)
                {
                    total += counts[a, p];
                    if (a == p)
                        correct += counts[a, p];
                }
            return total == 0 ? double.NaN : (double)correct / total;
        }
    }
}
