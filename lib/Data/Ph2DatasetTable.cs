using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Segmentation.Data;

/// <summary>One data row of PH2_dataset.txt: the diagnosis and the dermoscopic criteria of a case.</summary>
internal sealed record Ph2TableRow(
    string Name,
    string HistologicalDiagnosis,
    Ph2Diagnosis Diagnosis,
    int Asymmetry,
    string PigmentNetwork,
    string DotsGlobules,
    string Streaks,
    string RegressionAreas,
    string BlueWhitishVeil,
    IReadOnlyList<int> Colours);

/// <summary>
/// Reads and writes PH2_dataset.txt, a text table with "||" between column groups and "|" inside
/// the dermoscopic-criteria group. Only the diagnosis is read back; the sample writer fills every column.
/// </summary>
internal static partial class Ph2DatasetTable
{
    /// <summary>The file name, next to the "PH2 Dataset images" folder.</summary>
    public const string FileName = "PH2_dataset.txt";

    const string Header =
        "||   Name || Histological Diagnosis || Clinical Diagnosis || Asymmetry | Pigment Network | " +
        "Dots/Globules | Streaks | Regression Areas | Blue-Whitish Veil ||           Colors ||";

    const string Legend = """

        Legends:

        Clinical Diagnosis:
        	0 - Common Nevus;
        	1 - Atypical Nevus;
        	2 - Melanoma.

        Asymmetry:
        	0 - Fully Symmetric;
        	1 - Symmetric in 1 axis;
        	2 - Fully Asymmetric.

        Pigment Network, Dots/Globules:
        	A - Absent;
        	AT - Atypical;
        	T - Typical.

        Streaks, Regression Areas, Blue-Whitish Veil:
        	A - Absent;
        	P - Present.

        Colors:
        	1 - White;
        	2 - Red;
        	3 - Light-Brown;
        	4 - Dark-Brown;
        	5 - Blue-Gray;
        	6 - Black.
        """;

    [GeneratedRegex(@"^IMD\d{3}$")]
    private static partial Regex CaseName();

    /// <summary>Case name -> clinical diagnosis, for every data row (header and legend lines are skipped).</summary>
    public static Dictionary<string, Ph2Diagnosis> ReadDiagnoses(string path)
    {
        var diagnoses = new Dictionary<string, Ph2Diagnosis>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            // Split on "||" and trim: [0] "", [1] name, [2] histological, [3] clinical code, [4] criteria, [5] colours.
            var cells = line.Split("||").Select(cell => cell.Trim()).ToArray();
            if (cells.Length < 4 || !CaseName().IsMatch(cells[1]))
                continue;
            diagnoses[cells[1]] = cells[3] switch
            {
                "0" => Ph2Diagnosis.CommonNevus,
                "1" => Ph2Diagnosis.AtypicalNevus,
                "2" => Ph2Diagnosis.Melanoma,
                _ => Ph2Diagnosis.Unknown,
            };
        }
        return diagnoses;
    }

    /// <summary>Writes the header, one line per row (padded like the real file) and the legend.</summary>
    public static void Write(string path, IEnumerable<Ph2TableRow> rows)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var row in rows)
            text.AppendLine(FormatRow(row));
        text.AppendLine(Legend);
        File.WriteAllText(path, text.ToString());
    }

    static string FormatRow(Ph2TableRow row)
    {
        var code = row.Diagnosis switch
        {
            Ph2Diagnosis.CommonNevus => 0,
            Ph2Diagnosis.AtypicalNevus => 1,
            Ph2Diagnosis.Melanoma => 2,
            _ => throw new ArgumentException($"Case {row.Name} has no diagnosis to write.", nameof(row)),
        };
        var colours = string.Join("  ", row.Colours.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        return $"|| {row.Name} || {row.HistologicalDiagnosis,22} || {code,18} || {row.Asymmetry,9} | " +
               $"{row.PigmentNetwork,15} | {row.DotsGlobules,13} | {row.Streaks,7} | {row.RegressionAreas,16} | " +
               $"{row.BlueWhitishVeil,17} || {colours,16} ||";
    }
}
