using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>Joints as heatmaps (one Gaussian bump per joint) and back (each heatmap's maximum).</summary>
public static class Heatmaps
{
    /// <summary>Targets [N, J, size, size]: for each joint a Gaussian of <paramref name="sigma"/> pixels, 1 at the joint.</summary>
    public static Tensor Render(float[,,] joints, int size, float sigma = 1.5f)
    {
        ArgumentNullException.ThrowIfNull(joints);
        int n = joints.GetLength(0), j = joints.GetLength(1);
        var values = new float[n * j * size * size];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < j; k++)
            {
                float jx = joints[i, k, 0], jy = joints[i, k, 1];
                int offset = (i * j + k) * size * size;
                for (int y = 0; y < size; y++)
                    for (int x = 0; x < size; x++)
                    {
                        float d2 = (x - jx) * (x - jx) + (y - jy) * (y - jy);
                        values[offset + y * size + x] = MathF.Exp(-d2 / (2 * sigma * sigma));
                    }
            }
        return tensor(values).reshape(n, j, size, size);
    }

    /// <summary>Each heatmap's brightest pixel, as joints [N, J, 2] of (x, y); works on logits or probabilities alike.</summary>
    public static float[,,] Maxima(Tensor heatmaps)
    {
        ArgumentNullException.ThrowIfNull(heatmaps);
        if (heatmaps.dim() != 4)
            throw new ArgumentException($"Expected heatmaps [N, J, H, W], got {TensorShapes.Describe(heatmaps)}.", nameof(heatmaps));
        using var scope = NewDisposeScope();
        int n = (int)heatmaps.shape[0], j = (int)heatmaps.shape[1], width = (int)heatmaps.shape[3];
        var index = heatmaps.detach().cpu().reshape(n, j, -1).argmax(2).data<long>().ToArray();
        var joints = new float[n, j, 2];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < j; k++)
            {
                long at = index[i * j + k];
                joints[i, k, 0] = at % width;
                joints[i, k, 1] = at / width;
            }
        return joints;
    }

    /// <summary>
    /// PCK, the percentage of correct keypoints: the share of joints predicted within <paramref name="pixels"/>
    /// of the truth (0..1), over all images and joints.
    /// </summary>
    public static double Pck(float[,,] predicted, float[,,] truth, double pixels)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        int n = truth.GetLength(0), j = truth.GetLength(1), hits = 0;
        if (predicted.GetLength(0) != n || predicted.GetLength(1) != j)
            throw new ArgumentException("Predicted and true joints differ in count.", nameof(predicted));
        for (int i = 0; i < n; i++)
            for (int k = 0; k < j; k++)
            {
                double dx = predicted[i, k, 0] - truth[i, k, 0], dy = predicted[i, k, 1] - truth[i, k, 1];
                hits += Math.Sqrt(dx * dx + dy * dy) <= pixels ? 1 : 0;
            }
        return (double)hits / (n * j);
    }
}
