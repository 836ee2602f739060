using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Training;

namespace Segmentation.Interactive;

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
/// The line is shown with the running cell's <see cref="KernelInvocationContextExtensions.Display"/>, whose handle
/// publishes its updates under the id of the output it made. (The <c>display(...)</c> helper of .NET Interactive
/// 1.0.0-beta.26120.1 returns a handle with another id, so Jupyter would ignore its updates.)
/// </remarks>
public sealed class NotebookProgress
{
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

    /// <summary>True while a notebook cell runs (there is a kernel invocation context), where the line redraws in place.</summary>
    public static bool InNotebook => KernelInvocationContext.Current is not null;

    /// <summary>Shows <paramref name="progress"/> if enough time has passed or its epoch just ended.</summary>
    void Report(TrainingProgress progress)
    {
        bool epochEnded = progress.Step >= progress.StepsPerEpoch;
        if (!epochEnded && sinceLastShown.IsRunning && sinceLastShown.Elapsed < interval)
            return;
        sinceLastShown.Restart();

        string text = progress.ToString();
        if (KernelInvocationContext.Current is { } cell)
            Redraw(cell, text);
        else if (epochEnded)
            Console.WriteLine(text);
    }

    void Redraw(KernelInvocationContext cell, string text)
    {
        if (shown is null)
            shown = KernelInvocationContextExtensions.Display(cell, text, "text/plain");   // not System.DisplayExtensions.Display
        else
            shown.Update(text);
    }
}
