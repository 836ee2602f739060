namespace Segmentation.Data;

/// <summary>
/// One data row of PH2_dataset.txt: what the dermatologists recorded about a case.
/// The letter codes are kept as the file writes them (see the legend at the end of PH2_dataset.txt).
/// </summary>
/// <param name="Name">Case name, e.g. IMD003.</param>
/// <param name="HistologicalDiagnosis">The histological diagnosis, often empty (only some cases were biopsied).</param>
/// <param name="Diagnosis">The clinical diagnosis (codes 0 common nevus, 1 atypical nevus, 2 melanoma).</param>
/// <param name="Asymmetry">0 fully symmetric, 1 symmetric in one axis, 2 fully asymmetric.</param>
/// <param name="PigmentNetwork">A absent, AT atypical, T typical.</param>
/// <param name="DotsGlobules">A absent, AT atypical, T typical.</param>
/// <param name="Streaks">A absent, P present.</param>
/// <param name="RegressionAreas">A absent, P present.</param>
/// <param name="BlueWhitishVeil">A absent, P present.</param>
/// <param name="Colours">Colour codes seen in the lesion: 1 white, 2 red, 3 light brown, 4 dark brown, 5 blue-gray, 6 black.</param>
public sealed record Ph2Metadata(
    string Name,
    string HistologicalDiagnosis,
    Ph2Diagnosis Diagnosis,
    int Asymmetry,
    string PigmentNetwork,
    string DotsGlobules,
    string Streaks,
    string RegressionAreas,
    string BlueWhitishVeil,
    IReadOnlyList<int> Colours)
{
    /// <summary>Equal when every column is: the colour codes are compared one by one, not as list objects.</summary>
    public bool Equals(Ph2Metadata? other) =>
        other is not null && Name == other.Name && HistologicalDiagnosis == other.HistologicalDiagnosis &&
        Diagnosis == other.Diagnosis && Asymmetry == other.Asymmetry && PigmentNetwork == other.PigmentNetwork &&
        DotsGlobules == other.DotsGlobules && Streaks == other.Streaks && RegressionAreas == other.RegressionAreas &&
        BlueWhitishVeil == other.BlueWhitishVeil && Colours.SequenceEqual(other.Colours);

    /// <summary>A hash that agrees with <see cref="Equals(Ph2Metadata?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Name, Diagnosis, Asymmetry, Colours.Count);
}
