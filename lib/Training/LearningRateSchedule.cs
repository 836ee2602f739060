namespace Segmentation.Training;

/// <summary>How the learning rate changes from epoch to epoch.</summary>
public abstract record LearningRateSchedule
{
    /// <summary>The learning rate for 1-based <paramref name="epoch"/> of <paramref name="totalEpochs"/>, starting from <paramref name="initial"/>.</summary>
    public abstract double At(int epoch, int totalEpochs, double initial);

    /// <summary>The same rate every epoch.</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>Half a cosine wave from the initial rate down to <paramref name="floorFraction"/> of it at the last epoch.</summary>
    public static LearningRateSchedule Cosine(double floorFraction = 0.01) => new CosineSchedule(floorFraction);

    /// <summary>Multiplies the rate by <paramref name="factor"/> every <paramref name="everyEpochs"/> epochs.</summary>
    public static LearningRateSchedule StepDecay(int everyEpochs, double factor = 0.1) => new StepDecaySchedule(everyEpochs, factor);

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
