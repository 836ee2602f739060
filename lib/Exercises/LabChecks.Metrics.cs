using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

public static partial class LabChecks
{
    /// <summary>
    /// Checks the learner's IoU and Dice on hand-made masks (partial overlap, empty prediction, empty mask,
    /// both empty, a batch of two). Both take (predicted mask, true mask), shaped [N, 1, H, W] with 0 or 1,
    /// and return one score for the whole batch.
    /// </summary>
    public static LabCheckResult IouAndDice(Func<Tensor, Tensor, double> iou, Func<Tensor, Tensor, double> dice)
    {
        ArgumentNullException.ThrowIfNull(iou);
        ArgumentNullException.ThrowIfNull(dice);
        var messages = new List<string>();
        var cases = MetricCases();
        CheckMetric("IoU", iou, cases, c => c.Iou, c => c.Dice, "Dice", messages);
        CheckMetric("Dice", dice, cases, c => c.Dice, c => c.Iou, "IoU", messages);
        return Report(new LabCheckResult("IoU and Dice", cases.Count * 2, messages));
    }

    sealed record MetricCase(string Description, Tensor Prediction, Tensor Mask, double Iou, double Dice, double PerImageIou, double PerImageDice);

    static List<MetricCase> MetricCases()
    {
        var square = Mask(6, 6, (y, x) => y is >= 1 and < 3 && x is >= 1 and < 3);       // 4 pixels
        var shifted = Mask(6, 6, (y, x) => y is >= 1 and < 3 && x is >= 2 and < 4);      // 4 pixels, 2 shared
        var empty = Mask(6, 6, (_, _) => false);
        var small = Mask(6, 6, (y, x) => y == 0 && x == 0);
        var large = Mask(6, 6, (y, x) => y >= 2);                                         // 24 pixels
        var largeMiss = Mask(6, 6, (y, x) => y >= 4);                                     // 12 of them
        return
        [
            new("a prediction equal to the mask", square, square, 1, 1, 1, 1),
            new("a prediction overlapping half of the mask (2 shared pixels of 4 each)", shifted, square, 2.0 / 6, 4.0 / 8, 2.0 / 6, 4.0 / 8),
            new("an empty prediction against a non-empty mask", empty, square, 0, 0, 0, 0),
            new("a non-empty prediction against an empty mask", square, empty, 0, 0, 0, 0),
            new("an empty prediction against an empty mask", empty, empty, 1, 1, 1, 1),
            new("a batch of two images (one tiny and perfect, one large and half found)",
                cat([small, largeMiss], 0), cat([small, large], 0),
                13.0 / 25, 26.0 / 38, (1 + 0.5) / 2, (1 + 24.0 / 36) / 2),
        ];
    }

    static void CheckMetric(string name, Func<Tensor, Tensor, double> metric, List<MetricCase> cases,
        Func<MetricCase, double> expected, Func<MetricCase, double> other, string otherName, List<string> messages)
    {
        int wrongLikeOther = 0, wrong = 0;
        var details = new List<string>();
        foreach (var c in cases)
        {
            var (value, problem) = Attempt(() => metric(c.Prediction.clone(), c.Mask.clone()), $"your {name}");
            if (problem is not null)
            {
                messages.Add(problem == NotImplemented ? $"{name}: {problem}" : $"{problem} (on {c.Description}).");
                return;
            }
            double want = expected(c);
            if (Near(value, want))
                continue;
            wrong++;
            if (Near(value, other(c)) && !Near(want, other(c)))
                wrongLikeOther++;
            bool batch = c.Prediction.shape[0] > 1;
            double perImage = name == "IoU" ? c.PerImageIou : c.PerImageDice;
            if (batch && Near(value, perImage))
                details.Add($"your {name} averages the images' scores ({Number(value)}) for {c.Description}; expected {Number(want)}: count the pixels of the whole batch together, then divide once.");
            else if (double.IsNaN(value))
                details.Add($"your {name} returns NaN for {c.Description}; expected {Number(want)}. When there is nothing to find and nothing was found, the score is {Number(want)}: guard the division by zero.");
            else
                details.Add($"your {name} returns {Number(value)} for {c.Description}; expected {Number(want)}.");
        }
        if (wrongLikeOther == wrong && wrong > 1)
            messages.Add($"your {name} returns the {otherName} score on {wrong} cases. {(name == "IoU" ? "IoU = overlap / union = |P∩T| / |P∪T|" : "Dice = 2·|P∩T| / (|P| + |T|)")}.");
        else
            messages.AddRange(details);
    }

    static LabCheckResult Report(LabCheckResult result)
    {
        Console.WriteLine(result.ToString());
        return result;
    }
}
