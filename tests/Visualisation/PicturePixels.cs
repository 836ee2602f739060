using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Segmentation.Visualisation;

namespace Lesson.Tests.Visualisation;

/// <summary>Reads back what a picture shows, for the tests of the code that draws it.</summary>
internal static class PicturePixels
{
    /// <summary>The colour of the pixel at (<paramref name="x"/>, <paramref name="y"/>) of the picture's PNG.</summary>
    public static Rgb24 PixelAt(Picture picture, int x, int y)
    {
        using var image = Image.Load<Rgb24>(picture.Png);
        return image[x, y];
    }
}
