using System.Text;
using static TorchSharp.torch;

namespace Segmentation.Models;

/// <summary>One layer in a <see cref="ModelSummary"/>.</summary>
/// <param name="Path">The layer's name in the state dict, e.g. <c>encoder.0.conv</c>.</param>
/// <param name="Type">The layer's class, e.g. <c>Conv2d</c>.</param>
/// <param name="OutputShape">Shape of what the layer returned on this call.</param>
/// <param name="Parameters">Trainable numbers in the layer, its sub-layers included.</param>
public sealed record LayerSummary(string Path, string Type, long[] OutputShape, long Parameters)
{
    /// <summary>How deep the layer sits: 0 for a top-level layer such as <c>bottleneck</c>, 1 for <c>bottleneck.conv</c>.</summary>
    public int Level => Path.Split('.').Count(part => !part.All(char.IsDigit)) - 1;
}

/// <summary>
/// What a network is made of: every layer in the order the forward pass calls it, with the shape it returns
/// and its parameter count. Made by running one forward pass on zeros with hooks that record each layer's
/// output, so the shapes are the real ones. Layers called more than once (a shared pooling or upsampling
/// layer) get a row per call; shared layers count their parameters once in <see cref="TotalParameters"/>.
/// </summary>
public sealed class ModelSummary
{
    ModelSummary(IReadOnlyList<LayerSummary> layers, long[] inputShape, long totalParameters)
    {
        Layers = layers;
        InputShape = inputShape;
        TotalParameters = totalParameters;
    }

    /// <summary>The layers, in the order they ran.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>The input shape the summary was made with.</summary>
    public long[] InputShape { get; }

    /// <summary>Trainable numbers in the whole network (each counted once).</summary>
    public long TotalParameters { get; }

    /// <summary>
    /// Summarises <paramref name="model"/> for an input of <paramref name="inputShape"/> (e.g. [1, 3, 256, 256]).
    /// The model is left as it was: the pass runs in evaluation mode without gradients, so batch-norm
    /// statistics do not move, and the previous training mode is restored.
    /// </summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(model);
        var paths = new Dictionary<nn.Module, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, module) in model.named_modules())
            if (name.Length > 0)
                paths.TryAdd(module, name);

        // A pre-hook opens a row when a layer starts (so a block comes before its parts); the post-hook
        // fills in the output shape when it ends. Calls nest, so the open rows form a stack.
        var rows = new List<LayerSummary>();
        var open = new Stack<int>();
        var removers = new List<Action>();
        foreach (var (module, path) in paths)
        {
            if (module is not nn.Module<Tensor, Tensor> layer)
                continue; // containers such as ModuleList are never called themselves
            long parameters = layer.parameters().Sum(p => p.numel());
            string type = layer.GetType().Name;
            removers.Add(layer.register_forward_pre_hook((_, input) =>
            {
                open.Push(rows.Count);
                rows.Add(new LayerSummary(path, type, [], parameters));
                return input;
            }).remove);
            removers.Add(layer.register_forward_hook((_, _, output) =>
            {
                int row = open.Pop();
                rows[row] = rows[row] with { OutputShape = output.shape };
                return output;
            }).remove);
        }

        bool wasTraining = model.training;
        try
        {
            model.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            model.call(zeros(inputShape, device: device));
        }
        finally
        {
            foreach (var remove in removers)
                remove();
            model.train(wasTraining);
        }
        return new ModelSummary(rows, inputShape.ToArray(), model.parameters().Sum(p => p.numel()));
    }

    /// <summary>The full table (<see cref="ToTable"/> with every level).</summary>
    public override string ToString() => ToTable();

    /// <summary>
    /// A text table: one line per layer (parts indented under their block), then the total.
    /// <paramref name="maxLevel"/> 0 keeps only the top-level blocks and layers.
    /// </summary>
    public string ToTable(int maxLevel = int.MaxValue)
    {
        var lines = Layers.Where(l => l.Level <= maxLevel).Select(l => (
            Layer: new string(' ', 2 * l.Level) + l.Path,
            l.Type,
            Shape: $"[{string.Join(", ", l.OutputShape)}]",
            Parameters: l.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        int layerWidth = Math.Max("layer".Length, lines.Select(l => l.Layer.Length).DefaultIfEmpty(0).Max());
        int typeWidth = Math.Max("type".Length, lines.Select(l => l.Type.Length).DefaultIfEmpty(0).Max());
        int shapeWidth = Math.Max("output shape".Length, lines.Select(l => l.Shape.Length).DefaultIfEmpty(0).Max());
        int parameterWidth = Math.Max("parameters".Length, lines.Select(l => l.Parameters.Length).DefaultIfEmpty(0).Max());

        var text = new StringBuilder();
        void Line(string a, string b, string c, string d) =>
            text.Append(a.PadRight(layerWidth)).Append("  ").Append(b.PadRight(typeWidth)).Append("  ")
                .Append(c.PadRight(shapeWidth)).Append("  ").Append(d.PadLeft(parameterWidth)).Append('\n');
        Line("layer", "type", "output shape", "parameters");
        Line(new string('-', layerWidth), new string('-', typeWidth), new string('-', shapeWidth), new string('-', parameterWidth));
        Line("input", "", $"[{string.Join(", ", InputShape)}]", "");
        foreach (var l in lines)
            Line(l.Layer, l.Type, l.Shape, l.Parameters);
        text.Append($"total parameters: {TotalParameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}");
        return text.ToString();
    }
}
