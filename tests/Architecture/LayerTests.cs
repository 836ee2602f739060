using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lesson.Tests.Architecture;

/// <summary>
/// The library's layers, as lib/README.md draws them: code in a namespace may use only namespaces on lower levels,
/// so the layers flow one way and no two namespaces need each other. The core (Segmentation.dll) knows nothing of
/// notebooks: only the front end (Segmentation.Interactive.dll) depends on .NET Interactive.
/// </summary>
public class LayerTests
{
    static readonly Lazy<(IReadOnlyList<NamespaceUse> Uses, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Errors)> Found = new(LibraryDependencies.Find);

    /// <summary>lib/README.md's table of levels: namespace to level (0 at the bottom).</summary>
    static Dictionary<string, int> Levels()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "lib", "README.md"));
        var levels = new Dictionary<string, int>();
        foreach (Match row in Regex.Matches(readme, @"^\| (\d+) \| (.+?) \|\s*$", RegexOptions.Multiline))
            foreach (Match name in Regex.Matches(row.Groups[2].Value, @"`(Segmentation[\w.]*)`"))
                levels.Add(name.Groups[1].Value, int.Parse(row.Groups[1].Value));
        Assert.True(levels.Count >= 10, $"lib/README.md should have a table of levels (| level | namespaces |), found {levels.Count} namespaces");
        return levels;
    }

    [Fact]
    public void The_library_compiles_here_so_every_name_is_resolved()
    {
        // The regular-expression source generator does not run in this compilation: its partial methods stay empty.
        var errors = Found.Value.Errors.Where(e => !e.Contains("error CS8795")).ToList();
        Assert.True(errors.Count == 0, "lib/ does not compile here:\n" + string.Join("\n", errors));
        // The check sees real uses: the trainer uses the models, the loader the readers.
        Assert.Contains(Found.Value.Uses, u => u.From == "Segmentation.Training" && u.To == "Segmentation.Models");
        Assert.Contains(Found.Value.Uses, u => u.From == "Segmentation.Loading" && u.To == "Segmentation.Data");
    }

    [Fact]
    public void Every_namespace_of_the_library_has_its_level_in_the_readme()
    {
        var levels = Levels();
        var namespaces = Found.Value.Namespaces;

        var unplaced = namespaces.Where(n => !levels.ContainsKey(n)).ToList();
        var gone = levels.Keys.Where(n => !namespaces.Contains(n)).ToList();
        Assert.True(unplaced.Count == 0, "Give these namespaces a level in lib/README.md: " + string.Join(", ", unplaced));
        Assert.True(gone.Count == 0, "lib/README.md gives a level to namespaces lib/ no longer has: " + string.Join(", ", gone));
    }

    [Fact]
    public void Every_use_of_another_namespace_goes_down_the_layers()
    {
        var levels = Levels();
        var against = Found.Value.Uses
            .Where(u => levels.ContainsKey(u.From) && levels.ContainsKey(u.To) && levels[u.To] >= levels[u.From])
            .Select(u => $"{u.Where}: {u.From} (level {levels[u.From]}) uses {u.To} (level {levels[u.To]}) through '{u.Name}'")
            .ToList();

        Assert.True(against.Count == 0, "Uses against the layers of lib/README.md:\n" + string.Join("\n", against));
    }

    [Fact]
    public void The_core_references_no_dotnet_interactive_package_and_the_front_end_does()
    {
        static IEnumerable<string> PackagesOf(string project) =>
            XDocument.Load(Path.Combine(RepoPaths.Root, project)).Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!);
        static IEnumerable<string> AssembliesUsedBy(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);
        const string Interactive = "Microsoft.DotNet.Interactive";

        Assert.DoesNotContain(PackagesOf("lib/Segmentation.csproj"), p => p.StartsWith(Interactive, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(AssembliesUsedBy(typeof(Segmentation.Models.UNet).Assembly), a => a.StartsWith(Interactive, StringComparison.Ordinal));
        Assert.DoesNotContain(Interactive, File.ReadAllText(Path.Combine(RepoPaths.LibOutput, "Segmentation.deps.json")), StringComparison.OrdinalIgnoreCase);

        // The same checks find .NET Interactive where it belongs.
        Assert.Contains(PackagesOf("lib/Interactive/Segmentation.Interactive.csproj"), p => p.StartsWith(Interactive, StringComparison.Ordinal));
        Assert.Contains(AssembliesUsedBy(typeof(Segmentation.Interactive.NotebookFormatters).Assembly), a => a.StartsWith(Interactive, StringComparison.Ordinal));
    }
}
