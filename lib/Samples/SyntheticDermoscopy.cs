using Segmentation.Data;

namespace Segmentation.Samples;

/// <summary>The parts of a generated dermoscopy picture that are not the lesion, which can be left out one by one (tests compare with and without).</summary>
[Flags]
internal enum DermoscopyEffects
{
    None = 0,
    Freckles = 1,
    Hair = 2,
    Bubbles = 4,
    Ruler = 8,
    Lighting = 16,
    Vignette = 32,
    All = Freckles | Hair | Bubbles | Ruler | Lighting | Vignette,
}

/// <summary>A generated dermoscopy picture: RGB bytes row by row, the lesion mask (0/255), and where the hairs are (0..1 per pixel).</summary>
internal sealed record DermoscopyPicture(byte[] Rgb, byte[] Mask, float[] Hair);

/// <summary>
/// Paints one made-up dermoscopy picture and its lesion mask, with what makes real ones hard to segment: skin tones
/// from fair to light brown, lesions that are irregular, multi-coloured, faint or fuzzy-edged, freckles, hair
/// crossing the lesion, gel bubbles, a ruler scale, uneven light and colour casts, missed focus, and the
/// dermoscope's dark corners. The mask is the lesion alone: nothing painted over it changes it.
/// Not a medical model: just realistic enough that segmenting the lesion is a real task.
/// </summary>
internal static class SyntheticDermoscopy
{
    /// <summary>Width of a PH2 image in pixels.</summary>
    public const int Width = 768;

    /// <summary>Height of a PH2 image in pixels.</summary>
    public const int Height = 560;

    /// <summary>
    /// Paints the case <paramref name="row"/> describes. The same row, seed and effects always give the same bytes;
    /// each part draws from its own generator, so leaving an effect out changes nothing else.
    /// </summary>
    public static DermoscopyPicture Paint(Ph2Metadata row, int seed, DermoscopyEffects effects = DermoscopyEffects.All)
    {
        var canvas = new Canvas(Width, Height);
        var skin = Skin.Paint(canvas, PaintMath.For(seed, 1));
        var lesion = LesionShape.Draw(PaintMath.For(seed, 2), row, Width, Height);
        LesionPigment.Paint(canvas, PaintMath.For(seed, 3), row, lesion, skin);
        if (effects.HasFlag(DermoscopyEffects.Freckles))
            Skin.PaintFreckles(canvas, PaintMath.For(seed, 4), lesion, skin);
        var hair = effects.HasFlag(DermoscopyEffects.Hair) ? Hairs.Paint(canvas, PaintMath.For(seed, 5), lesion) : new float[Width * Height];
        if (effects.HasFlag(DermoscopyEffects.Bubbles))
            GelBubbles.Paint(canvas, PaintMath.For(seed, 6));
        if (effects.HasFlag(DermoscopyEffects.Ruler))
            RulerMarks.Paint(canvas, PaintMath.For(seed, 7));
        if (effects.HasFlag(DermoscopyEffects.Lighting))
            Lighting.Paint(canvas, PaintMath.For(seed, 8));
        if (effects.HasFlag(DermoscopyEffects.Vignette))
            Vignette.Paint(canvas, PaintMath.For(seed, 9));
        canvas.AddGrain(PaintMath.For(seed, 10), 3.5f); // the camera's own noise, over everything
        return new DermoscopyPicture(canvas.ToRgbBytes(), lesion.ToMaskBytes(), hair);
    }
}
