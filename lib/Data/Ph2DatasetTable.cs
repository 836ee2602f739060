using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Segmentation.Data;

/// <summary>
/// Reads and writes PH2_dataset.txt, a text table with "||" between column groups and "|" inside the
/// dermoscopic-criteria group. A data row, split on "||" and trimmed, gives: "", name, histological diagnosis,
/// clinical diagnosis code, the six criteria (split on "|"), the colour codes (space-separated), "".
/// The header line and the legend after the table are not data rows.
/// </summary>
public static partial class Ph2DatasetTable
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
    internal static partial Regex CaseName();

    /// <summary>
    /// Reads every data row of the file. A row that names a case but cannot be read is reported in
    /// <see cref="Ph2TableContents.Problems"/> (with its line number) instead of stopping the whole table.
    /// </summary>
    public static Ph2TableContents Read(string path)
    {
        var rows = new Dictionary<string, Ph2Metadata>(StringComparer.Ordinal);
        var problems = new List<DatasetProblem>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            try
            {
                if (ParseRow(line) is not { } row)
                    continue;
                if (!rows.TryAdd(row.Name, row))
                    throw new FormatException($"{row.Name} has a second row here; the first one is used");
            }
            catch (FormatException error)
            {
                problems.Add(new DatasetProblem(CaseNameOf(line), path,
                    $"Line {lineNumber} of '{path}' cannot be read: {error.Message}. The case's images are still used, " +
                    $"with diagnosis unknown. Compare the line with the others, or take {FileName} from the original download again.",
                    CaseLeftOut: false));
            }
        }
        return new Ph2TableContents(rows, problems);
    }

    /// <summary>
    /// Parses one line of the table: the row's metadata, or null when the line is not a data row
    /// (the header, the legend, blank lines).
    /// </summary>
    /// <exception cref="FormatException">The line names a case (IMD + three digits) but a column cannot be read.</exception>
    public static Ph2Metadata? ParseRow(string line)
    {
        var cells = line.Split("||").Select(cell => cell.Trim()).ToArray();
        if (cells.Length < 2 || !CaseName().IsMatch(cells[1]))
            return null;
        string name = cells[1];
        if (cells.Length < 6)
            throw new FormatException($"{name}'s row has {cells.Length - 1} '||'-separated parts, expected at least 5 " +
                "(name, histological diagnosis, clinical diagnosis, criteria, colours)");

        var diagnosis = cells[3] switch
        {
            "0" => Ph2Diagnosis.CommonNevus,
            "1" => Ph2Diagnosis.AtypicalNevus,
            "2" => Ph2Diagnosis.Melanoma,
            _ => throw new FormatException($"{name}'s clinical diagnosis is '{cells[3]}', expected 0, 1 or 2"),
        };
        var criteria = cells[4].Split('|').Select(cell => cell.Trim()).ToArray();
        if (criteria.Length != 6)
            throw new FormatException($"{name}'s criteria group has {criteria.Length} '|'-separated values, expected 6 " +
                "(asymmetry, pigment network, dots/globules, streaks, regression areas, blue-whitish veil)");
        if (criteria[0] is not ("0" or "1" or "2"))
            throw new FormatException($"{name}'s asymmetry is '{criteria[0]}', expected 0, 1 or 2");
        var colours = new List<int>();
        foreach (var code in cells[5].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            colours.Add(int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out int colour) && colour is >= 1 and <= 6
                ? colour
                : throw new FormatException($"{name}'s colours include '{code}', expected codes 1 to 6"));

        return new Ph2Metadata(name, cells[2], diagnosis, criteria[0][0] - '0',
            criteria[1], criteria[2], criteria[3], criteria[4], criteria[5], colours);
    }

    static string CaseNameOf(string line) =>
        line.Split("||").Select(cell => cell.Trim()).FirstOrDefault(cell => CaseName().IsMatch(cell)) ?? "";

    /// <summary>Writes the header, one line per row (padded like the real file) and the legend.</summary>
    internal static void Write(string path, IEnumerable<Ph2Metadata> rows)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var row in rows)
            text.AppendLine(FormatRow(row));
        text.AppendLine(Legend);
        File.WriteAllText(path, text.ToString());
    }

    static string FormatRow(Ph2Metadata row)
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

/// <summary>What <see cref="Ph2DatasetTable.Read"/> found: one row per case name, and the lines it could not read.</summary>
/// <param name="Rows">Case name -> the case's metadata.</param>
/// <param name="Problems">Lines that name a case but could not be read (their cases keep an unknown diagnosis).</param>
public sealed record Ph2TableContents(IReadOnlyDictionary<string, Ph2Metadata> Rows, IReadOnlyList<DatasetProblem> Problems);
