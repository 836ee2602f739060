using Segmentation.Pose;
using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.PoseMessages;

namespace Segmentation.Exercises;

/// <summary>
/// The pose challenge's checks, like <see cref="LabChecks"/>: each runs the learner's code on hand-made cases (or
/// scores a result), prints what it found in plain words and returns it, without throwing.
/// </summary>
public static class PoseChecks
{
    /// <summary>
    /// Exercise 1, the learner's heatmaps: (joints [N, J, 2] of (x, y), size, sigma) to [N, J, size, size], each a
    /// Gaussian of width sigma that is 1 at its joint. Tried on two images of two joints, one joint between pixels.
    /// </summary>
    public static LabCheckResult Heatmaps(Func<float[,,], int, float, Tensor> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        const int number = 1, size = 40;
        const float sigma = 3f;
        string title = Text.Render.Title;
        var joints = new float[2, 2, 2] { { { 10, 24 }, { 30.5f, 6.25f } }, { { 33, 12 }, { 5, 35 } } };
        var (maps, problem) = Attempt(() => render((float[,,])joints.Clone(), size, sigma), Text.Render.Yours);
        if (problem is not null)
            return Report(new LabCheckResult(number, title, 1, [problem]));
        if (maps is null)
            return Report(new LabCheckResult(number, title, 1, [Text.Render.ReturnedNull]));
        var expectedShape = new long[] { 2, 2, size, size };
        if (!maps.shape.SequenceEqual(expectedShape))
            return Report(new LabCheckResult(number, title, 2, [Say(Text.Render.Shape, 2, 2, size, Shape(maps), Shape(expectedShape))]));

        var v = Values(maps);
        float At(int image, int joint, int x, int y) => v[((image * 2 + joint) * size + y) * size + x];
        var messages = new List<string>();
        if (v.Min() < -1e-4f || v.Max() > 1.0001f)
            messages.Add(Text.Render.OutOfRange);
        // Image 0, joint 0 at (10, 24): 1 there; swapped axes would put the bump at (24, 10).
        if (At(0, 0, 24, 10) > 0.9f && At(0, 0, 10, 24) < 0.5f)
            messages.Add(Say(Text.Render.Transposed, 10, 24));
        else if (!Near(At(0, 0, 10, 24), 1, 0.01))
            messages.Add(Say(Text.Render.NotOneAtJoint, 10, 24, Number(At(0, 0, 10, 24))));
        else
        {
            double expected = Math.Exp(-0.5);
            float oneSigma = At(0, 0, 13, 24);
            if (!Near(oneSigma, expected, 0.02))
                messages.Add(Say(Text.Render.Width, Number(sigma), Number(oneSigma), Number(expected)));
        }
        // Every map has its maximum at its own joint (the one between pixels within a pixel).
        for (int image = 0; image < 2 && messages.Count == 0; image++)
            for (int joint = 0; joint < 2; joint++)
            {
                int best = 0;
                for (int p = 1; p < size * size; p++)
                    if (v[(image * 2 + joint) * size * size + p] > v[(image * 2 + joint) * size * size + best])
                        best = p;
                double dx = best % size - joints[image, joint, 0], dy = best / size - joints[image, joint, 1];
                if (dx * dx + dy * dy > 1.01)
                {
                    messages.Add(Say(Text.Render.WrongPlace, image, joint));
                    break;
                }
            }
        return Report(new LabCheckResult(number, title, 6, messages));
    }

