using Segmentation.Data;
using Segmentation.Loading;
using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.LabMessages;

namespace Segmentation.Exercises;

/// <summary>
/// The lab's checks: each runs the learner's code on several cases, prints what it found in plain words and
/// returns it, without throwing, so a notebook runs on past a mistake. Every sentence a check prints is in
/// <see cref="LabMessages"/>, one table per check.
/// </summary>
public static partial class LabChecks
{
    /// <summary>
    /// Exercise 1, the learner's loader: (frames, size) to images [N, 3, size, size] in 0..1 and masks
    /// [N, 1, size, size] of 0 and 1 (the mask files' gray levels above half), in the frames' order.
    /// Compares with the library's reading of three frames from different recordings.
    /// </summary>
    public static LabCheckResult Loading(Func<IReadOnlyList<MadsFrame>, int, (Tensor Images, Tensor Masks)> load, IReadOnlyList<MadsFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(frames);
        const int number = 1;
        string title = Text.Loading.Title;
        var messages = new List<string>();
        // Three frames far apart in the list, so they come from different recordings and a mix-up shows.
        var sample = new[] { frames[0], frames[frames.Count / 2], frames[^1] }.Distinct().ToArray();
        const int size = 32;
        var ((images, masks), problem) = Attempt(() => load(sample, size), Text.Loading.Yours);
        if (problem is not null)
            return Report(new LabCheckResult(number, title, 1, [problem]));
        if (images is null || masks is null)
            return Report(new LabCheckResult(number, title, 1, [Text.Loading.ReturnedNull]));

        long n = sample.Length;
        if (!images.shape.SequenceEqual(new long[] { n, 3, size, size }))
            messages.Add(Say(Text.Loading.ImageShape, n, size, Shape(images), Shape(n, 3, size, size)));
        if (!masks.shape.SequenceEqual(new long[] { n, 1, size, size }))
            messages.Add(Say(Text.Loading.MaskShape, n, size, Shape(masks), Shape(n, 1, size, size)));
        if (messages.Count > 0)
            return Report(new LabCheckResult(number, title, 2, messages));

        var pixels = Values(images);
        if (pixels.Max() > 1.001f)
            messages.Add(Say(Text.Loading.ImageRange, Number(pixels.Max())));
        var maskValues = Values(masks);
        var odd = maskValues.FirstOrDefault(v => v != 0f && v != 1f, -1f);
        if (odd != -1f)
            messages.Add(Say(Text.Loading.MaskNotBinary, Number(odd)));
        if (messages.Count > 0)
            return Report(new LabCheckResult(number, title, 4, messages));

        var (expectedImages, expectedMasks) = ImageTensors.LoadPairs(sample, size);
        var want = Values(expectedMasks);
        var wantImages = Values(expectedImages);
        int plane = size * size;
        for (int i = 0; i < n; i++)
        {
            int both = 0, yours = 0, truth = 0, otherFrameBest = 0;
            for (int p = 0; p < plane; p++)
            {
                bool mine = maskValues[i * plane + p] == 1f, real = want[i * plane + p] == 1f;
                both += mine && real ? 1 : 0;
                yours += mine ? 1 : 0;
                truth += real ? 1 : 0;
            }
            for (int j = 0; j < n; j++)
                if (j != i)
                    otherFrameBest = Math.Max(otherFrameBest, Enumerable.Range(0, plane).Count(p => maskValues[i * plane + p] == 1f && want[j * plane + p] == 1f));
            double iou = yours + truth - both == 0 ? 1 : (double)both / (yours + truth - both);
            double difference = 0;
            for (int p = 0; p < plane * 3; p++)
                difference += Math.Abs(pixels[i * plane * 3 + p] - wantImages[i * plane * 3 + p]);
            difference /= plane * 3;

            string frame = sample[i].Name;
            if (yours > plane / 2 && truth < plane / 2 && both < truth / 2)
                AddOnce(messages, Say(Text.Loading.MaskInverted, i + 1, frame));
            else if (iou < 0.5 && otherFrameBest > both)
                messages.Add(Say(Text.Loading.MaskOfAnotherFrame, i + 1, frame));
            else if (iou < 0.97 && yours > truth)
                AddOnce(messages, Say(Text.Loading.MaskTooFat, Number(100.0 * (yours - truth) / Math.Max(1, truth))));
            else if (iou < 0.97)
                AddOnce(messages, Say(Text.Loading.MaskTooThin, Number(100.0 * (truth - yours) / Math.Max(1, truth))));
            if (difference > 0.05)
                messages.Add(Say(Text.Loading.ImageDiffers, i + 1, frame, Number(difference)));
        }
        return Report(new LabCheckResult(number, title, 4 + 2 * (int)n, messages));
    }

