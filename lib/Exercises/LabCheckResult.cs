using System.Text;

namespace Segmentation.Exercises;

/// <summary>
/// What a lab check found: <see cref="Passed"/> when every case behaved, otherwise one plain-words
/// <see cref="Messages"/> entry per problem. Checks print it too, so a notebook shows it as plain text.
/// </summary>
public sealed class LabCheckResult
{
    /// <summary>Creates a result for the exercise called <paramref name="exercise"/>.</summary>
    public LabCheckResult(string exercise, int cases, IReadOnlyList<string> messages)
    {
        Exercise = exercise;
        Cases = cases;
        Messages = messages;
    }

    /// <summary>The exercise checked, e.g. "IoU and Dice".</summary>
    public string Exercise { get; }

    /// <summary>How many cases the check tried.</summary>
    public int Cases { get; }

    /// <summary>One message per problem found; empty when the exercise passed.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>True when no problem was found.</summary>
    public bool Passed => Messages.Count == 0;

    /// <summary>"✓ IoU and Dice: all 9 cases pass." or "✗ IoU and Dice: ..." followed by one line per problem.</summary>
    public override string ToString()
    {
        if (Passed)
            return $"✓ {Exercise}: all {Cases} cases pass.";
        var text = new StringBuilder($"✗ {Exercise}: not there yet ({Messages.Count} {(Messages.Count == 1 ? "problem" : "problems")}).");
        foreach (string message in Messages)
            text.Append("\n  • ").Append(message);
        return text.ToString();
    }
}
