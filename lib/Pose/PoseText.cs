namespace Segmentation.Pose;

/// <summary>Words of the pose library a learner reads, in one place (another language is another copy of this table).</summary>
internal static class PoseText
{
    /// <summary>Body part names, in the order of <see cref="BodyPart"/>.</summary>
    public static readonly string[] PartNames =
        ["head", "neck", "left elbow", "left hand", "right elbow", "right hand", "hips", "left knee", "left foot", "right knee", "right foot"];

    /// <summary>{0} epoch, {1} epochs, {2} loss, {3} PCK distance, {4} PCK, {5} seconds.</summary>
    public const string Epoch = "epoch {0}/{1}: loss {2}, PCK@{3} px {4} on the validation people  ({5} s)";
    /// <summary>{0} epoch, {1} epochs, {2} loss, {3} seconds.</summary>
    public const string EpochWithoutValidation = "epoch {0}/{1}: loss {2}  ({3} s)";
    public const string TrainingLoss = "training loss";
    public const string ValidationPck = "validation PCK";
    /// <summary>{0} sigma, {1} loss name, {2} joints.</summary>
    public const string RunName = "sigma {0}, {1}, {2} joints";
    /// <summary>{0} run name, {1} epochs, {2} PCK distance, {3} validation PCK, {4} seconds.</summary>
    public const string RunSummary = "{0}: {1} epochs, validation PCK@{2} px {3:F3}  ({4:F0} s)";
    /// <summary>{0} joint name, {1} distance, {2} PCK.</summary>
    public const string JointPck = "{0,-12} PCK@{1} px {2:F3}";
    /// <summary>{0} distance.</summary>
    public const string ValidationPckAt = "validation PCK@{0}";
}
