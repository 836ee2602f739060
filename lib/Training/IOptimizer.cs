namespace Segmentation.Training;

/// <summary>What the <see cref="Trainer"/> needs from an optimiser: clear gradients, take a step, save and restore its state.</summary>
public interface IOptimizer : IDisposable
{
    /// <summary>Step size; a <see cref="LearningRateSchedule"/> changes it between epochs.</summary>
    double LearningRate { get; set; }

    /// <summary>Steps taken so far.</summary>
    int Steps { get; }

    /// <summary>Short name stored in checkpoints ("adam", "sgd").</summary>
    string Name { get; }

    /// <summary>Clears the gradients before the next backward pass.</summary>
    void ZeroGrad();

    /// <summary>Moves the parameters one step against their gradients.</summary>
    void Step();

    /// <summary>Writes the running state (moments, step count) so a resumed run continues exactly.</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Restores what <see cref="SaveState"/> wrote, for the same parameters.</summary>
    void LoadState(BinaryReader reader);
}
