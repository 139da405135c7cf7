#!/usr/bin/env python3
"""Make parity reference data for yolotrain from the original YOLOv5, used strictly as a black box.

Nothing of YOLOv5 is copied here: this script imports an unmodified YOLOv5 checkout (given by
--yolov5 or $YOLOV5_DIR), builds models through its public classes and records what they compute.

Outputs (into --out, default src/test/resources/parity next to this repo's tools/):
  yolov5n_nc3.safetensors  full state_dict of yolov5n with nc=3 (YOLOv5 key names), float
                           tensors as F16, integer tensors as I64; BatchNorm layers made non-trivial
  yolov5n_nc3_io.npz       input, eval-mode decoded output, eval/train raw maps, BN stats after one
                           train-mode forward (all float32, uncompressed)
and prints the numbers that go into REFERENCE.md (parameter / tensor counts, GFLOPs, the
weight-transfer result, the Detect bias prior).

Run with Debian's python (/usr/bin/python3) and its CPU torch; see tools/README.md.
"""
import argparse
import copy
import json
import math
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from safetensors_np import read_safetensors  # noqa: E402
from yolov5_offline import install_shims  # noqa: E402


SEED_MODEL = 0      # torch.manual_seed before building the model
SEED_BN = 1234      # generator for the BatchNorm values
SEED_INPUT = 4321   # generator for the input batch
INPUT_SHAPE = (2, 3, 96, 128)
NC = 3


