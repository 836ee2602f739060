using System.Diagnostics;
using Segmentation.Loading;
using Segmentation.Losses;
using Segmentation.Metrics;
using Segmentation.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Trains a binary segmentation model (logits out) with binary cross-entropy (or another loss), validates it after every epoch,
/// keeps the best checkpoint, and can resume an interrupted run. Each step runs inside its own dispose scope,
/// so tensors are freed as soon as the step ends instead of waiting for the garbage collector.
/// </summary>
public sealed class Trainer : IDisposable
{
    readonly nn.Module<Tensor, Tensor> model;
    readonly IOptimizer optimizer;
    readonly TrainingOptions options;
    readonly SegmentationLoss loss;
    readonly List<EpochResult> history = [];
    double bestDice = double.NegativeInfinity;
    int bestEpoch;

    /// <summary>The device the model and batches live on.</summary>
    public Device Device { get; }

    /// <summary>The network being trained. Predict with it through <c>Segmentation.Inference.MaskPredictor</c>.</summary>
    public nn.Module<Tensor, Tensor> Model => model;

    /// <summary>The settings this trainer uses.</summary>
    public TrainingOptions Options => options;

    /// <summary>
    /// The network's catalogue name and constructor arguments, stored in checkpoints so <see cref="Checkpoint.LoadModel"/> can
    /// rebuild it; null for a network the <see cref="Models.ModelCatalog"/> does not build (its checkpoints load with <see cref="Checkpoint.Load"/>).
    /// </summary>
    public Models.ModelArchitecture? Architecture { get; }

    /// <summary>What the run trains on (dataset, split seed, loss), stored in checkpoints; null when not given.</summary>
    public RunMetadata? Run { get; }

    /// <summary>Every completed epoch, including those before a resume.</summary>
    public IReadOnlyList<EpochResult> History => history;

    /// <summary>Epochs completed so far (a resumed run starts after these).</summary>
    public int CompletedEpochs => history.Count;

    /// <summary>True when the last <see cref="O:Segmentation.Training.Trainer.Fit"/> stopped early because validation Dice stopped improving.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Path of the checkpoint rewritten after every epoch, used to resume; null without <see cref="TrainingOptions.CheckpointPath"/>.</summary>
    public string? LastCheckpointPath => options.CheckpointPath is null ? null : LastPathFor(options.CheckpointPath);

