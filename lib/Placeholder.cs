namespace Segmentation;
/// <summary>x</summary>
public static class Placeholder { }