    /// <summary>Exercise 2, the heatmap widths to try: three or more, 0.5 to 8 pixels, the largest at least 4 times the smallest.</summary>
    public static LabCheckResult SigmasToTry(IReadOnlyList<float>? sigmas)
    {
        const int number = 2;
        string title = Text.Sigmas.Title;
        if (sigmas is null || sigmas.Count == 0)
            return Report(new LabCheckResult(number, title, 1, [Text.Sigmas.NotChosen], notDone: true));
        var messages = new List<string>();
        var distinct = sigmas.Distinct().ToList();
        if (distinct.Count < 3)
            messages.Add(Say(Text.Sigmas.TooFew, distinct.Count));
        foreach (float sigma in distinct.Where(s => s is < 0.5f or > 8f))
            messages.Add(Say(Text.Sigmas.OutOfRange, Number(sigma)));
        if (distinct.Count >= 2 && distinct.Max() < 4 * distinct.Min())
            messages.Add(Say(Text.Sigmas.TooClose, Number(distinct.Min()), Number(distinct.Max())));
        return Report(new LabCheckResult(number, title, 3, messages));
    }

    /// <summary>
    /// Exercise 3, the learner's MSE loss for heatmaps: (logits [N, J, H, W], heatmaps of the same shape) to the mean
    /// over every value of (sigmoid(logit) - heatmap)², a one-number tensor through which gradients reach the logits.
    /// </summary>
    public static LabCheckResult MseLoss(Func<Tensor, Tensor, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        const int number = 3;
        string title = Text.Loss.Title;
        using var scope = NewDisposeScope();
        var generator = new Random(5);
        var logitValues = Enumerable.Range(0, 2 * 3 * 8 * 8).Select(_ => (float)(generator.NextDouble() * 6 - 3)).ToArray();
        var targetValues = Enumerable.Range(0, logitValues.Length).Select(_ => (float)generator.NextDouble()).ToArray();
        var logits = tensor(logitValues).reshape(2, 3, 8, 8).requires_grad_(true);
        var targets = tensor(targetValues).reshape(2, 3, 8, 8);
        var (value, problem) = Attempt(() => loss(logits, targets.clone()), Text.Loss.Yours);
        if (problem is not null)
            return Report(new LabCheckResult(number, title, 1, [problem]));
        if (value is null)
            return Report(new LabCheckResult(number, title, 1, [Text.Loss.ReturnedNull]));
        if (value.numel() != 1)
            return Report(new LabCheckResult(number, title, 2, [Say(Text.Loss.NotScalar, Shape(value))]));

        double got = Values(value)[0];
        var differences = logitValues.Zip(targetValues, (l, t) => 1 / (1 + Math.Exp(-l)) - t).ToArray();
        double mse = differences.Average(d => d * d);
        var messages = new List<string>();
        if (!Near(got, mse, 1e-4))
        {
            double onLogits = logitValues.Zip(targetValues, (l, t) => (l - t) * (l - t)).Average();
            double sum = mse * differences.Length, absolute = differences.Average(Math.Abs), root = Math.Sqrt(mse);
            messages.Add(Near(got, onLogits, 1e-3) ? Say(Text.Loss.OnLogits, Number(got), Number(mse))
                : Near(got / sum, 1, 1e-4) ? Say(Text.Loss.Sum, Number(got), Number(mse), differences.Length)
                : Near(got, absolute, 1e-4) ? Say(Text.Loss.NotSquared, Number(got), Number(mse))
                : Near(got, root, 1e-4) ? Say(Text.Loss.Root, Number(got), Number(mse))
                : Say(Text.Loss.Wrong, Number(got), Number(mse)));
        }
        else
        {
            var (_, backward) = Attempt(() => { value.backward(); return true; }, Text.Loss.Yours);
            if (backward is not null || logits.grad is null || Values(logits.grad).All(g => g == 0))
                messages.Add(Text.Loss.NoGradient);
        }
        return Report(new LabCheckResult(number, title, 3, messages));
    }

