using System.Diagnostics;
using Segmentation.Losses;
using Segmentation.Training;
using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// Trains a network with one output channel per joint to reproduce heatmaps: Adam and, unless another loss is given,
/// binary cross-entropy of the logits against the Gaussian targets, on the CPU, shuffled batches. The optimiser is the library's
/// <see cref="AdamOptimizer"/>, which holds its own Scalars, so a garbage collection mid-run cannot abort it.
/// </summary>
public static class HeatmapTraining
{
    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs and returns each epoch's mean loss and
    /// duration; with <paramref name="validationImages"/> and <paramref name="validationJoints"/>, also the share of
    /// their joints found within <paramref name="pckPixels"/> pixels (PCK) after each epoch. <paramref name="loss"/> compares
    /// the logits [B, J, H, W] with the heatmaps (binary cross-entropy with logits when not given).
    /// </summary>
    public static IReadOnlyList<PoseEpoch> Fit(nn.Module<Tensor, Tensor> model, Tensor images, Tensor heatmaps, int epochs, int batchSize = 8,
        double learningRate = 2e-3, int seed = 1, Tensor? validationImages = null, float[,,]? validationJoints = null, double pckPixels = 4,
        Action<PoseEpoch>? onEpoch = null, SegmentationLoss? loss = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(heatmaps);
        if ((validationImages is null) != (validationJoints is null))
            throw new ArgumentException("Give both validationImages and validationJoints (the joints of those images), or neither.");
        using var optimizer = new AdamOptimizer(model.parameters(), learningRate);
        var random = new Random(seed);
        int count = (int)images.shape[0];
        var history = new List<PoseEpoch>();
        loss ??= (logits, targets) => BinaryLosses.BceWithLogits(logits, targets);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Select(i => (long)i).ToArray();
            double lossSum = 0;
            for (int start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var indices = tensor(order.Skip(start).Take(batchSize).ToArray());
                var batchLoss = loss(model.call(images.index_select(0, indices)), heatmaps.index_select(0, indices));
                optimizer.ZeroGrad();
                batchLoss.backward();
                optimizer.Step();
                lossSum += batchLoss.item<float>() * indices.shape[0];
            }
            double? pck = validationImages is null ? null : Heatmaps.Pck(Predict(model, validationImages), validationJoints!, pckPixels);
            var result = new PoseEpoch(epoch, lossSum / count, pck, clock.Elapsed.TotalSeconds);
            history.Add(result);
            onEpoch?.Invoke(result);
        }
        return history;
    }

    /// <summary>The joints the model finds in <paramref name="images"/>: each output heatmap's maximum.</summary>
    public static float[,,] Predict(nn.Module<Tensor, Tensor> model, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        return Heatmaps.Maxima(model.call(images));
    }

    /// <summary>A chart of the training loss (top) and, where measured, PCK (bottom), one point per epoch.</summary>
    public static TrainingCurves Curves(IReadOnlyList<PoseEpoch> history, string title = "Heatmap training")
    {
        if (history is null || history.Count == 0)
            throw new ArgumentException("The history has no epochs: train first, then chart what Fit returned.", nameof(history));
        var epochs = history.Select(e => e.Epoch).ToArray();
        var loss = new CurveSeries(PoseText.TrainingLoss, TrainingCurves.LossPanel, epochs, history.Select(e => e.Loss).ToArray());
        var measured = history.Where(e => e.Pck is not null).ToList();
        return measured.Count == 0
            ? TrainingCurves.FromSeries(title, "PCK", loss)
            : TrainingCurves.FromSeries(title, "PCK", loss,
                new CurveSeries(PoseText.ValidationPck, TrainingCurves.ScorePanel, measured.Select(e => e.Epoch).ToArray(), measured.Select(e => e.Pck!.Value).ToArray()));
    }
}

/// <summary>One epoch of heatmap training.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Loss">Mean training loss over the training images.</param>
/// <param name="Pck">Share of validation joints found within the chosen distance, when validation images were given.</param>
/// <param name="Seconds">How long the epoch took.</param>
public sealed record PoseEpoch(int Epoch, double Loss, double? Pck, double Seconds);
