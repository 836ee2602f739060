using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Exercises;
using Segmentation.Visualisation;

namespace Segmentation.Interactive;

/// <summary>
/// Teaches .NET Interactive notebooks to show the library's values: a <see cref="Picture"/> as a picture, a
/// <see cref="TrainingCurves"/> chart as its static picture followed by the interactive chart, a
/// <see cref="TrainingCurvesPicture"/> as its PNG, and a <see cref="Quiz"/> or <see cref="QuizResult"/> as text.
/// The notebooks' load cell (<c>#!import ../lib/Segmentation.csx</c>) calls <see cref="Register"/>, so a notebook
/// never needs to.
/// </summary>
/// <remarks>
/// The types live in the core (Segmentation.dll), which knows nothing of notebooks, so they cannot name their
/// formatters with .NET Interactive's <see cref="TypeFormatterSourceAttribute"/>; the formatters are registered here
/// instead. <see cref="Formatter.ResetToDefault"/> forgets them: run the load cell again afterwards.
/// </remarks>
public static class NotebookFormatters
{
    /// <summary>Registers the formatters and each type's preferred MIME types with the notebook's <see cref="Formatter"/>.</summary>
    public static void Register()
    {
        ITypeFormatterSource[] sources = [new PictureFormatters(), new TrainingCurvesFormatters(), new TrainingCurvesPictureFormatters(), new QuizFormatters()];
        foreach (var formatter in sources.SelectMany(source => source.CreateTypeFormatters()))
            Formatter.Register(formatter);

        Formatter.SetPreferredMimeTypesFor(typeof(Picture), PictureFormatters.PreferredMimeTypes);
        Formatter.SetPreferredMimeTypesFor(typeof(TrainingCurves), TrainingCurvesFormatters.PreferredMimeTypes);
        Formatter.SetPreferredMimeTypesFor(typeof(TrainingCurvesPicture), TrainingCurvesPictureFormatters.PreferredMimeTypes);
        Formatter.SetPreferredMimeTypesFor(typeof(Quiz), QuizFormatters.PreferredMimeTypes);
        Formatter.SetPreferredMimeTypesFor(typeof(QuizResult), QuizFormatters.PreferredMimeTypes);
    }
}
