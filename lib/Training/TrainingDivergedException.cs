namespace Segmentation.Training;

/// <summary>Thrown when the loss stops being a finite number, so further steps would only spoil the weights.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
