"""The kit's segmentation networks in PyTorch, with the kit's state-dict names, for weights written by `lesson export`.

    import torch
    from segmentation_models import build
    model = build("unet-double", in_channels=3, classes=1, widths=[16, 32, 64, 128])
    model.load_state_dict(torch.load("best.pt"))          # or safetensors.torch.load_file("best.safetensors")
    model.eval()
    logits = model(images)                                # [N, 3, H, W] in 0..1 -> [N, classes, H, W] logits

`lesson export --json` prints the name and arguments to pass to `build`. The networks return logits: apply
torch.sigmoid for probabilities. H and W must be multiples of 2 ** len(widths). Names and layers are described in
lib/Models/README.md; the kit's tests load exported weights with this file and compare the outputs with the kit's.
"""
import torch
import torch.nn.functional as F
from torch import nn


class ConvBlock(nn.Module):
    """The lesson's block: 3x3 convolution -> ReLU -> batch norm (conv.*, norm.*)."""

    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1)
        self.norm = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        return self.norm(F.relu(self.conv(x)))


class DoubleConvBlock(nn.Module):
    """The common U-Net block: (3x3 convolution without bias -> batch norm -> ReLU) twice (conv1, norm1, conv2, norm2)."""

    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, bias=False)
        self.norm1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1, bias=False)
        self.norm2 = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        x = F.relu(self.norm1(self.conv1(x)))
        return F.relu(self.norm2(self.conv2(x)))


def _upsample(x):
    return F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)


class UNet(nn.Module):
    """U-Net: encoder.{i}, bottleneck, decoder.{i} (decoder.0 the deepest), head.

    blocks="lesson": ConvBlocks, no decoder block on the top level (its upsampled map and skip go into the head).
    blocks="double": DoubleConvBlocks on every level, then the head.
    """

    def __init__(self, in_channels=3, classes=1, widths=(16, 32, 64, 128), blocks="lesson"):
        super().__init__()
        block = ConvBlock if blocks == "lesson" else DoubleConvBlock
        self.lesson = blocks == "lesson"
        self.encoder = nn.ModuleList()
        previous = in_channels
        for width in widths:
            self.encoder.append(block(previous, width))
            previous = width
        deepest = widths[-1] * 2
        self.bottleneck = block(previous, deepest)
        self.decoder = nn.ModuleList()
        below = deepest
        for level in range(len(widths) - 1, 0 if self.lesson else -1, -1):
            self.decoder.append(block(below + widths[level], widths[level]))   # upsampled map + skip
            below = widths[level]
        self.head = nn.Conv2d(below + widths[0] if self.lesson else below, classes, kernel_size=1)

    def forward(self, x):
        skips = []
        for block in self.encoder:
            x = block(x)
            skips.append(x)
            x = F.max_pool2d(x, 2)
        x = self.bottleneck(x)
        for i, block in enumerate(self.decoder):
            x = block(torch.cat([_upsample(x), skips[-1 - i]], dim=1))
        if self.lesson:
            return self.head(torch.cat([_upsample(x), skips[0]], dim=1))
        return self.head(x)


class SegNet(nn.Module):
    """SegNet-style encoder-decoder without skips: encoder.{i}, bottleneck, decoder.{i}, head (all ConvBlocks)."""

    def __init__(self, in_channels=3, classes=1, widths=(16, 32, 64, 128)):
        super().__init__()
        self.encoder = nn.ModuleList()
        previous = in_channels
        for width in widths:
            self.encoder.append(ConvBlock(previous, width))
            previous = width
        deepest = widths[-1] * 2
        self.bottleneck = ConvBlock(previous, deepest)
        self.decoder = nn.ModuleList()
        below = deepest
        for level in range(len(widths) - 1, 0, -1):
            self.decoder.append(ConvBlock(below, widths[level]))
            below = widths[level]
        self.head = nn.Conv2d(below, classes, kernel_size=1)

    def forward(self, x):
        for block in self.encoder:
            x = F.max_pool2d(block(x), 2)
        x = self.bottleneck(x)
        for block in self.decoder:
            x = block(_upsample(x))
        return self.head(_upsample(x))


def build(name, in_channels=3, classes=1, widths=(16, 32, 64, 128)):
    """The network the kit calls `name` ("unet", "unet-double" or "segnet"), untrained."""
    if name == "unet":
        return UNet(in_channels, classes, list(widths), blocks="lesson")
    if name == "unet-double":
        return UNet(in_channels, classes, list(widths), blocks="double")
    if name == "segnet":
        return SegNet(in_channels, classes, list(widths))
    raise ValueError(f"no network called {name!r}: choose unet, unet-double or segnet")
