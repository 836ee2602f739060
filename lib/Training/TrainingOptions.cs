using Segmentation.Losses;

namespace Segmentation.Training;

/// <summary>Which optimiser the <see cref="Trainer"/> uses.</summary>
public enum OptimizerKind
{
    /// <summary>Adam: adapts the step size per weight; the lesson's choice.</summary>
    Adam,
    /// <summary>Stochastic gradient descent with momentum 0.9.</summary>
    Sgd,
}

/// <summary>
/// Settings for <see cref="Trainer"/>. The defaults follow the original lesson (Adam, lr 1e-3, weight decay 1e-6).
/// Each value is checked as it is set, so a mistake fails where it is made, with an <see cref="ArgumentException"/>
/// that names the setting, instead of as a division by zero or an endless loop inside training.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training images (0 or more; a resumed run trains until this many are complete).</summary>
    public int Epochs
    {
        get;
        init => field = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(Epochs), value, "Epochs is the number of passes over the training images: 0 or more (e.g. 10).");
    } = 10;

    /// <summary>Images per optimisation step (1 or more).</summary>
    public int BatchSize
    {
        get;
        init => field = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize is the number of images per step: at least 1 (e.g. 8).");
    } = 8;

    /// <summary>The optimiser's step size at the first epoch: a positive number.</summary>
    public double LearningRate
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "LearningRate must be a positive number (the lesson uses 1e-3).");
    } = 1e-3;

    /// <summary>L2 penalty on the weights: 0 (none) or a positive number.</summary>
    public double WeightDecay
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(WeightDecay), value, "WeightDecay must be 0 (none) or a positive number (the lesson uses 1e-6).");
    } = 1e-6;

    /// <summary>
    /// The loss to minimise, taking logits and 0/1 masks (see <see cref="LossCatalog"/>); null means binary
    /// cross-entropy with logits, the lesson's loss.
    /// </summary>
    public SegmentationLoss? Loss { get; init; }

    /// <summary>Adam (default) or SGD.</summary>
    public OptimizerKind Optimizer
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Optimizer), value, "Optimizer must be OptimizerKind.Adam or OptimizerKind.Sgd.");
    } = OptimizerKind.Adam;

    /// <summary>How the learning rate changes across epochs (default: constant).</summary>
    public LearningRateSchedule Schedule
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Schedule), "Schedule cannot be null: use LearningRateSchedule.Constant for a fixed rate.");
    } = LearningRateSchedule.Constant;

    /// <summary>Stop when validation Dice has not improved for this many epochs (1 or more); null trains every epoch.</summary>
    public int? EarlyStoppingPatience
    {
        get;
        init => field = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), value,
                "EarlyStoppingPatience is how many epochs without a better validation Dice to allow: at least 1, or null to train every epoch.");
    }

    /// <summary>
    /// Where to keep the best model so far (highest validation Dice), with everything needed to resume;
    /// null keeps no checkpoint. Written atomically: an interrupted write never replaces a good file.
    /// </summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Seeds the batch order, so a run can be repeated and a resumed run continues the same way.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>What one epoch of training achieved.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's steps.</param>
/// <param name="ValidationLoss">Mean loss on the validation images.</param>
/// <param name="ValidationDice">Dice on the validation images (pixel counts summed over all of them).</param>
/// <param name="ValidationIoU">IoU on the validation images.</param>
/// <param name="Seconds">Wall-clock time of the epoch, validation included.</param>
/// <param name="Steps">Optimisation steps taken in the epoch.</param>
/// <param name="LearningRate">The learning rate used in this epoch.</param>
/// <param name="PixelAccuracy">Share of validation pixels classified correctly.</param>
public sealed record EpochResult(int Epoch, double TrainLoss, double ValidationLoss, double ValidationDice, double ValidationIoU,
    double Seconds, int Steps, double LearningRate = 0, double PixelAccuracy = 0);
