using System.Diagnostics;
using Segmentation.Losses;
using Segmentation.Metrics;
using Segmentation.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Trains a binary segmentation model (logits out) with Adam and binary cross-entropy, and measures it.
/// Each step runs inside its own dispose scope, so tensors are freed as soon as the step ends
/// instead of waiting for the garbage collector.
/// </summary>
public sealed class Trainer : IDisposable
{
    readonly nn.Module<Tensor, Tensor> model;
    readonly AdamOptimizer optimizer;
    readonly TrainingOptions options;

    /// <summary>The device the model and batches live on.</summary>
    public Device Device { get; }

    /// <summary>Prepares <paramref name="model"/> for training on <paramref name="device"/> (default: CUDA if available, else CPU).</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions? options = null, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        this.model = model;
        this.options = options ?? new TrainingOptions();
        Device = device ?? TorchRuntime.DefaultDevice;
        model.to(Device);
        optimizer = new AdamOptimizer(model.parameters(), this.options.LearningRate, weightDecay: this.options.WeightDecay);
    }

    /// <summary>
    /// Trains for <see cref="TrainingOptions.Epochs"/> epochs on <paramref name="trainImages"/>/<paramref name="trainMasks"/>
    /// ([N,3,H,W] and [N,1,H,W]), validating after each epoch. <paramref name="onEpoch"/> sees each epoch's result as it ends.
    /// </summary>
    public IReadOnlyList<EpochResult> Fit(Tensor trainImages, Tensor trainMasks, Tensor validationImages, Tensor validationMasks,
        Action<EpochResult>? onEpoch = null)
    {
        CheckPairs(trainImages, trainMasks, "training");
        CheckPairs(validationImages, validationMasks, "validation");
        var history = new List<EpochResult>();
        var order = new Random(options.Seed);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            int steps = 0;
            foreach (var batch in Batches(trainImages.shape[0], options.BatchSize, order))
            {
                lossSum += TrainStep(trainImages, trainMasks, batch);
                steps++;
            }
            var (validationLoss, counts) = Evaluate(validationImages, validationMasks);
            var result = new EpochResult(epoch, lossSum / steps, validationLoss, counts.Dice, counts.IoU, clock.Elapsed.TotalSeconds, steps);
            history.Add(result);
            onEpoch?.Invoke(result);
        }
        return history;
    }

    /// <summary>One optimisation step on the images at <paramref name="indices"/>; returns the batch loss.</summary>
    public double TrainStep(Tensor images, Tensor masks, long[] indices)
    {
        using var scope = NewDisposeScope();
        model.train();
        var index = tensor(indices, device: images.device);
        var x = images.index_select(0, index).to(Device);
        var y = masks.index_select(0, index).to(Device);
        optimizer.ZeroGrad();
        var loss = BinaryLosses.BceWithLogits(model.call(x), y);
        loss.backward();
        optimizer.Step();
        return loss.item<float>();
    }

    /// <summary>Mean loss and pixel counts of the model's predictions on <paramref name="images"/> against <paramref name="masks"/>.</summary>
    public (double Loss, ConfusionCounts Counts) Evaluate(Tensor images, Tensor masks)
    {
        CheckPairs(images, masks, "evaluation");
        var counts = new ConfusionCounts();
        double lossSum = 0;
        long n = images.shape[0];
        using var noGrad = no_grad();
        model.eval();
        for (long start = 0; start < n; start += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            long length = Math.Min(options.BatchSize, n - start);
            var x = images.narrow(0, start, length).to(Device);
            var y = masks.narrow(0, start, length).to(Device);
            var logits = model.call(x);
            lossSum += BinaryLosses.BceWithLogits(logits, y).item<float>() * length;
            counts.Add(logits, y);
        }
        return (lossSum / n, counts);
    }

    /// <summary>Logits for <paramref name="images"/> ([N,3,H,W]), on the CPU, computed in evaluation mode.</summary>
    public Tensor PredictLogits(Tensor images)
    {
        using var noGrad = no_grad();
        model.eval();
        using var scope = NewDisposeScope();
        return model.call(images.to(Device)).cpu().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Predicted masks for <paramref name="images"/>: 1 where the model's probability is above
    /// <paramref name="threshold"/>, else 0. Shape [N, 1, H, W], on the CPU.
    /// </summary>
    public Tensor PredictMasks(Tensor images, double threshold = 0.5)
    {
        using var scope = NewDisposeScope();
        // Thresholding the logit at log(p / (1 - p)) equals thresholding the probability at p.
        using var logitThreshold = Math.Log(threshold / (1 - threshold)).ToScalar();
        return PredictLogits(images).gt(logitThreshold).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    static IEnumerable<long[]> Batches(long count, int batchSize, Random random)
    {
        var order = Enumerable.Range(0, (int)count).Select(i => (long)i).ToArray();
        random.Shuffle(order);
        for (int start = 0; start < order.Length; start += batchSize)
            yield return order[start..Math.Min(order.Length, start + batchSize)];
    }

    static void CheckPairs(Tensor images, Tensor masks, string what)
    {
        if (images.dim() != 4 || images.shape[1] != 3)
            throw new ArgumentException($"The {what} images have shape [{string.Join(", ", images.shape)}]; expected [N, 3, H, W] RGB images.");
        if (masks.dim() != 4 || masks.shape[1] != 1 || masks.shape[0] != images.shape[0]
            || masks.shape[2] != images.shape[2] || masks.shape[3] != images.shape[3])
            throw new ArgumentException($"The {what} masks have shape [{string.Join(", ", masks.shape)}] but the images have "
                + $"[{string.Join(", ", images.shape)}]; expected one [1, H, W] mask per image, the same size as the image.");
        if (images.shape[0] == 0)
            throw new ArgumentException($"The {what} set is empty: give it at least one image.");
    }

    /// <inheritdoc/>
    public void Dispose() => optimizer.Dispose();
}
