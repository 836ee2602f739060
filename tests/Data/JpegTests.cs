using Segmentation.Data;
using Segmentation.Loading;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace Lesson.Tests.Data;

/// <summary>JPEG files, as cameras and phones write them: header check, decoding, and the damage the check must catch.</summary>
public class JpegTests
{
    static Rgb24 Colour(int x, int y) => new((byte)(x * 3), (byte)(y * 4), 128);

    /// <summary>A real JPEG written by ImageSharp's encoder: a smooth gradient, 70 x 50 pixels.</summary>
    internal static string Write(string folder, string name = "photo.jpg", int width = 70, int height = 50, Func<int, int, Rgb24>? colour = null)
    {
        string path = Path.Combine(folder, name);
        using var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                image[x, y] = (colour ?? Colour)(x, y);
        image.SaveAsJpeg(path, new JpegEncoder { Quality = 95 });
        return path;
    }

    [Fact]
    public void The_header_gives_format_and_size_and_the_pixels_decode_close_to_the_original()
    {
        string path = Write(RepoPaths.NewTempFolder("jpeg"));

        var header = ImageHeader.Read(path);
        using var image = ImageFiles.Load<Rgb24>(path);

        Assert.Equal(new ImageHeader("JPEG", 70, 50), header);
        Assert.Equal((70, 50), (image.Width, image.Height));
        double error = 0;
        for (int y = 0; y < 50; y++)
            for (int x = 0; x < 70; x++)
                error += Math.Abs(image[x, y].R - Colour(x, y).R) + Math.Abs(image[x, y].G - Colour(x, y).G);
        Assert.InRange(error / (70 * 50 * 2), 0, 3);   // JPEG is lossy, but at quality 95 only slightly
    }

    [Fact]
    public void A_jpeg_loads_into_tensors_like_the_other_formats()
    {
        string path = Write(RepoPaths.NewTempFolder("jpeg-tensor"));
        using var tensor = ImageTensors.LoadImage(path, 32);
        Assert.Equal(new long[] { 3, 32, 32 }, tensor.shape);
        Assert.InRange(tensor[2].mean().item<float>(), 0.45f, 0.56f);   // blue is 128 everywhere
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public void A_cut_off_jpeg_is_refused_by_name_before_decoding(double kept)
    {
        string path = Write(RepoPaths.NewTempFolder("jpeg-cut"));
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(int)(whole.Length * kept)]);

        var error = Assert.Throws<BadFileException>(() => ImageFiles.Load<Rgb24>(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("is cut off", error.Message);
        Assert.Contains("end-of-image marker", error.Message);
    }

    [Fact]
    public void Padding_after_the_end_of_image_marker_is_accepted_as_some_cameras_write_it()
    {
        string path = Write(RepoPaths.NewTempFolder("jpeg-padded"));
        File.WriteAllBytes(path, [.. File.ReadAllBytes(path), .. new byte[100]]);
        Assert.Equal("JPEG", ImageHeader.Read(path).Format);
        using var image = ImageFiles.Load<Rgb24>(path);
        Assert.Equal(70, image.Width);
    }

    [Fact]
    public void A_jpeg_that_declares_a_huge_size_is_refused_unread()
    {
        string path = Write(RepoPaths.NewTempFolder("jpeg-bomb"));
        byte[] bytes = File.ReadAllBytes(path);
        int frame = FindFrameHeader(bytes);
        // precision, then height and width (big-endian): declare 65535 x 65535, 4.3 gigapixels.
        bytes[frame + 5] = bytes[frame + 6] = bytes[frame + 7] = bytes[frame + 8] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<BadFileException>(() => ImageHeader.Read(path));
        Assert.Contains("declares 65535x65535 pixels", error.Message);
    }

    [Fact]
    public void A_jpeg_without_a_frame_header_is_refused_as_damaged()
    {
        string path = Write(RepoPaths.NewTempFolder("jpeg-nosof"));
        byte[] bytes = File.ReadAllBytes(path);
        bytes[FindFrameHeader(bytes) + 1] = 0xE5;   // the frame header becomes an application segment
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<BadFileException>(() => ImageHeader.Read(path));
        Assert.Contains("has no JPEG frame header", error.Message);
    }

    /// <summary>Position of the FF C0 (baseline frame header) marker ImageSharp writes.</summary>
    static int FindFrameHeader(byte[] bytes)
    {
        for (int i = 2; i < bytes.Length - 1; i++)
            if (bytes[i] == 0xFF && bytes[i + 1] == 0xC0)
                return i;
        throw new InvalidOperationException("no baseline frame header");
    }
}