# ----------------------------------------------------------------------------------------------
# environment
# ----------------------------------------------------------------------------------------------
def yolov5_commit(yolo_dir):
    try:
        out = subprocess.run(["git", "-C", str(yolo_dir), "rev-parse", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        if out:
            return out
    except Exception:
        pass
    f = Path(yolo_dir) / "YOLOV5_COMMIT"  # written by hand when the tree came from `git archive`
    return f.read_text().strip() if f.exists() else "unknown"


# ----------------------------------------------------------------------------------------------
# safetensors, written by hand (read back with safetensors_np)
# ----------------------------------------------------------------------------------------------
def write_safetensors(path, tensors, metadata=None):
    """tensors: ordered dict name -> torch tensor. Floats are stored as F16, integers as I64."""
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        t = t.detach().cpu().contiguous()
        if t.is_floating_point():
            arr, dtype = t.to(torch.float16).numpy().astype("<f2"), "F16"
        else:
            arr, dtype = t.to(torch.int64).numpy().astype("<i8"), "I64"
        raw = arr.tobytes(order="C")
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    hjson = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hjson += b" " * ((8 - len(hjson) % 8) % 8)  # pad with spaces so the data starts 8-aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hjson)))
        f.write(hjson)
        for b in blobs:
            f.write(b)


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------
def randomize_bn(model, seed):
    g = torch.Generator().manual_seed(seed)
    for _, m in model.named_modules():
        if isinstance(m, nn.BatchNorm2d):
            c = m.num_features
            with torch.no_grad():
                m.weight.copy_(torch.rand(c, generator=g) + 0.5)            # U(0.5, 1.5)
                m.bias.copy_(torch.randn(c, generator=g) * 0.1)             # N(0, 0.1)
                m.running_mean.copy_(torch.randn(c, generator=g) * 0.1)     # N(0, 0.1)
                m.running_var.copy_(torch.rand(c, generator=g) + 0.5)       # U(0.5, 1.5)


def round_to_fp16(model):
    with torch.no_grad():
        for t in model.state_dict().values():  # same storage as the live parameters/buffers
            if t.is_floating_point():
                t.copy_(t.half().float())


def count_gflops(model, imgsz=640):
    """Own MAC counter following the thop convention YOLOv5 reports (GFLOPs = 2 * MACs):
    Conv2d = out.numel * (cin/groups) * kh * kw (bias not counted), nearest Upsample = out.numel,
    activations / pooling / concat = 0. BatchNorm is returned separately (2 * numel, x2 if affine)
    because thop versions disagree on whether it is counted."""
    conv, ups, bn = [0], [0], [0]

    def on_conv(m, x, y):
        conv[0] += y.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    def on_up(m, x, y):
        ups[0] += y.numel() if m.mode == "nearest" else 0

    def on_bn(m, x, y):
        bn[0] += x[0].numel() * 2 * (2 if m.affine else 1)

    mm = copy.deepcopy(model).eval()
    hooks = []
    for m in mm.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(on_conv))
        elif isinstance(m, nn.Upsample):
            hooks.append(m.register_forward_hook(on_up))
        elif isinstance(m, nn.BatchNorm2d):
            hooks.append(m.register_forward_hook(on_bn))
    with torch.no_grad():
        mm(torch.zeros(1, 3, imgsz, imgsz))
    for h in hooks:
        h.remove()
    return 2 * (conv[0] + ups[0]) / 1e9, 2 * bn[0] / 1e9


def quiet_build(Model, cfg, nc=None):
    from utils.general import LOGGER
    lvl = LOGGER.level
    LOGGER.setLevel(40)
    try:
        return Model(cfg, ch=3, nc=nc)
    finally:
        LOGGER.setLevel(lvl)


# ----------------------------------------------------------------------------------------------
def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--yolov5", default=os.environ.get("YOLOV5_DIR"), help="YOLOv5 checkout (or $YOLOV5_DIR)")
    ap.add_argument("--out", default=str(here.parent / "src" / "test" / "resources" / "parity"))
    ap.add_argument("--skip-summary", action="store_true", help="only write the parity files")
    args = ap.parse_args()
    if not args.yolov5:
        ap.error("give the YOLOv5 checkout with --yolov5 or YOLOV5_DIR")
    yolo_dir = Path(args.yolov5).resolve()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    install_shims()
    sys.path.insert(0, str(yolo_dir))
    os.chdir(yolo_dir)  # YOLOv5 resolves some paths relative to its own tree
    from models.yolo import Model, Detect  # noqa: E402
    from utils.general import intersect_dicts  # noqa: E402

    commit = yolov5_commit(yolo_dir)
    cfg_dir = yolo_dir / "models"
    torch.set_num_threads(max(1, min(8, os.cpu_count() or 1)))
    print(f"yolov5 dir: {yolo_dir}")
    print(f"yolov5 commit: {commit}")
    print(f"torch {torch.__version__}, numpy {np.__version__}")

    # ---------------- parity model ----------------
    torch.manual_seed(SEED_MODEL)
    model = quiet_build(Model, str(cfg_dir / "yolov5n.yaml"), nc=NC).float()
    det = model.model[-1]
    assert isinstance(det, Detect)
    b0 = det.m[0].bias.detach().view(det.na, -1)[0]
    prior_obj = math.log(8 / (640 / float(det.stride[0])) ** 2)
    prior_cls = math.log(0.6 / (NC - 0.99))
    bias_info = {
        "obj": float(b0[4]), "cls0": float(b0[5]),
        "prior_obj": prior_obj, "prior_cls": prior_cls, "stride": [float(s) for s in det.stride],
    }
    bn_first = next(m for m in model.modules() if isinstance(m, nn.BatchNorm2d))
    bn_cfg = {"eps": bn_first.eps, "momentum": bn_first.momentum}

    randomize_bn(model, SEED_BN)
    round_to_fp16(model)
    sd = model.state_dict()

    meta = {
        "source": "ultralytics/yolov5 models/yolov5n.yaml, nc=3, built as a black box by tools/make_parity_reference.py",
        "yolov5_commit": commit, "seed_model": SEED_MODEL, "seed_bn": SEED_BN,
        "bn_eps": bn_cfg["eps"], "bn_momentum": bn_cfg["momentum"],
        "strides": ",".join(str(int(s)) for s in det.stride),
        "note": "BN weight~U(.5,1.5) bias~N(0,.1) mean~N(0,.1) var~U(.5,1.5); all floats rounded to fp16",
    }
    st_path = out_dir / "yolov5n_nc3.safetensors"
    write_safetensors(st_path, sd, meta)

    # verify with our own parser: every key, dtype class, shape and value must come back exactly
    back, back_meta = read_safetensors(st_path)
    assert list(back.keys()) == list(sd.keys()), "key order/names differ"
    for k, v in sd.items():
        a = back[k]
        assert tuple(a.shape) == tuple(v.shape), k
        ref = v.detach().cpu().numpy()
        if v.is_floating_point():
            assert a.dtype == np.float16 and np.array_equal(a.astype(np.float32), ref), k
        else:
            assert a.dtype == np.int64 and np.array_equal(a, ref.astype(np.int64)), k
    assert back_meta["yolov5_commit"] == commit
    print(f"safetensors verified: {len(back)} tensors identical after read-back")

    # ---------------- forward passes ----------------
    g = torch.Generator().manual_seed(SEED_INPUT)
    x = torch.rand(INPUT_SHAPE, generator=g)
    model.eval()
    with torch.no_grad():
        eval_out, eval_raw = model(x)
    tmodel = copy.deepcopy(model).train()
    with torch.no_grad():
        train_raw = tmodel(x)
    # model.0.bn: the first BN; model.23.cv3.bn: the last BN executed before Detect (model.24).
    # (In registration order the last BN is model.23.m.0.cv2.bn, since C3 registers cv3 before m.)
    mods = dict(tmodel.named_modules())
    bn0_name, bnl_name = "model.0.bn", "model.23.cv3.bn"
    bn0, bnl = mods[bn0_name], mods[bnl_name]
    arrays = {
        "input": x,
        "eval_out": eval_out,
        **{f"eval_p{i}": p for i, p in enumerate(eval_raw)},
        **{f"train_p{i}": p for i, p in enumerate(train_raw)},
        "bn0_running_mean_after": bn0.running_mean,
        "bn0_running_var_after": bn0.running_var,
        "bnlast_running_mean_after": bnl.running_mean,
        "bnlast_running_var_after": bnl.running_var,
    }
    arrays = {k: v.detach().cpu().float().numpy().astype(np.float32) for k, v in arrays.items()}
    npz_path = out_dir / "yolov5n_nc3_io.npz"
    np.savez(npz_path, **arrays)

    print(f"bn0 = {bn0_name}, bnlast = {bnl_name}, BN eps = {bn_cfg['eps']}, momentum = {bn_cfg['momentum']}")
    nbt = sorted({int(v) for k, v in sd.items() if k.endswith("num_batches_tracked")})
    print(f"num_batches_tracked values in the safetensors: {nbt} (Model() runs one train-mode forward to find "
          f"the strides); after the train forward: {int(bn0.num_batches_tracked)}")
    for k, v in arrays.items():
        print(f"  npz {k:28s} {str(v.shape):22s} sum={v.sum(dtype=np.float64):.6f}")
    print(f"wrote {st_path} ({st_path.stat().st_size} bytes), {len(sd)} tensors")
    print(f"wrote {npz_path} ({npz_path.stat().st_size} bytes)")
    keys = list(sd.keys())
    for k in keys[:6] + ["..."] + keys[-10:]:
        print("  " + (k if k == "..." else f"{k} {tuple(sd[k].shape)} {str(sd[k].dtype).replace('torch.', '')}"))

    print(f"Detect bias prior (fresh nc=3 yolov5n, seed {SEED_MODEL}), model.24.m.0.bias anchor 0: "
          f"obj = {bias_info['obj']:.6f}, cls0 = {bias_info['cls0']:.6f}; "
          f"prior terms added: obj += log(8/(640/{bias_info['stride'][0]:g})^2) = {prior_obj:.6f}, "
          f"cls += log(0.6/(nc-0.99)) = {prior_cls:.6f}; strides {bias_info['stride']}")

    if args.skip_summary:
        return

    # ---------------- nc=80 summaries ----------------
    thop_ok = True
    try:
        import thop  # noqa: F401
    except ImportError:
        thop_ok = False
    print(f"\nnc=80 summaries, GFLOPs at 640x640 by own counter (thop {'present' if thop_ok else 'absent'}):")
    print("  conv = Conv2d+Upsample only (= fused model, README); +bn = with thop's BN count (= unfused model.info)")
    print(f"{'model':8s} {'params':>10s} {'sd_tensors':>10s} {'param_tensors':>13s} {'GF conv':>8s} {'GF +bn':>8s} {'(exact)':>16s}")
    for name in ["yolov5n", "yolov5s", "yolov5m", "yolov5l", "yolov5x"]:
        torch.manual_seed(0)
        m = quiet_build(Model, str(cfg_dir / f"{name}.yaml"))
        n_p = sum(p.numel() for p in m.parameters())
        n_sd = len(m.state_dict())
        n_pt = len(list(m.parameters()))
        gf, bn_gf = count_gflops(m)
        print(f"{name:8s} {n_p:10d} {n_sd:10d} {n_pt:13d} {gf:8.1f} {gf + bn_gf:8.1f} {gf:8.3f}/{gf + bn_gf:.3f}")
        if name == "yolov5s":
            s80 = m
        del m

    # ---------------- transfer rule (as train.py: intersect by name+shape, 'anchor' excluded) ----
    torch.manual_seed(0)
    s3 = quiet_build(Model, str(cfg_dir / "yolov5s.yaml"), nc=NC)
    csd = s80.float().state_dict()
    tgt = s3.state_dict()
    kept = intersect_dicts(csd, tgt, exclude=["anchor"])
    print(f"\nTransferred {len(kept)}/{len(tgt)} items (yolov5s nc=80 state_dict -> yolov5s nc=3, exclude=['anchor'])")
    for k in tgt:
        if k not in kept:
            why = "excluded (anchor)" if "anchor" in k else f"shape {tuple(csd[k].shape)} -> {tuple(tgt[k].shape)}"
            print(f"  not transferred: {k}  {why}")


if __name__ == "__main__":
    main()
