using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lesson.Tests.Architecture;

/// <summary>One use of a library namespace by code in another: where, and which name.</summary>
/// <param name="From">The namespace of the file, e.g. "Segmentation.Training".</param>
/// <param name="To">The namespace used, e.g. "Segmentation.Inference".</param>
/// <param name="Where">File and line, relative to the kit.</param>
/// <param name="Name">The name as written, e.g. "BinaryMask" or "using Segmentation.Inference".</param>
sealed record NamespaceUse(string From, string To, string Where, string Name);

/// <summary>
/// Finds every use of one of the library's namespaces by another, by compiling lib/ (core and notebook front end) with
/// Roslyn and resolving every name: a <c>using</c> line, a fully qualified <c>Segmentation.X.Type</c>, a name relative
/// to the parent namespace (<c>Models.ModelCatalog</c> inside <c>Segmentation.Training</c>) and a type reached through
/// a <c>using</c> all count the same. Comments and strings do not.
/// </summary>
static class LibraryDependencies
{
    /// <summary>
    /// The uses found in lib/, the namespaces its files declare, and the compiler's errors (which would leave names
    /// unresolved: expect none).
    /// </summary>
    public static (IReadOnlyList<NamespaceUse> Uses, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Errors) Find()
    {
        string lib = Path.Combine(RepoPaths.Root, "lib");
        var files = Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(lib, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Append(Path.Combine(RepoPaths.Root, "build", "TorchSharpNativeFix.cs"))   // compiled into the core too
            .Order(StringComparer.Ordinal)
            .ToList();
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["LESSON_LIB", "NET", "NET10_0_OR_GREATER"]);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create("LayerCheck", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        var uses = new List<NamespaceUse>();
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => t.FilePath.EndsWith(".cs") && t.FilePath != "ImplicitUsings.cs"))
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            string from = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";
            namespaces.Add(from);
            foreach (var node in root.DescendantNodes())
            {
                INamespaceSymbol? used = node switch
                {
                    UsingDirectiveSyntax directive when directive.Name is { } name => NamespaceOf(model.GetSymbolInfo(name).Symbol),
                    SimpleNameSyntax name when name.Parent is not UsingDirectiveSyntax && name.Parent is not QualifiedNameSyntax { Parent: UsingDirectiveSyntax }
                        => NamespaceOf(model.GetSymbolInfo(name).Symbol is INamespaceSymbol ? null : model.GetSymbolInfo(name).Symbol),
                    _ => null,
                };
                string to = used?.ToDisplayString() ?? "";
                if (to == "Segmentation" || to.StartsWith("Segmentation.", StringComparison.Ordinal))
                    if (to != from)
                        uses.Add(new NamespaceUse(from, to,
                            $"{Path.GetRelativePath(RepoPaths.Root, tree.FilePath)}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}",
                            node is UsingDirectiveSyntax u ? $"using {u.Name}" : node.ToString()));
            }
        }
        return (uses, namespaces.ToList(), errors);
    }

    /// <summary>The namespace a symbol belongs to: a namespace itself, a type's, or a member's type's.</summary>
    static INamespaceSymbol? NamespaceOf(ISymbol? symbol) => symbol switch
    {
        null => null,
        INamespaceSymbol ns => ns,
        IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType?.ContainingNamespace,
        IArrayTypeSymbol array => NamespaceOf(array.ElementType),
        ITypeSymbol type => type.OriginalDefinition.ContainingNamespace,
        _ => symbol.ContainingType?.OriginalDefinition.ContainingNamespace ?? symbol.ContainingNamespace,
    };

    /// <summary>The SDK's implicit usings for a class library (ImplicitUsings=enable in Directory.Build.props).</summary>
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The framework's assemblies and every managed assembly next to the tests (the library's packages and .NET Interactive's).</summary>
    static IEnumerable<MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("Segmentation", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("Lesson.", StringComparison.Ordinal));
        return framework.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(IsManaged)
            .Select(path => MetadataReference.CreateFromFile(path));
    }

    static bool IsManaged(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }
}
