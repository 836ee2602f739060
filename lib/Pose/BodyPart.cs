namespace Segmentation.Pose;

/// <summary>
/// The joints a generated person has, by the person's own left and right: a person facing the camera has their
/// left hand on the image's right. The value is the joint's index in <see cref="PoseSample.People"/>.
/// </summary>
public enum BodyPart
{
    /// <summary>Centre of the head.</summary>
    Head,
    /// <summary>Where the arms meet the body.</summary>
    Neck,
    /// <summary>The left elbow.</summary>
    LeftElbow,
    /// <summary>The left hand.</summary>
    LeftHand,
    /// <summary>The right elbow.</summary>
    RightElbow,
    /// <summary>The right hand.</summary>
    RightHand,
    /// <summary>Where the legs meet the body.</summary>
    Hips,
    /// <summary>The left knee.</summary>
    LeftKnee,
    /// <summary>The left foot.</summary>
    LeftFoot,
    /// <summary>The right knee.</summary>
    RightKnee,
    /// <summary>The right foot.</summary>
    RightFoot,
}
