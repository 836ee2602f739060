namespace Segmentation.Training;

/// <summary>A checkpoint file that cannot be used: truncated, not a checkpoint, or for another model.</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
