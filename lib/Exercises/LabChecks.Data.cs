using Segmentation.Data;
using Segmentation.Loading;
using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

/// <summary>
/// The lab's checks: each runs the learner's code on several hand-made cases, prints what it found in
/// plain words and returns it, without throwing, so a notebook runs on past a mistake.
/// </summary>
public static partial class LabChecks
{
    /// <summary>
    /// Checks the learner's loader: (frames, size) to images [N, 3, size, size] in 0..1 and masks
    /// [N, 1, size, size] of 0 and 1, in the frames' order. Compares with the library on the first frames.
    /// </summary>
    public static LabCheckResult Loading(Func<IReadOnlyList<MadsFrame>, int, (Tensor Images, Tensor Masks)> load, IReadOnlyList<MadsFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(frames);
        var messages = new List<string>();
        var sample = frames.Take(3).ToArray();
        const int size = 32;
        var ((images, masks), problem) = Attempt(() => load(sample, size), "your loader");
        if (problem is not null)
            return Report(new LabCheckResult("Loading MADS", 1, [problem]));
        if (images is null || masks is null)
            return Report(new LabCheckResult("Loading MADS", 1, ["your loader returned null instead of the images and masks."]));

        long n = sample.Length;
        if (!images.shape.SequenceEqual(new long[] { n, 3, size, size }))
            messages.Add($"for {n} frames at size {size} your images have shape {Shape(images)}; expected {Shape(n, 3, size, size)} (frames, red-green-blue, height, width).");
        if (!masks.shape.SequenceEqual(new long[] { n, 1, size, size }))
            messages.Add($"for {n} frames at size {size} your masks have shape {Shape(masks)}; expected {Shape(n, 1, size, size)} (one channel: person or not).");
        if (messages.Count > 0)
            return Report(new LabCheckResult("Loading MADS", 2, messages));

        var pixels = Values(images);
        if (pixels.Max() > 1.001f)
            messages.Add($"your image values go up to {Number(pixels.Max())}; expected 0..1: divide by 255.");
        var maskValues = Values(masks);
        var odd = maskValues.FirstOrDefault(v => v != 0f && v != 1f, -1f);
        if (odd != -1f)
            messages.Add($"your masks contain {Number(odd)}; expected only 0 (background) and 1 (person): threshold them.");
        if (messages.Count > 0)
            return Report(new LabCheckResult("Loading MADS", 4, messages));

        var (expectedImages, expectedMasks) = ImageTensors.LoadPairs(sample, size);
        var want = Values(expectedMasks);
        var wantImages = Values(expectedImages);
        int plane = size * size;
        for (int i = 0; i < n; i++)
        {
            int agree = 0;
            for (int p = 0; p < plane; p++)
                agree += maskValues[i * plane + p] == want[i * plane + p] ? 1 : 0;
            double difference = 0;
            for (int p = 0; p < plane * 3; p++)
                difference += Math.Abs(pixels[i * plane * 3 + p] - wantImages[i * plane * 3 + p]);
            difference /= plane * 3;
            if (agree < plane * 0.95)
                messages.Add($"the {Ordinal(i)} mask is not the mask of the {Ordinal(i)} frame ({sample[i].Name}): pair each image with its own mask, in the frames' order.");
            if (difference > 0.05)
                messages.Add($"the {Ordinal(i)} image differs from the {Ordinal(i)} frame's photo ({sample[i].Name}) by {Number(difference)} per value on average.");
        }
        return Report(new LabCheckResult("Loading MADS", 4 + 2 * (int)n, messages));
    }

