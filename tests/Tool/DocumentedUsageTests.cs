using System.Text.RegularExpressions;

namespace Lesson.Tests.Tool;

/// <summary>
/// Every command line the kit documents still parses: each usage line of `lesson --help` (with every allowed value of
/// each choice) and every example in the Markdown docs. `lesson [diagram] ...` parses a line and prints how it was
/// read without running it; it exits 0 only when the line has no mistake.
/// </summary>
public class DocumentedUsageTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    static readonly string[] Commands = ["run", "doctor", "kernel", "train", "evaluate", "predict", "export", "fetch", "bench", "data"];

    [Fact]
    public void Every_usage_line_of_the_overview_parses_with_each_allowed_value()
    {
        var place = new Placeholders();
        var entries = UsageEntries(ToolProcess.Run(RepoPaths.Root, Timeout, "--help").Output);
        Assert.Equal(["run", "doctor", "kernel install", "train", "evaluate", "predict", "export", "fetch",
            "bench train", "bench epoch", "bench soak", "bench memory", "bench data", "bench samples", "data inspect", "data sample"], entries.Keys);

        var lines = entries.Values.SelectMany(usage => place.Expand(usage)).ToList();
        // Each allowed value gets its own line, e.g. the last of train's losses and the second dataset to fetch.
        Assert.Contains(lines, args => args[0] == "train" && args.Contains("focal") && args.Contains("ph2"));
        Assert.Contains(lines, args => args is ["fetch", "mads", ..]);
        AssertAllParse(lines, place.Folder);
    }

    [Fact]
    public void Every_example_in_the_docs_parses()
    {
        var place = new Placeholders();
        var examples = DocumentedExamples().ToList();
        Assert.Contains("export --checkpoint artifacts/train/unet/best.ckpt --format safetensors", examples);   // lib/Models/README.md
        Assert.Contains("data sample ph2 --out /tmp/ph2 --count 50 --seed 3", examples);                       // data/README.md
        Assert.Contains("bench train --model unet --size 256 --batch 8 --json", examples);                     // README.md's list

        AssertAllParse(examples.Select(e => place.Fill(e.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList(), place.Folder);
    }

    static void AssertAllParse(IReadOnlyList<string[]> lines, string workingFolder)
    {
        var failures = new List<string>();
        foreach (var args in lines)
        {
            var result = ToolProcess.Run(workingFolder, Timeout, ["[diagram]", .. args]);
            // The diagram names the commands it matched, marks errors with '!' and unmatched words with '???'.
            string expected = "[ lesson " + string.Concat(args.TakeWhile(a => !a.StartsWith('-')).Take(CommandDepth(args)).Select(a => $"[ {a} "));
            if (result.ExitCode != 0 || !result.Output.StartsWith(expected, StringComparison.Ordinal) || result.Output.Contains("???"))
                failures.Add($"lesson {string.Join(' ', args)}\n  exit {result.ExitCode}: {result.Output.Trim()} {result.Error.Trim()}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Count} documented command lines do not parse:\n" + string.Join('\n', failures));
    }

    /// <summary>"bench train", "data inspect" and "kernel install" are two words deep; the rest one.</summary>
    static int CommandDepth(string[] args) => args[0] is "bench" or "data" or "kernel" ? 2 : 1;

    /// <summary>The overview's entries by command: "train [--dataset ph2|mads] ... [--json]", continuation lines joined.</summary>
    static Dictionary<string, string> UsageEntries(string overview)
    {
        var entries = new Dictionary<string, string>();
        string? current = null;
        foreach (string line in overview.Split('\n'))
        {
            // An entry starts at column 2 with a command; its options may go on in lines that start with '['.
            // A run of 3 or more spaces separates the usage from its description.
            string usage = Regex.Split(line.TrimEnd(), @"\s{3,}").Where(part => part.Length > 0).FirstOrDefault() ?? "";
            if (Regex.IsMatch(line, @"^  [a-z]"))
            {
                current = usage.Trim();
                var words = current.Split(' ');
                entries[string.Join(' ', words.Take(CommandDepth(words)))] = current;
            }
            else if (current is not null && Regex.IsMatch(line, @"^\s{3,}\["))
            {
                string name = entries.Single(e => e.Value == current).Key;
                current = entries[name] = current + " " + line.Trim().Split("   ")[0].Trim();
            }
            else if (line.Trim().Length == 0 || !line.StartsWith("   "))
                current = null;
        }
        return entries;
    }

    /// <summary>
    /// Command lines shown in the Markdown docs: `dotnet run --project tools/lesson -- COMMAND ...` anywhere, and the
    /// README's inline `COMMAND ...` examples.
    /// </summary>
    static IEnumerable<string> DocumentedExamples()
    {
        foreach (string file in MarkdownFiles(RepoPaths.Root))
        {
            string text = File.ReadAllText(file);
            foreach (Match match in Regex.Matches(text, @"tools/lesson -- ([^`#\n]+)"))
                if (!match.Groups[1].Value.StartsWith('<'))
                    yield return match.Groups[1].Value.Trim();
            if (Path.GetFileName(file) == "README.md" && Path.GetDirectoryName(file) == RepoPaths.Root)
                foreach (Match match in Regex.Matches(text, $@"`((?:{string.Join('|', Commands)}) [^`]*)`"))
                    yield return match.Groups[1].Value.Trim();
        }
    }

    static IEnumerable<string> MarkdownFiles(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*.md"))
            yield return file;
        foreach (string sub in Directory.EnumerateDirectories(folder))
            if (Path.GetFileName(sub) is not (".git" or "bin" or "obj" or "artifacts" or "node_modules"))
                foreach (string file in MarkdownFiles(sub))
                    yield return file;
    }

    /// <summary>Real values for the usage text's placeholders, in a scratch folder that holds the files they name.</summary>
    sealed class Placeholders
    {
        public string Folder { get; } = RepoPaths.NewTempFolder("usage");

        readonly Dictionary<string, string> values;

        public Placeholders()
        {
            // The docs' checkpoint path, relative to the working folder; parsing only checks that the file is there.
            string checkpoint = Path.Combine("artifacts", "train", "unet", "best.ckpt");
            Directory.CreateDirectory(Path.Combine(Folder, "artifacts", "train", "unet"));
            File.WriteAllText(Path.Combine(Folder, checkpoint), "");
            values = new()
            {
                ["F"] = checkpoint, ["..."] = checkpoint, ["DIR"] = Folder, ["IMAGE_OR_DIR"] = Folder, ["IMAGE_OR_FOLDER"] = Folder,
                ["FILE"] = Path.Combine(Folder, "weights.pt"), ["URL_OR_FILE_OR_FOLDER"] = Folder, ["HEX"] = new string('a', 64),
                ["URL"] = "https://127.0.0.1/api/v1/", ["N"] = "3", ["S"] = "5", ["NOTEBOOK..."] = "notebooks/00-quickstart.ipynb",
            };
        }

        public string[] Fill(IEnumerable<string> words) => words.Select(w => values.GetValueOrDefault(w, w)).ToArray();

        /// <summary>The usage with every option given, once with the first allowed values and once more for each other value.</summary>
        public IEnumerable<string[]> Expand(string usage)
        {
            var words = Fill(usage.Replace("[", " ").Replace("]", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var first = words.Select(w => w.Split('|')[0]).ToArray();
            yield return first;
            for (int i = 0; i < words.Length; i++)
                foreach (string other in words[i].Split('|').Skip(1))
                    yield return [.. first[..i], other, .. first[(i + 1)..]];
        }
    }
}
