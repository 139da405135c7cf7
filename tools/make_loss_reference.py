#!/usr/bin/env python3
"""Make reference data for yolotrain's loss (dev.yolotrain.engine.loss) from the original YOLOv5.

YOLOv5 is used strictly as a black box: this script imports an unmodified checkout (--yolov5 or
$YOLOV5_DIR), builds a yolov5n model and its ComputeLoss through their public classes, feeds them
fixed inputs and records what they return. None of YOLOv5's code is copied here.

Each case file (np.savez, float32, uncompressed) holds:
  p0, p1, p2          prediction maps (bs, na, ny, nx, 5+nc) for a 2x3x96x128 batch (seeded N(0,1))
  targets             (nt, 6) rows image, class, x, y, w, h (normalised)
  anchors             (nl, na, 2) anchors in grid units, model.model[-1].anchors
  hyp_raw             box, cls, cls_pw, obj, obj_pw, anchor_t, fl_gamma, label_smoothing as given
  hyp_scaled          the same after train.py's scaling for nl, nc, imgsz
  meta                nl, nc, imgsz, bs
  loss                total loss (1,)
  components          lbox, lobj, lcls (3,), already multiplied by their gains
  grad_p0..grad_p2    d total / d p_i
  n_assigned          assigned target/anchor/cell rows per level (3,)
  idx0..idx2          (n, 4) image, anchor, grid y, grid x per assigned row (in YOLOv5's order)
  tbox0..tbox2        (n, 4) box targets (x, y offsets in the cell, w, h; grid units)
  anch0..anch2        (n, 2) anchor wh per row
  tcls0..tcls2        (n,) class per row

Run with Debian's python (/usr/bin/python3, torch 1.13 CPU); see tools/README.md.
"""
import argparse
import os
import sys
from pathlib import Path

import numpy as np
import torch
import yaml

from yolov5_offline import install_shims  # noqa: E402


SEED_MODEL = 0
SEED_PRED = 2024
BATCH = (2, 3, 96, 128)  # bs, ch, h, w: maps 12x16, 6x8, 3x4
IMGSZ = 128

# image, class, x, y, w, h (normalised to the 128x96 image). Comments use level 0 grid units (16x12).
TARGETS_NC3 = [
    [0, 0, 0.30, 0.40, 0.15, 0.20],      # ordinary box
    [0, 1, 0.46875, 0.50, 0.06, 0.09],   # x exactly 7.5 (on a cell edge: no x neighbour), y exactly 6.0 (both y neighbours)
    [1, 2, 0.02, 0.97, 0.04, 0.05],      # near the bottom-left image border: no left/down neighbour
    [1, 0, 0.60, 0.30, 0.01, 0.012],     # tiny: ratio > anchor_t for every anchor of every level -> dropped
    [0, 2, 0.50, 0.55, 0.90, 0.80],      # big: dropped at P3, some anchors at P4/P5
    [1, 0, 0.40, 0.60, 0.12, 0.10],      # two targets in one cell (and overlapping neighbours)
    [1, 2, 0.41, 0.61, 0.20, 0.25],
    [1, 1, 0.75, 1.00, 0.10, 0.10],      # centre exactly on the bottom border: cell index clamped
    [0, 1, 0.8123, 0.2071, 0.33, 0.12],  # wide box
    [0, 0, 0.1357, 0.7777, 0.05, 0.30],  # tall box
    [1, 1, 0.9688, 0.0310, 0.06, 0.06],  # near the top-right corner
]


HYP_KEYS = ["box", "cls", "cls_pw", "obj", "obj_pw", "anchor_t", "fl_gamma", "label_smoothing"]


def scale_hyp(raw, nl, nc, imgsz):
    """The scaling YOLOv5's train.py applies before it builds ComputeLoss (documented behaviour)."""
    h = dict(raw)
    h["box"] *= 3 / nl
    h["cls"] *= nc / 80 * 3 / nl
    h["obj"] *= (imgsz / 640) ** 2 * 3 / nl
    return h


