namespace Segmentation.Pose;

/// <summary>What to train a pose network on and for how long: the kind of generated people, how many, epochs and network widths.</summary>
public sealed record PoseTrainingPlan
{
    /// <summary>The kind of people to train on.</summary>
    public PoseScenes Scenes { get; init; } = PoseScenes.Easy;

    /// <summary>How many generated people (pictures) to train on.</summary>
    public int People { get; init; } = 320;

    /// <summary>Passes over them.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>The U-Net's encoder widths, one per level: more levels see further around each pixel.</summary>
    public IReadOnlyList<long> Widths { get; init; } = [16, 32, 64];
}
