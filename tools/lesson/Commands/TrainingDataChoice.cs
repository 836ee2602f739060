using Segmentation.Data;
using Segmentation.Loading;
using static TorchSharp.torch;

namespace Lesson.Tool.Commands;

/// <summary>
/// The library's dataset rule for the commands (<see cref="DatasetChoice"/>: the real dataset under the kit's data/
/// folder when it was fetched there, else the generated sample; PH2 split stratified by diagnosis, MADS by sequence),
/// with the user's own mistakes (an unknown dataset, a --data folder that is not there) reported as usage errors.
/// </summary>
static class TrainingDataChoice
{
    public static readonly string[] Datasets = [.. DatasetChoice.Names];

    public const double ValidationFraction = DatasetChoice.ValidationFraction;

    public static (string Folder, bool Generated) Locate(string dataset, string? folder)
    {
        CheckChoice(dataset, folder);
        return DatasetChoice.Locate(dataset, folder);
    }

    /// <summary>The dataset's cases split with <paramref name="seed"/>.</summary>
    public static (IReadOnlyList<ISegmentationPair> Train, IReadOnlyList<ISegmentationPair> Validation) SplitCases(string dataset, string root, int seed)
    {
        CheckChoice(dataset, null);
        return DatasetChoice.SplitCases(dataset, root, seed);
    }

    /// <summary>Splits with <paramref name="seed"/> and loads both parts at <paramref name="size"/> x <paramref name="size"/>.</summary>
    public static TrainingData Load(string dataset, string? folder, int size, int seed)
    {
        CheckChoice(dataset, folder);
        return DatasetChoice.Load(dataset, folder, size, seed);
    }

    /// <summary>Every image of the dataset at <paramref name="size"/>, or only the validation part of the split made with <paramref name="seed"/>.</summary>
    public static (Tensor Images, Tensor Masks, int Count) LoadForEvaluation(string dataset, string? folder, int size, int seed, bool validationOnly)
    {
        CheckChoice(dataset, folder);
        return DatasetChoice.LoadForEvaluation(dataset, folder, size, seed, validationOnly);
    }

    static void CheckChoice(string dataset, string? folder)
    {
        try
        {
            DatasetChoice.CheckChoice(dataset, folder);
        }
        catch (Exception mistake) when (mistake is ArgumentException or DirectoryNotFoundException)
        {
            throw new UsageException(mistake.Message);
        }
    }
}
