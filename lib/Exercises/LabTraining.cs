using System.Diagnostics;
using System.Globalization;
using Segmentation.Losses;
using Segmentation.Training;
using Segmentation.Visualisation;
using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.LabMessages.Pipeline;

namespace Segmentation.Exercises;

/// <summary>
/// The lab's training loop, made of the learner's pieces: each epoch every training example goes through the given
/// augmentation (a fresh random change per example and epoch), batches of them train the network with the
/// <see cref="Trainer"/>'s step, and the given held-out IoU scores the validation recordings. The weights of the epoch
/// with the best validation IoU are kept and put back at the end: the epoch is chosen on validation, never on test.
/// </summary>
public static class LabTraining
{
    /// <summary>Trains <paramref name="model"/> for up to <see cref="TrainingOptions.Epochs"/> epochs and returns the run.</summary>
    /// <param name="model">The network (logits out), e.g. a <see cref="LabUNet"/>.</param>
    /// <param name="options">Loss, epochs, batch size, learning rate (exercise 7).</param>
    /// <param name="trainImages">Training images [N, 3, H, W].</param>
    /// <param name="trainMasks">Their masks [N, 1, H, W].</param>
    /// <param name="augment">The augmentation of one (image [3, H, W], mask [1, H, W]) example (exercise 3).</param>
    /// <param name="validationImages">Images of the validation recordings, to choose the epoch.</param>
    /// <param name="validationMasks">Their masks.</param>
    /// <param name="heldOutIou">(logits, masks, threshold) to IoU (exercise 5), used at threshold 0.5.</param>
    public static LabRun Fit(nn.Module<Tensor, Tensor> model, TrainingOptions options, Tensor trainImages, Tensor trainMasks,
        Func<(Tensor Image, Tensor Mask), Random, (Tensor Image, Tensor Mask)> augment, Tensor validationImages, Tensor validationMasks,
        Func<Tensor, Tensor, double, double> heldOutIou)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trainImages);
        ArgumentNullException.ThrowIfNull(trainMasks);
        ArgumentNullException.ThrowIfNull(augment);
        ArgumentNullException.ThrowIfNull(heldOutIou);
        using var trainer = new Trainer(model, options);
        var loss = options.Loss ?? ((logits, masks) => BinaryLosses.BceWithLogits(logits, masks));
        int count = (int)trainImages.shape[0];
        var epochs = new List<LabEpoch>();
        Dictionary<string, Tensor>? best = null;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var order = Enumerable.Range(0, count).ToArray();
            new Random(options.Seed * 100_003 + epoch).Shuffle(order);
            double lossSum = 0;
            int steps = 0;
            foreach (var batch in order.Chunk(options.BatchSize))
            {
                using var scope = NewDisposeScope();
                var images = new Tensor[batch.Length];
                var masks = new Tensor[batch.Length];
                for (int i = 0; i < batch.Length; i++)
                    (images[i], masks[i]) = augment((trainImages[batch[i]], trainMasks[batch[i]]), new Random(options.Seed * 1_000_003 + epoch * 10_007 + batch[i]));
                lossSum += trainer.TrainStep(stack(images), stack(masks), Enumerable.Range(0, batch.Length).Select(i => (long)i).ToArray(), epoch, ++steps);
            }

            double validationLoss, validationIou;
            using (var scope = NewDisposeScope())
            {
                var logits = PredictLogits(model, validationImages, options.BatchSize);
                validationLoss = loss(logits, validationMasks).item<float>();
                validationIou = heldOutIou(logits, validationMasks, 0.5);
            }
            bool isBest = epochs.Count == 0 || validationIou > epochs.Max(e => e.ValidationIou);
            if (isBest)
                best = CopyOf(model);
            var result = new LabEpoch(epoch, lossSum / steps, validationLoss, validationIou, clock.Elapsed.TotalSeconds);
            epochs.Add(result);
            Console.WriteLine(Say(Text.Epoch, epoch, options.Epochs, F3(result.TrainLoss), F3(result.ValidationLoss), F3(result.ValidationIou),
                result.Seconds.ToString("F1", CultureInfo.InvariantCulture), isBest ? Text.NewBest : ""));
        }
        var bestEpoch = epochs.MaxBy(e => e.ValidationIou)!;
        if (best is not null)
            Restore(model, best);
        Console.WriteLine(Say(Text.Restored, bestEpoch.Epoch, F3(bestEpoch.ValidationIou), epochs.Count));
        return new LabRun(model, options.BatchSize, epochs, bestEpoch.Epoch);
    }

    /// <summary>Logits [N, 1, H, W] of <paramref name="model"/> for <paramref name="images"/>, batch by batch in evaluation mode, on the CPU.</summary>
    internal static Tensor PredictLogits(nn.Module<Tensor, Tensor> model, Tensor images, int batchSize)
    {
        using var noGrad = no_grad();
        model.eval();
        var device = model.parameters().FirstOrDefault()?.device ?? CPU;
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            long length = Math.Min(batchSize, images.shape[0] - start);
            using var scope = NewDisposeScope();
            parts.Add(model.call(images.narrow(0, start, length).to(device)).cpu().MoveToOuterDisposeScope());
        }
        var all = cat(parts, dim: 0);
        foreach (var part in parts)
            part.Dispose();
        return all;
    }

    static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    static Dictionary<string, Tensor> CopyOf(nn.Module<Tensor, Tensor> model)
    {
        using var noGrad = no_grad();
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
    }

    static void Restore(nn.Module<Tensor, Tensor> model, Dictionary<string, Tensor> saved)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in model.state_dict())
            value.copy_(saved[name]);
        foreach (var tensor in saved.Values)
            tensor.Dispose();
    }
}

