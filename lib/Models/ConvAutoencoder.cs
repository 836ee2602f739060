using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Segmentation.Models;

/// <summary>
/// A small convolutional autoencoder, the ancestor of the segmentation networks: an encoder squeezes the image
/// into a code several times smaller, a decoder rebuilds the image from the code alone. Trained to reproduce its
/// input (mean squared error between output and input), it must keep in the code what matters most.
/// Encoder: <see cref="ConvBlock"/> 3->16, 2x2 max-pooling, block 16->32, pooling, 1x1 convolution to
/// <see cref="CodeChannels"/>; decoder: bilinear upsampling x2, block ->32, upsampling, block 32->16, 1x1
/// convolution to 3 channels and a sigmoid, because its output is an image with values in 0..1 (unlike the
/// segmentation networks, which return logits).
/// </summary>
public sealed class ConvAutoencoder : Module<Tensor, Tensor>
{
    readonly Sequential encoder;
    readonly Sequential decoder;

    /// <summary>Channels of the code: at a quarter of the height and width, <c>CodeChannels / 48</c> of the input's numbers.</summary>
    public long CodeChannels { get; }

    /// <summary>An autoencoder for RGB images whose height and width are multiples of 4.</summary>
    /// <param name="codeChannels">Channels of the code (default 4: a 64x64 image of 12,288 numbers becomes 1,024).</param>
    public ConvAutoencoder(long codeChannels = 4) : base(nameof(ConvAutoencoder))
    {
        if (codeChannels < 1)
            throw new ArgumentOutOfRangeException(nameof(codeChannels), codeChannels, "The code needs at least one channel.");
        CodeChannels = codeChannels;
        encoder = Sequential(
            ("block1", new ConvBlock(3, 16)), ("pool1", MaxPool2d(kernel_size: 2)),
            ("block2", new ConvBlock(16, 32)), ("pool2", MaxPool2d(kernel_size: 2)),
            ("code", Conv2d(32, codeChannels, kernel_size: 1)));
        decoder = Sequential(
            ("up1", Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false)),
            ("block1", new ConvBlock(codeChannels, 32)),
            ("up2", Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false)),
            ("block2", new ConvBlock(32, 16)),
            ("image", Conv2d(16, 3, kernel_size: 1)));
        RegisterComponents();
    }

    /// <summary>The code for images [N, 3, H, W]: [N, <see cref="CodeChannels"/>, H/4, W/4].</summary>
    /// <exception cref="ArgumentException">The images are not [N, 3, H, W] with H and W multiples of 4.</exception>
    public Tensor Encode(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] % 4 != 0 || images.shape[3] % 4 != 0)
            throw new ArgumentException(
                $"{nameof(ConvAutoencoder)}: expected RGB images [N, 3, H, W] with H and W multiples of 4, got {TensorShapes.Describe(images)}.",
                nameof(images));
        return encoder.call(images);
    }

    /// <summary>Images [N, 3, H, W] with values in 0..1 rebuilt from codes [N, <see cref="CodeChannels"/>, H/4, W/4].</summary>
    public Tensor Decode(Tensor code) => sigmoid(decoder.call(code));

    /// <summary>The rebuilt images: <c>Decode(Encode(images))</c>, the same shape as the input.</summary>
    public override Tensor forward(Tensor images) => Decode(Encode(images));
}
