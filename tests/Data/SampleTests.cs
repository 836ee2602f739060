using Segmentation.Data;
using Segmentation.Samples;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace Lesson.Tests.Data;

/// <summary>Generated samples have the real datasets' sizes, formats and layouts, look the part, and repeat exactly.</summary>
public class SampleTests
{
    [Fact]
    public void Ph2_sample_has_768x560_24_bit_bmp_images_with_darker_lesions_and_8_bit_masks()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("ph2-look"), count: 5, seed: 12);
        foreach (var ph2Case in Ph2Dataset.Load(root))
        {
            var info = Image.Identify(ph2Case.ImagePath);
            Assert.Equal((768, 560, 24), (info.Width, info.Height, info.PixelType.BitsPerPixel));
            Assert.Equal(8, Image.Identify(ph2Case.MaskPath).PixelType.BitsPerPixel);

            using var image = Image.Load<Rgb24>(ph2Case.ImagePath);
            using var mask = Image.Load<L8>(ph2Case.MaskPath);
            var rgb = new byte[768 * 560 * 3];
            var lesion = new byte[768 * 560];
            image.CopyPixelDataTo(rgb);
            mask.CopyPixelDataTo(lesion);
            Assert.All(lesion, value => Assert.True(value is 0 or 255));
            Assert.InRange(lesion.Count(v => v == 255) / (768.0 * 560), 0.03, 0.6);
            // Darker than the skin right around it (the corners may be darker still: the dermoscope's vignette).
            Assert.True(SampleDifficultyTests.Contrast(rgb, lesion) < 0.97, $"{ph2Case.Name}: the lesion is not darker than the skin around it");
        }
    }

    [Fact]
    public void Mads_sample_has_512x384_png_frames_of_sequences_seen_by_three_cameras_every_45_frames()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("mads-layout"), count: 30, seed: 3);
        var frames = MadsDataset.Load(root);

        Assert.Equal(30, frames.Count);
        Assert.All(frames, f => Assert.Equal(0, f.Frame % 45));
        Assert.All(frames.GroupBy(f => (f.SequenceKey, f.Frame)), g => Assert.Equal([0, 1, 2], g.Select(f => f.Camera).Order()));
        // Sequences of 3 frames x 3 cameras: 30 frames are 3 whole sequences and the first frame of a fourth.
        Assert.Equal(4, frames.Select(f => f.SequenceKey).Distinct().Count());
        var info = Image.Identify(frames[0].ImagePath);
        Assert.Equal((512, 384), (info.Width, info.Height));
        Assert.Equal("PNG", ImageHeader.Read(frames[0].MaskPath).Format);
    }

    [Fact]
    public void Mads_people_are_one_whole_figure_inside_the_picture_covering_a_plausible_share_of_it()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("mads-people"), count: 15, seed: 21);
        foreach (var frame in MadsDataset.Load(root))
        {
            using var mask = Image.Load<L8>(frame.MaskPath);
            var inside = new byte[512 * 384];
            mask.CopyPixelDataTo(inside);
            Assert.InRange(inside.Count(v => v > 127) / (512.0 * 384), 0.01, 0.4);
            Assert.DoesNotContain(inside.AsSpan(0, 512 * 2).ToArray(), v => v > 127); // the head is not cut off at the top
        }
        // Head, body and limbs form one connected figure, unless something stands in front of it (another test).
        foreach (var plan in MadsSampleFrames.Create(15, seed: 21))
        {
            var inside = MadsFramePainter.Paint(plan, MadsEffects.None).Mask.Select(v => v == 255).ToArray();
            int area = inside.Count(v => v);
            Assert.True(LargestComponent(inside, 512, 384) > 0.97 * area, $"{plan.Name}: the person falls apart into pieces");
        }
    }

    [Fact]
    public void The_same_count_and_seed_give_the_same_files_and_another_seed_other_files()
    {
        string first = MadsSample.Write(RepoPaths.NewTempFolder("mads-seed-a"), count: 3, seed: 8);
        string second = MadsSample.Write(RepoPaths.NewTempFolder("mads-seed-b"), count: 3, seed: 8);
        string other = MadsSample.Write(RepoPaths.NewTempFolder("mads-seed-c"), count: 3, seed: 9);
        var a = MadsDataset.Load(first);
        var b = MadsDataset.Load(second);
        var c = MadsDataset.Load(other);

        Assert.Equal(File.ReadAllBytes(a[2].ImagePath), File.ReadAllBytes(b[2].ImagePath));
        Assert.Equal(File.ReadAllBytes(a[2].MaskPath), File.ReadAllBytes(b[2].MaskPath));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "df.csv")), File.ReadAllText(Path.Combine(second, "df.csv")));
        Assert.NotEqual(File.ReadAllBytes(a[0].ImagePath), File.ReadAllBytes(c[0].ImagePath));
    }

    [Fact]
    public void Writing_a_sample_never_replaces_a_folder_that_is_not_a_generated_sample()
    {
        string root = RepoPaths.NewTempFolder("real-download");
        string real = Path.Combine(root, MadsDataset.FolderName);
        Directory.CreateDirectory(real);
        File.WriteAllText(Path.Combine(real, "precious.txt"), "a real download");

        var error = Assert.Throws<IOException>(() => MadsSample.Write(root, count: 3));
        Assert.Contains("not a generated sample", error.Message);
        Assert.True(File.Exists(Path.Combine(real, "precious.txt")));

        // A generated sample, on the other hand, is replaced by the next one.
        string sample = MadsSample.Write(RepoPaths.NewTempFolder("regenerate"), count: 3, seed: 1);
        MadsSample.Write(sample, count: 6, seed: 1);
        Assert.Equal(6, MadsDataset.Load(sample).Count);
    }

    static int LargestComponent(bool[] inside, int width, int height)
    {
        var seen = new bool[inside.Length];
        var stack = new Stack<int>();
        int largest = 0;
        for (int start = 0; start < inside.Length; start++)
        {
            if (!inside[start] || seen[start])
                continue;
            int size = 0;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                size++;
                int x = p % width, y = p / width;
                foreach (int q in new[] { x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1 })
                    if (q >= 0 && inside[q] && !seen[q])
                    {
                        seen[q] = true;
                        stack.Push(q);
                    }
            }
            largest = Math.Max(largest, size);
        }
        return largest;
    }
}
