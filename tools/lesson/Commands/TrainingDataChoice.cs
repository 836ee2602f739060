using Lesson.Tool.Notebooks;
using Segmentation.Data;
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
/// Finds and loads the dataset a command names. Without --data: the real dataset under the repository's
/// data/ folder when it is there, else the generated sample (created on first use).
/// </summary>
static class TrainingDataChoice
{
    public static readonly string[] Datasets = ["ph2"];

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
        string dataRoot = Path.Combine(NotebookDiscovery.FindRepoRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory(), "data");
        string real = Path.Combine(dataRoot, Ph2Dataset.DatasetFolderName);
        return Directory.Exists(real) ? (dataRoot, false) : (Ph2Sample.EnsureDefault(dataRoot), true);
    }

    /// <summary>Splits with <paramref name="seed"/> and loads both parts at <paramref name="size"/> x <paramref name="size"/>.</summary>
    public static TrainingData Load(string dataset, string? folder, int size, int seed)
    {
        var (root, generated) = Locate(dataset, folder);
        var cases = Ph2Dataset.Load(root);
        var (train, validation) = Split.Random(cases, ValidationFraction, seed);
        var (trainImages, trainMasks) = ImageTensors.LoadPairs(train.Select(c => (c.ImagePath, c.MaskPath)), size);
        var (validationImages, validationMasks) = ImageTensors.LoadPairs(validation.Select(c => (c.ImagePath, c.MaskPath)), size);
        return new TrainingData(dataset, root, generated, trainImages, trainMasks, validationImages, validationMasks, train.Count, validation.Count);
    }

    /// <summary>Every image of the dataset at <paramref name="size"/>, or only the validation part of the split made with <paramref name="seed"/>.</summary>
    public static (Tensor Images, Tensor Masks, int Count) LoadForEvaluation(string dataset, string? folder, int size, int seed, bool validationOnly)
    {
        var (root, _) = Locate(dataset, folder);
        var cases = Ph2Dataset.Load(root);
        IReadOnlyList<Ph2Case> chosen = validationOnly ? Split.Random(cases, ValidationFraction, seed).Validation : cases;
        var (images, masks) = ImageTensors.LoadPairs(chosen.Select(c => (c.ImagePath, c.MaskPath)), size);
        return (images, masks, chosen.Count);
    }
}
