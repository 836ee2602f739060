using Segmentation.Data;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace Segmentation.Samples;

/// <summary>
/// Writes a generated stand-in for PH2 in exactly the real archive's layout, so every lesson runs
/// before (or without) downloading the real 425 MB database. The images are synthetic: skin, an irregular
/// darker lesion and hairs, with the lesion's mask. Same count and seed, same files.
/// </summary>
public static class Ph2Sample
{
    /// <summary>Folder name <see cref="EnsureDefault"/> uses inside the data folder.</summary>
    public const string DefaultFolderName = "ph2-sample";

    /// <summary>Seed <see cref="EnsureDefault"/> uses.</summary>
    public const int DefaultSeed = 7;

    /// <summary>Most cases a sample can hold (case names have three digits).</summary>
    public const int MaxCount = 400;

    /// <summary>Written next to <c>PH2Dataset/</c> once the sample is complete; its text says what was generated.</summary>
    public const string MarkerFileName = GeneratedSample.MarkerFileName;

    // Bump when the painting changes, so EnsureDefault regenerates samples written by older code.
    const int GeneratorVersion = 2;

    /// <summary>
    /// Writes <paramref name="count"/> cases under <c>root/PH2Dataset/</c> (images, lesion masks, PH2_dataset.txt)
    /// and returns the full path of <paramref name="root"/>, ready for <see cref="Ph2Dataset.Load"/>.
    /// Replaces an earlier generated sample there; refuses to touch a <c>PH2Dataset/</c> that is not one.
    /// Not safe for two writers on the same root at once: use <see cref="EnsureDefault"/> for that.
    /// </summary>
    public static string Write(string root, int count = 200, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        return GeneratedSample.Write(root, Ph2Dataset.DatasetFolderName, Describe(count, seed),
            folder => WriteDataset(folder, count, seed));
    }

    /// <summary>
    /// Returns <c>dataFolder/ph2-sample</c>, generating it first when it is missing or incomplete
    /// (its <see cref="MarkerFileName"/> is absent or describes another sample). Safe to call from
    /// several processes or threads at once: the first generates, the others wait for it.
    /// </summary>
    public static string EnsureDefault(string dataFolder, int count = 200)
    {
        var root = Path.Combine(Path.GetFullPath(dataFolder), DefaultFolderName);
        return GeneratedSample.Ensure(root, Describe(count, DefaultSeed), () => Write(root, count, DefaultSeed));
    }

    static string Describe(int count, int seed) =>
        $"Generated stand-in for PH2 (synthetic images, not real dermoscopy): {count} cases, seed {seed}, " +
        $"generator version {GeneratorVersion}.{Environment.NewLine}";

    static void WriteDataset(string folder, int count, int seed)
    {
        // One generator decides names, diagnoses and a seed per case, in order; each case is then
        // painted from its own seed, so painting in parallel gives the same bytes as painting in sequence.
        var random = new Random(seed);
        var rows = Ph2SampleCases.Create(random, count);
        var caseSeeds = rows.Select(_ => random.Next()).ToArray();

        var images = Path.Combine(folder, Ph2Dataset.ImagesFolderName);
        Parallel.For(0, rows.Count, i => WriteCase(images, rows[i], caseSeeds[i]));
        Ph2DatasetTable.Write(Path.Combine(folder, Ph2DatasetTable.FileName), rows);
        File.WriteAllText(Path.Combine(folder, "Readme.txt"),
            "A generated stand-in for the PH2 dermoscopy database, in the same folder layout and file formats.\n" +
            "The images are synthetic (not real patients). The real database: Mendonca et al., \"PH2 - A dermoscopic\n" +
            "image database for research and benchmarking\", IEEE EMBC 2013.\n");
    }

    static void WriteCase(string imagesFolder, Ph2Metadata row, int seed)
    {
        var (rgb, mask, _) = SyntheticDermoscopy.Paint(row, seed);
        var caseFolder = Path.Combine(imagesFolder, row.Name);
        var imageFolder = Directory.CreateDirectory(Path.Combine(caseFolder, $"{row.Name}_Dermoscopic_Image"));
        var lesionFolder = Directory.CreateDirectory(Path.Combine(caseFolder, $"{row.Name}_lesion"));

        const int width = SyntheticDermoscopy.Width, height = SyntheticDermoscopy.Height;
        using (var image = Image.LoadPixelData<Rgb24>(rgb, width, height))
            image.SaveAsBmp(Path.Combine(imageFolder.FullName, $"{row.Name}.bmp"),
                new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 });
        using (var lesion = Image.LoadPixelData<L8>(mask, width, height))
            lesion.SaveAsBmp(Path.Combine(lesionFolder.FullName, $"{row.Name}_lesion.bmp"),
                new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel8 });
    }
}
