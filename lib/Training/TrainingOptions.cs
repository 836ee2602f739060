namespace Segmentation.Training;

/// <summary>Settings for <see cref="Trainer"/>. The defaults follow the original lesson (Adam, lr 1e-3, weight decay 1e-6).</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training images.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per optimisation step.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Adam's step size.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>L2 penalty on the weights.</summary>
    public double WeightDecay { get; init; } = 1e-6;

    /// <summary>Seeds the batch order, so a run can be repeated.</summary>
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
public sealed record EpochResult(int Epoch, double TrainLoss, double ValidationLoss, double ValidationDice, double ValidationIoU, double Seconds, int Steps);
