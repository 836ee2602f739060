using Segmentation.Data;

namespace Segmentation.Samples;

/// <summary>
/// Decides the cases of a generated PH2 sample: names like the real ones (IMD + three digits, with gaps),
/// PH2's mix of diagnoses (40% common nevi, 40% atypical nevi, 20% melanomas) and dermoscopic
/// criteria that fit each diagnosis.
/// </summary>
internal static class Ph2SampleCases
{
    /// <summary>The rows of PH2_dataset.txt for <paramref name="count"/> cases, in name order.</summary>
    public static IReadOnlyList<Ph2Metadata> Create(Random random, int count)
    {
        var names = CaseNames(random, count);
        var diagnoses = Diagnoses(random, count);
        return names.Select((name, i) => Row(random, name, diagnoses[i])).ToList();
    }

    static List<string> CaseNames(Random random, int count)
    {
        // Start at IMD002 like PH2 and skip about one number in four. At most 400 cases
        // take at most 800 numbers, so the names keep three digits.
        var names = new List<string>(count);
        int number = 1;
        for (int i = 0; i < count; i++)
        {
            number += random.Next(4) == 0 ? 2 : 1;
            names.Add($"IMD{number:D3}");
        }
        return names;
    }

    static Ph2Diagnosis[] Diagnoses(Random random, int count)
    {
        int common = (int)Math.Round(0.4 * count), atypical = (int)Math.Round(0.4 * count);
        var diagnoses = Enumerable.Repeat(Ph2Diagnosis.CommonNevus, common)
            .Concat(Enumerable.Repeat(Ph2Diagnosis.AtypicalNevus, atypical))
            .Concat(Enumerable.Repeat(Ph2Diagnosis.Melanoma, Math.Max(0, count - common - atypical)))
            .Take(count)
            .ToArray();
        random.Shuffle(diagnoses); // mixed through the names, as in PH2
        return diagnoses;
    }

    static Ph2Metadata Row(Random random, string name, Ph2Diagnosis diagnosis)
    {
        bool Chance(double p) => random.NextDouble() < p;
        return diagnosis switch
        {
            Ph2Diagnosis.CommonNevus => new Ph2Metadata(name, "", diagnosis,
                Asymmetry: Chance(0.8) ? 0 : 1, PigmentNetwork: "T", DotsGlobules: Chance(0.6) ? "A" : "T",
                Streaks: "A", RegressionAreas: "A", BlueWhitishVeil: "A",
                Colours: Chance(0.4) ? [3] : Chance(0.35) ? [4] : [3, 4]),
            Ph2Diagnosis.AtypicalNevus => new Ph2Metadata(name, "", diagnosis,
                Asymmetry: Chance(0.3) ? 0 : Chance(0.7) ? 1 : 2, PigmentNetwork: Chance(0.6) ? "AT" : "T",
                DotsGlobules: Chance(0.5) ? "AT" : Chance(0.6) ? "A" : "T",
                Streaks: Chance(0.9) ? "A" : "P", RegressionAreas: Chance(0.8) ? "A" : "P", BlueWhitishVeil: "A",
                Colours: Chance(0.7) ? [3, 4] : Chance(0.5) ? [4] : [3]),
            _ => MelanomaRow(random, name),
        };
    }

    static Ph2Metadata MelanomaRow(Random random, string name)
    {
        bool veil = random.NextDouble() < 0.6, black = random.NextDouble() < 0.6;
        // Colour codes: 3 light brown, 4 dark brown, 5 blue-gray (with a blue-whitish veil), 6 black.
        List<int> colours = [3, 4];
        if (veil)
            colours.Add(5);
        if (black)
            colours.Add(6);
        return new Ph2Metadata(name, "Melanoma", Ph2Diagnosis.Melanoma,
            Asymmetry: random.NextDouble() < 0.8 ? 2 : 1, PigmentNetwork: "AT",
            DotsGlobules: random.NextDouble() < 0.8 ? "AT" : "A",
            Streaks: random.NextDouble() < 0.5 ? "P" : "A", RegressionAreas: random.NextDouble() < 0.6 ? "P" : "A",
            BlueWhitishVeil: veil ? "P" : "A", Colours: colours);
    }
}
