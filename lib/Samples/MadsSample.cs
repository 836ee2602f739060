using System.Text;
using Segmentation.Data;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace Segmentation.Samples;

/// <summary>
/// Writes a generated stand-in for the Segmentation Full Body MADS dataset in the archive's layout as unzipped:
/// <c>df.csv</c> next to the doubled folder, 512x384 PNG images of a person (head, torso, limbs, in the poses of
/// five activities) in cluttered rooms, white-on-black PNG masks, and image+mask collages as JPEG. Sequences of
/// three frames (numbered 45 apart), each filmed by three cameras. Same count and seed, same files.
/// </summary>
public static class MadsSample
{
    /// <summary>Folder name <see cref="EnsureDefault"/> uses inside the data folder.</summary>
    public const string DefaultFolderName = "mads-sample";

    /// <summary>Seed <see cref="EnsureDefault"/> uses.</summary>
    public const int DefaultSeed = 11;

    /// <summary>
    /// Frames in the default sample: 26 sequences x 3 frames x 3 cameras, and 6 frames of a 27th sequence. With half
    /// as many (14 recordings) the lab's U-Net reached a held-out IoU of only 0.82: too few different people to
    /// generalise from; with 27 it reaches about 0.88 (measured with `lesson train --dataset mads`).
    /// </summary>
    public const int DefaultCount = 240;

    /// <summary>Most frames a sample can hold.</summary>
    public const int MaxCount = 3000;

    /// <summary>Image width and height in pixels, as in MADS.</summary>
    public const int Width = MadsSampleFrames.Width, Height = MadsSampleFrames.Height;

    // Bump when the painting changes, so EnsureDefault regenerates samples written by older code.
    const int GeneratorVersion = 4;

    /// <summary>
    /// Writes <paramref name="count"/> frames under <paramref name="root"/> and returns its full path, ready for
    /// <see cref="MadsDataset.Load"/>. Replaces an earlier generated sample there; refuses to touch a dataset
    /// folder that is not one. Not safe for two writers on the same root at once: use <see cref="EnsureDefault"/>.
    /// </summary>
    public static string Write(string root, int count = DefaultCount, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var frames = MadsSampleFrames.Create(count, seed);
        return GeneratedSample.Write(root, MadsDataset.FolderName, Describe(count, seed),
            build: outer => WriteFrames(Path.Combine(outer, MadsDataset.FolderName), frames),
            rootFiles: [MadsDataset.CsvFileName],
            finish: fullRoot => WriteCsv(Path.Combine(fullRoot, MadsDataset.CsvFileName), frames));
    }

    /// <summary>
    /// Returns <c>dataFolder/mads-sample</c>, generating it first when it is missing or incomplete.
    /// Safe to call from several processes or threads at once: the first generates, the others wait for it.
    /// </summary>
    public static string EnsureDefault(string dataFolder, int count = DefaultCount)
    {
        var root = Path.Combine(Path.GetFullPath(dataFolder), DefaultFolderName);
        return GeneratedSample.Ensure(root, Describe(count, DefaultSeed), () => Write(root, count, DefaultSeed));
    }

    static string Describe(int count, int seed) =>
        $"Generated stand-in for the MADS full-body segmentation dataset (synthetic people): {count} frames, seed {seed}, " +
        $"generator version {GeneratorVersion}.{Environment.NewLine}";

    static void WriteFrames(string inner, List<MadsFramePlan> frames)
    {
        var images = Directory.CreateDirectory(Path.Combine(inner, MadsDataset.ImagesFolderName)).FullName;
        var masks = Directory.CreateDirectory(Path.Combine(inner, MadsDataset.MasksFolderName)).FullName;
        var collages = Directory.CreateDirectory(Path.Combine(inner, MadsDataset.CollagesFolderName)).FullName;
        // Each frame is painted from its plan alone, so painting in parallel gives the same bytes as in sequence.
        Parallel.ForEach(frames, frame =>
        {
            var (rgb, mask, _) = MadsFramePainter.Paint(frame);
            using var image = Image.LoadPixelData<Rgb24>(rgb, Width, Height);
            image.SaveAsPng(Path.Combine(images, frame.Name + ".png"));
            // Masks as 3-channel PNG, white person on black, the way readers must expect them.
            var maskRgb = new byte[3 * mask.Length];
            for (int i = 0; i < mask.Length; i++)
                maskRgb[3 * i] = maskRgb[3 * i + 1] = maskRgb[3 * i + 2] = mask[i];
            using var maskImage = Image.LoadPixelData<Rgb24>(maskRgb, Width, Height);
            maskImage.SaveAsPng(Path.Combine(masks, frame.Name + ".png"));
            WriteCollage(Path.Combine(collages, frame.Name + ".jpg"), rgb, maskRgb);
        });
    }

    /// <summary>Image and mask side by side, as the dataset's collages/ show them (not training data).</summary>
    static void WriteCollage(string path, byte[] rgb, byte[] maskRgb)
    {
        var both = new byte[2 * rgb.Length];
        int row = 3 * Width;
        for (int y = 0; y < Height; y++)
        {
            rgb.AsSpan(y * row, row).CopyTo(both.AsSpan(2 * y * row));
            maskRgb.AsSpan(y * row, row).CopyTo(both.AsSpan(2 * y * row + row));
        }
        using var collage = Image.LoadPixelData<Rgb24>(both, 2 * Width, Height);
        collage.SaveAsJpeg(path, new JpegEncoder { Quality = 80 });
    }

    static void WriteCsv(string path, List<MadsFramePlan> frames)
    {
        var text = new StringBuilder("images,masks\n");
        foreach (var frame in frames.OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append($"{MadsDataset.ImagesFolderName}/{frame.Name}.png,{MadsDataset.MasksFolderName}/{frame.Name}.png\n");
        File.WriteAllText(path, text.ToString());
    }
}
