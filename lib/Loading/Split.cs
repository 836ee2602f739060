using Segmentation.Data;

namespace Segmentation.Loading;

/// <summary>
/// Splits a dataset into a training part and a validation part. Every split is seeded: the same items and
/// seed always give the same split, on every machine. Both parts keep the items' original order.
/// </summary>
public static class Split
{
    /// <summary>
    /// Puts a random <paramref name="validationFraction"/> of the items (rounded to whole items) in validation
    /// and the rest in training. Note: frames of one video are near-duplicates; use <see cref="BySequence"/> for those.
    /// </summary>
    public static (IReadOnlyList<T> Train, IReadOnlyList<T> Validation) Random<T>(
        IReadOnlyList<T> items, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        RequireFraction(validationFraction);
        var order = Enumerable.Range(0, items.Count).ToArray();
        new System.Random(seed).Shuffle(order);
        return Partition(items, order.Take(WholeItems(items.Count, validationFraction)).ToHashSet());
    }

    /// <summary>
    /// Splits each stratum (the items sharing a key) on its own, so both parts keep the dataset's mix:
    /// for PH2, <c>Split.Stratified(cases, c => c.Diagnosis, 0.1, seed: 1)</c> puts 10% of the common nevi,
    /// 10% of the atypical nevi and 10% of the melanomas in validation (each rounded to whole cases).
    /// </summary>
    public static (IReadOnlyList<T> Train, IReadOnlyList<T> Validation) Stratified<T, TKey>(
        IReadOnlyList<T> items, Func<T, TKey> stratum, double validationFraction, int seed) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        RequireFraction(validationFraction);
        var random = new System.Random(seed);
        var inValidation = new HashSet<int>();
        // Strata in a fixed (sorted) order, so one generator gives the same draws on every run.
        var strata = Enumerable.Range(0, items.Count).GroupBy(i => stratum(items[i])).OrderBy(g => g.Key);
        foreach (var group in strata)
        {
            var members = group.ToArray();
            random.Shuffle(members);
            inValidation.UnionWith(members.Take(WholeItems(members.Length, validationFraction)));
        }
        return Partition(items, inValidation);
    }

    /// <summary>
    /// Splits by group: every group lies wholly in training or wholly in validation. Whole groups are drawn
    /// at random until validation holds as close to <paramref name="validationFraction"/> of the items as
    /// whole groups allow (at least one group; at least one stays in training).
    /// </summary>
    /// <exception cref="ArgumentException">There are fewer than two groups, so no such split exists.</exception>
    public static (IReadOnlyList<T> Train, IReadOnlyList<T> Validation) ByGroup<T, TKey>(
        IReadOnlyList<T> items, Func<T, TKey> group, double validationFraction, int seed) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        RequireFraction(validationFraction);
        var groups = Enumerable.Range(0, items.Count).GroupBy(i => group(items[i])).OrderBy(g => g.Key).ToArray();
        if (groups.Length < 2)
            throw new ArgumentException(
                $"Splitting by group needs at least two groups, and these {items.Count} items form {groups.Length}. " +
                "Add data from more groups (for MADS, more sequences).", nameof(items));
        new System.Random(seed).Shuffle(groups);

        double target = items.Count * validationFraction;
        var inValidation = new HashSet<int>();
        int taken = 0;
        foreach (var candidate in groups[..^1]) // the last group in the shuffled order always stays in training
        {
            int size = candidate.Count();
            // Take a group when it brings validation closer to its target size; always take the first.
            if (validationFraction > 0 && (taken == 0 || Math.Abs(taken + size - target) < Math.Abs(taken - target)))
            {
                inValidation.UnionWith(candidate);
                taken += size;
            }
        }
        return Partition(items, inValidation);
    }

    /// <summary>
    /// Splits MADS frames by recording (<see cref="MadsFrame.SequenceKey"/>): all frames and cameras of a
    /// sequence land on the same side, because they are near-duplicates and would otherwise inflate the
    /// validation score.
    /// </summary>
    public static (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> Validation) BySequence(
        IReadOnlyList<MadsFrame> frames, double validationFraction, int seed) =>
        ByGroup(frames, frame => frame.SequenceKey, validationFraction, seed);

    static (IReadOnlyList<T> Train, IReadOnlyList<T> Validation) Partition<T>(IReadOnlyList<T> items, HashSet<int> inValidation)
    {
        var train = new List<T>(items.Count - inValidation.Count);
        var validation = new List<T>(inValidation.Count);
        for (int i = 0; i < items.Count; i++)
            (inValidation.Contains(i) ? validation : train).Add(items[i]);
        return (train, validation);
    }

    static int WholeItems(int count, double fraction) => (int)Math.Round(count * fraction, MidpointRounding.AwayFromZero);

    static void RequireFraction(double validationFraction)
    {
        if (validationFraction is < 0 or > 1 || double.IsNaN(validationFraction))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                "The validation fraction must be between 0 and 1, e.g. 0.1 for 10%.");
    }
}
