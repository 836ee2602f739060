using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Segmentation.Data;

/// <summary>
/// Opens image files with ImageSharp limited to the formats the datasets use (BMP for PH2, PNG for MADS) and
/// JPEG, the usual format of photos a learner predicts masks for: fewer decoders means less code a damaged or
/// crafted file can reach. Every file's header is checked first (<see cref="ImageHeader.Read"/>), so empty,
/// cut-off and oversized files never reach a decoder.
/// </summary>
public static class ImageFiles
{
    /// <summary>
    /// An ImageSharp configuration that knows only BMP, PNG and JPEG. Each image is processed on one core: the loaders
    /// already work on many images at once, and splitting every resize across cores as well costs a third more time.
    /// </summary>
    public static Configuration Configuration { get; } =
        new(new BmpConfigurationModule(), new PngConfigurationModule(), new JpegConfigurationModule()) { MaxDegreeOfParallelism = 1 };

    /// <summary>
    /// Decodes <paramref name="path"/> into pixels of type <typeparamref name="TPixel"/>, converting as needed.
    /// Errors name the file and say what to do.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BadFileException">The file is not a complete, readable BMP, PNG or JPEG image of a sensible size.</exception>
    public static Image<TPixel> Load<TPixel>(string path) where TPixel : unmanaged, IPixel<TPixel>
    {
        ImageHeader.Read(path);
        try
        {
            return Image.Load<TPixel>(Configuration, path);
        }
        catch (Exception error) when (error is ImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            throw Undecodable(path, error);
        }
    }

    static BadFileException Undecodable(string path, Exception error) =>
        new(path, $"'{path}' could not be decoded ({error.Message}). The file is probably damaged: " +
            "download or extract the dataset again, or remove the file.", error);
}
