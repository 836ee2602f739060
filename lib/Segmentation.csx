// Loads the course library into a notebook. Each notebook's first cell imports this file, e.g.
//
//     #!import ../lib/Segmentation.csx
//     using Segmentation.Models;
//
// Every build of the kit (Debug or Release: `dotnet build`, `dotnet test`, `dotnet run --project tools/lesson`, an
// IDE) fills one folder, lib/bin/notebook/, with the library, TorchSharp, every dependency and, on older Linux, the fixed copy of
// TorchSharp's native library. This script finds that folder from the notebook's folder and references the core
// (Segmentation.dll), TorchSharp, ImageSharp and the notebook front end (Segmentation.Interactive.dll), so the `using` lines
// under the import compile, then registers the front end's formatters (pictures, charts, quizzes).
// When the kit is not built yet it stops the cell with a sentence that says what to run: a plain #r would stop it
// with "CS0006 Metadata file ... could not be found".
// The kit folder is found here, not with the library's Segmentation.KitFolder, because this runs before the library
// is loaded; both look for the kit's own files above the notebook's folder.
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
        // TorchSharp and ImageSharp too: the library's methods take and return their types (Tensor, Color, Image), which
        // notebooks then name themselves (e.g. SixLabors.ImageSharp.Color.OrangeRed).
        var assemblies = new[] { "TorchSharp.dll", "SixLabors.ImageSharp.dll", "Segmentation.dll", "Segmentation.Interactive.dll" }
            .Select(name => System.IO.Path.Combine(folder, name)).ToArray();
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
            // A submission of its own, compiled against the references just added, so that it uses the library as
            // the notebook's cells will (the stock kernel loads it into its scripting load context, not the default one).
            var registration = await csharp.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(
                "Segmentation.Interactive.NotebookFormatters.Register();"));
            if (registration.Events.OfType<Microsoft.DotNet.Interactive.Events.CommandFailed>().FirstOrDefault() is { } failed)
                context.Fail(context.Command, null,
                    $"The course library's notebook formatters could not be registered: {failed.Message} Rebuild the kit with `dotnet build` in {kit.FullName}.");
        }
    }
}
