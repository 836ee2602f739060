namespace Segmentation.Data;

/// <summary>
/// Something wrong in a dataset folder, found while loading it: which case, which file, what is wrong and what to do.
/// </summary>
/// <param name="Case">The case (PH2 case name, MADS frame name) or folder entry the problem belongs to.</param>
/// <param name="File">Full path of the file (or folder) that is wrong, or that is missing.</param>
/// <param name="Error">What is wrong and what to do, in words.</param>
/// <param name="CaseLeftOut">
/// True when the case could not be used and was left out; false for a problem that only costs information
/// (for example a PH2 case without a diagnosis row: its images are used, its diagnosis is unknown).
/// </param>
public sealed record DatasetProblem(string Case, string File, string Error, bool CaseLeftOut = true);

/// <summary>
/// What loading a dataset found: the good cases, in name order, and every problem with the others.
/// </summary>
/// <typeparam name="TCase">The dataset's case type (<see cref="Ph2Case"/>, <see cref="MadsFrame"/>).</typeparam>
/// <param name="Folder">The folder the cases were found in (the one holding PH2's case folders, or MADS's images/ and masks/).</param>
/// <param name="Cases">The cases that passed every check.</param>
/// <param name="Problems">The problems found, in case-name order.</param>
/// <param name="ImageSize">The most common image size among the good cases (width, height), or null when there are none.</param>
public sealed record DatasetContents<TCase>(
    string Folder,
    IReadOnlyList<TCase> Cases,
    IReadOnlyList<DatasetProblem> Problems,
    (int Width, int Height)? ImageSize);
