using System.Diagnostics;
using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace Segmentation.Training;

/// <summary>
/// A training progress line for notebooks: one output that redraws itself in place (bar, loss, ETA) while
/// <see cref="O:Segmentation.Training.Trainer.Fit"/> runs, in VS Code, Jupyter and <c>lesson run</c> alike. Outside a notebook it
/// prints one line per finished epoch instead.
/// </summary>
/// <example>
/// <code>
/// trainer.Fit(trainImages, trainMasks, testImages, testMasks, onProgress: NotebookProgress.Line());
/// </code>
/// </example>
/// <remarks>
/// Why not <c>var line = display("..."); ... line.Update(text)</c>? In .NET Interactive 1.0.0-beta.26120.1 the
/// handle that <c>display</c> returns is a copy with a different display id from the output it made, so
/// Jupyter ignores its updates and the line stays at its first text. This class keeps one handle for both the
/// first display and the updates, so the ids agree.
/// </remarks>
public sealed class NotebookProgress
{
    // The kernel listens to Formatter's displayed-value event; its raiser is not public in this version.
    static readonly MethodInfo? RaiseDisplay = typeof(Formatter).GetMethod(
        "RaiseFormatterEvent", BindingFlags.NonPublic | BindingFlags.Static, [typeof(DisplayedValue)]);

    static readonly FieldInfo? DisplayListeners = typeof(Formatter).GetField(
        "OnFormatterEvent", BindingFlags.NonPublic | BindingFlags.Static);

    readonly TimeSpan interval;
    readonly Stopwatch sinceLastShown = new();
    DisplayedValue? shown;

    NotebookProgress(TimeSpan interval) => this.interval = interval;

    /// <summary>
    /// A callback for <see cref="O:Segmentation.Training.Trainer.Fit"/>'s <c>onProgress</c> that shows <see cref="TrainingProgress.ToString"/>
    /// in one notebook output, redrawn at most once per <paramref name="secondsBetweenUpdates"/> and always at the
    /// end of an epoch, so the output ends on the run's last step.
    /// </summary>
    /// <param name="secondsBetweenUpdates">Fewest seconds between two redraws (default 0.5).</param>
    public static Action<TrainingProgress> Line(double secondsBetweenUpdates = 0.5)
    {
        if (!(secondsBetweenUpdates >= 0))
            throw new ArgumentOutOfRangeException(nameof(secondsBetweenUpdates), secondsBetweenUpdates, "Give zero or more seconds.");
        return new NotebookProgress(TimeSpan.FromSeconds(secondsBetweenUpdates)).Report;
    }

    /// <summary>True inside a notebook kernel (something listens for displayed values), where the line redraws in place.</summary>
    public static bool InNotebook => RaiseDisplay is not null && DisplayListeners?.GetValue(null) is Delegate;

    /// <summary>Shows <paramref name="progress"/> if enough time has passed or its epoch just ended.</summary>
    void Report(TrainingProgress progress)
    {
        bool epochEnded = progress.Step >= progress.StepsPerEpoch;
        if (!epochEnded && sinceLastShown.IsRunning && sinceLastShown.Elapsed < interval)
            return;
        sinceLastShown.Restart();

        string text = progress.ToString();
        if (InNotebook)
            Redraw(text);
        else if (epochEnded)
            Console.WriteLine(text);
    }

    void Redraw(string text)
    {
        if (shown is null)
        {
            shown = new DisplayedValue(text, FormattedValue.CreateManyFromObject(text, "text/plain"));
            RaiseDisplay!.Invoke(null, [shown]);
        }
        else
        {
            shown.Update(text);
        }
    }
}