    /// <summary>
    /// Exercise 4, the learner's skeleton with elbows and knees: all eleven <see cref="BodyPart"/>s, and exactly the
    /// bones head-neck, neck-hips, and for each side neck-elbow-hand and hips-knee-foot (in either direction).
    /// </summary>
    public static LabCheckResult ElbowsAndKnees(Func<Skeleton> makeSkeleton)
    {
        ArgumentNullException.ThrowIfNull(makeSkeleton);
        const int number = 4;
        string title = Text.Bones.Title;
        var (skeleton, problem) = Attempt(makeSkeleton, Text.Bones.Title);
        if (problem is not null)
            return Report(new LabCheckResult(number, title, 1, [problem]));
        if (skeleton is null)
            return Report(new LabCheckResult(number, title, 1, [Text.Bones.ReturnedNull]));
        var messages = new List<string>();
        var missing = Enum.GetValues<BodyPart>().Where(p => !skeleton.Parts.Contains(p)).ToList();
        if (missing.Count > 0)
            messages.Add(Say(Text.Bones.Missing, string.Join(", ", missing.Select(Skeleton.NameOf))));

        static (BodyPart, BodyPart) Ordered((BodyPart A, BodyPart B) bone) => bone.A < bone.B ? (bone.A, bone.B) : (bone.B, bone.A);
        var want = Skeleton.Full.Bones.Select(Ordered).ToHashSet();
        var have = skeleton.Bones.Select(Ordered).ToHashSet();
        // The joint each joint hangs from in the full skeleton (the hand from its elbow, the elbow from the neck...).
        var parentOf = Skeleton.Full.Bones.ToDictionary(b => b.To, b => b.From);
        foreach (var (a, b) in have.Except(want))
        {
            var end = IsLimbEnd(a) ? a : b;
            var other = end == a ? b : a;
            if (IsLeft(a) && IsRight(b) || IsRight(a) && IsLeft(b))
                messages.Add(Say(Text.Bones.Crossed, Skeleton.NameOf(a), Skeleton.NameOf(b)));
            else if (IsLimbEnd(end) && other is BodyPart.Neck or BodyPart.Hips)
                messages.Add(Say(Text.Bones.Reattach, Skeleton.NameOf(end), Skeleton.NameOf(other), Skeleton.NameOf(parentOf[end])));
            else
                messages.Add(Say(Text.Bones.Extra, Skeleton.NameOf(a), Skeleton.NameOf(b)));
        }
        foreach (var (a, b) in want.Except(have))
            if (!messages.Any(m => m.Contains(Skeleton.NameOf(b), StringComparison.Ordinal) && m.Contains(Skeleton.NameOf(a), StringComparison.Ordinal)))
                messages.Add(Say(Text.Bones.MissingBone, Skeleton.NameOf(a), Skeleton.NameOf(b)));
        return Report(new LabCheckResult(number, title, 11 + want.Count, messages));
    }

    static bool IsLimbEnd(BodyPart part) => part is BodyPart.LeftHand or BodyPart.RightHand or BodyPart.LeftFoot or BodyPart.RightFoot;

    static bool IsLeft(BodyPart part) => part is BodyPart.LeftElbow or BodyPart.LeftHand or BodyPart.LeftKnee or BodyPart.LeftFoot;

    static bool IsRight(BodyPart part) => part is BodyPart.RightElbow or BodyPart.RightHand or BodyPart.RightKnee or BodyPart.RightFoot;