    /// <summary>Prepares <paramref name="model"/> for training on <paramref name="device"/> (default: CUDA if available, else CPU).</summary>
    /// <param name="model">The network; it outputs logits.</param>
    /// <param name="options">Settings (default: the lesson's).</param>
    /// <param name="device">Where to train (default: CUDA if available, else CPU).</param>
    /// <param name="run">What the run trains on, kept in its checkpoints (e.g. for `lesson evaluate`).</param>
    public Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions? options = null, Device? device = null, RunMetadata? run = null)
    {
        TorchRuntime.EnsureLoaded();
        this.model = model;
        this.options = options ?? new TrainingOptions();
        loss = this.options.Loss ?? ((logits, masks) => BinaryLosses.BceWithLogits(logits, masks));
        Device = device ?? TorchRuntime.DefaultDevice;
        Architecture = Models.ModelCatalog.ArchitectureOf(model);
        Run = run;
        model.to(Device);
        optimizer = this.options.Optimizer switch
        {
            OptimizerKind.Sgd => new SgdOptimizer(model.parameters(), this.options.LearningRate, weightDecay: this.options.WeightDecay),
            _ => new AdamOptimizer(model.parameters(), this.options.LearningRate, weightDecay: this.options.WeightDecay),
        };
    }

    /// <summary>
    /// Restores model weights, optimiser state and history from a checkpoint written by this trainer, so the next
    /// <see cref="O:Segmentation.Training.Trainer.Fit"/> continues with the following epoch exactly as an uninterrupted run would.
    /// </summary>
    /// <exception cref="CheckpointException">
    /// The file is not a usable checkpoint, holds another architecture, or was trained with another optimiser
    /// (<see cref="TrainingOptions.Optimizer"/>); the model is then left as it was.
    /// </exception>
    public CheckpointInfo Resume(string checkpointPath)
    {
        var info = Checkpoint.Load(checkpointPath, model, optimizer);
        history.Clear();
        history.AddRange(info.History);
        var best = history.Where(h => double.IsFinite(h.ValidationDice)).MaxBy(h => h.ValidationDice);
        bestDice = best?.ValidationDice ?? double.NegativeInfinity;
        bestEpoch = best?.Epoch ?? 0;
        return info;
    }

    /// <summary>
    /// Trains until <see cref="TrainingOptions.Epochs"/> epochs are complete on <paramref name="trainImages"/>/<paramref name="trainMasks"/>
    /// ([N,3,H,W] and [N,1,H,W]), validating after each epoch. <paramref name="onEpoch"/> sees each epoch's result as it ends;
    /// <paramref name="onProgress"/> sees every step (for a progress bar).
    /// </summary>
    public IReadOnlyList<EpochResult> Fit(Tensor trainImages, Tensor trainMasks, Tensor validationImages, Tensor validationMasks,
        Action<EpochResult>? onEpoch = null, Action<TrainingProgress>? onProgress = null)
    {
        CheckPairs(trainImages, trainMasks, "training");
        int stepsPerEpoch = (int)((trainImages.shape[0] + options.BatchSize - 1) / options.BatchSize);
        // One generator per epoch: a resumed run draws the same batches as an uninterrupted one.
        IEnumerable<double> Epoch(int epoch) =>
            Batches(trainImages.shape[0], options.BatchSize, new Random(options.Seed * 100_003 + epoch))
                .Select((batch, step) => TrainStep(trainImages, trainMasks, batch, epoch, step + 1));
        return FitEpochs((int)trainImages.shape[2], stepsPerEpoch, Epoch, validationImages, validationMasks, onEpoch, onProgress);
    }

    /// <summary>
    /// Trains on the batches of <paramref name="train"/>: every epoch sees the training images in a new order and,
    /// with <see cref="LoaderOptions.Augmentations"/>, freshly changed, so the network cannot learn them by heart.
    /// The loader's batch size and image size apply; validation is as in the other overload. Epoch e draws
    /// <c>train.Batches(e)</c>, so a resumed run sees the same batches as an uninterrupted one.
    /// </summary>
    public IReadOnlyList<EpochResult> Fit(SegmentationLoader train, Tensor validationImages, Tensor validationMasks,
        Action<EpochResult>? onEpoch = null, Action<TrainingProgress>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.BatchesPerEpoch == 0)
            throw new ArgumentException($"The loader's {train.Count} examples make no full batch, and it drops the last incomplete one: "
                + "lower LoaderOptions.BatchSize or set DropLast = false.", nameof(train));
        IEnumerable<double> Epoch(int epoch) => train.Batches(epoch).Select((batch, step) =>
        {
            using (batch.Images)
            using (batch.Masks)
                return TrainBatch(batch.Images, batch.Masks, epoch, step + 1);
        });
        return FitEpochs(train.Size, train.BatchesPerEpoch, Epoch, validationImages, validationMasks, onEpoch, onProgress);
    }

    /// <summary>The epoch loop both Fit overloads share: <paramref name="trainEpoch"/> runs one epoch's steps, yielding each loss.</summary>
    IReadOnlyList<EpochResult> FitEpochs(int imageSize, int stepsPerEpoch, Func<int, IEnumerable<double>> trainEpoch,
        Tensor validationImages, Tensor validationMasks, Action<EpochResult>? onEpoch, Action<TrainingProgress>? onProgress)
    {
        CheckPairs(validationImages, validationMasks, "validation");
        StoppedEarly = false;
        var runClock = Stopwatch.StartNew();
        int stepsDone = 0, stepsPlanned = stepsPerEpoch * Math.Max(0, options.Epochs - history.Count);

        for (int epoch = history.Count + 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            optimizer.LearningRate = options.Schedule.At(epoch, options.Epochs, options.LearningRate);
            double lossSum = 0;
            int steps = 0;
            foreach (double loss in trainEpoch(epoch))
            {
                lossSum += loss;
                steps++;
                stepsDone++;
                if (onProgress != null)
                {
                    var remaining = TimeSpan.FromSeconds(runClock.Elapsed.TotalSeconds / stepsDone * (stepsPlanned - stepsDone));
                    onProgress(new TrainingProgress(epoch, options.Epochs, steps, stepsPerEpoch, lossSum / steps,
                        history.Count > 0 ? history[^1].ValidationDice : null, remaining));
                }
            }

            // A step that spoils a weight is caught by the next step's loss check; the epoch's last step has no next
            // step, so the weights are checked here, before they are validated or saved (once per epoch: cheap).
            if (!AllFinite(model.parameters()))
                throw Diverged($"A weight became NaN or infinite in the last step of epoch {epoch} (step {steps})");
            var (validationLoss, counts) = Evaluate(validationImages, validationMasks);
            var result = new EpochResult(epoch, lossSum / steps, validationLoss, counts.Dice, counts.IoU, clock.Elapsed.TotalSeconds, steps,
                optimizer.LearningRate, counts.PixelAccuracy);
            history.Add(result);
            if (!double.IsFinite(validationLoss))
                // Kept in History, so a report shows what happened, but never written to a checkpoint.
                throw Diverged($"The validation loss became {validationLoss} after epoch {epoch}");
            bool improved = result.ValidationDice > bestDice;
            if (improved)
            {
                bestDice = result.ValidationDice;
                bestEpoch = epoch;
            }
            SaveCheckpoints(imageSize, improved);
            onEpoch?.Invoke(result);

            if (options.EarlyStoppingPatience is int patience && epoch - bestEpoch >= patience)
            {
                StoppedEarly = true;
                break;
            }
        }
        return history;
    }

    /// <summary>
    /// One optimisation step on the images at <paramref name="indices"/>; returns the batch loss.
    /// Throws <see cref="TrainingDivergedException"/> (before changing any weight) when the loss is not a finite number.
    /// </summary>
    public double TrainStep(Tensor images, Tensor masks, long[] indices, int epoch = 0, int step = 0)
    {
        using var scope = NewDisposeScope();
        var index = tensor(indices, device: images.device);
        return TrainBatch(images.index_select(0, index), masks.index_select(0, index), epoch, step);
    }

    /// <summary>One optimisation step on a whole batch (on any device); see <see cref="TrainStep"/>.</summary>
    double TrainBatch(Tensor images, Tensor masks, int epoch, int step)
    {
        using var scope = NewDisposeScope();
        model.train();
        var x = images.to(Device);
        var y = masks.to(Device);
        optimizer.ZeroGrad();
        var batchLoss = loss(model.call(x), y);
        double value = batchLoss.item<float>();
        if (!double.IsFinite(value))
            throw Diverged($"The training loss became {value} at epoch {epoch}, step {step}"
                + (step > 1 ? " (if the images are fine, the step before left a weight NaN or infinite)" : ""));
        batchLoss.backward();
        optimizer.Step();
        return value;
    }

    /// <summary>True when no element of any of <paramref name="tensors"/> is NaN or infinite (one number read back for all of them).</summary>
    static bool AllFinite(IEnumerable<Tensor> tensors)
    {
        using var scope = NewDisposeScope();
        var checks = tensors.Select(t => t.isfinite().all()).ToArray();
        return checks.Length == 0 || stack(checks).all().item<bool>();
    }

    /// <summary>Training stops at the first non-finite number; the checkpoint files keep the last good epoch.</summary>
    TrainingDivergedException Diverged(string what) => new(
        $"{what}, so training stopped. Lower the learning rate (it is {optimizer.LearningRate:G3}) or check the images and masks for NaN values."
        + (options.CheckpointPath != null && bestEpoch > 0
            ? $" The best model so far (epoch {bestEpoch}) is kept in {options.CheckpointPath}, and the last good epoch in {LastPathFor(options.CheckpointPath)}."
            : ""));

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
            lossSum += loss(logits, y).item<float>() * length;
            counts.Add(logits, y);
        }
        return (lossSum / n, counts);
    }

    /// <summary>The file next to <paramref name="bestPath"/> that holds the latest epoch (for resuming).</summary>
    public static string LastPathFor(string bestPath) =>
        Path.Combine(Path.GetDirectoryName(bestPath) ?? "", Path.GetFileNameWithoutExtension(bestPath) + ".last" + Path.GetExtension(bestPath));

    void SaveCheckpoints(int imageSize, bool improved)
    {
        if (options.CheckpointPath is null)
            return;
        var info = new CheckpointInfo(Architecture?.Name ?? model.GetName().ToLowerInvariant(), Architecture, Run, imageSize,
            history.Count, bestDice, optimizer.Name, history.ToList(), []);
        string last = LastPathFor(options.CheckpointPath);
        Checkpoint.Save(last, model, info, optimizer);
        if (improved)
            Checkpoint.Copy(last, options.CheckpointPath);   // the same bytes: no need to serialise the model twice
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
            throw new ArgumentException($"The {what} images have shape {TensorShapes.Describe(images)}; expected [N, 3, H, W] RGB images.");
        if (masks.dim() != 4 || masks.shape[1] != 1 || masks.shape[0] != images.shape[0]
            || masks.shape[2] != images.shape[2] || masks.shape[3] != images.shape[3])
            throw new ArgumentException($"The {what} masks have shape {TensorShapes.Describe(masks)} but the images have "
                + $"{TensorShapes.Describe(images)}; expected one [1, H, W] mask per image, the same size as the image.");
        if (images.shape[0] == 0)
            throw new ArgumentException($"The {what} set is empty: give it at least one image.");
    }

    /// <inheritdoc/>
    public void Dispose() => optimizer.Dispose();
}
