namespace Segmentation.Data;

/// <summary>Splits a dataset into a training part and a validation part.</summary>
public static class Split
{
    /// <summary>
    /// Puts a random <paramref name="validationFraction"/> of the items (rounded to whole items) in validation
    /// and the rest in training. The same seed always gives the same split. Both parts keep the items'
    /// original order. Note: frames of one video are near-duplicates; split those by sequence instead.
    /// </summary>
    public static (IReadOnlyList<T> Train, IReadOnlyList<T> Validation) Random<T>(
        IReadOnlyList<T> items, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (validationFraction is < 0 or > 1 || double.IsNaN(validationFraction))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction,
                "The validation fraction must be between 0 and 1, e.g. 0.1 for 10%.");

        int validationCount = (int)Math.Round(items.Count * validationFraction, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, items.Count).ToArray();
        new System.Random(seed).Shuffle(order);
        var inValidation = order.Take(validationCount).ToHashSet();

        var train = new List<T>(items.Count - validationCount);
        var validation = new List<T>(validationCount);
        for (int i = 0; i < items.Count; i++)
            (inValidation.Contains(i) ? validation : train).Add(items[i]);
        return (train, validation);
    }
}
