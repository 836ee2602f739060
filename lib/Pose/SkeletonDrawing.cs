using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>Draws joints and bones over an image, enlarged, as a <see cref="Picture"/> that displays in notebooks.</summary>
public static class SkeletonDrawing
{
    static readonly float[] BoneColour = [1f, 0.85f, 0.1f], JointColour = [1f, 0.1f, 0.1f], PointColour = [0.1f, 0.9f, 1f];

    /// <summary>
    /// The image [3, H, W] enlarged <paramref name="zoom"/> times, with one person's joints (image <paramref name="index"/>
    /// of joints [N, J, 2] in the order of <paramref name="skeleton"/>, <see cref="Skeleton.Basic"/> by default) as red
    /// dots joined by yellow bones.
    /// </summary>
    public static Picture Draw(Tensor image, float[,,] joints, int index, Skeleton? skeleton = null, int zoom = 4)
    {
        ArgumentNullException.ThrowIfNull(joints);
        var person = new float[1, joints.GetLength(1), 2];
        for (int j = 0; j < joints.GetLength(1); j++)
            (person[0, j, 0], person[0, j, 1]) = (joints[index, j, 0], joints[index, j, 1]);
        return DrawPeople(image, person, skeleton, zoom);
    }

    /// <summary>Every person of one image (joints [people, J, 2] in the order of <paramref name="skeleton"/>), drawn as in <see cref="Draw"/>.</summary>
    /// <exception cref="ArgumentException">The joints do not match the skeleton's count.</exception>
    public static Picture DrawPeople(Tensor image, float[,,] people, Skeleton? skeleton = null, int zoom = 4)
    {
        ArgumentNullException.ThrowIfNull(people);
        skeleton ??= Skeleton.Basic;
        if (people.GetLength(1) != skeleton.Count)
            throw new ArgumentException($"These joints have {people.GetLength(1)} per person but the skeleton has {skeleton.Count} ({string.Join(", ", skeleton.Names)}): draw them with the skeleton they were made for.", nameof(people));
        var (big, width, height) = Enlarged(image, zoom);
        for (int who = 0; who < people.GetLength(0); who++)
        {
            (float X, float Y) At(BodyPart part) => ((people[who, skeleton.IndexOf(part), 0] + 0.5f) * zoom, (people[who, skeleton.IndexOf(part), 1] + 0.5f) * zoom);
            foreach (var (a, b) in skeleton.Bones)
                Line(big, width, height, At(a), At(b), zoom * 0.4f, BoneColour);
            foreach (var part in skeleton.Parts)
                Disc(big, width, height, At(part), zoom * 0.9f, JointColour);
        }
        return Picture.FromImageTensor(tensor(big).reshape(3, height, width));
    }

    /// <summary>The image enlarged, with found points (e.g. the peaks of one joint's heatmap) as cyan dots.</summary>
    public static Picture DrawPoints(Tensor image, IEnumerable<(int X, int Y)> points, int zoom = 4)
    {
        ArgumentNullException.ThrowIfNull(points);
        var (big, width, height) = Enlarged(image, zoom);
        foreach (var (x, y) in points)
            Disc(big, width, height, ((x + 0.5f) * zoom, (y + 0.5f) * zoom), zoom * 1.1f, PointColour);
        return Picture.FromImageTensor(tensor(big).reshape(3, height, width));
    }

    static (float[] Pixels, int Width, int Height) Enlarged(Tensor image, int zoom)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(zoom, 1);
        using var scope = NewDisposeScope();
        int h = (int)image.shape[1], w = (int)image.shape[2], bigH = h * zoom, bigW = w * zoom;
        var small = image.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var big = new float[3 * bigH * bigW];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < bigH; y++)
                for (int x = 0; x < bigW; x++)
                    big[(c * bigH + y) * bigW + x] = small[(c * h + y / zoom) * w + x / zoom];
        return (big, bigW, bigH);
    }

    /// <summary>A thick line of <paramref name="colour"/> on a [3, H, W] canvas.</summary>
    internal static void Line(Span<float> canvas, int width, int height, (float X, float Y) from, (float X, float Y) to, float radius, float[] colour)
    {
        float length = MathF.Sqrt((to.X - from.X) * (to.X - from.X) + (to.Y - from.Y) * (to.Y - from.Y));
        int steps = Math.Max(1, (int)(length * 3));
        for (int s = 0; s <= steps; s++)
        {
            float t = (float)s / steps;
            Disc(canvas, width, height, (from.X + t * (to.X - from.X), from.Y + t * (to.Y - from.Y)), radius, colour);
        }
    }

    /// <summary>A filled disc of <paramref name="colour"/> on a [3, H, W] canvas.</summary>
    internal static void Disc(Span<float> canvas, int width, int height, (float X, float Y) centre, float radius, float[] colour)
    {
        for (int y = Math.Max(0, (int)(centre.Y - radius)); y <= Math.Min(height - 1, (int)(centre.Y + radius)); y++)
            for (int x = Math.Max(0, (int)(centre.X - radius)); x <= Math.Min(width - 1, (int)(centre.X + radius)); x++)
                if ((x - centre.X) * (x - centre.X) + (y - centre.Y) * (y - centre.Y) <= radius * radius)
                    for (int c = 0; c < 3; c++)
                        canvas[(c * height + y) * width + x] = colour[c];
    }
}
