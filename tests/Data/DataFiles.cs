using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Lesson.Tests.Data;

/// <summary>Writes real image files and dataset folders on disk for the data tests.</summary>
static class DataFiles
{
    /// <summary>A 24-bit BMP whose pixels come from <paramref name="colour"/>(x, y).</summary>
    public static void Bmp(string path, int width, int height, Func<int, int, Rgb24> colour) =>
        Save(path, width, height, colour, image => image.SaveAsBmp(path, new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 }));

    /// <summary>A white-on-black mask BMP with 1, 8 or 24 bits per pixel.</summary>
    public static void MaskBmp(string path, int width, int height, Func<int, int, bool> inside, int bits)
    {
        var depth = bits switch
        {
            1 => BmpBitsPerPixel.Pixel1,
            8 => BmpBitsPerPixel.Pixel8,
            24 => BmpBitsPerPixel.Pixel24,
            _ => throw new ArgumentOutOfRangeException(nameof(bits)),
        };
        Save(path, width, height, (x, y) => inside(x, y) ? new Rgb24(255, 255, 255) : new Rgb24(0, 0, 0),
            image => image.SaveAsBmp(path, new BmpEncoder { BitsPerPixel = depth }));
    }

    /// <summary>A PNG with 1 (gray), 3 (RGB) or 4 (RGBA, opaque) channels.</summary>
    public static void Png(string path, int width, int height, Func<int, int, Rgb24> colour, int channels = 3)
    {
        var type = channels switch
        {
            1 => PngColorType.Grayscale,
            3 => PngColorType.Rgb,
            4 => PngColorType.RgbWithAlpha,
            _ => throw new ArgumentOutOfRangeException(nameof(channels)),
        };
        Save(path, width, height, colour, image => image.SaveAsPng(path, new PngEncoder { ColorType = type, BitDepth = PngBitDepth.Bit8 }));
    }

    /// <summary>A gray mask PNG: <paramref name="level"/>(x, y) is the gray value of each pixel.</summary>
    public static void GrayPng(string path, int width, int height, Func<int, int, byte> level, int channels) =>
        Png(path, width, height, (x, y) => new Rgb24(level(x, y), level(x, y), level(x, y)), channels);

    static void Save(string path, int width, int height, Func<int, int, Rgb24> colour, Action<Image<Rgb24>> save)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            image[x, y] = colour(x, y);
        save(image);
    }

    /// <summary>
    /// A hand-made PH2 case folder under <paramref name="imagesFolder"/>: an image and a mask whose lesion is a
    /// rectangle <paramref name="lesionWidth"/> pixels wide, so a test can tell which mask it got.
    /// </summary>
    public static void Ph2Case(string imagesFolder, string name, int lesionWidth, int width = 64, int height = 48, int maskBits = 8)
    {
        var folder = Path.Combine(imagesFolder, name);
        Bmp(Path.Combine(folder, $"{name}_Dermoscopic_Image", $"{name}.bmp"), width, height,
            (x, y) => x < lesionWidth ? new Rgb24(90, 50, 30) : new Rgb24(220, 170, 150));
        MaskBmp(Path.Combine(folder, $"{name}_lesion", $"{name}_lesion.bmp"), width, height, (x, _) => x < lesionWidth, maskBits);
    }

    /// <summary>A MADS frame: image and mask PNG of the same name in images/ and masks/ of <paramref name="dataFolder"/>.</summary>
    public static void MadsFrame(string dataFolder, string name, int personWidth = 10, int width = 64, int height = 48, int maskChannels = 3)
    {
        Png(Path.Combine(dataFolder, "images", name + ".png"), width, height,
            (x, y) => x < personWidth ? new Rgb24(200, 60, 60) : new Rgb24(40, 90, 40));
        GrayPng(Path.Combine(dataFolder, "masks", name + ".png"), width, height, (x, _) => x < personWidth ? (byte)255 : (byte)0, maskChannels);
    }

    /// <summary>Reads the mask a case's file gives at its own size, as 0/1 values per row.</summary>
    public static int ObjectColumns(string maskPath, Segmentation.Data.MaskRule rule)
    {
        using var mask = Segmentation.Loading.ImageTensors.LoadMask(maskPath, 64, rule);
        // Lesions/people in these files fill whole columns from the left: count the columns of the top row.
        return (int)mask[0, 0].sum().item<float>();
    }
}
