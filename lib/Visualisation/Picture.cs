using System.Net;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// A picture to look at: made from image and mask tensors, shown as an image in notebooks (Segmentation.Interactive,
/// which the notebooks' load cell brings, teaches them how), saved as PNG. Holds the PNG bytes; a picture made with <see cref="Row"/> also keeps its captioned parts.
/// </summary>
public sealed class Picture
{
    /// <summary>Gap between the pictures of a <see cref="Row"/>, in pixels.</summary>
    public const int RowGap = 8;

    readonly byte[] rgb; // Width x Height x 3, kept so that rows can be put together without decoding PNGs

    Picture(byte[] rgb, int width, int height, IReadOnlyList<(string Caption, Picture Picture)> parts)
    {
        this.rgb = rgb;
        Width = width;
        Height = height;
        Parts = parts;
        using var image = Image.LoadPixelData<Rgb24>(rgb, width, height);
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        Png = png.ToArray();
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The picture encoded as a PNG file.</summary>
    public byte[] Png { get; }

    /// <summary>For a picture made by <see cref="Row"/>: its captioned parts, left to right; otherwise empty.</summary>
    public IReadOnlyList<(string Caption, Picture Picture)> Parts { get; }

    /// <summary>
    /// An image tensor [3, H, W] (RGB) or [1, H, W] / [H, W] (gray), values 0..1 (clamped), on any device.
    /// A batch of one, [1, C, H, W], is accepted too.
    /// </summary>
    public static Picture FromImageTensor(Tensor chw01)
    {
        var (values, channels, height, width) = ReadPixels(chw01, nameof(chw01));
        int plane = height * width;
        var rgb = new byte[3 * plane];
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < 3; c++)
                rgb[3 * p + c] = ToByte(values[(channels == 3 ? c : 0) * plane + p]);
        return new Picture(rgb, width, height, []);
    }

    /// <summary>A mask tensor [1, H, W] or [H, W] shown white (1) on black (0); probabilities show as grays.</summary>
    public static Picture FromMask(Tensor mask)
    {
        var (values, channels, height, width) = ReadPixels(mask, nameof(mask));
        RequireOneChannel(channels, nameof(mask));
        var rgb = new byte[3 * height * width];
        for (int p = 0; p < height * width; p++)
            rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = ToByte(values[p]);
        return new Picture(rgb, width, height, []);
    }

    /// <summary>
    /// The image with the mask's pixels (values of 0.5 and above) tinted in <paramref name="colour"/>
    /// (green if not given) at <paramref name="opacity"/>, and the mask's outline drawn in full colour
    /// when <paramref name="outline"/> is true. Image and mask must have the same height and width.
    /// </summary>
    public static Picture Overlay(Tensor image, Tensor mask, Color? colour = null, float opacity = 0.4f, bool outline = true)
    {
        var picture = FromImageTensor(image);
        var (values, channels, height, width) = ReadPixels(mask, nameof(mask));
        RequireOneChannel(channels, nameof(mask));
        if (height != picture.Height || width != picture.Width)
            throw new ArgumentException(
                $"The mask is {width}x{height} but the image is {picture.Width}x{picture.Height}; they must match.", nameof(mask));

        var tint = (colour ?? Color.LimeGreen).ToPixel<Rgb24>();
        byte[] tintBytes = [tint.R, tint.G, tint.B];
        var rgb = (byte[])picture.rgb.Clone();
        bool Inside(int x, int y) => x >= 0 && y >= 0 && x < width && y < height && values[y * width + x] >= 0.5f;
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            if (!Inside(x, y))
                continue;
            // A mask pixel with a neighbour outside the mask lies on the outline.
            bool onOutline = outline && !(Inside(x - 1, y) && Inside(x + 1, y) && Inside(x, y - 1) && Inside(x, y + 1));
            float amount = onOutline ? 1 : opacity;
            int p = 3 * (y * width + x);
            for (int c = 0; c < 3; c++)
                rgb[p + c] = (byte)MathF.Round(rgb[p + c] + (tintBytes[c] - rgb[p + c]) * amount);
        }
        return new Picture(rgb, width, height, []);
    }

    /// <summary>
    /// Pictures side by side, top-aligned, <see cref="RowGap"/> pixels apart on white. The captions appear
    /// in the notebook (HTML) view only: the PNG has no text, since drawing text needs a library the kit lacks.
    /// </summary>
    public static Picture Row(params (string Caption, Picture Picture)[] items)
    {
        if (items.Length == 0)
            throw new ArgumentException("Give at least one picture to put in a row.", nameof(items));
        int width = items.Sum(item => item.Picture.Width) + RowGap * (items.Length - 1);
        int height = items.Max(item => item.Picture.Height);
        var rgb = new byte[3 * width * height];
        Array.Fill(rgb, (byte)255);
        int left = 0;
        foreach (var (_, part) in items)
        {
            // Copy the part one row at a time into its place in the wide picture.
            for (int y = 0; y < part.Height; y++)
                part.rgb.AsSpan(3 * y * part.Width, 3 * part.Width).CopyTo(rgb.AsSpan(3 * (y * width + left)));
            left += part.Width + RowGap;
        }
        return new Picture(rgb, width, height, items);
    }

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

    /// <summary>
    /// HTML for notebooks: an &lt;img&gt; with the PNG inline; a row becomes a one-row table of its parts
    /// with each caption under its picture.
    /// </summary>
    public string ToHtml()
    {
        if (Parts.Count == 0)
            return ImageTag();
        var html = new StringBuilder("<table style=\"border-collapse:collapse\"><tr>");
        foreach (var (caption, part) in Parts)
            html.Append("<td style=\"padding:0 4px;vertical-align:top;text-align:center\"><figure style=\"margin:0\">")
                .Append(part.ImageTag())
                .Append("<figcaption>").Append(WebUtility.HtmlEncode(caption)).Append("</figcaption></figure></td>");
        return html.Append("</tr></table>").ToString();
    }

    /// <summary>Short description, e.g. "Picture 256x256".</summary>
    public override string ToString() => $"Picture {Width}x{Height}";

    string ImageTag() =>
        $"<img src=\"data:image/png;base64,{ToBase64()}\" width=\"{Width}\" height=\"{Height}\"/>";

    /// <summary>Copies a tensor to managed floats as (channels, height, width), whatever its device and type.</summary>
    static (float[] Values, int Channels, int Height, int Width) ReadPixels(Tensor tensor, string parameter)
    {
        ArgumentNullException.ThrowIfNull(tensor, parameter);
        var shape = tensor.shape;
        long[] chw = shape.Length switch
        {
            2 => [1, shape[0], shape[1]],
            3 => shape,
            4 when shape[0] == 1 => shape[1..],
            _ => throw new ArgumentException(
                $"Expected a tensor shaped [C, H, W] or [H, W] (or a batch of one), got {TensorShapes.Describe(shape)}.", parameter),
        };
        if (chw[0] is not (1 or 3))
            throw new ArgumentException($"Expected 1 (gray) or 3 (RGB) channels, got {chw[0]}.", parameter);

        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        return (values, (int)chw[0], (int)chw[1], (int)chw[2]);
    }

    static void RequireOneChannel(int channels, string parameter)
    {
        if (channels != 1)
            throw new ArgumentException($"A mask has one channel, this tensor has {channels}.", parameter);
    }

    static byte ToByte(float value) => float.IsNaN(value) ? (byte)0 : (byte)MathF.Round(Math.Clamp(value, 0, 1) * 255);
}
