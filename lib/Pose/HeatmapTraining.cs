using System.Diagnostics;
using Segmentation.Losses;
using Segmentation.Training;
using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// Trains a network with one output channel per joint to reproduce heatmaps: Adam and binary cross-entropy of the
/// logits against the Gaussian targets unless another loss is given, shuffled batches. Each batch goes through the same step as every other
/// training in the kit (<see cref="Trainer.TrainStep"/>): on the trainer's device, in its own dispose scope, and
/// stopped with a <see cref="TrainingDivergedException"/> before any weight changes when the loss is not a number.
/// </summary>
public static class HeatmapTraining
{
    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs and returns each epoch's mean loss and
    /// duration; with <paramref name="validationImages"/> and <paramref name="validationJoints"/>, also the share of
    /// their joints found within <paramref name="pckPixels"/> pixels (PCK) after each epoch.
    /// </summary>
    /// <param name="model">A network with one output channel per joint (logits); it moves to <paramref name="device"/>.</param>
    /// <param name="images">Training images [N, 3, H, W].</param>
    /// <param name="heatmaps">Their heatmaps [N, joints, H, W], e.g. from <c>Heatmaps.Render</c>.</param>
    /// <param name="epochs">Passes over the images.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="learningRate">Adam's learning rate (no weight decay).</param>
    /// <param name="seed">Seeds the order of the images.</param>
    /// <param name="validationImages">Images to measure PCK on after each epoch, or null.</param>
    /// <param name="validationJoints">Their joints [N, joints, 2] (x, y), or null.</param>
    /// <param name="pckPixels">How near a found joint must be to count.</param>
    /// <param name="onEpoch">Sees each epoch's result as it ends.</param>
    /// <param name="loss">Compares the logits [B, J, H, W] with the heatmaps (binary cross-entropy with logits when not given).</param>
    /// <param name="device">Where to train (default: CUDA if available, else CPU).</param>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public static IReadOnlyList<PoseEpoch> Fit(nn.Module<Tensor, Tensor> model, Tensor images, Tensor heatmaps, int epochs, int batchSize = 8,
        double learningRate = 2e-3, int seed = 1, Tensor? validationImages = null, float[,,]? validationJoints = null, double pckPixels = 4,
        Action<PoseEpoch>? onEpoch = null, SegmentationLoss? loss = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(heatmaps);
        if ((validationImages is null) != (validationJoints is null))
            throw new ArgumentException("Give both validationImages and validationJoints (the joints of those images), or neither.");
        var options = new TrainingOptions
        {
            BatchSize = batchSize,
            LearningRate = learningRate,
            WeightDecay = 0,
            Loss = loss ?? ((logits, targets) => BinaryLosses.BceWithLogits(logits, targets)),
        };
        using var trainer = new Trainer(model, options, device);
        var random = new Random(seed);
        int count = (int)images.shape[0];
        var history = new List<PoseEpoch>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Select(i => (long)i).ToArray();
            double lossSum = 0;
            for (int start = 0, step = 1; start < count; start += batchSize, step++)
            {
                var batch = order[start..Math.Min(count, start + batchSize)];
                lossSum += trainer.TrainStep(images, heatmaps, batch, epoch, step) * batch.Length;
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
        ArgumentNullException.ThrowIfNull(images);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var device = model.parameters().FirstOrDefault()?.device ?? CPU;
        return Heatmaps.Maxima(model.call(images.to(device)).cpu());
    }

    /// <summary>A chart of the training loss (top) and, where measured, PCK (bottom), one point per epoch.</summary>
    /// <param name="history">The epochs, as training returned them.</param>
    /// <param name="title">Shown above the chart; by default "Heatmap training" in the course's language.</param>
    public static TrainingCurves Curves(IReadOnlyList<PoseEpoch> history, string? title = null)
    {
        title ??= Course.Text("Heatmap training");
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
/// <param name="Loss">Mean binary cross-entropy over the training images.</param>
/// <param name="Pck">Share of validation joints found within the chosen distance, when validation images were given.</param>
/// <param name="Seconds">How long the epoch took.</param>
public sealed record PoseEpoch(int Epoch, double Loss, double? Pck, double Seconds);
