using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

public static partial class LabChecks
{
    /// <summary>
    /// Checks the learner's held-out score: (logits [N, 1, H, W], true masks) to the IoU of all held-out pixels
    /// together, with a pixel counted as person where its logit is above 0 (probability above 0.5).
    /// </summary>
    public static LabCheckResult HeldOutIou(Func<Tensor, Tensor, double> heldOutIou)
    {
        ArgumentNullException.ThrowIfNull(heldOutIou);
        // Logits: +2 / -2 mostly, with a band at +0.3 (probability 0.57: person) to tell thresholds apart.
        var masks = cat([Mask(8, 8, (y, x) => x < 4), Mask(8, 8, (y, x) => y == 0 && x == 0)], 0);
        var logitValues = new float[2 * 64];
        for (int p = 0; p < 64; p++)
        {
            int y = p / 8, x = p % 8;
            logitValues[p] = x < 3 ? 2f : x < 5 ? 0.3f : -2f;                 // image 1: 24 found, 8 in the band (4 false)
            logitValues[64 + p] = y < 2 && x < 2 ? 2f : -2f;                    // image 2: 1 found, 3 false
        }
        var logits = tensor(logitValues).reshape(2, 1, 8, 8);
        // Pooled: TP 32+1, FP 8+3, FN 0 -> IoU 33/44. Per-image mean: (32/40 + 1/4)/2. Logits > 0.5: TP 24+1, FP 3, FN 8.
        const double pooled = 33.0 / 44, perImage = (32.0 / 40 + 1.0 / 4) / 2, atHalf = 25.0 / (25 + 3 + 8);
        var (value, problem) = Attempt(() => heldOutIou(logits.clone(), masks.clone()), "your held-out IoU");
        if (problem is not null)
            return Report(new LabCheckResult("Held-out IoU", 1, [problem]));
        var messages = new List<string>();
        if (Near(value, perImage))
            messages.Add($"your held-out IoU averages the images' scores ({Number(value)}); this lab reports IoU over all held-out pixels together ({Number(pooled)}): add up the counts, then divide once.");
        else if (Near(value, atHalf))
            messages.Add($"your held-out IoU thresholds the logits at 0.5 ({Number(value)}); logits are raw scores: a pixel is person where the logit is above 0 (its sigmoid above 0.5). Expected {Number(pooled)}.");
        else if (!Near(value, pooled))
            messages.Add($"your held-out IoU returns {Number(value)} for two images of logits; expected {Number(pooled)} (person where the logit is above 0, pixels of all images counted together).");
        return Report(new LabCheckResult("Held-out IoU", 3, messages));
    }

    /// <summary>
    /// Checks the learner's search for the worst predictions: (predicted masks, true masks, count) to the indices
    /// of the <c>count</c> images with the lowest IoU, worst first; an image with nothing to find and nothing found scores 1.
    /// </summary>
    public static LabCheckResult WorstPredictions(Func<Tensor, Tensor, int, int[]> worst)
    {
        ArgumentNullException.ThrowIfNull(worst);
        var truth = Mask(6, 6, (y, x) => y < 3);                            // 18 pixels
        var empty = Mask(6, 6, (_, _) => false);
        // IoUs: 0.9ish, 0.17, 1 (both empty), 0.5, 0.
        var predictions = cat([Mask(6, 6, (y, x) => y < 3 && x > 0 || y == 3 && x < 1), Mask(6, 6, (y, x) => y == 2 && x < 3),
            empty, Mask(6, 6, (y, x) => y is >= 1 and < 5), Mask(6, 6, (y, x) => y >= 4)], 0);
        var masks = cat([truth, truth, empty, truth, truth], 0);
        var messages = new List<string>();
        foreach (var (count, expected) in new (int, int[])[] { (2, [4, 1]), (3, [4, 1, 3]) })
        {
            var (indices, problem) = Attempt(() => worst(predictions.clone(), masks.clone(), count), "your search");
            if (problem is not null)
                return Report(new LabCheckResult("Worst predictions", 1, [problem]));
            if (indices is null || indices.Length != count)
            {
                messages.Add($"asked for the {count} worst of 5 images your code returns {(indices is null ? "null" : $"{indices.Length} indices")}; expected {count}.");
                continue;
            }
            if (indices.SequenceEqual(expected))
                continue;
            if (indices.Contains(0))
                messages.Add($"asked for the {count} worst your code returns [{string.Join(", ", indices)}], which includes one of the best images (0, IoU 0.79): sort by IoU from lowest to highest. Expected [{string.Join(", ", expected)}].");
            else if (indices.Contains(2))
                messages.Add($"asked for the {count} worst your code returns [{string.Join(", ", indices)}], including image 2, which has nothing to find and found nothing: its IoU is 1, a perfect answer. Expected [{string.Join(", ", expected)}].");
            else
                messages.Add($"asked for the {count} worst your code returns [{string.Join(", ", indices)}]; expected [{string.Join(", ", expected)}] (lowest IoU first).");
        }
        return Report(new LabCheckResult("Worst predictions", 2, messages));
    }

    /// <summary>
    /// Checks the learner's people counter: (mask [1, H, W] of 0 and 1, smallest person in pixels) to the number of
    /// connected regions at least that large. Cases: empty, one, two, a U-shaped person, a speck below the size.
    /// </summary>
    public static LabCheckResult CountPeople(Func<Tensor, int, int> countPeople)
    {
        ArgumentNullException.ThrowIfNull(countPeople);
        const int h = 12, w = 12;
        var cases = new (string Description, Tensor Mask, int MinPixels, int Expected)[]
        {
            ("an empty mask", Mask(h, w, (_, _) => false), 5, 0),
            ("one person (a 4x3 block)", Mask(h, w, (y, x) => y is >= 2 and < 6 && x is >= 2 and < 5), 5, 1),
            ("two people apart", Mask(h, w, (y, x) => y is >= 2 and < 8 && (x is >= 1 and < 3 || x is >= 7 and < 10)), 5, 2),
            ("one U-shaped person (two legs joined at the hips)", Mask(h, w, (y, x) => y is >= 2 and < 10 && (x is >= 2 and < 4 || x is >= 7 and < 9) || y is >= 2 and < 4 && x is >= 2 and < 9), 5, 1),
            ("one person and a 2-pixel speck, with minPixels 5", Mask(h, w, (y, x) => y is >= 2 and < 8 && x is >= 2 and < 5 || y == 10 && x is 9 or 10), 5, 1),
        };
        var messages = new List<string>();
        foreach (var c in cases)
        {
            var (count, problem) = Attempt(() => countPeople(c.Mask.reshape(1, h, w).clone(), c.MinPixels), "your counter");
            if (problem is not null)
                return Report(new LabCheckResult("Counting people", 1, [problem]));
            if (count == c.Expected)
                continue;
            string hint = c.Description.StartsWith("one U", StringComparison.Ordinal) ? " A person is one connected region, however it bends: label connected components."
                : c.Description.Contains("speck", StringComparison.Ordinal) ? " Regions smaller than minPixels are noise, not people." : "";
            messages.Add($"for {c.Description} your counter returns {count}; expected {c.Expected}.{hint}");
        }
        return Report(new LabCheckResult("Counting people", cases.Length, messages));
    }
}
