using Segmentation.Inference;
using Segmentation.Models;
using Segmentation.Native;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class MaskPredictorTests
{
    public MaskPredictorTests() => TorchRuntime.EnsureLoaded();

    /// <summary>A real TorchSharp module with a known answer: logit = red - 0.5, so red pixels are object.</summary>
    sealed class RedIsObject : nn.Module<Tensor, Tensor>
    {
        static readonly Scalar Half = 0.5.ToScalar();
        public RedIsObject() : base(nameof(RedIsObject)) { }
        public override Tensor forward(Tensor images) => images.narrow(1, 0, 1).sub(Half);
    }

    static Image<Rgb24> LeftHalfRed(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width / 2; x++)
                image[x, y] = new Rgb24(255, 0, 0);
        return image;
    }

    [Fact]
    public void A_jpeg_file_is_read_and_its_mask_follows_the_network()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder("predict-jpeg"), "photo.jpeg");
        using (var image = LeftHalfRed(100, 60))
            image.SaveAsJpeg(path);
        var predictor = new MaskPredictor(new RedIsObject(), inputSize: 32);

        using var mask = predictor.PredictMask(path);

        Assert.Equal(new long[] { 1, 60, 100 }, mask.shape);
        Assert.Equal(1f, mask[.., .., ..40].min().item<float>());   // red: object (away from the blurred edge)
        Assert.Equal(0f, mask[.., .., 60..].max().item<float>());
    }

    [Fact]
    public void Masks_come_back_at_the_original_size_and_follow_the_network()
    {
        var predictor = new MaskPredictor(new RedIsObject(), inputSize: 32);
        using var image = LeftHalfRed(100, 60);
        using var mask = predictor.PredictMask(image);
        Assert.Equal(new long[] { 1, 60, 100 }, mask.shape);
        var row = mask[0, 30].data<float>().ToArray();
        Assert.Equal(1f, row[10]);
        Assert.Equal(0f, row[90]);
        Assert.Equal(50, row.Count(v => v == 1f)); // the edge stays in place after resizing down and back up
    }

    [Fact]
    public void Files_and_tensors_of_any_size_are_predicted_at_their_size()
    {
        Segmentation.Training.Seeds.Set(2);
        using var model = new UNet(widths: [8, 16]);
        model.train();
        var predictor = new MaskPredictor(model, inputHeight: 32, inputWidth: 48);

        string path = Path.Combine(RepoPaths.NewTempFolder("predict"), "odd-size.png");
        using (var image = LeftHalfRed(123, 45))
            image.SaveAsPng(path);
        using var fromFile = predictor.PredictMask(path);
        Assert.Equal(new long[] { 1, 45, 123 }, fromFile.shape);
        Assert.All(fromFile.data<float>().ToArray(), v => Assert.True(v is 0f or 1f, "a mask holds only 0 and 1"));

        using var imageTensor = rand(3, 50, 77);
        using var fromTensor = predictor.PredictMask(imageTensor);
        Assert.Equal(new long[] { 1, 50, 77 }, fromTensor.shape);
        Assert.True(model.training, "the predictor must restore the model's training mode");
    }

    [Fact]
    public void At_the_input_size_the_logits_are_the_networks_own()
    {
        Segmentation.Training.Seeds.Set(3);
        using var model = new UNet(widths: [8, 16]);
        var predictor = new MaskPredictor(model, inputSize: 32, threshold: 0.6);
        using var image = rand(3, 32, 32);
        using var logits = predictor.PredictLogits(image);
        model.eval();
        using var expected = model.call(image.unsqueeze(0)).squeeze(0).detach();
        Assert.True(logits.allclose(expected, rtol: 1e-4, atol: 1e-5));
        using var mask = predictor.PredictMask(image);
        using var expectedMask = BinaryMask.FromLogits(expected, threshold: 0.6);
        Assert.Equal(expectedMask.data<float>().ToArray(), mask.data<float>().ToArray());
    }

    [Fact]
    public void A_batch_at_the_input_size_gives_the_networks_own_logits_and_any_other_size_each_images_own()
    {
        Segmentation.Training.Seeds.Set(4);
        using var model = new UNet(widths: [8, 16]);
        model.train();
        var predictor = new MaskPredictor(model, inputSize: 32);
        using var images = rand(5, 3, 32, 32);

        using var logits = predictor.PredictBatchLogits(images, batchSize: 2);   // batches of 2, 2 and 1
        using var masks = predictor.PredictBatchMasks(images, batchSize: 2);

        Assert.True(model.training);   // the network's mode is restored
        model.eval();
        using (no_grad())
        {
            using var expected = model.call(images);
            Assert.Equal(new long[] { 5, 1, 32, 32 }, logits.shape);
            Assert.True(logits.allclose(expected, rtol: 1e-4, atol: 1e-5));
            using var expectedMasks = BinaryMask.FromLogits(expected);
            Assert.Equal(expectedMasks.data<float>().ToArray(), masks.data<float>().ToArray());
        }
        // At another size each image is resized for the network and back, exactly as one image alone is.
        using var larger = rand(3, 3, 40, 48);
        using var batchLogits = predictor.PredictBatchLogits(larger);
        Assert.Equal(new long[] { 3, 1, 40, 48 }, batchLogits.shape);
        for (int i = 0; i < 3; i++)
        {
            using var alone = predictor.PredictLogits(larger[i]);
            Assert.True(batchLogits[i].allclose(alone, rtol: 1e-4, atol: 1e-5), $"image {i} differs from its prediction alone");
        }
        var single = Assert.Throws<ArgumentException>(() => predictor.PredictBatchLogits(larger[0]));
        Assert.Contains("For one image, use PredictLogits", single.Message);
    }

    [Fact]
    public void A_size_the_network_cannot_take_and_a_multi_class_mask_are_refused()
    {
        using var unet = new UNet();
        var size = Assert.Throws<ArgumentException>(() => new MaskPredictor(unet, inputSize: 100));
        Assert.Contains("multiples of 16", size.Message);

        using var threeClasses = new UNet(classes: 3, widths: [8]);
        var predictor = new MaskPredictor(threeClasses, inputSize: 16);
        using var image = rand(3, 20, 20);
        var error = Assert.Throws<InvalidOperationException>(() => predictor.PredictMask(image));
        Assert.Contains("argmax(0)", error.Message);
        using var logits = predictor.PredictLogits(image);
        Assert.Equal(new long[] { 3, 20, 20 }, logits.shape);
    }
}
