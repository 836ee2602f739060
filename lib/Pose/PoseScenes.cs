namespace Segmentation.Pose;

/// <summary>
/// How hard the generated pose pictures are: how often a second person joins the frame, how often something stands in
/// front of a limb, and how often the person faces the camera (their left on the image's right: only the head tells,
/// a face towards the camera, hair away from it). Each is a chance from 0 (never) to 1 (always).
/// </summary>
public sealed record PoseScenes
{
    /// <summary>Chance of a second, smaller person beside the first.</summary>
    public double TwoPeopleChance { get; init => field = Chance(value, nameof(TwoPeopleChance)); }

    /// <summary>Chance of a box in front of one of the first person's elbows, hands, knees or feet.</summary>
    public double OcclusionChance { get; init => field = Chance(value, nameof(OcclusionChance)); }

    /// <summary>Chance that a person faces the camera (face shown), rather than turning their back (hair shown).</summary>
    public double FacingCameraChance { get; init => field = Chance(value, nameof(FacingCameraChance)); }

    /// <summary>One person, back to the camera, nothing in the way: left is always on the image's left.</summary>
    public static PoseScenes Easy { get; } = new();

    /// <summary>One person, facing the camera half of the time, a limb hidden half of the time.</summary>
    public static PoseScenes Hard { get; } = new() { OcclusionChance = 0.5, FacingCameraChance = 0.5 };

    /// <summary>Two people in every frame, back to the camera.</summary>
    public static PoseScenes TwoPeople { get; } = new() { TwoPeopleChance = 1 };

    static double Chance(double value, string name) => value is >= 0 and <= 1 ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} is a chance: between 0 (never) and 1 (always).");
}
