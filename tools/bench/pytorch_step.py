#!/usr/bin/env python3
"""The PyTorch side of `lesson bench train --compare-python` and `lesson bench epoch --compare-python`.

The lesson's networks written the plain PyTorch way, with the kit's layer choices so both sides do the same work:
conv 3x3 -> ReLU -> BatchNorm blocks (3-16-32-64-128, bottleneck 128->256 as a block too), 2x2 max-pooling,
bilinear x2 upsampling (align_corners=False), logits out, BCE-with-logits, Adam (lr 1e-3, weight decay 1e-6).

  pytorch_step.py step  --model unet --size 256 --batch 8 --steps 20 --threads 2
      -> median seconds per training step on random data (3 untimed warm-up steps)
  pytorch_step.py epoch DATA_ROOT --model unet --size 128 --batch 8 --epochs 3 --validation 20 --threads 2
      -> seconds to load a PH2-layout folder, then seconds per epoch (training steps + validation loss and Dice)

Prints one JSON line. Needs torch and numpy; the epoch mode also needs Pillow.
"""
import argparse
import glob
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn


def block(inputs, outputs):
    return nn.Sequential(nn.Conv2d(inputs, outputs, 3, padding=1), nn.ReLU(inplace=True), nn.BatchNorm2d(outputs))


class Lesson(nn.Module):
    """SegNet (skips=False) or the lesson's U-Net (skips=True)."""

    def __init__(self, skips):
        super().__init__()
        widths = [16, 32, 64, 128]
        self.skips = skips
        self.encoder = nn.ModuleList()
        previous = 3
        for width in widths:
            self.encoder.append(block(previous, width))
            previous = width
        self.bottleneck = block(previous, 2 * previous)
        below = 2 * previous
        self.decoder = nn.ModuleList()
        for width in reversed(widths[1:]):
            self.decoder.append(block(below + (width if skips else 0), width))
            below = width
        self.head = nn.Conv2d(below + (widths[0] if skips else 0), 1, 1)
        self.pool = nn.MaxPool2d(2)
        self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)

    def forward(self, x):
        kept = []
        for encode in self.encoder:
            x = encode(x)
            kept.append(x)
            x = self.pool(x)
        x = self.bottleneck(x)
        for decode, skip in zip(self.decoder, reversed(kept[1:])):
            x = self.up(x)
            x = decode(torch.cat([x, skip], 1) if self.skips else x)
        x = self.up(x)
        return self.head(torch.cat([x, kept[0]], 1) if self.skips else x)


def train_step(model, optimizer, loss_function, images, masks):
    optimizer.zero_grad(set_to_none=True)
    loss = loss_function(model(images), masks)
    loss.backward()
    optimizer.step()
    return loss.item()


def step_mode(args):
    torch.manual_seed(1)
    model = Lesson(args.model == "unet")
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-6)
    loss_function = nn.BCEWithLogitsLoss()
    images = torch.rand(args.batch, 3, args.size, args.size)
    masks = (torch.rand(args.batch, 1, args.size, args.size) > 0.5).float()
    model.train()
    for _ in range(3):
        train_step(model, optimizer, loss_function, images, masks)
    seconds = []
    for _ in range(args.steps):
        start = time.perf_counter()
        train_step(model, optimizer, loss_function, images, masks)
        seconds.append(time.perf_counter() - start)
    return {"median_step_s": float(np.median(seconds)), "min_step_s": min(seconds), "max_step_s": max(seconds), "steps": args.steps}


def load_ph2(root, size):
    from PIL import Image
    images, masks = [], []
    for folder in sorted(glob.glob(os.path.join(root, "PH2 Dataset images", "IMD*"))):
        name = os.path.basename(folder)
        image = Image.open(os.path.join(folder, name + "_Dermoscopic_Image", name + ".bmp")).convert("RGB")
        mask = Image.open(os.path.join(folder, name + "_lesion", name + "_lesion.bmp")).convert("L")
        images.append(np.asarray(image.resize((size, size), Image.BILINEAR), dtype=np.float32) / 255)
        masks.append(np.asarray(mask.resize((size, size), Image.BILINEAR)) > 127)
    if not images:
        raise SystemExit(f"no PH2 cases under {root} (expected 'PH2 Dataset images/IMD*/...')")
    x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous()
    y = torch.from_numpy(np.stack(masks).astype(np.float32)).unsqueeze(1)
    return x, y


def epoch_mode(args):
    start = time.perf_counter()
    images, masks = load_ph2(args.root, args.size)
    load_s = time.perf_counter() - start
    order = np.random.default_rng(args.seed).permutation(len(images))
    validation, train = order[: args.validation], order[args.validation:]
    torch.manual_seed(args.seed)
    model = Lesson(args.model == "unet")
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-6)
    loss_function = nn.BCEWithLogitsLoss()
    epochs = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        model.train()
        shuffled = np.random.default_rng(args.seed + epoch).permutation(train)
        for first in range(0, len(shuffled), args.batch):
            batch = torch.from_numpy(shuffled[first:first + args.batch])
            train_step(model, optimizer, loss_function, images[batch], masks[batch])
        model.eval()
        overlap = total = loss_sum = 0.0
        with torch.no_grad():
            for first in range(0, len(validation), args.batch):
                batch = torch.from_numpy(validation[first:first + args.batch])
                logits = model(images[batch])
                loss_sum += loss_function(logits, masks[batch]).item() * len(batch)
                predicted = logits > 0
                actual = masks[batch] > 0.5
                overlap += (predicted & actual).sum().item()
                total += predicted.sum().item() + actual.sum().item()
        epochs.append({"seconds": time.perf_counter() - start, "validation_loss": loss_sum / len(validation),
                       "validation_dice": 2 * overlap / total if total else 1.0})
    return {"load_s": load_s, "train_images": len(train), "validation_images": len(validation), "epochs": epochs,
            "median_epoch_s": float(np.median([e["seconds"] for e in epochs]))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["step", "epoch"])
    parser.add_argument("root", nargs="?", help="PH2-layout folder (epoch mode)")
    parser.add_argument("--model", choices=["unet", "segnet"], default="unet")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--validation", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0, help="0 keeps PyTorch's default")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.mode == "epoch" and not args.root:
        parser.error("epoch mode needs the data folder")
    result = step_mode(args) if args.mode == "step" else epoch_mode(args)
    result.update({"pytorch": torch.__version__, "threads": torch.get_num_threads(), "model": args.model,
                   "size": args.size, "batch": args.batch})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
