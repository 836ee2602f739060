namespace Segmentation.Inference;

/// <summary>The (dx, dy) steps from a pixel to its neighbours.</summary>
static class Neighbourhood
{
    static readonly (int Dx, int Dy)[] Four = [(1, 0), (-1, 0), (0, 1), (0, -1)];
    static readonly (int Dx, int Dy)[] Eight = [.. Four, (1, 1), (1, -1), (-1, 1), (-1, -1)];

    public static (int Dx, int Dy)[] Steps(Connectivity connectivity) => connectivity switch
    {
        Connectivity.Four => Four,
        Connectivity.Eight => Eight,
        _ => throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "Use Connectivity.Four or Connectivity.Eight."),
    };
}
