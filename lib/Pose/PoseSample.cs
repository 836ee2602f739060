using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// Generated stick people with known joints, for the pose challenge: images [N, 3, size, size] in 0..1 and every
/// person's joints (all of <see cref="BodyPart"/>, as (x, y) pixel positions). Arms and legs bend at elbows and knees.
/// A person's head shows which way they face: hair when their back is to the camera (their left on the image's left),
/// a face when they face it (their left on the image's right). <see cref="PoseScenes"/> adds occlusion and a second person.
/// </summary>
public sealed class PoseSample
{
    PoseSample(Tensor images, IReadOnlyList<float[,,]> people, IReadOnlyList<bool> facing, IReadOnlyList<bool> occluded)
    {
        Images = images;
        People = people;
        FacingCamera = facing;
        Occluded = occluded;
        int n = people.Count, parts = people[0].GetLength(1);
        Joints = new float[n, parts, 2];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < parts; j++)
                for (int c = 0; c < 2; c++)
                    Joints[i, j, c] = people[i][0, j, c];
    }

    /// <summary>The images, [N, 3, size, size], values 0..1.</summary>
    public Tensor Images { get; }

    /// <summary>Every person of every image: per image [people, 11, 2], [p, (int)part, 0] the x and [p, (int)part, 1] the y.</summary>
    public IReadOnlyList<float[,,]> People { get; }

    /// <summary>The first (or only) person's joints: [N, 11, 2], indexed by <see cref="BodyPart"/>; pick some with <see cref="Skeleton.Select"/>.</summary>
    public float[,,] Joints { get; }

    /// <summary>Per image, whether the first person faces the camera.</summary>
    public IReadOnlyList<bool> FacingCamera { get; }

    /// <summary>Per image, whether a box hides one of the first person's limbs.</summary>
    public IReadOnlyList<bool> Occluded { get; }

    /// <summary>Number of images.</summary>
    public int Count => People.Count;

    /// <summary>Every person's joints of <paramref name="skeleton"/>, per image [people, skeleton.Count, 2].</summary>
    public IReadOnlyList<float[,,]> PeopleOf(Skeleton skeleton)
    {
        ArgumentNullException.ThrowIfNull(skeleton);
        return People.Select(skeleton.Select).ToArray();
    }

    /// <summary>
    /// Draws <paramref name="count"/> pictures of <paramref name="size"/>x<paramref name="size"/> pixels (easy ones unless
    /// <paramref name="scenes"/> says otherwise); the same seed and scenes give the same pictures.
    /// </summary>
    public static PoseSample Generate(int count, int size = 64, int seed = 1, PoseScenes? scenes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 32);
        scenes ??= PoseScenes.Easy;
        var random = new Random(seed);
        var pixels = new float[count * 3 * size * size];
        var people = new float[count][,,];
        var facing = new bool[count];
        var occluded = new bool[count];
        for (int n = 0; n < count; n++)
        {
            var canvas = new Span<float>(pixels, n * 3 * size * size, 3 * size * size);
            float[] background = [Draw(random, 0.1, 0.45), Draw(random, 0.1, 0.45), Draw(random, 0.1, 0.45)];
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < size * size; p++)
                    canvas[c * size * size + p] = Math.Clamp(background[c] + Draw(random, -0.05, 0.05), 0, 1);

            int persons = random.NextDouble() < scenes.TwoPeopleChance ? 2 : 1;
            people[n] = new float[persons, Enum.GetValues<BodyPart>().Length, 2];
            for (int who = 0; who < persons; who++)
            {
                bool towardsCamera = random.NextDouble() < scenes.FacingCameraChance;
                if (who == 0)
                    facing[n] = towardsCamera;
                // Alone, a person stands near the middle; two stand apart, a little smaller.
                (double low, double high) across = persons == 1 ? (0.35, 0.65) : who == 0 ? (0.2, 0.32) : (0.68, 0.8);
                float scale = size / 64f * (persons == 1 ? Draw(random, 0.8, 1.1) : Draw(random, 0.7, 0.85));
                var joints = Person(random, size, Draw(random, across.low, across.high) * size, scale, towardsCamera);
                for (int j = 0; j < joints.Length; j++)
                    (people[n][who, j, 0], people[n][who, j, 1]) = joints[j];
                float[] body = [Draw(random, 0.6, 1), Draw(random, 0.6, 1), Draw(random, 0.6, 1)];
                foreach (var (a, b) in Skeleton.Full.Bones)
                    if (a != BodyPart.Head)
                        SkeletonDrawing.Line(canvas, size, size, joints[(int)a], joints[(int)b], 1.2f * scale, body);
                float[] head = towardsCamera
                    ? [Draw(random, 0.85, 1), Draw(random, 0.62, 0.78), Draw(random, 0.45, 0.6)]     // a face
                    : [Draw(random, 0.02, 0.1), Draw(random, 0.02, 0.08), Draw(random, 0.02, 0.06)];  // hair
                SkeletonDrawing.Line(canvas, size, size, joints[(int)BodyPart.Neck], joints[(int)BodyPart.Head], 1.2f * scale, body);
                SkeletonDrawing.Disc(canvas, size, size, joints[(int)BodyPart.Head], 3.4f * scale, head);
            }
            if (random.NextDouble() < scenes.OcclusionChance)
            {
                occluded[n] = true;
                BodyPart[] limbs = [BodyPart.LeftElbow, BodyPart.LeftHand, BodyPart.RightElbow, BodyPart.RightHand,
                                    BodyPart.LeftKnee, BodyPart.LeftFoot, BodyPart.RightKnee, BodyPart.RightFoot];
                var hidden = limbs[random.Next(limbs.Length)];
                float x = people[n][0, (int)hidden, 0] + Draw(random, -2, 2), y = people[n][0, (int)hidden, 1] + Draw(random, -2, 2);
                float halfWidth = Draw(random, 5, 9) * size / 64f, halfHeight = Draw(random, 5, 9) * size / 64f;
                float[] box = [Draw(random, 0.3, 0.7), Draw(random, 0.3, 0.7), Draw(random, 0.3, 0.7)];
                Box(canvas, size, x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight, box);
            }
        }
        return new PoseSample(tensor(pixels).reshape(count, 3, size, size), people, facing, occluded);
    }

    /// <summary>One person's joints, indexed by <see cref="BodyPart"/>.</summary>
    static (float X, float Y)[] Person(Random random, int size, float neckX, float scale, bool towardsCamera)
    {
        var neck = (X: neckX, Y: Draw(random, 0.28, 0.38) * size);
        (float X, float Y) From((float X, float Y) start, double length, double degrees)
        {
            double radians = degrees * Math.PI / 180;
            return (Math.Clamp(start.X + (float)(length * scale * Math.Cos(radians)), 2, size - 3),
                    Math.Clamp(start.Y + (float)(length * scale * Math.Sin(radians)), 2, size - 3));
        }
        var head = From(neck, 7, Draw(random, -100, -80));
        var hips = From(neck, 14, Draw(random, 85, 95));
        // Angles in degrees, 0 pointing right and 90 down the image: the limbs on the image's left, then on its right.
        double upperArmLeft = Draw(random, 130, 230), upperArmRight = Draw(random, -50, 50);
        var elbowImageLeft = From(neck, 6.5, upperArmLeft);
        var handImageLeft = From(elbowImageLeft, 6.5, upperArmLeft + Draw(random, -45, 45));
        var elbowImageRight = From(neck, 6.5, upperArmRight);
        var handImageRight = From(elbowImageRight, 6.5, upperArmRight + Draw(random, -45, 45));
        double thighLeft = Draw(random, 100, 125), thighRight = Draw(random, 55, 80);
        var kneeImageLeft = From(hips, 7.5, thighLeft);
        var footImageLeft = From(kneeImageLeft, 7.5, thighLeft + Draw(random, -20, 20));
        var kneeImageRight = From(hips, 7.5, thighRight);
        var footImageRight = From(kneeImageRight, 7.5, thighRight + Draw(random, -20, 20));
        // Back to the camera, the person's left is the image's left; facing it, the other way round.
        var (leftElbow, leftHand, rightElbow, rightHand) = towardsCamera
            ? (elbowImageRight, handImageRight, elbowImageLeft, handImageLeft) : (elbowImageLeft, handImageLeft, elbowImageRight, handImageRight);
        var (leftKnee, leftFoot, rightKnee, rightFoot) = towardsCamera
            ? (kneeImageRight, footImageRight, kneeImageLeft, footImageLeft) : (kneeImageLeft, footImageLeft, kneeImageRight, footImageRight);
        return [head, neck, leftElbow, leftHand, rightElbow, rightHand, hips, leftKnee, leftFoot, rightKnee, rightFoot];
    }

    static void Box(Span<float> canvas, int size, float left, float top, float right, float bottom, float[] colour)
    {
        for (int y = Math.Max(0, (int)top); y <= Math.Min(size - 1, (int)bottom); y++)
            for (int x = Math.Max(0, (int)left); x <= Math.Min(size - 1, (int)right); x++)
                for (int c = 0; c < 3; c++)
                    canvas[(c * size + y) * size + x] = colour[c];
    }

    static float Draw(Random random, double low, double high) => (float)(low + (high - low) * random.NextDouble());
}
