#!/usr/bin/env python3
"""Make .pt reference files for yolotrain's reader of YOLOv5 checkpoints, with YOLOv5 as a black box.

Imports an unmodified YOLOv5 checkout ($YOLOV5_DIR or --yolov5), builds a tiny model through its public
Model class (yolov5n.yaml at width 1/32, nc=3, non-trivial BatchNorm statistics) and saves, with this
machine's torch.save (zip format):
  tiny_ckpt.pt      a dict as train.py writes it: epoch, best_fitness, model (fp16), ema (fp16, other
                    weights: the reader must take 'model' as train.py's --weights does), updates,
                    optimizer (SGD state with momentum buffers), opt, git, date
  tiny_sd.pt        a bare state dict (float32) plus two strided views ('extra.t': a transpose,
                    'extra.s': a slice with an offset and a step)
  tiny_expected.npz what the reader must find: the model's state_dict as float32 (integers as int64),
                    and the views as contiguous arrays
and prints the yaml dict the model carries.

    YOLOV5_DIR=/work/yolov5 /usr/bin/python3 tools/make_pt_reference.py --out src/test/resources/pt
"""
import argparse
import copy
import os
import sys

import numpy as np
import torch

from yolov5_offline import install_shims  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "pt"))
    ap.add_argument("--yolov5", default=os.environ.get("YOLOV5_DIR", "/work/yolov5"))
    a = ap.parse_args()
    install_shims()
    sys.path.insert(0, a.yolov5)
    import yaml
    from models.yolo import Model

    with open(os.path.join(a.yolov5, "models", "yolov5n.yaml")) as f:
        cfg = yaml.safe_load(f)
    cfg["width_multiple"] = 0.03125
    torch.manual_seed(0)
    model = Model(cfg, ch=3, nc=3)
    g = torch.Generator().manual_seed(1)
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.copy_(torch.rand(m.running_mean.shape, generator=g) - 0.5)
            m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) + 0.5)
            m.num_batches_tracked.fill_(7)
    ema = copy.deepcopy(model)
    with torch.no_grad():
        for p in ema.parameters():
            p.mul_(0.5)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    model(torch.rand(1, 3, 64, 64, generator=g))[0].sum().backward()
    opt.step()
    opt.zero_grad()

    os.makedirs(a.out, exist_ok=True)
    ckpt = {"epoch": 3, "best_fitness": 0.25, "model": copy.deepcopy(model).half(), "ema": ema.half(), "updates": 12,
            "optimizer": opt.state_dict(), "opt": {"img_size": 64, "batch_size": 2, "hyp": {"lr0": 0.01}},
            "git": None, "date": "2026-11-26T00:00:00"}
    torch.save(ckpt, os.path.join(a.out, "tiny_ckpt.pt"))

    sd = model.float().state_dict()
    extra_t = torch.arange(6, dtype=torch.float32).view(2, 3).t()
    extra_s = torch.arange(10, dtype=torch.float32)[2:9:3]
    torch.save({**sd, "extra.t": extra_t, "extra.s": extra_s}, os.path.join(a.out, "tiny_sd.pt"))

    half = ckpt["model"].float().state_dict()  # the fp16 model's values, exactly representable
    expected = {k: (v.numpy() if not v.is_floating_point() else v.float().numpy()) for k, v in half.items()}
    expected["sd/extra.t"] = extra_t.contiguous().numpy()
    expected["sd/extra.s"] = extra_s.contiguous().numpy()
    np.savez(os.path.join(a.out, "tiny_expected.npz"), **expected)
    print(len(half), "tensors;", sum(v.numel() for v in model.parameters()), "parameters; yaml:", model.yaml)


if __name__ == "__main__":
    main()
