using Segmentation.Native;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>Makes runs repeatable.</summary>
public static class Seeds
{
    /// <summary>Seeds libtorch's random generator (weight initialisation, dropout).</summary>
    public static void Set(int seed)
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(seed);
    }
}