def make_case(Model, ComputeLoss, cfg, nc, targets, hyp_file, overrides, seed_pred):
    from utils.general import LOGGER
    lvl = LOGGER.level
    LOGGER.setLevel(40)
    try:
        torch.manual_seed(SEED_MODEL)
        model = Model(cfg, ch=3, nc=nc).float()
    finally:
        LOGGER.setLevel(lvl)
    det = model.model[-1]
    nl, na = det.nl, det.na

    raw = yaml.safe_load(Path(hyp_file).read_text())
    raw["label_smoothing"] = 0.0
    raw.update(overrides)
    hyp = scale_hyp(raw, nl, nc, IMGSZ)
    model.hyp = hyp
    model.gr = 1.0
    loss_fn = ComputeLoss(model)

    bs, _, h, w = BATCH
    g = torch.Generator().manual_seed(seed_pred)
    preds = []
    for s in det.stride.tolist():
        ny, nx = int(h // s), int(w // s)
        preds.append(torch.randn((bs, na, ny, nx, nc + 5), generator=g).requires_grad_(True))

    t = torch.tensor(targets, dtype=torch.float32)
    total, comps = loss_fn(preds, t)
    total.backward()

    tcls, tbox, indices, anch = loss_fn.build_targets(preds, t)

    out = {
        "targets": t.numpy(),
        "anchors": det.anchors.detach().clone().numpy(),
        "hyp_raw": np.array([raw[k] for k in HYP_KEYS]),
        "hyp_scaled": np.array([hyp[k] for k in HYP_KEYS]),
        "meta": np.array([nl, nc, IMGSZ, bs]),
        "loss": total.detach().numpy().reshape(1),
        "components": comps.numpy(),
        "n_assigned": np.array([len(b) for b, *_ in indices]),
    }
    for i, p in enumerate(preds):
        out[f"p{i}"] = p.detach().numpy()
        out[f"grad_p{i}"] = p.grad.numpy()
        out[f"idx{i}"] = torch.stack(indices[i], 1).numpy()
        out[f"tbox{i}"] = tbox[i].numpy()
        out[f"anch{i}"] = anch[i].detach().numpy()
        out[f"tcls{i}"] = tcls[i].numpy()
    return {k: np.asarray(v, dtype=np.float32) for k, v in out.items()}


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--yolov5", default=os.environ.get("YOLOV5_DIR"), help="YOLOv5 checkout (or $YOLOV5_DIR)")
    ap.add_argument("--out", default=str(here.parent / "src" / "test" / "resources" / "loss"))
    args = ap.parse_args()
    if not args.yolov5:
        ap.error("give the YOLOv5 checkout with --yolov5 or YOLOV5_DIR")
    yolo_dir = Path(args.yolov5).resolve()
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)

    install_shims()
    sys.path.insert(0, str(yolo_dir))
    os.chdir(yolo_dir)
    from models.yolo import Model  # noqa: E402
    from utils.loss import ComputeLoss  # noqa: E402
    torch.set_num_threads(1)

    cfg = str(yolo_dir / "models" / "yolov5n.yaml")
    hyp_file = yolo_dir / "data" / "hyps" / "hyp.scratch-low.yaml"
    nc1_targets = [[r[0], 0] + r[2:] for r in TARGETS_NC3]
    cases = {
        "loss_case1.npz": (3, TARGETS_NC3, {}, SEED_PRED),
        # focal loss on cls and obj, label smoothing, a class pos_weight
        "loss_case2.npz": (3, TARGETS_NC3, {"fl_gamma": 1.5, "label_smoothing": 0.1, "cls_pw": 1.2}, SEED_PRED + 1),
        # one class: no class loss; an objectness pos_weight
        "loss_case3_nc1.npz": (1, nc1_targets, {"obj_pw": 1.5}, SEED_PRED + 2),
    }
    print(f"torch {torch.__version__}, numpy {np.__version__}, yolov5 {yolo_dir}")
    for name, (nc, targets, overrides, seed) in cases.items():
        arrays = make_case(Model, ComputeLoss, cfg, nc, targets, hyp_file, overrides, seed)
        path = out_dir / name
        np.savez(path, **arrays)
        print(f"{name}: nc={nc} loss={arrays['loss'][0]:.8g} components={arrays['components'].tolist()} "
              f"assigned={arrays['n_assigned'].astype(int).tolist()} size={path.stat().st_size} B")


if __name__ == "__main__":
    main()
