using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tests.Data;

/// <summary>
/// The generated samples carry what makes the real datasets hard, and their masks stay the truth: hair crosses lesion
/// borders without changing the mask, the dermoscope darkens the corners, some lesions are faint; people come in
/// several sizes, objects in front of them are left out of their mask, and fast moves blur without moving the mask.
/// </summary>
public class SampleDifficultyTests
{
    const int Width = SyntheticDermoscopy.Width, Height = SyntheticDermoscopy.Height;

    static readonly IReadOnlyList<Ph2Metadata> Rows = Ph2SampleCases.Create(new Random(5), 40);

    [Fact]
    public void Hair_crosses_the_lesion_border_in_some_pictures_and_never_changes_the_mask()
    {
        int hairy = 0, crossing = 0;
        for (int seed = 0; seed < Rows.Count; seed++)
        {
            var picture = SyntheticDermoscopy.Paint(Rows[seed], seed);
            var bare = SyntheticDermoscopy.Paint(Rows[seed], seed, DermoscopyEffects.All & ~DermoscopyEffects.Hair);

            Assert.Equal(bare.Mask, picture.Mask);
            if (!picture.Hair.Any(h => h > 0.5f))
                continue;
            hairy++;
            Assert.NotEqual(bare.Rgb, picture.Rgb);
            // A hair pixel on the border: inside the mask, next to a pixel outside it.
            bool crosses = Enumerable.Range(0, Width * Height).Any(i =>
                picture.Hair[i] > 0.5f && picture.Mask[i] == 255 && i % Width > 0 && i % Width < Width - 1 && i / Width > 0 && i / Width < Height - 1
                && (picture.Mask[i - 1] == 0 || picture.Mask[i + 1] == 0 || picture.Mask[i - Width] == 0 || picture.Mask[i + Width] == 0));
            if (crosses)
                crossing++;
        }
        Assert.InRange(hairy, 0.4 * Rows.Count, 0.9 * Rows.Count);
        Assert.True(crossing >= 0.8 * hairy, $"hair crosses the lesion border in {crossing} of {hairy} hairy pictures");
    }

    [Fact]
    public void Nothing_painted_over_the_skin_changes_the_mask()
    {
        for (int seed = 0; seed < 6; seed++)
        {
            var picture = SyntheticDermoscopy.Paint(Rows[seed], seed);
            var plain = SyntheticDermoscopy.Paint(Rows[seed], seed, DermoscopyEffects.None);
            Assert.Equal(plain.Mask, picture.Mask);
            Assert.NotEqual(plain.Rgb, picture.Rgb);
        }
    }

    [Fact]
    public void The_dermoscope_darkens_the_corners_and_often_shows_its_black_lens_edge()
    {
        int black = 0;
        for (int seed = 0; seed < 16; seed++)
        {
            var picture = SyntheticDermoscopy.Paint(Rows[seed], seed);
            var unlit = SyntheticDermoscopy.Paint(Rows[seed], seed, DermoscopyEffects.All & ~DermoscopyEffects.Vignette);
            double corners = Corners(picture.Rgb), without = Corners(unlit.Rgb);
            Assert.True(corners < 0.85 * without, $"picture {seed}: corners {corners:F0} with the vignette, {without:F0} without");
            if (corners < 60)
                black++;
        }
        Assert.InRange(black, 3, 13);
    }

    [Fact]
    public void Some_lesions_are_faint_and_others_stand_out_clearly()
    {
        var contrasts = Enumerable.Range(0, 30).Select(seed =>
        {
            var picture = SyntheticDermoscopy.Paint(Rows[seed], seed, DermoscopyEffects.None);
            return Contrast(picture.Rgb, picture.Mask);
        }).ToList();
        Assert.All(contrasts, c => Assert.True(c < 0.97, $"a lesion as bright as its skin ({c:F2})"));
        string all = string.Join(" ", contrasts.Select(c => c.ToString("F2")));
        Assert.True(contrasts.Any(c => c > 0.85), $"no faint lesion among {all}");
        Assert.True(contrasts.Any(c => c < 0.68), $"no clearly dark lesion among {all}");
    }

    static IReadOnlyList<MadsFramePlan> Frames { get; } = MadsSampleFrames.Create(270, seed: 4);

    [Fact]
    public void Objects_in_front_of_a_person_are_left_out_of_the_mask()
    {
        int hidden = 0;
        foreach (var frame in Frames.Where(f => f.Plan.Cameras[f.Camera].OccluderSeed != null).Take(12))
        {
            var picture = MadsFramePainter.Paint(frame, MadsEffects.None | MadsEffects.Occluders);
            var open = MadsFramePainter.Paint(frame, MadsEffects.None);
            int before = open.Mask.Count(m => m == 255), after = picture.Mask.Count(m => m == 255);
            for (int i = 0; i < picture.Mask.Length; i++)
            {
                Assert.False(picture.Mask[i] == 255 && open.Mask[i] == 0, $"{frame.Name}: the occluder added person pixels");
                Assert.False(picture.Mask[i] == 255 && picture.Occluder[i] >= 0.5f, $"{frame.Name}: a pixel of the occluder is in the person mask");
            }
            if (after < 0.97 * before)
                hidden++;
        }
        Assert.True(hidden >= 3, $"only {hidden} of 12 occluded frames hide a noticeable part of the person");
    }

