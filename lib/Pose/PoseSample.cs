using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// Generated stick people with known joints, for the pose challenge: images [N, 3, size, size] in 0..1 and
/// joints [N, <see cref="Joints.Count"/>, 2] as (x, y) pixel positions. The left hand and foot are always on the
/// image's left, so every joint can be told apart from one picture.
/// </summary>
public sealed class PoseSample
{
    PoseSample(Tensor images, float[,,] joints) => (Images, Joints) = (images, joints);

    /// <summary>The images, [N, 3, size, size], values 0..1.</summary>
    public Tensor Images { get; }

    /// <summary>The joints: [image, joint, 0] is x and [image, joint, 1] is y, in pixels (see <see cref="Pose.Joints"/>).</summary>
    public float[,,] Joints { get; }

    /// <summary>Draws <paramref name="count"/> people of <paramref name="size"/>x<paramref name="size"/> pixels; the same seed gives the same people.</summary>
    public static PoseSample Generate(int count, int size = 64, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 32);
        var random = new Random(seed);
        var pixels = new float[count * 3 * size * size];
        var joints = new float[count, Pose.Joints.Count, 2];
        for (int n = 0; n < count; n++)
        {
            var person = Person(random, size);
            for (int j = 0; j < person.Length; j++)
                (joints[n, j, 0], joints[n, j, 1]) = person[j];
            var canvas = new Span<float>(pixels, n * 3 * size * size, 3 * size * size);
            float[] background = [Draw(random, 0.05, 0.35), Draw(random, 0.05, 0.35), Draw(random, 0.05, 0.35)];
            float[] body = [Draw(random, 0.6, 1), Draw(random, 0.6, 1), Draw(random, 0.6, 1)];
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < size * size; p++)
                    canvas[c * size * size + p] = Math.Clamp(background[c] + Draw(random, -0.05, 0.05), 0, 1);
            float scale = (person[Pose.Joints.Hips].Y - person[Pose.Joints.Neck].Y) / 14f;
            foreach (var (a, b) in Pose.Joints.Bones)
                SkeletonDrawing.Line(canvas, size, size, person[a], person[b], 1.2f * scale, body);
            SkeletonDrawing.Disc(canvas, size, size, person[Pose.Joints.Head], 3.2f * scale, body);
        }
        return new PoseSample(tensor(pixels).reshape(count, 3, size, size), joints);
    }

    static (float X, float Y)[] Person(Random random, int size)
    {
        float s = size / 64f * Draw(random, 0.8, 1.1);
        var neck = (X: Draw(random, 0.35, 0.65) * size, Y: Draw(random, 0.28, 0.38) * size);
        (float, float) From((float X, float Y) start, double length, double degrees)
        {
            double radians = degrees * Math.PI / 180;
            return (Math.Clamp(start.X + (float)(length * s * Math.Cos(radians)), 2, size - 3),
                    Math.Clamp(start.Y + (float)(length * s * Math.Sin(radians)), 2, size - 3));
        }
        var head = From(neck, 7, Draw(random, -100, -80));
        var hips = From(neck, 14, Draw(random, 85, 95));
        return
        [
            head, neck,
            From(neck, 12, Draw(random, 120, 240)),     // left hand: image left
            From(neck, 12, Draw(random, -60, 60)),      // right hand: image right
            hips,
            From(hips, 14, Draw(random, 100, 130)),     // left foot
            From(hips, 14, Draw(random, 50, 80)),       // right foot
        ];
    }

    static float Draw(Random random, double low, double high) => (float)(low + (high - low) * random.NextDouble());
}
