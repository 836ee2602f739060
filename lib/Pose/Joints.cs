namespace Segmentation.Pose;

/// <summary>The joints of the challenge's people, their names, and the bones between them.</summary>
public static class Joints
{
    /// <summary>Joint indices.</summary>
    public const int Head = 0, Neck = 1, LeftHand = 2, RightHand = 3, Hips = 4, LeftFoot = 5, RightFoot = 6;

    /// <summary>How many joints (and heatmaps) there are.</summary>
    public const int Count = 7;

    /// <summary>Joint names by index.</summary>
    public static IReadOnlyList<string> Names { get; } = ["head", "neck", "left hand", "right hand", "hips", "left foot", "right foot"];

    /// <summary>The skeleton: pairs of joints joined by a bone.</summary>
    public static IReadOnlyList<(int From, int To)> Bones { get; } =
        [(Head, Neck), (Neck, LeftHand), (Neck, RightHand), (Neck, Hips), (Hips, LeftFoot), (Hips, RightFoot)];
}
