namespace Segmentation.Pose;

/// <summary>
/// Words of the pose library a learner reads, in one place: written in English and read through <see cref="Course.Text"/>,
/// so they come out in the notebook's language (see lib/Languages).
/// </summary>
internal static class PoseText
{
    /// <summary>A body part's name in the current language, e.g. "left elbow".</summary>
    public static string PartName(BodyPart part) => Course.Text(PartNames[(int)part]);

    /// <summary>Body part names in English, in the order of <see cref="BodyPart"/>.</summary>
    internal static readonly string[] PartNames =
        ["head", "neck", "left elbow", "left hand", "right elbow", "right hand", "hips", "left knee", "left foot", "right knee", "right foot"];

    /// <summary>Legend of a loss line.</summary>
    public static string TrainingLoss => Course.Text("training loss");
    /// <summary>Legend of a PCK line.</summary>
    public static string ValidationPck => Course.Text("validation PCK");
    /// <summary>{0} sigma, {1} loss name, {2} joints.</summary>
    public static string RunName => Course.Text("sigma {0}, {1}, {2} joints");
    /// <summary>{0} run name, {1} epochs, {2} PCK distance, {3} validation PCK, {4} seconds.</summary>
    public static string RunSummary => Course.Text("{0}: {1} epochs, validation PCK@{2} px {3:F3}  ({4:F0} s)");
    /// <summary>{0} joint name, {1} distance, {2} PCK.</summary>
    public const string JointPck = "{0,-12} PCK@{1} px {2:F3}"; // no words to translate
    /// <summary>{0} distance.</summary>
    public static string ValidationPckAt => Course.Text("validation PCK@{0}");
}
