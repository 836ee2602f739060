namespace Segmentation.Samples;

/// <summary>Small numeric helpers the painters share.</summary>
internal static class PaintMath
{
    public static float Lerp(float from, float to, float amount) => from + (to - from) * amount;

    /// <summary>0 below <paramref name="edge0"/>, 1 above <paramref name="edge1"/>, a smooth S-curve between (the edges may be given in either order).</summary>
    public static float SmoothStep(float edge0, float edge1, float x)
    {
        float t = Math.Clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }

    /// <summary>A uniform random number between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public static float Range(this Random random, float low, float high) => low + (high - low) * random.NextSingle();

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>
    /// A generator for one part of a picture, derived from the picture's seed: each part (lesion, hair, bubbles...)
    /// draws from its own, so leaving one part out does not change the others.
    /// </summary>
    public static Random For(int seed, int part) => new(unchecked(seed * 7919 + part * 104_729));
}
