using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>Draws joints and bones over an image, as a <see cref="Picture"/> that displays in notebooks.</summary>
public static class SkeletonDrawing
{
    static readonly float[] BoneColour = [1f, 0.85f, 0.1f], JointColour = [1f, 0.1f, 0.1f];

    /// <summary>
    /// The image [3, H, W] enlarged <paramref name="zoom"/> times, with the joints (one image's [J, 2] slice of
    /// a joints array, picked by <paramref name="index"/>) as red dots joined by yellow bones.
    /// </summary>
    public static Picture Draw(Tensor image, float[,,] joints, int index, int zoom = 4)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(joints);
        using var scope = NewDisposeScope();
        int h = (int)image.shape[1], w = (int)image.shape[2], bigH = h * zoom, bigW = w * zoom;
        var small = image.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var big = new float[3 * bigH * bigW];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < bigH; y++)
                for (int x = 0; x < bigW; x++)
                    big[(c * bigH + y) * bigW + x] = small[(c * h + y / zoom) * w + x / zoom];
        (float X, float Y) At(int j) => ((joints[index, j, 0] + 0.5f) * zoom, (joints[index, j, 1] + 0.5f) * zoom);
        foreach (var (a, b) in Joints.Bones)
            Line(big, bigW, bigH, At(a), At(b), zoom * 0.4f, BoneColour);
        for (int j = 0; j < joints.GetLength(1); j++)
            Disc(big, bigW, bigH, At(j), zoom * 0.9f, JointColour);
        return Picture.FromImageTensor(tensor(big).reshape(3, bigH, bigW));
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
