namespace Segmentation.Training;

/// <summary>Where training stands, reported after every step: enough for a progress bar with an ETA.</summary>
/// <param name="Epoch">Current 1-based epoch.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="Loss">Mean training loss so far in this epoch.</param>
/// <param name="LastValidationDice">Validation Dice of the latest validated epoch, if any: the previous epoch's while an epoch's steps run;
/// the report of an epoch's last step comes after that epoch is validated and carries its own Dice.</param>
/// <param name="Remaining">Estimated time left for the whole run.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, double? LastValidationDice, TimeSpan Remaining)
{
    /// <summary>
    /// A one-line bar such as <c>epoch 3/8 [######----] 14/23 loss 0.094 Dice 0.986 ETA 0:41</c>, in the course's
    /// language (<see cref="Course"/>), numbers always with a decimal point.
    /// </summary>
    public override string ToString()
    {
        const int width = 20;
        int filled = StepsPerEpoch == 0 ? 0 : (int)Math.Round(width * (double)Step / StepsPerEpoch);
        string bar = new string('#', filled) + new string('-', width - filled);
        string dice = LastValidationDice is double d ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" Dice {d:F3}") : "";
        string eta = Remaining.TotalHours >= 1 ? Remaining.ToString(@"h\:mm\:ss") : Remaining.ToString(@"m\:ss");
        return Course.Say("epoch {0}/{1} [{2}] {3}/{4} loss {5:F3}{6} ETA {7}", Epoch, Epochs, bar, Step, StepsPerEpoch, Loss, dice, eta);
    }
}
