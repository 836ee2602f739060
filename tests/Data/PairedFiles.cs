using Segmentation.Data;
using SixLabors.ImageSharp.PixelFormats;

namespace Lesson.Tests.Data;

/// <summary>
/// Image/mask pairs that say which pair they are: image <c>i</c> is black with a green rectangle whose red level is
/// <c>10 + 20 i</c>, and its mask is white exactly on that rectangle, <c>2 (i + 1)</c> pixels wide. From any served image
/// and mask a test can read both indices and see that they agree and that the rectangle lies where the mask is.
/// </summary>
static class PairedFiles
{
    public const int Size = 32, Top = 8, Height = 16, Left = 4;

    public static int Width(int index) => 2 * (index + 1);

    public static IReadOnlyList<ISegmentationPair> Write(string folder, int count, Probe? probe = null) =>
        Enumerable.Range(0, count).Select(i =>
        {
            string image = Path.Combine(folder, $"image{i:D2}.png"), mask = Path.Combine(folder, $"mask{i:D2}.png");
            bool Inside(int x, int y) => x >= Left && x < Left + Width(i) && y >= Top && y < Top + Height;
            DataFiles.Png(image, Size, Size, (x, y) => Inside(x, y) ? new Rgb24((byte)(10 + 20 * i), 255, 0) : new Rgb24(0, 0, 0));
            DataFiles.GrayPng(mask, Size, Size, (x, y) => Inside(x, y) ? (byte)255 : (byte)0, channels: 1);
            return (ISegmentationPair)new Pair($"pair{i}", image, mask, probe);
        }).ToList();

    /// <summary>The index image <paramref name="n"/> of a batch shows (from its rectangle's red level), and the one its mask shows (from its area).</summary>
    public static (int FromImage, int FromMask) Indices(float[] images, float[] masks, int n)
    {
        int plane = Size * Size;
        var green = images.AsSpan((n * 3 + 1) * plane, plane);
        var red = images.AsSpan(n * 3 * plane, plane);
        var mask = masks.AsSpan(n * plane, plane);
        double redSum = 0;
        int rectangle = 0, area = 0;
        for (int p = 0; p < plane; p++)
        {
            bool bright = green[p] > 0.5f, masked = mask[p] > 0.5f;
            if (bright != masked)
                throw new Xunit.Sdk.XunitException($"example {n}: the image's rectangle and the mask differ at pixel {p} (image and mask out of step)");
            if (bright) { redSum += red[p]; rectangle++; }
            if (masked) area++;
        }
        int fromImage = (int)Math.Round((redSum / rectangle * 255 - 10) / 20);
        int fromMask = area / Height / 2 - 1;
        return (fromImage, fromMask);
    }

    /// <summary>Counts how many examples are being read at once (the loader asks for the image path just before decoding it).</summary>
    public sealed class Probe
    {
        int active, reads;

        public int MostAtOnce { get; private set; }

        public int Reads => Volatile.Read(ref reads);

        internal void Enter()
        {
            int now = Interlocked.Increment(ref active);
            Interlocked.Increment(ref reads);
            lock (this)
                MostAtOnce = Math.Max(MostAtOnce, now);
            Thread.Sleep(25);   // a slow disk: decoding takes long enough to overlap, and to still be running after a break
            Interlocked.Decrement(ref active);
        }
    }

    sealed record Pair(string Name, string ImageFile, string MaskPath, Probe? Probe) : ISegmentationPair
    {
        public string ImagePath
        {
            get
            {
                Probe?.Enter();
                return ImageFile;
            }
        }

        public MaskRule MaskRule => MaskRule.GrayAbove127;
    }
}
