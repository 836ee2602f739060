namespace Segmentation.Pose;

/// <summary>
/// Which joints a pose network finds (one heatmap each, in this order) and the bones drawn between them.
/// <see cref="Basic"/> is the challenge's start: seven joints, hands hanging from the neck, feet from the hips.
/// </summary>
public sealed class Skeleton
{
    /// <summary>A skeleton of <paramref name="parts"/> (one output channel each, in this order) joined by <paramref name="bones"/>.</summary>
    /// <exception cref="ArgumentException">No parts, a part twice, or a bone between parts the skeleton does not have.</exception>
    public Skeleton(IReadOnlyList<BodyPart> parts, IReadOnlyList<(BodyPart From, BodyPart To)> bones)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(bones);
        if (parts.Count == 0)
            throw new ArgumentException("A skeleton needs at least one joint.", nameof(parts));
        if (parts.Distinct().Count() != parts.Count)
            throw new ArgumentException($"A skeleton lists each joint once; these appear twice: {string.Join(", ", parts.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key))}.", nameof(parts));
        foreach (var (from, to) in bones)
            if (!parts.Contains(from) || !parts.Contains(to))
                throw new ArgumentException($"The bone {from}-{to} joins a joint the skeleton does not list; add it to the parts first.", nameof(bones));
        Parts = parts.ToArray();
        Bones = bones.ToArray();
    }

    /// <summary>The joints, in the order of the network's output channels.</summary>
    public IReadOnlyList<BodyPart> Parts { get; }

    /// <summary>The bones: pairs of joints drawn joined.</summary>
    public IReadOnlyList<(BodyPart From, BodyPart To)> Bones { get; }

    /// <summary>How many joints (and heatmaps).</summary>
    public int Count => Parts.Count;

    /// <summary>Head, neck, both hands, hips and both feet; each hand joined to the neck, each foot to the hips.</summary>
    public static Skeleton Basic { get; } = new(
        [BodyPart.Head, BodyPart.Neck, BodyPart.LeftHand, BodyPart.RightHand, BodyPart.Hips, BodyPart.LeftFoot, BodyPart.RightFoot],
        [(BodyPart.Head, BodyPart.Neck), (BodyPart.Neck, BodyPart.LeftHand), (BodyPart.Neck, BodyPart.RightHand), (BodyPart.Neck, BodyPart.Hips),
         (BodyPart.Hips, BodyPart.LeftFoot), (BodyPart.Hips, BodyPart.RightFoot)]);

    /// <summary>Every joint the generated people have, elbows and knees included, each limb in two bones.</summary>
    public static Skeleton Full { get; } = new(Enum.GetValues<BodyPart>(),
        [(BodyPart.Head, BodyPart.Neck), (BodyPart.Neck, BodyPart.LeftElbow), (BodyPart.LeftElbow, BodyPart.LeftHand),
         (BodyPart.Neck, BodyPart.RightElbow), (BodyPart.RightElbow, BodyPart.RightHand), (BodyPart.Neck, BodyPart.Hips),
         (BodyPart.Hips, BodyPart.LeftKnee), (BodyPart.LeftKnee, BodyPart.LeftFoot), (BodyPart.Hips, BodyPart.RightKnee),
         (BodyPart.RightKnee, BodyPart.RightFoot)]);

    /// <summary>The position of <paramref name="part"/> among <see cref="Parts"/> (its output channel); -1 when absent.</summary>
    public int IndexOf(BodyPart part) => Array.IndexOf((BodyPart[])Parts, part);

    /// <summary>
    /// This skeleton's joints from joints of every body part ([N, 11, 2], as <see cref="PoseSample.Joints"/>):
    /// [N, <see cref="Count"/>, 2] in the order of <see cref="Parts"/>.
    /// </summary>
    public float[,,] Select(float[,,] allParts)
    {
        ArgumentNullException.ThrowIfNull(allParts);
        if (allParts.GetLength(1) != Enum.GetValues<BodyPart>().Length)
            throw new ArgumentException($"Expected the joints of all {Enum.GetValues<BodyPart>().Length} body parts ([N, 11, 2]), got {allParts.GetLength(1)} per person.", nameof(allParts));
        int n = allParts.GetLength(0);
        var chosen = new float[n, Count, 2];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < Count; j++)
                for (int c = 0; c < 2; c++)
                    chosen[i, j, c] = allParts[i, (int)Parts[j], c];
        return chosen;
    }

    /// <summary>The names of the joints, in order, e.g. "left hand".</summary>
    public IReadOnlyList<string> Names => Parts.Select(NameOf).ToArray();

    /// <summary>A body part's name in words, e.g. "left hand".</summary>
    public static string NameOf(BodyPart part) => PoseText.PartName(part);
}
