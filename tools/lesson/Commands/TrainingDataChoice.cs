using Lesson.Tool.Notebooks;
using Segmentation.Data;
using Segmentation.Fetch;
using static TorchSharp.torch;

namespace Lesson.Tool.Commands;

/// <summary>Image/mask tensors for training and validation, and where they came from.</summary>
sealed record TrainingData(string Dataset, string Folder, bool Generated, Tensor TrainImages, Tensor TrainMasks,
    Tensor ValidationImages, Tensor ValidationMasks, int TrainCount, int ValidationCount) : IDisposable
{
    public void Dispose()
    {
        foreach (var t in new[] { TrainImages, TrainMasks, ValidationImages, ValidationMasks })
            t.Dispose();
    }
}

/// <summary>
/// Finds, splits and loads the dataset a command names. Without --data: the real dataset under the repository's
/// data/ folder when it was fetched there, else the generated sample (created on first use).
/// PH2 is split stratified by diagnosis; MADS by sequence, so near-duplicate frames never sit on both sides.
/// </summary>
static class TrainingDataChoice
{
    public static readonly string[] Datasets = ["ph2", "mads"];

    public const double ValidationFraction = 0.1;

    public static (string Folder, bool Generated) Locate(string dataset, string? folder)
    {
        if (!Datasets.Contains(dataset))
            throw new UsageException($"unknown dataset '{dataset}'. Available: {string.Join(", ", Datasets)}.");
        if (folder != null)
        {
            if (!Directory.Exists(folder))
                throw new UsageException($"the data folder {Path.GetFullPath(folder)} does not exist. Give the folder you extracted the dataset into.");
            return (folder, false);
        }
        string dataFolder = DatasetLocations.FindDataFolder(Directory.GetCurrentDirectory())
            ?? Path.Combine(NotebookDiscovery.FindRepoRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory(), "data");
        string? real = dataset == "ph2" ? DatasetLocations.Ph2(dataFolder) : DatasetLocations.Mads(dataFolder);
        if (real != null)
            return (real, false);
        return (dataset == "ph2" ? Ph2Sample.EnsureDefault(dataFolder) : MadsSample.EnsureDefault(dataFolder), true);
    }

    /// <summary>The dataset's cases split with <paramref name="seed"/>.</summary>
    public static (IReadOnlyList<ISegmentationPair> Train, IReadOnlyList<ISegmentationPair> Validation) SplitCases(string dataset, string root, int seed)
    {
        if (dataset == "ph2")
        {
            var (train, validation) = Split.Stratified(Ph2Dataset.Load(root), c => c.Diagnosis, ValidationFraction, seed);
            return (train.Cast<ISegmentationPair>().ToList(), validation.Cast<ISegmentationPair>().ToList());
        }
        var (trainFrames, validationFrames) = Split.BySequence(MadsDataset.Load(root), ValidationFraction, seed);
        return (trainFrames.Cast<ISegmentationPair>().ToList(), validationFrames.Cast<ISegmentationPair>().ToList());
    }

    /// <summary>Splits with <paramref name="seed"/> and loads both parts at <paramref name="size"/> x <paramref name="size"/>.</summary>
    public static TrainingData Load(string dataset, string? folder, int size, int seed)
    {
        var (root, generated) = Locate(dataset, folder);
        var (train, validation) = SplitCases(dataset, root, seed);
        var (trainImages, trainMasks) = ImageTensors.LoadPairs(train, size);
        var (validationImages, validationMasks) = ImageTensors.LoadPairs(validation, size);
        return new TrainingData(dataset, root, generated, trainImages, trainMasks, validationImages, validationMasks, train.Count, validation.Count);
    }

    /// <summary>Every image of the dataset at <paramref name="size"/>, or only the validation part of the split made with <paramref name="seed"/>.</summary>
    public static (Tensor Images, Tensor Masks, int Count) LoadForEvaluation(string dataset, string? folder, int size, int seed, bool validationOnly)
    {
        var (root, _) = Locate(dataset, folder);
        var (train, validation) = SplitCases(dataset, root, seed);
        var chosen = validationOnly ? validation : train.Concat(validation).ToList();
        var (images, masks) = ImageTensors.LoadPairs(chosen, size);
        return (images, masks, chosen.Count);
    }
}
