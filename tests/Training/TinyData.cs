using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>Small images with a bright square to find: enough to train on in seconds.</summary>
static class TinyData
{
    public static (Tensor Images, Tensor Masks) Squares(int count, int size, int seed)
    {
        var random = new Random(seed);
        var images = new float[count * 3 * size * size];
        var masks = new float[count * size * size];
        for (int n = 0; n < count; n++)
        {
            int side = random.Next(size / 4, size / 2), top = random.Next(0, size - side), left = random.Next(0, size - side);
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                {
                    bool inside = y >= top && y < top + side && x >= left && x < left + side;
                    masks[n * size * size + y * size + x] = inside ? 1 : 0;
                    for (int c = 0; c < 3; c++)
                        images[((n * 3 + c) * size + y) * size + x] = (inside ? 0.7f : 0.3f) + (float)(random.NextDouble() * 0.2 - 0.1);
                }
        }
        return (tensor(images, [count, 3, size, size]), tensor(masks, [count, 1, size, size]));
    }
}