    /// <summary>
    /// Exercise 5, the learner's peak finder: (heatmap [H, W] of probabilities, threshold) to the (x, y) of every pixel
    /// above the threshold that is larger than the pixels around it. Cases: two bumps, one bump, a bump and a faint one
    /// below the threshold, a bump on the picture's edge.
    /// </summary>
    public static LabCheckResult FindPeaks(Func<Tensor, double, IReadOnlyList<(int X, int Y)>> findPeaks)
    {
        ArgumentNullException.ThrowIfNull(findPeaks);
        const int number = 5, size = 24;
        string title = Text.Peaks.Title;
        Tensor Bumps(params (float X, float Y, float Height)[] bumps)
        {
            var values = new float[size * size];
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    values[y * size + x] = bumps.Max(b => b.Height * MathF.Exp(-((x - b.X) * (x - b.X) + (y - b.Y) * (y - b.Y)) / (2 * 1.5f * 1.5f)));
            return tensor(values).reshape(size, size);
        }
        var cases = new (string Description, Tensor Heatmap, (int X, int Y)[] Expected)[]
        {
            (Text.Peaks.CaseTwo, Bumps((5, 8, 0.9f), (17, 10, 0.7f)), [(5, 8), (17, 10)]),
            (Text.Peaks.CaseOne, Bumps((12, 12, 0.95f)), [(12, 12)]),
            (Text.Peaks.CaseFaint, Bumps((6, 16, 0.8f), (18, 4, 0.2f)), [(6, 16)]),
            (Text.Peaks.CaseEdge, Bumps((0, 11, 0.85f)), [(0, 11)]),
        };
        var messages = new List<string>();
        foreach (var (description, heatmap, expected) in cases)
        {
            var (found, problem) = Attempt(() => findPeaks(heatmap.clone(), 0.3), Text.Peaks.Yours);
            if (problem is not null)
                return Report(new LabCheckResult(number, title, 1, [problem]));
            if (found is null)
                return Report(new LabCheckResult(number, title, 1, [Text.Peaks.ReturnedNull]));
            if (found.Count != expected.Length)
            {
                string hint = found.Count > expected.Length && description == Text.Peaks.CaseFaint ? Text.Peaks.HintThreshold
                    : found.Count > expected.Length ? Text.Peaks.HintAllAbove
                    : found.Count == 1 ? Text.Peaks.HintOnlyOne : "";
                AddOnce(messages, Say(Text.Peaks.Count, description, found.Count, expected.Length) + (hint.Length > 0 ? " " + hint : ""));
            }
            else if (!found.OrderBy(p => p.X).SequenceEqual(expected.OrderBy(p => p.X)))
                messages.Add(Say(Text.Peaks.Places, description, Points(found), Points(expected)));
        }
        return Report(new LabCheckResult(number, title, cases.Length, messages));
    }

    static string Points(IEnumerable<(int X, int Y)> points) => string.Join(" ", points.OrderBy(p => p.X).Select(p => $"({p.X}, {p.Y})"));

    /// <summary>
    /// Exercise 6, the learner's plan for training on hard people: set, with 64 to 2000 people, 1 to 30 epochs, 2 to 5
    /// levels of widths, and people x epochs within <paramref name="budget"/>.
    /// </summary>
    public static LabCheckResult TrainingPlan(PoseTrainingPlan? plan, int budget = 12_000)
    {
        const int number = 6;
        string title = Text.Plan.Title;
        if (plan is null)
            return Report(new LabCheckResult(number, title, 1, [Text.Plan.NotChosen], notDone: true));
        var messages = new List<string>();
        if (plan.People is < 64 or > 2000)
            messages.Add(Say(Text.Plan.People, plan.People));
        if (plan.Epochs is < 1 or > 30)
            messages.Add(Say(Text.Plan.Epochs, plan.Epochs));
        if (plan.Widths is null || plan.Widths.Count is < 2 or > 5 || plan.Widths.Any(w => w is < 4 or > 256))
            messages.Add(Say(Text.Plan.Widths, plan.Widths is null ? "" : string.Join(", ", plan.Widths)));
        if ((long)plan.People * plan.Epochs > budget)
            messages.Add(Say(Text.Plan.Budget, (long)plan.People * plan.Epochs, budget));
        return Report(new LabCheckResult(number, title, 4, messages));
    }

    /// <summary>
    /// Scores exercise 6: the learner's network on the hard test people must reach <paramref name="target"/> PCK@4 and beat
    /// the baseline by <paramref name="gain"/>.
    /// </summary>
    public static LabCheckResult HardPeople(double baselinePck, double yourPck, double target, double gain)
    {
        const int number = 6;
        var messages = new List<string>();
        if (yourPck < target)
            messages.Add(Say(Text.Hard.BelowTarget, Number(yourPck), Number(target)));
        if (yourPck < baselinePck + gain)
            messages.Add(Say(Text.Hard.NoBetter, Number(yourPck), Number(baselinePck), Number(gain)));
        return Report(new LabCheckResult(number, Text.Hard.Title, 2, messages));
    }
}