    [Fact]
    public void Fast_moves_blur_the_picture_but_the_mask_is_the_person_at_the_frame_moment()
    {
        var blurred = Frames.Where(f => f.Plan.Exposure > 0).Take(4).ToList();
        Assert.Equal(4, blurred.Count);
        foreach (var frame in blurred)
        {
            var picture = MadsFramePainter.Paint(frame, MadsEffects.MotionBlur);
            var sharp = MadsFramePainter.Paint(frame, MadsEffects.None);
            Assert.Equal(sharp.Mask, picture.Mask);
            int changed = Enumerable.Range(0, sharp.Rgb.Length).Count(i => Math.Abs(sharp.Rgb[i] - picture.Rgb[i]) > 25);
            Assert.True(changed > 150, $"{frame.Name}: only {changed} channel values changed by the blur");
        }
    }

    [Fact]
    public void People_are_seen_from_far_and_near_and_some_wear_the_colours_of_the_room()
    {
        var heights = Frames.Where((f, i) => i % 9 == 0).Select(frame =>
        {
            var mask = MadsFramePainter.Paint(frame, MadsEffects.None).Mask;
            var rows = Enumerable.Range(0, MadsSample.Height).Where(y => mask.AsSpan(y * MadsSample.Width, MadsSample.Width).Contains((byte)255)).ToList();
            return (rows[^1] - rows[0] + 1) / (double)MadsSample.Height;
        }).ToList();
        Assert.Contains(heights, h => h < 0.55);
        Assert.Contains(heights, h => h > 0.8);

        var cameras = Frames.Select(f => (f.Plan, Camera: f.Plan.Cameras[f.Camera])).Distinct().ToList();
        double matching = cameras.Count(c => c.Camera.Wall is Rgb wall && Distance(wall, c.Plan.Look.Shirt) < 80
            || c.Camera.Floor is Rgb floor && Distance(floor, c.Plan.Look.Trousers) < 80) / (double)cameras.Count;
        Assert.InRange(matching, 0.1, 0.5);
    }

    /// <summary>
    /// Mean brightness inside the mask over the mean of the skin just outside it (a band 12 pixels wide) in a 768x560
    /// picture: below 1 when the lesion is darker than the skin around it.
    /// </summary>
    internal static double Contrast(byte[] rgb, byte[] mask)
    {
        var band = Grow(mask, 12);
        double inside = 0, outside = 0;
        int insideCount = 0, outsideCount = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            double brightness = rgb[3 * i] + rgb[3 * i + 1] + rgb[3 * i + 2];
            if (mask[i] == 255) { inside += brightness; insideCount++; }
            else if (band[i]) { outside += brightness; outsideCount++; }
        }
        return inside / insideCount / (outside / outsideCount);
    }

    static double Distance(Rgb a, Rgb b) => Math.Sqrt((a.R - b.R) * (a.R - b.R) + (a.G - b.G) * (a.G - b.G) + (a.B - b.B) * (a.B - b.B));

    /// <summary>Mean brightness (R + G + B) of the four 40x40 corners.</summary>
    static double Corners(byte[] rgb)
    {
        double sum = 0;
        foreach (var (x0, y0) in new[] { (0, 0), (Width - 40, 0), (0, Height - 40), (Width - 40, Height - 40) })
            for (int y = y0; y < y0 + 40; y++)
            for (int x = x0; x < x0 + 40; x++)
            {
                int i = y * Width + x;
                sum += rgb[3 * i] + rgb[3 * i + 1] + rgb[3 * i + 2];
            }
        return sum / (4 * 40 * 40);
    }

    /// <summary>The pixels within <paramref name="distance"/> (a square) of the mask, outside it.</summary>
    static bool[] Grow(byte[] mask, int distance)
    {
        var near = new bool[mask.Length];
        for (int y = 0; y < Height; y++)
        for (int x = 0; x < Width; x++)
        {
            if (mask[y * Width + x] != 255 || !IsBorder(mask, x, y))
                continue;
            for (int dy = -distance; dy <= distance; dy++)
            for (int dx = -distance; dx <= distance; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < Width && ny < Height && mask[ny * Width + nx] == 0)
                    near[ny * Width + nx] = true;
            }
        }
        return near;
    }

    static bool IsBorder(byte[] mask, int x, int y) =>
        (x > 0 && mask[y * Width + x - 1] == 0) || (x < Width - 1 && mask[y * Width + x + 1] == 0)
        || (y > 0 && mask[(y - 1) * Width + x] == 0) || (y < Height - 1 && mask[(y + 1) * Width + x] == 0);
}
