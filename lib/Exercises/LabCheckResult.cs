using System.Text;
using static Segmentation.Exercises.LabCheckTools;

namespace Segmentation.Exercises;

/// <summary>Where an exercise stands after its check.</summary>
public enum ExerciseState
{
    /// <summary>Every case of the check passed.</summary>
    Passed,
    /// <summary>The exercise still throws <see cref="NotImplementedException"/> (or was left empty).</summary>
    NotDone,
    /// <summary>The learner's code runs but the check found problems.</summary>
    NotThereYet,
}

/// <summary>
/// What a check found: <see cref="Passed"/> when every case behaved, otherwise one plain-words
/// <see cref="Messages"/> entry per problem. Checks print it too, so a notebook shows it as plain text.
/// A notebook keeps it to decide whose piece the next steps use: see <see cref="Pick{T}"/>.
/// </summary>
public sealed class LabCheckResult
{
    readonly bool notDone;

    /// <summary>Creates the result of exercise <paramref name="number"/>, called <paramref name="exercise"/>.</summary>
    /// <param name="number">The exercise's number in its notebook.</param>
    /// <param name="exercise">Its title.</param>
    /// <param name="cases">How many cases the check tried.</param>
    /// <param name="messages">One per problem; none when it passed.</param>
    /// <param name="notDone">True when the learner has not started (e.g. options left null); code that still throws
    /// <see cref="NotImplementedException"/> counts as not done without it.</param>
    public LabCheckResult(int number, string exercise, int cases, IReadOnlyList<string> messages, bool notDone = false)
    {
        this.notDone = notDone;
        Number = number;
        Exercise = exercise;
        Cases = cases;
        Messages = messages;
    }

    /// <summary>The exercise's number in its notebook (1 for the first).</summary>
    public int Number { get; }

    /// <summary>The exercise checked, e.g. "IoU and Dice".</summary>
    public string Exercise { get; }

    /// <summary>How many cases the check tried.</summary>
    public int Cases { get; }

    /// <summary>One message per problem found; empty when the exercise passed.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>True when no problem was found.</summary>
    public bool Passed => Messages.Count == 0;

    /// <summary>Passed, not done yet (still <c>throw new NotImplementedException()</c>), or done with problems.</summary>
    public ExerciseState State => Passed ? ExerciseState.Passed
        : notDone || Messages.Any(m => m.Contains(CheckMessages.NotImplemented, StringComparison.Ordinal)) ? ExerciseState.NotDone
        : ExerciseState.NotThereYet;

    /// <summary>
    /// The learner's piece when this check passed, otherwise the library's, saying which on the console, e.g.
    /// "using the library's loader because your exercise 1 is not done yet". So one unfinished exercise never
    /// blocks the steps after it, and a finished one is what those steps run.
    /// </summary>
    /// <param name="yours">The learner's function or factory, as written in the exercise cell.</param>
    /// <param name="library">The library's version of the same piece (see <see cref="LabFallbacks"/>).</param>
    /// <param name="piece">What the piece is, for the message: "loader", "split", "IoU"...</param>
    public T Pick<T>(T yours, T library, string piece)
    {
        ArgumentNullException.ThrowIfNull(library);
        string line = State switch
        {
            ExerciseState.Passed => Say(CheckMessages.UsingYours, piece, Number),
            ExerciseState.NotDone => Say(CheckMessages.UsingLibraryNotDone, piece, Number),
            _ => Say(CheckMessages.UsingLibraryNotPassing, piece, Number),
        };
        Console.WriteLine(line);
        return Passed && yours is not null ? yours : library;
    }

    /// <summary>"✓ IoU and Dice: all 9 cases pass." or "✗ IoU and Dice: not there yet (1 problem)." followed by one line per problem.</summary>
    public override string ToString()
    {
        if (Passed)
            return Say(CheckMessages.AllPass, Exercise, Cases);
        var text = new StringBuilder(Say(Messages.Count == 1 ? CheckMessages.NotThereYetOne : CheckMessages.NotThereYetMany, Exercise, Messages.Count));
        foreach (string message in Messages)
            text.Append("\n  • ").Append(message);
        return text.ToString();
    }
}
