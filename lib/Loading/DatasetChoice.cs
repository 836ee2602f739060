using Segmentation.Data;
using Segmentation.Samples;
using static TorchSharp.torch;

namespace Segmentation.Loading;

/// <summary>
/// The kit's rule for which data to train on and how to split it, the same for notebooks and the <c>lesson</c> tool:
/// the real dataset when <c>lesson fetch</c> put it in the kit's data folder (<see cref="DatasetLocations"/>), else the
/// generated sample in its layout, created on first use. PH2 is split stratified by diagnosis; MADS by sequence, so
/// near-duplicate frames of one sequence never sit on both sides. <see cref="ValidationFraction"/> is held out.
/// </summary>
/// <example>
/// <code>
/// using var data = DatasetChoice.Load("ph2", folder: null, size: 256, seed: 1);   // real PH2 if fetched, else the sample
/// trainer.Fit(data.TrainImages, data.TrainMasks, data.ValidationImages, data.ValidationMasks);
/// </code>
/// </example>
public static class DatasetChoice
{
    /// <summary>The datasets by name: "ph2" (dermoscopy) and "mads" (people).</summary>
    public static IReadOnlyList<string> Names { get; } = ["ph2", "mads"];

    /// <summary>The share of a dataset held out for validation by the standard split.</summary>
    public const double ValidationFraction = 0.1;

    /// <summary>
    /// The folder to read <paramref name="dataset"/> from: <paramref name="folder"/> when given; else the real dataset
    /// in the data folder (<paramref name="dataFolder"/>, by default the kit's <c>data/</c> above the current folder);
    /// else the generated sample there, written on first use.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dataset"/> is not one of <see cref="Names"/>.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="folder"/> was given and does not exist.</exception>
    public static (string Folder, bool Generated) Locate(string dataset, string? folder = null, string? dataFolder = null)
    {
        CheckChoice(dataset, folder);
        if (folder != null)
            return (folder, false);
        string start = Directory.GetCurrentDirectory();
        dataFolder ??= DatasetLocations.FindDataFolder(start) ?? Path.Combine(start, "data");
        string? real = dataset == "ph2" ? DatasetLocations.Ph2(dataFolder) : DatasetLocations.Mads(dataFolder);
        if (real != null)
            return (real, false);
        return (dataset == "ph2" ? Ph2Sample.EnsureDefault(dataFolder) : MadsSample.EnsureDefault(dataFolder), true);
    }

    /// <summary>The standard split of the dataset in <paramref name="root"/>, made with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="dataset"/> is not one of <see cref="Names"/>.</exception>
    public static (IReadOnlyList<ISegmentationPair> Train, IReadOnlyList<ISegmentationPair> Validation) SplitCases(string dataset, string root, int seed)
    {
        CheckName(dataset);
        if (dataset == "ph2")
        {
            var (train, validation) = Split.Stratified(Ph2Dataset.Load(root), c => c.Diagnosis, ValidationFraction, seed);
            return (train.Cast<ISegmentationPair>().ToList(), validation.Cast<ISegmentationPair>().ToList());
        }
        var (trainFrames, validationFrames) = Split.BySequence(MadsDataset.Load(root), ValidationFraction, seed);
        return (trainFrames.Cast<ISegmentationPair>().ToList(), validationFrames.Cast<ISegmentationPair>().ToList());
    }

    /// <summary>
    /// Locates the dataset (see <see cref="Locate"/>), splits it with <paramref name="seed"/> and loads both parts at
    /// <paramref name="size"/> x <paramref name="size"/>.
    /// </summary>
    public static TrainingData Load(string dataset, string? folder, int size, int seed)
    {
        var (root, generated) = Locate(dataset, folder);
        var (train, validation) = SplitCases(dataset, root, seed);
        var (trainImages, trainMasks) = ImageTensors.LoadPairs(train, size);
        var (validationImages, validationMasks) = ImageTensors.LoadPairs(validation, size);
        return new TrainingData(dataset, root, generated, trainImages, trainMasks, validationImages, validationMasks, train.Count, validation.Count);
    }

    /// <summary>
    /// Every image of the dataset at <paramref name="size"/>, or with <paramref name="validationOnly"/> only the
    /// validation part of the split made with <paramref name="seed"/> (the images a checkpoint did not train on).
    /// </summary>
    public static (Tensor Images, Tensor Masks, int Count) LoadForEvaluation(string dataset, string? folder, int size, int seed, bool validationOnly)
    {
        var (root, _) = Locate(dataset, folder);
        var (train, validation) = SplitCases(dataset, root, seed);
        var chosen = validationOnly ? validation : train.Concat(validation).ToList();
        var (images, masks) = ImageTensors.LoadPairs(chosen, size);
        return (images, masks, chosen.Count);
    }

    /// <summary>Checks what a learner chose: a dataset name and, optionally, the folder it was extracted into.</summary>
    /// <exception cref="ArgumentException"><paramref name="dataset"/> is not one of <see cref="Names"/>.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="folder"/> was given and does not exist.</exception>
    public static void CheckChoice(string dataset, string? folder = null)
    {
        CheckName(dataset);
        if (folder != null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"the data folder {Path.GetFullPath(folder)} does not exist. Give the folder you extracted the dataset into.");
    }

    static void CheckName(string dataset)
    {
        if (!Names.Contains(dataset))
            throw new ArgumentException($"unknown dataset '{dataset}'. Available: {string.Join(", ", Names)}.");
    }
}

/// <summary>Image/mask tensors for training and validation, and where they came from (<see cref="DatasetChoice.Load"/>).</summary>
/// <param name="Dataset">"ph2" or "mads".</param>
/// <param name="Folder">The folder the dataset was read from.</param>
/// <param name="Generated">True for the generated sample, false for the real dataset (or a folder given by hand).</param>
/// <param name="TrainImages">[N, 3, size, size], values 0..1.</param>
/// <param name="TrainMasks">[N, 1, size, size], 0 or 1.</param>
/// <param name="ValidationImages">[M, 3, size, size].</param>
/// <param name="ValidationMasks">[M, 1, size, size].</param>
/// <param name="TrainCount">N.</param>
/// <param name="ValidationCount">M.</param>
public sealed record TrainingData(string Dataset, string Folder, bool Generated, Tensor TrainImages, Tensor TrainMasks,
    Tensor ValidationImages, Tensor ValidationMasks, int TrainCount, int ValidationCount) : IDisposable
{
    /// <summary>Frees the four tensors.</summary>
    public void Dispose()
    {
        foreach (var t in new[] { TrainImages, TrainMasks, ValidationImages, ValidationMasks })
            t.Dispose();
    }
}
