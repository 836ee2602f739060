// Loads the course library into a notebook. Each notebook's first cell imports this file, e.g.
//
//     #!import ../lib/Segmentation.csx
//     using Segmentation.Models;
//
// Every build of the kit (Debug or Release, the solution or lib alone, dotnet test, an IDE) fills one folder,
// lib/bin/notebook/, with the library, TorchSharp, every dependency and, on older Linux, the fixed copy of
// TorchSharp's native library. This script finds that folder from the notebook's folder and references it,
// so the `using` lines under the import compile. When the kit is not built yet it stops the cell with a
// sentence that says what to run: a plain #r would stop it with "CS0006 Metadata file ... could not be found".
// Written without `using` lines and inside a block, so it leaves nothing behind in the notebook.
{
    var context = Microsoft.DotNet.Interactive.KernelInvocationContext.Current;
    var kit = new System.IO.DirectoryInfo(System.Environment.CurrentDirectory);
    while (kit is not null && !System.IO.File.Exists(System.IO.Path.Combine(kit.FullName, "lib", "Segmentation.csproj")))
        kit = kit.Parent;

    if (kit is null)
    {
        context.Fail(context.Command, null,
            $"This notebook is not inside the course kit (no folder above {System.Environment.CurrentDirectory} holds lib/Segmentation.csproj). "
            + "Open it from the kit's notebooks/ or lab/ folder.");
    }
    else
    {
        var folder = System.IO.Path.Combine(kit.FullName, "lib", "bin", "notebook");
        var assemblies = new[] { "TorchSharp.dll", "Segmentation.dll" }.Select(name => System.IO.Path.Combine(folder, name)).ToArray();
        if (!assemblies.All(System.IO.File.Exists))
        {
            context.Fail(context.Command, null,
                $"The course library is not built yet. Run `dotnet build` in {kit.FullName} (once; it takes a minute or two), "
                + "then run this cell again.");
        }
        else
        {
            var csharp = (Microsoft.DotNet.Interactive.CSharp.CSharpKernel)context.HandlingKernel;
            csharp.AddAssemblyReferences(assemblies);
        }
    }
}