    /// <summary>
    /// Exercise 2, the learner's split: on 36 hand-made frames from 6 recordings (2 cameras x 3 frames each), and on
    /// the dataset's own frames when given: every frame on exactly one side, no recording on both sides, about the
    /// requested share held out, and the same answer every time it runs (the test recordings must not change).
    /// </summary>
    public static LabCheckResult Split(Func<IReadOnlyList<MadsFrame>, double, (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut)> split,
        IReadOnlyList<MadsFrame>? frames = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        const int number = 2;
        string title = Text.Split.Title;
        var made = new List<MadsFrame>();
        foreach (var (activity, sequence) in new[] { ("HipHop", "HipHop1"), ("HipHop", "HipHop2"), ("Taichi", "Taichi1"), ("Taichi", "Taichi2"), ("Kata", "Kata1"), ("Sports", "Sports1") })
            for (int camera = 0; camera < 2; camera++)
                for (int frame = 0; frame < 3; frame++)
                {
                    string name = $"{activity}_{sequence}_C{camera}_{frame * 45:00000}";
                    made.Add(new MadsFrame(name, $"images/{name}.png", $"masks/{name}.png", activity, sequence, camera, frame * 45));
                }
        // 0.3 of 36 frames is 10.8: a split that counts frames instead of recordings cuts one recording in two.
        const double fraction = 0.3;
        var ((train, heldOut), problem) = Attempt(() => split(made, fraction), Text.Split.Yours);
        if (problem is not null)
            return Report(new LabCheckResult(number, title, 1, [problem]));
        if (train is null || heldOut is null)
            return Report(new LabCheckResult(number, title, 1, [Text.Split.ReturnedNull]));

        var messages = new List<string>();
        var seen = train.Concat(heldOut).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Count());
        var missing = made.Where(f => !seen.ContainsKey(f.Name)).ToList();
        if (missing.Count > 0)
            messages.Add(Say(Text.Split.Missing, missing.Count, made.Count, missing[0].Name));
        var twice = seen.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        if (twice.Count > 0)
            messages.Add(Say(Text.Split.Twice, twice.Count, twice[0]));
        if (heldOut.Count == 0)
            messages.Add(Say(Text.Split.NothingHeldOut, Number(fraction)));
        if (train.Count == 0)
            messages.Add(Text.Split.NothingForTraining);
        var shared = train.Select(f => f.SequenceKey).Intersect(heldOut.Select(f => f.SequenceKey)).ToList();
        if (shared.Count > 0)
            messages.Add(Say(Text.Split.Leaks, shared.Count, 6, shared[0]));
        else if (heldOut.Count > 0 && (heldOut.Count < 6 || heldOut.Count > 18))
            messages.Add(Say(Text.Split.WrongShare, heldOut.Count, made.Count, Number(fraction)));

        // Asked again, a repeatable split answers the same. A new shuffle each call can still land on the same
        // recordings by chance (there are only six), so it is asked five more times.
        for (int again = 0; again < 5; again++)
        {
            var ((_, againHeldOut), _) = Attempt(() => split(made, fraction), Text.Split.Yours);
            if (againHeldOut is not null && !againHeldOut.Select(f => f.Name).SequenceEqual(heldOut.Select(f => f.Name)))
            {
                messages.Add(Text.Split.NotRepeatable);
                break;
            }
        }

