using System.CommandLine;

namespace Lesson.Tool.Commands;

/// <summary>"Did you mean ...?" for a mistyped command, option or value, and the wording of such errors.</summary>
static class Typos
{
    /// <summary>
    /// The names at the smallest edit distance from <paramref name="typed"/>, when that distance is small for its length
    /// (one slip in a short word, up to a third of a longer one). Swapping two neighbouring letters counts as one slip.
    /// </summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> names)
    {
        int allowed = Math.Max(1, typed.TrimStart('-').Length / 3);
        var scored = names.Distinct().Select(name => (Name: name, Distance: Distance(typed, name))).Where(s => s.Distance <= allowed).ToList();
        if (scored.Count == 0)
            return [];
        int best = scored.Min(s => s.Distance);
        return scored.Where(s => s.Distance == best).Select(s => s.Name).Take(3).ToList();
    }

    /// <summary>"unknown option '--siz' (did you mean '--size'?)".</summary>
    public static string Unknown(string kind, string typed, IEnumerable<string> known)
    {
        var close = Closest(typed, known);
        return close.Count == 0
            ? $"unknown {kind} '{typed}'"
            : $"unknown {kind} '{typed}' (did you mean {List(close.Select(c => $"'{c}'").ToList())}?)";
    }

    /// <summary>Every name and alias of the options <paramref name="command"/> accepts, the inherited --help included.</summary>
    public static IEnumerable<string> OptionNames(Command command)
    {
        var inherited = command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive);
        return command.Options.Concat(inherited).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-'));
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
