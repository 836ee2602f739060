using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Segmentation.Data;

/// <summary>
/// Opens image files with ImageSharp limited to the formats the datasets use (BMP, PNG, JPEG):
/// fewer decoders means less code a damaged or crafted file can reach.
/// </summary>
public static class ImageFiles
{
    /// <summary>An ImageSharp configuration that knows only BMP, PNG and JPEG.</summary>
    public static Configuration Configuration { get; } = new(
        new BmpConfigurationModule(), new PngConfigurationModule(), new JpegConfigurationModule());

    /// <summary>
    /// Decodes <paramref name="path"/> into pixels of type <typeparamref name="TPixel"/>, converting as needed.
    /// Errors name the file and say what to do.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable BMP, PNG or JPEG image.</exception>
    public static Image<TPixel> Load<TPixel>(string path) where TPixel : unmanaged, IPixel<TPixel>
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Image file '{path}' does not exist. Check the dataset folder.", path);
        RequireCompleteBmp(path);
        try
        {
            return Image.Load<TPixel>(Configuration, path);
        }
        catch (UnknownImageFormatException error)
        {
            throw new InvalidDataException(
                $"'{path}' is not a BMP, PNG or JPEG image, the only formats the kit reads. " +
                "Convert it to PNG, or remove it from the dataset folder.", error);
        }
        catch (ImageFormatException error)
        {
            throw new InvalidDataException(
                $"'{path}' could not be decoded ({error.Message}). The file is probably damaged or incomplete: " +
                "download or extract the dataset again.", error);
        }
    }

    /// <summary>
    /// ImageSharp decodes a cut-off BMP without complaint (the missing rows come out black), so compare
    /// the size the BMP header declares with the file's real size.
    /// </summary>
    static void RequireCompleteBmp(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[6];
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || header[0] != 'B' || header[1] != 'M')
            return; // not a BMP: the decoders check the other formats themselves
        long declared = BitConverter.ToUInt32(header[2..]); // little-endian on every platform .NET runs on
        if (declared > file.Length)
            throw new InvalidDataException(
                $"'{path}' is cut off: its header says {declared} bytes but the file has {file.Length}. " +
                "Download or extract the dataset again.");
    }
}
