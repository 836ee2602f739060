namespace Segmentation.Inference;

/// <summary>Which pixels count as neighbours of a pixel.</summary>
public enum Connectivity
{
    /// <summary>Left, right, up and down: pixels touching only at a corner are not neighbours.</summary>
    Four = 4,

    /// <summary>The four sides and the four corners (diagonals) too.</summary>
    Eight = 8,
}
