namespace Segmentation.Training;

/// <summary>How the learning rate changes from epoch to epoch.</summary>
public abstract record LearningRateSchedule
{
    /// <summary>The learning rate for 1-based <paramref name="epoch"/> of <paramref name="totalEpochs"/>, starting from <paramref name="initial"/>.</summary>
    public abstract double At(int epoch, int totalEpochs, double initial);

    /// <summary>The same rate every epoch.</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>Half a cosine wave from the initial rate down to <paramref name="floorFraction"/> of it at the last epoch.</summary>
    /// <param name="floorFraction">The last epoch's rate as a share of the first: 0 to 1 (0.01 is 1%).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="floorFraction"/> is not between 0 and 1.</exception>
    public static LearningRateSchedule Cosine(double floorFraction = 0.01) =>
        floorFraction is >= 0 and <= 1
            ? new CosineSchedule(floorFraction)
            : throw new ArgumentOutOfRangeException(nameof(floorFraction), floorFraction,
                "The cosine schedule's floor is a share of the starting rate, from 0 to 1 (e.g. 0.01 ends at 1% of it).");

    /// <summary>Multiplies the rate by <paramref name="factor"/> every <paramref name="everyEpochs"/> epochs.</summary>
    /// <param name="everyEpochs">How many epochs between two decays: 1 or more.</param>
    /// <param name="factor">What the rate is multiplied by: more than 0, at most 1 (0.1 divides it by ten).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static LearningRateSchedule StepDecay(int everyEpochs, double factor = 0.1)
    {
        if (everyEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(everyEpochs), everyEpochs, "The step decay needs at least 1 epoch between decays (e.g. 10).");
        if (!(factor > 0 && factor <= 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor,
                "The step decay multiplies the rate by a factor above 0 and at most 1 (e.g. 0.1 divides it by ten).");
        return new StepDecaySchedule(everyEpochs, factor);
    }

    sealed record ConstantSchedule : LearningRateSchedule
    {
        public override double At(int epoch, int totalEpochs, double initial) => initial;
        public override string ToString() => "constant";
    }

    sealed record CosineSchedule(double FloorFraction) : LearningRateSchedule
    {
        public override double At(int epoch, int totalEpochs, double initial)
        {
            double progress = totalEpochs <= 1 ? 0 : (epoch - 1) / (double)(totalEpochs - 1);
            double floor = initial * FloorFraction;
            return floor + (initial - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
        }
        public override string ToString() => $"cosine (to {FloorFraction:P0} of the start)";
    }

    sealed record StepDecaySchedule(int EveryEpochs, double Factor) : LearningRateSchedule
    {
        public override double At(int epoch, int totalEpochs, double initial) => initial * Math.Pow(Factor, (epoch - 1) / EveryEpochs);
        public override string ToString() => $"x{Factor} every {EveryEpochs} epochs";
    }
}
