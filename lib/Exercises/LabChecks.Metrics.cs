using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.LabMessages;

namespace Segmentation.Exercises;

public static partial class LabChecks
{
    /// <summary>
    /// Exercise 4, the learner's IoU and Dice on hand-made masks (partial overlap, empty prediction, empty mask,
    /// both empty, a batch of two). Both take (predicted mask, true mask), shaped [N, 1, H, W] with 0 or 1,
    /// and return one score for the whole batch.
    /// </summary>
    public static LabCheckResult IouAndDice(Func<Tensor, Tensor, double> iou, Func<Tensor, Tensor, double> dice)
    {
        ArgumentNullException.ThrowIfNull(iou);
        ArgumentNullException.ThrowIfNull(dice);
        var messages = new List<string>();
        var cases = MetricCases();
        CheckMetric("IoU", iou, cases, c => c.Iou, c => c.Dice, c => c.PerImageIou, "Dice", Text.Metrics.IouFormula, messages);
        CheckMetric("Dice", dice, cases, c => c.Dice, c => c.Iou, c => c.PerImageDice, "IoU", Text.Metrics.DiceFormula, messages);
        return Report(new LabCheckResult(4, Text.Metrics.Title, cases.Count * 2, messages));
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
            new(Text.Metrics.CaseEqual, square, square, 1, 1, 1, 1),
            new(Text.Metrics.CaseHalf, shifted, square, 2.0 / 6, 4.0 / 8, 2.0 / 6, 4.0 / 8),
            new(Text.Metrics.CaseEmptyPrediction, empty, square, 0, 0, 0, 0),
            new(Text.Metrics.CaseEmptyMask, square, empty, 0, 0, 0, 0),
            new(Text.Metrics.CaseBothEmpty, empty, empty, 1, 1, 1, 1),
            new(Text.Metrics.CaseBatch, cat([small, largeMiss], 0), cat([small, large], 0),
                13.0 / 25, 26.0 / 38, (1 + 0.5) / 2, (1 + 24.0 / 36) / 2),
        ];
    }

    static void CheckMetric(string name, Func<Tensor, Tensor, double> metric, List<MetricCase> cases, Func<MetricCase, double> expected,
        Func<MetricCase, double> other, Func<MetricCase, double> perImage, string otherName, string formula, List<string> messages)
    {
        int wrongLikeOther = 0, wrong = 0;
        var details = new List<string>();
        foreach (var c in cases)
        {
            var (value, problem) = Attempt(() => metric(c.Prediction.clone(), c.Mask.clone()), Say(Text.Metrics.Yours, name));
            if (problem is not null)
            {
                messages.Add(problem == CheckMessages.NotImplemented ? Say(Text.Metrics.NamedProblem, name, problem) : Say(Text.Metrics.ProblemOn, problem, c.Description));
                return;
            }
            double want = expected(c);
            if (Near(value, want))
                continue;
            wrong++;
            if (Near(value, other(c)) && !Near(want, other(c)))
                wrongLikeOther++;
            bool batch = c.Prediction.shape[0] > 1;
            if (batch && Near(value, perImage(c)))
                details.Add(Say(Text.Metrics.AveragesImages, name, Number(value), c.Description, Number(want)));
            else if (double.IsNaN(value))
                details.Add(Say(Text.Metrics.NaN, name, c.Description, Number(want)));
            else
                details.Add(Say(Text.Metrics.Wrong, name, Number(value), c.Description, Number(want)));
        }
        if (wrongLikeOther == wrong && wrong > 1)
            messages.Add(Say(Text.Metrics.ReturnsOther, name, otherName, wrong, formula));
        else
            messages.AddRange(details);
    }

    /// <summary>
    /// Exercise 5, the learner's held-out score: (logits [N, 1, H, W], true masks, threshold) to the IoU of all
    /// held-out pixels together, a pixel counted as person where its probability (the sigmoid of its logit) is above
    /// the threshold. Tried with thresholds 0.5 and 0.7 on two hand-made images.
    /// </summary>
    public static LabCheckResult HeldOutIou(Func<Tensor, Tensor, double, double> heldOutIou)
    {
        ArgumentNullException.ThrowIfNull(heldOutIou);
        const int number = 5;
        string title = Text.HeldOut.Title;
        // Image 1: a band of logit +0.3 (probability 0.57), person at threshold 0.5 but not at 0.7, half of it true.
        // Image 2: one true pixel, found, with three false ones: pooled and per-image scores differ.
        var maskValues = new float[2 * 64];
        var logitValues = new float[2 * 64];
        for (int p = 0; p < 64; p++)
        {
            int y = p / 8, x = p % 8;
            maskValues[p] = x < 4 ? 1 : 0;
            logitValues[p] = x < 3 ? 2f : x < 5 ? 0.3f : -2f;
            maskValues[64 + p] = y == 0 && x == 0 ? 1 : 0;
            logitValues[64 + p] = y < 2 && x < 2 ? 2f : -2f;
        }
        var logits = tensor(logitValues).reshape(2, 1, 8, 8);
        var masks = tensor(maskValues).reshape(2, 1, 8, 8);

        var messages = new List<string>();
        double? atHalf = null;
        foreach (double threshold in new[] { 0.5, 0.7 })
        {
            double cut = Math.Log(threshold / (1 - threshold));       // the logit whose sigmoid is the threshold
            double pooled = PooledIou(logitValues, maskValues, cut), perImage = PerImageIou(logitValues, maskValues, cut);
            double logitsAgainstThreshold = PooledIou(logitValues, maskValues, threshold);
            var (value, problem) = Attempt(() => heldOutIou(logits.clone(), masks.clone(), threshold), Text.HeldOut.Yours);
            if (problem is not null)
                return Report(new LabCheckResult(number, title, 1, [problem]));
            if (Near(value, pooled))
            {
                atHalf ??= value;
                continue;
            }
            if (Near(value, perImage))
                messages.Add(Say(Text.HeldOut.AveragesImages, Number(value), Number(threshold), Number(pooled)));
            else if (!Near(threshold, 0.5) && atHalf is double half && Near(value, half))
                messages.Add(Say(Text.HeldOut.IgnoresThreshold, Number(threshold), Number(value), Number(pooled)));
            else if (Near(value, logitsAgainstThreshold))
                messages.Add(Say(Text.HeldOut.LogitsAgainstProbability, Number(threshold), Number(value), Number(pooled)));
            else
                messages.Add(Say(Text.HeldOut.Wrong, Number(value), Number(threshold), Number(pooled)));
            atHalf ??= value;
        }
        return Report(new LabCheckResult(number, title, 2, messages));
    }

    static double PooledIou(float[] logits, float[] masks, double cut)
    {
        long both = 0, either = 0;
        for (int p = 0; p < logits.Length; p++)
        {
            bool found = logits[p] > cut, real = masks[p] == 1;
            both += found && real ? 1 : 0;
            either += found || real ? 1 : 0;
        }
        return either == 0 ? 1 : (double)both / either;
    }

    static double PerImageIou(float[] logits, float[] masks, double cut) =>
        (PooledIou(logits[..64], masks[..64], cut) + PooledIou(logits[64..], masks[64..], cut)) / 2;
}
