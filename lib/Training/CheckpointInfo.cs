using Segmentation.Models;

namespace Segmentation.Training;

/// <summary>One entry of a model's state dict: its name and shape.</summary>
/// <param name="Name">State-dict name, e.g. <c>encoder.0.conv.weight</c>.</param>
/// <param name="Shape">Tensor shape.</param>
public sealed record StateEntry(string Name, long[] Shape);

/// <summary>What a run trained on, kept with its checkpoints so `lesson evaluate` can score it on the same split.</summary>
/// <param name="Dataset">Dataset name, e.g. "ph2" or "mads".</param>
/// <param name="SplitSeed">Seed of the train/validation split.</param>
/// <param name="Loss">Loss name from <see cref="Losses.LossCatalog"/>, e.g. "bce".</param>
public sealed record RunMetadata(string? Dataset = null, int? SplitSeed = null, string? Loss = null);

/// <summary>What a checkpoint file says about itself (everything except the weights).</summary>
/// <param name="Model">Model name: the catalogue name (e.g. "unet-double"), or the class name of a network the catalogue does not build.</param>
/// <param name="Architecture">Catalogue name and every constructor argument, to build the network again; null for a network the catalogue does not build.</param>
/// <param name="Run">What the run trained on (dataset, split seed, loss), when the trainer was told.</param>
/// <param name="ImageSize">Side of the square images the model was trained on.</param>
/// <param name="Epoch">Epochs completed when it was written.</param>
/// <param name="BestDice">Best validation Dice so far.</param>
/// <param name="Optimizer">Optimiser name ("adam", "sgd"), or null when no optimiser state is stored.</param>
/// <param name="History">Every completed epoch's results.</param>
/// <param name="State">Names and shapes of the stored weights, to refuse a checkpoint of another architecture before touching a model.</param>
public sealed record CheckpointInfo(string Model, ModelArchitecture? Architecture, RunMetadata? Run, int ImageSize, int Epoch, double BestDice,
    string? Optimizer, IReadOnlyList<EpochResult> History, IReadOnlyList<StateEntry> State);
