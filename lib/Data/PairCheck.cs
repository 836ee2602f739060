namespace Segmentation.Data;

/// <summary>
/// Checks one image/mask pair before it is used: both files exist and are complete BMP, PNG or JPEG images,
/// and the mask has exactly the image's size (a resized or foreign mask would be silently misaligned).
/// </summary>
internal static class PairCheck
{
    /// <summary>
    /// The problems of the pair (empty when it is good) and, when the image's header could be read, its size.
    /// With <paramref name="decodePixels"/> every pixel is decoded too, which also finds damage inside the data.
    /// </summary>
    public static (List<DatasetProblem> Problems, ImageHeader? Image) Check(
        string caseName, string imagePath, string maskPath, string whatMask, bool decodePixels)
    {
        var problems = new List<DatasetProblem>();
        var image = ReadHeader(caseName, imagePath, "image", problems);
        var mask = ReadHeader(caseName, maskPath, whatMask, problems);
        if (image is not null && mask is not null && (image.Width != mask.Width || image.Height != mask.Height))
            problems.Add(new DatasetProblem(caseName, maskPath,
                $"The {whatMask} '{maskPath}' is {mask.Width}x{mask.Height} pixels but its image '{imagePath}' is " +
                $"{image.Width}x{image.Height}; a mask must cover its image pixel for pixel. Extract this case again " +
                "from the original download, or remove the case folder."));
        if (decodePixels && problems.Count == 0)
        {
            Decode(caseName, imagePath, problems);
            Decode(caseName, maskPath, problems);
        }
        return (problems, image);
    }

    static ImageHeader? ReadHeader(string caseName, string path, string what, List<DatasetProblem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new DatasetProblem(caseName, path,
                $"Case {caseName} has no {what}: '{path}' is missing. The download may be partly extracted: " +
                "extract it again, or remove this case."));
            return null;
        }
        try
        {
            return ImageHeader.Read(path);
        }
        catch (BadFileException error)
        {
            problems.Add(new DatasetProblem(caseName, path, error.Message));
            return null;
        }
    }

    static void Decode(string caseName, string path, List<DatasetProblem> problems)
    {
        try
        {
            ImageFiles.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(path).Dispose();
        }
        catch (BadFileException error)
        {
            problems.Add(new DatasetProblem(caseName, path, error.Message));
        }
    }

    /// <summary>Files that operating systems and file browsers leave in folders; never part of a dataset, never a problem.</summary>
    public static bool IsSystemClutter(string name) =>
        name is "Thumbs.db" or "desktop.ini" or ".DS_Store" || name.StartsWith("._", StringComparison.Ordinal);

    /// <summary>The most common size among the headers, or null when there are none.</summary>
    public static (int Width, int Height)? MostCommonSize(IEnumerable<ImageHeader> headers) =>
        headers.GroupBy(h => (h.Width, h.Height))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => ((int Width, int Height)?)g.Key)
            .FirstOrDefault();
}