        int cases = 6;
        if (frames is { Count: > 0 } && messages.Count == 0)
        {
            cases++;
            var ((realTrain, realHeldOut), realProblem) = Attempt(() => split(frames, 0.2), Text.Split.Yours);
            if (realProblem is not null)
                messages.Add(realProblem);
            else if (realTrain is null || realHeldOut is null || realTrain.Count == 0 || realHeldOut.Count == 0)
                messages.Add(Say(Text.Split.RealEmpty, frames.Count));
            else
            {
                var realShared = realTrain.Select(f => f.SequenceKey).Intersect(realHeldOut.Select(f => f.SequenceKey)).ToList();
                if (realShared.Count > 0)
                    messages.Add(Say(Text.Split.RealLeaks, frames.Count, realShared.Count, realShared[0]));
            }
        }
        return Report(new LabCheckResult(number, title, cases, messages));
    }

    /// <summary>
    /// Exercise 3, the learner's augmentation, on a hand-made image whose bright L-shape is exactly the mask:
    /// after 12 random draws image and mask must still line up, keep their shapes and ranges, the mask must stay
    /// 0/1, the inputs must be left alone, and the same seed must give the same result.
    /// The augmentation takes (image [3, H, W], mask [1, H, W]) and a Random, and returns new tensors.
    /// </summary>
    public static LabCheckResult Augmentation(Func<(Tensor Image, Tensor Mask), Random, (Tensor Image, Tensor Mask)> augment)
    {
        ArgumentNullException.ThrowIfNull(augment);
        const int number = 3, size = 32, draws = 12;
        string title = Text.Augmentation.Title;
        var shape = Mask(size, size, (y, x) => (y is >= 2 and < 13 && x is >= 2 and < 6) || (y is >= 9 and < 13 && x is >= 2 and < 15));
        var mask = shape.reshape(1, size, size);
        var maskValues = Values(mask);
        var imageValues = new float[3 * size * size];
        for (int c = 0; c < 3; c++)
            for (int p = 0; p < size * size; p++)
                imageValues[c * size * size + p] = maskValues[p] == 1f ? 0.8f - 0.1f * c : 0.15f + 0.05f * c;
        var image = tensor(imageValues).reshape(3, size, size);

        var messages = new List<string>();
        bool changedColours = false, changedGeometry = false;
        for (int draw = 0; draw < draws; draw++)
        {
            var givenImage = image.clone();
            var givenMask = mask.clone();
            var ((outImage, outMask), problem) = Attempt(() => augment((givenImage, givenMask), new Random(draw)), Text.Augmentation.Yours);
            if (problem is not null)
                return Report(new LabCheckResult(number, title, 1, [problem]));
            if (outImage is null || outMask is null)
                return Report(new LabCheckResult(number, title, 1, [Text.Augmentation.ReturnedNull]));
            if (!Values(givenImage).SequenceEqual(imageValues) || !Values(givenMask).SequenceEqual(maskValues))
                AddOnce(messages, Text.Augmentation.InPlace);
            if (!outImage.shape.SequenceEqual(image.shape) || !outMask.shape.SequenceEqual(mask.shape))
            {
                messages.Add(Say(Text.Augmentation.Shapes, Shape(outImage), Shape(outMask), Shape(image), Shape(mask)));
                break;
            }
            var newImage = Values(outImage);
            var newMask = Values(outMask);
            if (newMask.Any(v => v != 0f && v != 1f))
                AddOnce(messages, Text.Augmentation.MaskBlended);
            if (newImage.Min() < -0.001f || newImage.Max() > 1.001f)
                AddOnce(messages, Say(Text.Augmentation.ImageRange, Number(newImage.Min()), Number(newImage.Max())));
            if (!newMask.SequenceEqual(maskValues))
                changedGeometry = true;
            if (!newImage.SequenceEqual(imageValues))
                changedColours = true;

            double correlation = Correlation(newImage, newMask, size * size);
            if (newMask.Sum() > 0 && correlation < 0.75)
                AddOnce(messages, Say(Text.Augmentation.Misaligned, draw, Number(correlation)));

            // The same seed again must give the same change (every draw, so a coin tossed elsewhere shows).
            var ((again, againMask), _) = Attempt(() => augment((image.clone(), mask.clone()), new Random(draw)), Text.Augmentation.Yours);
            if (again is not null && againMask is not null && (!Values(again).SequenceEqual(newImage) || !Values(againMask).SequenceEqual(newMask)))
                AddOnce(messages, Text.Augmentation.NotRepeatable);
        }
        if (!changedGeometry && !changedColours)
            messages.Add(Say(Text.Augmentation.Unchanged, draws));
        else if (!changedGeometry)
            messages.Add(Say(Text.Augmentation.OnlyColours, draws));
        return Report(new LabCheckResult(number, title, draws * 6, messages));
    }

    /// <summary>Pearson correlation between the image's brightness (mean of channels) and the mask.</summary>
    static double Correlation(float[] image, float[] mask, int plane)
    {
        var brightness = new double[plane];
        for (int p = 0; p < plane; p++)
            brightness[p] = (image[p] + image[plane + p] + image[2 * plane + p]) / 3.0;
        double meanB = brightness.Average(), meanM = mask.Average(v => (double)v);
        double cov = 0, varB = 0, varM = 0;
        for (int p = 0; p < plane; p++)
        {
            cov += (brightness[p] - meanB) * (mask[p] - meanM);
            varB += (brightness[p] - meanB) * (brightness[p] - meanB);
            varM += (mask[p] - meanM) * (mask[p] - meanM);
        }
        return varB == 0 || varM == 0 ? 0 : cov / Math.Sqrt(varB * varM);
    }
}