    /// <summary>
    /// Checks the learner's split on 36 hand-made frames from 6 recordings (2 cameras x 3 frames each):
    /// every frame on exactly one side, no recording on both sides, about the requested share held out.
    /// </summary>
    public static LabCheckResult Split(Func<IReadOnlyList<MadsFrame>, double, (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut)> split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var frames = new List<MadsFrame>();
        foreach (var (activity, sequence) in new[] { ("HipHop", "HipHop1"), ("HipHop", "HipHop2"), ("Taichi", "Taichi1"), ("Taichi", "Taichi2"), ("Kata", "Kata1"), ("Sports", "Sports1") })
            for (int camera = 0; camera < 2; camera++)
                for (int frame = 0; frame < 3; frame++)
                {
                    string name = $"{activity}_{sequence}_C{camera}_{frame * 45:00000}";
                    frames.Add(new MadsFrame(name, $"images/{name}.png", $"masks/{name}.png", activity, sequence, camera, frame * 45));
                }
        const double fraction = 0.34;
        var ((train, heldOut), problem) = Attempt(() => split(frames, fraction), "your split");
        if (problem is not null)
            return Report(new LabCheckResult("Split by sequence", 1, [problem]));
        if (train is null || heldOut is null)
            return Report(new LabCheckResult("Split by sequence", 1, ["your split returned null instead of two lists of frames."]));

        var messages = new List<string>();
        var seen = train.Concat(heldOut).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Count());
        var missing = frames.Where(f => !seen.ContainsKey(f.Name)).ToList();
        if (missing.Count > 0)
            messages.Add($"{missing.Count} of the 36 frames are on neither side (e.g. {missing[0].Name}); every frame goes to training or to held-out.");
        var twice = seen.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        if (twice.Count > 0)
            messages.Add($"{twice.Count} frames appear more than once (e.g. {twice[0]}); each frame goes to exactly one side.");
        if (heldOut.Count == 0)
            messages.Add("nothing is held out: with validationFraction 0.34 about a third of the recordings should be.");
        if (train.Count == 0)
            messages.Add("nothing is left for training.");
        var shared = train.Select(f => f.SequenceKey).Intersect(heldOut.Select(f => f.SequenceKey)).ToList();
        if (shared.Count > 0)
            messages.Add($"{shared.Count} of the 6 recordings have frames on both sides (e.g. {shared[0]}). Frames of one recording are near-duplicates, so the held-out score would be inflated: keep all frames of a SequenceKey together.");
        else if (heldOut.Count > 0 && (heldOut.Count < 6 || heldOut.Count > 24))
            messages.Add($"{heldOut.Count} of 36 frames are held out for validationFraction 0.34; expected about a third of the recordings (12 frames).");
        return Report(new LabCheckResult("Split by sequence", 5, messages));
    }

    /// <summary>
    /// Checks the learner's augmentation on a hand-made image whose bright L-shape is exactly the mask:
    /// after 12 random draws image and mask must still line up, keep their shapes and ranges, the mask must stay
    /// 0/1, the inputs must be left alone, and the same seed must give the same result.
    /// The augmentation takes (image [3, H, W], mask [1, H, W]) and a Random, and returns new tensors.
    /// </summary>
    public static LabCheckResult Augmentation(Func<(Tensor Image, Tensor Mask), Random, (Tensor Image, Tensor Mask)> augment)
    {
        ArgumentNullException.ThrowIfNull(augment);
        const int size = 32;
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
        for (int draw = 0; draw < 12; draw++)
        {
            var givenImage = image.clone();
            var givenMask = mask.clone();
            var ((outImage, outMask), problem) = Attempt(() => augment((givenImage, givenMask), new Random(draw)), "your augmentation");
            if (problem is not null)
                return Report(new LabCheckResult("Augmentation", 1, [problem]));
            if (outImage is null || outMask is null)
                return Report(new LabCheckResult("Augmentation", 1, ["your augmentation returned null instead of an image and a mask."]));
            if (!Values(givenImage).SequenceEqual(imageValues) || !Values(givenMask).SequenceEqual(maskValues))
                AddOnce(messages, "your augmentation changed the tensors it was given (in place); return new tensors, so the dataset stays as it was.");
            if (!outImage.shape.SequenceEqual(image.shape) || !outMask.shape.SequenceEqual(mask.shape))
            {
                messages.Add($"your augmentation returned an image {Shape(outImage)} and a mask {Shape(outMask)}; expected the shapes it was given, {Shape(image)} and {Shape(mask)}.");
                break;
            }
            var newImage = Values(outImage);
            var newMask = Values(outMask);
            if (newMask.Any(v => v != 0f && v != 1f))
                AddOnce(messages, "your augmentation leaves mask values between 0 and 1 (blended pixels): move masks with nearest-neighbour sampling, or threshold them at 0.5 afterwards.");
            if (newImage.Min() < -0.001f || newImage.Max() > 1.001f)
                AddOnce(messages, $"your augmentation makes image values outside 0..1 (from {Number(newImage.Min())} to {Number(newImage.Max())}): clamp them.");
            if (!newMask.SequenceEqual(maskValues))
                changedGeometry = true;
            if (!newImage.SequenceEqual(imageValues))
                changedColours = true;

            double correlation = Correlation(newImage, newMask, size * size);
            if (newMask.Sum() > 0 && correlation < 0.75)
                AddOnce(messages, $"after your augmentation the image and its mask no longer line up (draw {draw}: the bright shape and the mask overlap poorly, correlation {Number(correlation)}): apply the same flip or rotation to both.");

            if (draw == 0)
            {
                var ((again, againMask), _) = Attempt(() => augment((image.clone(), mask.clone()), new Random(draw)), "your augmentation");
                if (again is not null && againMask is not null && (!Values(again).SequenceEqual(newImage) || !Values(againMask).SequenceEqual(newMask)))
                    messages.Add("with the same Random seed your augmentation gave different results: draw every random number from the `random` you are given, so runs can be repeated.");
            }
        }
        if (!changedGeometry && !changedColours)
            messages.Add("in 12 random draws your augmentation returned the image and mask unchanged: flip them (together!) at random, e.g. half of the time.");
        else if (!changedGeometry)
            messages.Add("in 12 random draws only the colours changed: add a geometric change, such as a random horizontal flip of image and mask together.");
        return Report(new LabCheckResult("Augmentation", 12 * 5, messages));
    }

    static void AddOnce(List<string> messages, string message)
    {
        if (!messages.Contains(message))
            messages.Add(message);
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
