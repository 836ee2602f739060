using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>One training run of <see cref="SeedRuns.TestDice"/>: its seed, the epoch validation chose, and the test Dice there.</summary>
/// <param name="Seed">Seeds the starting weights and the batch order.</param>
/// <param name="ChosenEpoch">The epoch with the best validation Dice, whose weights were scored.</param>
/// <param name="TestDice">Dice over all test pixels at that epoch (threshold 0.5).</param>
public sealed record SeedRun(int Seed, int ChosenEpoch, double TestDice);

/// <summary>The test Dice of one network trained with several seeds: its mean and spread say how much one run can be trusted.</summary>
/// <param name="Name">The network's name, for the summary line.</param>
/// <param name="Runs">One run per seed.</param>
public sealed record SeedScores(string Name, IReadOnlyList<SeedRun> Runs)
{
    /// <summary>Mean test Dice over the seeds.</summary>
    public double Mean => Runs.Average(r => r.TestDice);

    /// <summary>Sample standard deviation of the test Dice over the seeds (n - 1 in the denominator); 0 for one seed.</summary>
    public double StandardDeviation => Runs.Count < 2 ? 0
        : Math.Sqrt(Runs.Sum(r => (r.TestDice - Mean) * (r.TestDice - Mean)) / (Runs.Count - 1));

    /// <summary>
    /// Whether this network's mean test Dice differs from <paramref name="other"/>'s by more than the larger of the two
    /// standard deviations, said in a line such as <c>U-Net minus SegNet: +0.005 (largest spread 0.047): level within the spread</c>.
    /// A rough rule for a handful of seeds, not a significance test.
    /// </summary>
    public string ComparedWith(SeedScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double gap = Mean - other.Mean, spread = Math.Max(StandardDeviation, other.StandardDeviation);
        string verdict = Math.Abs(gap) > spread
            ? Course.Say("{0} is ahead by more than the spread", gap > 0 ? Name : other.Name)
            : Course.Text("level within the spread, so these runs name no winner");
        return Course.Say("{0} minus {1}: {2:+0.000;-0.000} (largest spread over seeds {3:F3}): {4}", Name, other.Name, gap, spread, verdict);
    }

    /// <summary>A line such as <c>U-Net   test Dice 0.862 ± 0.047 over 3 seeds (seed 1: 0.807 at epoch 3, ...)</c>.</summary>
    public override string ToString() =>
        Course.Say("{0,-8} test Dice {1:F3} ± {2:F3} over {3} seeds ({4})", Name, Mean, StandardDeviation, Runs.Count,
            string.Join(", ", Runs.Select(r => Course.Say("seed {0}: {1:F3} at epoch {2}", r.Seed, r.TestDice, r.ChosenEpoch))));
}

/// <summary>
/// Trains a network once per seed and scores each run on the test images at the epoch its validation images chose:
/// one run of a small network is partly luck (starting weights, batch order), so a comparison needs several.
/// </summary>
public static class SeedRuns
{
    /// <summary>
    /// For each of <paramref name="seeds"/>: sets the seed, builds a fresh network with <paramref name="newModel"/>, trains it with
    /// <paramref name="options"/> (its <see cref="TrainingOptions.Seed"/> replaced by the seed) on <paramref name="train"/>, keeps the
    /// weights of the epoch with the best Dice on <paramref name="validation"/>, and scores those on <paramref name="test"/>
    /// (Dice over all pixels, threshold 0.5). Tensors as for <c>Trainer.Fit</c>.
    /// </summary>
    /// <param name="name">The network's name, for the summary line.</param>
    /// <param name="newModel">Builds a fresh network (called after the seed is set, so its starting weights follow the seed).</param>
    /// <param name="seeds">One run per seed, in this order.</param>
    /// <param name="options">Training settings shared by every run.</param>
    /// <param name="train">Training images and masks.</param>
    /// <param name="validation">Images that choose the epoch.</param>
    /// <param name="test">Images that score the chosen epoch, once per run.</param>
    /// <param name="onRun">Called as each run ends (e.g. to print it), so a long comparison shows it is moving.</param>
    /// <param name="earlier">Runs already made the same way (e.g. with <see cref="Scored"/>), counted first instead of trained again.</param>
    public static SeedScores TestDice(string name, Func<nn.Module<Tensor, Tensor>> newModel, IEnumerable<int> seeds, TrainingOptions options,
        (Tensor Images, Tensor Masks) train, (Tensor Images, Tensor Masks) validation, (Tensor Images, Tensor Masks) test,
        Action<SeedRun>? onRun = null, IEnumerable<SeedRun>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(newModel);
        ArgumentNullException.ThrowIfNull(options);
        var seedList = seeds?.ToArray() ?? throw new ArgumentNullException(nameof(seeds));
        if (seedList.Length == 0)
            throw new ArgumentException("Give at least one seed.", nameof(seeds));
        var runs = new List<SeedRun>(earlier ?? []);
        var twice = runs.Select(r => r.Seed).Intersect(seedList).ToArray();
        if (twice.Length > 0)
            throw new ArgumentException($"Seed {twice[0]} is both among the earlier runs and among the seeds to train: give it once.", nameof(seeds));
        foreach (int seed in seedList)
        {
            Seeds.Set(seed);
            using var model = newModel();
            using var trainer = new Trainer(model, options with { Seed = seed });
            using var best = new BestEpoch(model);
            trainer.Fit(train.Images, train.Masks, validation.Images, validation.Masks, onEpoch: best.Track);
            var run = Scored(seed, trainer, best, test);
            runs.Add(run);
            onRun?.Invoke(run);
        }
        return new SeedScores(name, runs);
    }

    /// <summary>
    /// The <see cref="SeedRun"/> of a run trained elsewhere the same way (seed set, <paramref name="best"/> tracking its epochs):
    /// restores the best epoch's weights and scores them on <paramref name="test"/> (Dice over all pixels, threshold 0.5).
    /// </summary>
    public static SeedRun Scored(int seed, Trainer trainer, BestEpoch best, (Tensor Images, Tensor Masks) test)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(best);
        best.Restore();
        return new SeedRun(seed, best.Epoch, trainer.Evaluate(test.Images, test.Masks).Counts.Dice);
    }
}
