using System.Net;

namespace Segmentation.Visualisation;

/// <summary>
/// The static picture of a <see cref="TrainingCurves"/> chart: a PNG with its caption. Unlike the interactive chart
/// it needs no script and no internet, so it shows in every notebook viewer, a repository browser included.
/// A notebook shows it as an image (image/png), and a terminal shows its caption (text/plain): Segmentation.Interactive
/// teaches notebooks to.
/// </summary>
public sealed class TrainingCurvesPicture
{
    internal TrainingCurvesPicture(byte[] png, int width, int height, string caption)
    {
        Png = png;
        Width = width;
        Height = height;
        Caption = caption;
    }

    /// <summary>The picture encoded as a PNG file.</summary>
    public byte[] Png { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>What the chart shows, in words (the chart's <see cref="TrainingCurves.Caption"/>).</summary>
    public string Caption { get; }

    /// <summary>Writes the picture as a PNG file, creating the folder if needed.</summary>
    public void SaveAs(string pngPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(pngPath));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllBytes(pngPath, Png);
    }

    /// <summary>The PNG as base64 text: what Jupyter expects for the "image/png" display type.</summary>
    public string ToBase64() => Convert.ToBase64String(Png);

    /// <summary>An &lt;img&gt; with the PNG inline and the caption as its alternative text.</summary>
    public string ToImageTag() =>
        $"<img src=\"data:image/png;base64,{ToBase64()}\" width=\"{Width}\" height=\"{Height}\" alt=\"{WebUtility.HtmlEncode(Caption)}\"/>";

    /// <summary>The caption.</summary>
    public override string ToString() => Caption;
}
