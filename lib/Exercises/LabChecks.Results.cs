using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.LabMessages;

namespace Segmentation.Exercises;

public static partial class LabChecks
{
    /// <summary>
    /// Exercise 8, the learner's search for the worst predictions: (predicted masks, true masks, count) to the indices
    /// of the <c>count</c> images with the lowest IoU, worst first; an image with nothing to find and nothing found scores 1.
    /// </summary>
    public static LabCheckResult WorstPredictions(Func<Tensor, Tensor, int, int[]> worst)
    {
        ArgumentNullException.ThrowIfNull(worst);
        const int number = 8;
        string title = Text.Worst.Title;
        var truth = Mask(6, 6, (y, x) => y < 3);                            // 18 pixels
        var empty = Mask(6, 6, (_, _) => false);
        // IoUs: 0.79, 0.17, 1 (both empty), 0.5, 0.
        var predictions = cat([Mask(6, 6, (y, x) => y < 3 && x > 0 || y == 3 && x < 1), Mask(6, 6, (y, x) => y == 2 && x < 3),
            empty, Mask(6, 6, (y, x) => y is >= 1 and < 5), Mask(6, 6, (y, x) => y >= 4)], 0);
        var masks = cat([truth, truth, empty, truth, truth], 0);
        var messages = new List<string>();
        foreach (var (count, expected) in new (int, int[])[] { (2, [4, 1]), (3, [4, 1, 3]) })
        {
            var (indices, problem) = Attempt(() => worst(predictions.clone(), masks.clone(), count), Text.Worst.Yours);
            if (problem is not null)
                return Report(new LabCheckResult(number, title, 1, [problem]));
            string want = $"[{string.Join(", ", expected)}]";
            if (indices is null || indices.Length != count)
            {
                messages.Add(Say(Text.Worst.WrongCount, count, indices is null ? "null" : indices.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), count));
                continue;
            }
            if (indices.SequenceEqual(expected))
                continue;
            string got = $"[{string.Join(", ", indices)}]";
            if (indices.Contains(0))
                messages.Add(Say(Text.Worst.IncludesBest, count, got, want));
            else if (indices.Contains(2))
                messages.Add(Say(Text.Worst.IncludesBothEmpty, count, got, want));
            else
                messages.Add(Say(Text.Worst.Wrong, count, got, want));
        }
        return Report(new LabCheckResult(number, title, 2, messages));
    }

    /// <summary>
    /// Exercise 9, the learner's people counter: a mask [1, H, W] of 0 and 1 to the number of people in it, with the
    /// learner's own connected regions and size rule. Cases at 128x128: empty, one, two, one with legs apart, a near
    /// and a far person, one person with specks. Any rule that drops specks of up to 12 pixels and keeps a far person
    /// of about 330 pixels passes.
    /// </summary>
    public static LabCheckResult CountPeople(Func<Tensor, int> countPeople)
    {
        ArgumentNullException.ThrowIfNull(countPeople);
        const int number = 9, side = 128;
        string title = Text.Count.Title;
        static bool Person(int y, int x, int left, int top, int scale) =>
            (y - (top + 2 * scale)) * (y - (top + 2 * scale)) + (x - (left + 3 * scale / 2)) * (x - (left + 3 * scale / 2)) <= 2 * scale * scale // head
            || y >= top + 3 * scale && y < top + 10 * scale && x >= left && x < left + 3 * scale                                               // body
            || y >= top + 10 * scale && y < top + 16 * scale && (x >= left && x < left + scale || x >= left + 2 * scale && x < left + 3 * scale); // legs
        var far = Mask(side, side, (y, x) => Person(y, x, 90, 60, 3));
        int farPixels = (int)Values(far).Sum();
        var cases = new (string Description, Tensor Mask, int Expected, string Hint)[]
        {
            (Text.Count.CaseEmpty, Mask(side, side, (_, _) => false), 0, ""),
            (Text.Count.CaseOne, Mask(side, side, (y, x) => Person(y, x, 40, 20, 6)), 1, ""),
            (Text.Count.CaseTwo, Mask(side, side, (y, x) => Person(y, x, 10, 20, 6) || Person(y, x, 70, 20, 6)), 2, ""),
            (Text.Count.CaseLegsApart, Mask(side, side, (y, x) => Person(y, x, 40, 10, 7)), 1, Text.Count.HintConnected),
            (Say(Text.Count.CaseNearAndFar, farPixels), Mask(side, side, (y, x) => Person(y, x, 10, 10, 6) || Person(y, x, 90, 60, 3)), 2, Say(Text.Count.HintTooStrict, farPixels)),
            (Text.Count.CaseSpecks, Mask(side, side, (y, x) => Person(y, x, 40, 20, 6) || y is >= 5 and < 7 && x is >= 5 and < 7
                || y is >= 110 and < 113 && x is >= 100 and < 103 || y is >= 100 and < 103 && x is >= 10 and < 14), 1, Text.Count.HintSpecks),
        };
        var messages = new List<string>();
        foreach (var c in cases)
        {
            var (count, problem) = Attempt(() => countPeople(c.Mask.reshape(1, side, side).clone()), Text.Count.Yours);
            if (problem is not null)
                return Report(new LabCheckResult(number, title, 1, [problem]));
            if (count != c.Expected)
                messages.Add(Say(Text.Count.Wrong, c.Description, count, c.Expected) + (c.Hint.Length > 0 ? " " + c.Hint : ""));
        }
        return Report(new LabCheckResult(number, title, cases.Length, messages));
    }
}
