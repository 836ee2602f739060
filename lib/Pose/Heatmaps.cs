using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>Joints as heatmaps (one Gaussian bump per joint) and back (each heatmap's maximum, or its peaks), and PCK.</summary>
public static class Heatmaps
{
    /// <summary>Targets [N, J, size, size] for joints [N, J, 2]: for each joint a Gaussian of <paramref name="sigma"/> pixels, 1 at the joint.</summary>
    public static Tensor Render(float[,,] joints, int size, float sigma = 1.5f)
    {
        ArgumentNullException.ThrowIfNull(joints);
        int n = joints.GetLength(0), j = joints.GetLength(1);
        var people = new float[n][,,];
        for (int i = 0; i < n; i++)
        {
            people[i] = new float[1, j, 2];
            for (int k = 0; k < j; k++)
                (people[i][0, k, 0], people[i][0, k, 1]) = (joints[i, k, 0], joints[i, k, 1]);
        }
        return Render(people, size, sigma);
    }

    /// <summary>
    /// Targets [N, J, size, size] for several people per image (per image [people, J, 2]): each joint's heatmap has a
    /// bump for every person, the larger value where two overlap.
    /// </summary>
    public static Tensor Render(IReadOnlyList<float[,,]> people, int size, float sigma = 1.5f)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
            throw new ArgumentException("Give the joints of at least one image.", nameof(people));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sigma, 0f);
        int n = people.Count, j = people[0].GetLength(1);
        var values = new float[n * j * size * size];
        for (int i = 0; i < n; i++)
            for (int who = 0; who < people[i].GetLength(0); who++)
                for (int k = 0; k < j; k++)
                {
                    float jx = people[i][who, k, 0], jy = people[i][who, k, 1];
                    int offset = (i * j + k) * size * size;
                    for (int y = 0; y < size; y++)
                        for (int x = 0; x < size; x++)
                        {
                            float d2 = (x - jx) * (x - jx) + (y - jy) * (y - jy);
                            values[offset + y * size + x] = Math.Max(values[offset + y * size + x], MathF.Exp(-d2 / (2 * sigma * sigma)));
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
    /// The peaks of one heatmap [H, W] of probabilities: pixels above <paramref name="threshold"/> that are the largest
    /// within <paramref name="radius"/> pixels around them (a plateau gives its first pixel in reading order), strongest first.
    /// </summary>
    public static IReadOnlyList<(int X, int Y)> Peaks(Tensor heatmap, double threshold = 0.3, int radius = 2)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        if (heatmap.dim() != 2)
            throw new ArgumentException($"Expected one heatmap [H, W], got [{string.Join(", ", heatmap.shape)}].", nameof(heatmap));
        int height = (int)heatmap.shape[0], width = (int)heatmap.shape[1];
        var v = heatmap.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var peaks = new List<(int X, int Y, float Value)>();
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                float here = v[y * width + x];
                if (here <= threshold)
                    continue;
                bool top = true;
                for (int dy = -radius; dy <= radius && top; dy++)
                    for (int dx = -radius; dx <= radius && top; dx++)
                    {
                        int ny = y + dy, nx = x + dx;
                        if ((dx != 0 || dy != 0) && ny >= 0 && ny < height && nx >= 0 && nx < width)
                        {
                            float there = v[ny * width + nx];
                            // Ties go to the earlier pixel in reading order, so a plateau gives one peak.
                            top = there < here || there == here && (ny > y || ny == y && nx > x);
                        }
                    }
                if (top)
                    peaks.Add((x, y, here));
            }
        return peaks.OrderByDescending(p => p.Value).Select(p => (p.X, p.Y)).ToArray();
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

    /// <summary>PCK of one joint (channel <paramref name="joint"/>) alone.</summary>
    public static double Pck(float[,,] predicted, float[,,] truth, double pixels, int joint)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        int n = truth.GetLength(0), hits = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = predicted[i, joint, 0] - truth[i, joint, 0], dy = predicted[i, joint, 1] - truth[i, joint, 1];
            hits += Math.Sqrt(dx * dx + dy * dy) <= pixels ? 1 : 0;
        }
        return (double)hits / n;
    }

    /// <summary>
    /// PCK when a frame may hold several people: for each image and joint, the found points (<paramref name="found"/>[image][joint])
    /// are matched one to one with the people's true joints, nearest pairs first; a true joint with a found point within
    /// <paramref name="pixels"/> counts. Also returns the found points matched to nobody (false alarms), which PCK alone
    /// would not punish.
    /// </summary>
    public static (double Pck, int FalseAlarms) Pck(IReadOnlyList<IReadOnlyList<(int X, int Y)>[]> found, IReadOnlyList<float[,,]> people, double pixels)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(people);
        if (found.Count != people.Count)
            throw new ArgumentException($"Found points for {found.Count} images but joints for {people.Count}.", nameof(found));
        int hits = 0, total = 0, falseAlarms = 0;
        for (int i = 0; i < people.Count; i++)
        {
            int persons = people[i].GetLength(0), joints = people[i].GetLength(1);
            for (int k = 0; k < joints; k++)
            {
                var points = found[i][k];
                var pairs = new List<(double Distance, int Person, int Point)>();
                for (int who = 0; who < persons; who++)
                    for (int p = 0; p < points.Count; p++)
                    {
                        double dx = points[p].X - people[i][who, k, 0], dy = points[p].Y - people[i][who, k, 1];
                        pairs.Add((Math.Sqrt(dx * dx + dy * dy), who, p));
                    }
                var personTaken = new bool[persons];
                var pointTaken = new bool[points.Count];
                foreach (var (distance, who, p) in pairs.Where(pair => pair.Distance <= pixels).OrderBy(pair => pair.Distance))
                    if (!personTaken[who] && !pointTaken[p])
                    {
                        personTaken[who] = pointTaken[p] = true;
                        hits++;
                    }
                total += persons;
                falseAlarms += pointTaken.Count(taken => !taken);
            }
        }
        return ((double)hits / total, falseAlarms);
    }
}