/// <summary>One epoch of <see cref="LabTraining"/>.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's steps.</param>
/// <param name="ValidationLoss">Loss on the validation recordings.</param>
/// <param name="ValidationIou">IoU on the validation recordings, by the learner's metric at threshold 0.5.</param>
/// <param name="Seconds">Wall-clock time of the epoch, validation included.</param>
public sealed record LabEpoch(int Epoch, double TrainLoss, double ValidationLoss, double ValidationIou, double Seconds);

/// <summary>What <see cref="LabTraining.Fit"/> did: every epoch, the epoch chosen on validation, and the trained network's predictions.</summary>
public sealed class LabRun
{
    readonly nn.Module<Tensor, Tensor> model;
    readonly int batchSize;

    internal LabRun(nn.Module<Tensor, Tensor> model, int batchSize, IReadOnlyList<LabEpoch> epochs, int bestEpoch) =>
        (this.model, this.batchSize, Epochs, BestEpoch) = (model, batchSize, epochs, bestEpoch);

    /// <summary>Every epoch trained.</summary>
    public IReadOnlyList<LabEpoch> Epochs { get; }

    /// <summary>The epoch with the best validation IoU, whose weights the network holds now.</summary>
    public int BestEpoch { get; }

    /// <summary>Logits [N, 1, H, W] of the trained network (the best epoch's weights) for <paramref name="images"/>, on the CPU.</summary>
    public Tensor PredictLogits(Tensor images) => LabTraining.PredictLogits(model, images, batchSize);

    /// <summary>The run as a chart: training and validation loss on top, validation IoU below.</summary>
    public TrainingCurves Curves()
    {
        var epochs = Epochs.Select(e => e.Epoch).ToArray();
        return TrainingCurves.FromSeries(Text.CurvesTitle, Text.ScoreTitle,
            new CurveSeries(Text.TrainingLoss, TrainingCurves.LossPanel, epochs, Epochs.Select(e => e.TrainLoss).ToArray()),
            new CurveSeries(Text.ValidationLoss, TrainingCurves.LossPanel, epochs, Epochs.Select(e => e.ValidationLoss).ToArray()),
            new CurveSeries(Text.ValidationIou, TrainingCurves.ScorePanel, epochs, Epochs.Select(e => e.ValidationIou).ToArray()));
    }
}
