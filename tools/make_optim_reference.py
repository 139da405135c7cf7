#!/usr/bin/env python3
"""Make reference numbers for yolotrain's optimizer package (dev.yolotrain.engine.train.optim).

YOLOv5 is used strictly as a black box: this script imports an unmodified checkout (--yolov5 or
$YOLOV5_DIR) for its parameter grouping (utils.torch_utils.smart_optimizer), its EMA
(utils.torch_utils.ModelEMA), its Conv module and its cosine ramp (utils.general.one_cycle), and
records what they compute. The optimizers themselves are torch.optim's.

Outputs (into --out, default src/test/resources/optim):
  optim_ref.npz   float32 tensors (float64 for schedule tables), uncompressed:
                  init.<name>                 initial parameters of a tiny module
                  grad<k>.<name>              gradient of step k (k = 1..3)
                  hyper                       (3 steps, 3 groups, [lr, momentum]) as set per step
                  decay                       weight decay of group 1 (groups 0 and 2 have none)
                  <opt>.step<k>.<name>        parameters after step k, opt in sgd/adam/adamw
                  <opt>.state.<name>.<key>    optimizer state after step 3
                  acc.ga.<name>, acc.gb.<name>, acc.sgd.<name>   one SGD step on ga+gb
                  clip.hi.<name> / clip.hi_norm, clip.lo.<name> / clip.lo_norm   clip_grad_norm_
  ema_ref.npz     ema.init.<key>, ema.model<k>.<key>, ema.after<k>.<key> (k = 1..3) for an EMA
                  started at updates = 0 and ema2.* for one started at updates = 3000;
                  ema.decay: (n, 2) = [updates, decay]
  schedule_ref.npz  cfg<X>: [epochs, lrf, cos, warmup_epochs, nb, batch, lr0, momentum,
                  warmup_momentum, warmup_bias_lr, weight_decay, nw, accumulate0, scaled_decay]
                  lf<X>: lf(e) for e = 0..epochs; warm<X>: rows [ni, epoch, accumulate, lr0, lr1,
                  lr2, momentum]
  groups.txt      "<set> <group> <name>" for YOLOv5's three optimizer groups of the tiny module
                  and of yolov5n (nc=3), in param_groups order

Run with Debian's python (/usr/bin/python3, torch 1.13 CPU, numpy 1.24); see tools/README.md.
"""
import argparse
import os
import sys
from collections import OrderedDict
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from yolov5_offline import install_shims  # noqa: E402


SEED = 20240607
NBS = 64


def f32(t):
    return t.detach().cpu().numpy().astype(np.float32)


def build_tiny(Conv):
    """model.0 = YOLOv5 Conv (conv without bias + BatchNorm), model.1 = Conv2d with bias, plus an
    'anchors' float buffer; parameter names match our YoloNet naming scheme."""
    class Tiny(nn.Module):
        def __init__(self):
            super().__init__()
            self.model = nn.Sequential(Conv(2, 4, 3, 1), nn.Conv2d(4, 6, 1, bias=True))
            self.register_buffer("anchors", torch.tensor([[1.25, 1.625], [2.0, 3.75]]))
    return Tiny()


def group_names(model, optimizer):
    names = {id(p): n for n, p in model.named_parameters()}
    return [[names[id(p)] for p in g["params"]] for g in optimizer.param_groups]


def run_optimizer(smart_optimizer, model, kind, init, grads, hyper, decay, out, prefix):
    with torch.no_grad():
        for n, p in model.named_parameters():
            p.copy_(torch.from_numpy(init[n]))
    opt = smart_optimizer(model, kind, lr=float(hyper[0, 0, 0]), momentum=0.9, decay=decay)
    params = dict(model.named_parameters())
    for k in range(len(grads)):
        for j, g in enumerate(opt.param_groups):
            g["lr"] = float(hyper[k, j, 0])
            if "momentum" in g:  # YOLOv5 warmup touches only SGD's 'momentum' key
                g["momentum"] = float(hyper[k, j, 1])
        for n, p in params.items():
            p.grad = torch.from_numpy(grads[k][n].copy())
        opt.step()
        opt.zero_grad()
        for n, p in params.items():
            out[f"{prefix}.step{k + 1}.{n}"] = f32(p)
    pid = {id(p): n for n, p in params.items()}
    for p, st in opt.state.items():
        for key, v in st.items():
            out[f"{prefix}.state.{pid[id(p)]}.{key}"] = np.asarray(f32(v) if torch.is_tensor(v) else v, np.float32)
    return opt


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--yolov5", default=os.environ.get("YOLOV5_DIR"), help="YOLOv5 checkout (or $YOLOV5_DIR)")
    ap.add_argument("--out", default=str(here.parent / "src" / "test" / "resources" / "optim"))
    args = ap.parse_args()
    if not args.yolov5:
        ap.error("give the YOLOv5 checkout with --yolov5 or YOLOV5_DIR")
    yolo_dir = Path(args.yolov5).resolve()
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    install_shims()
    sys.path.insert(0, str(yolo_dir))
    os.chdir(yolo_dir)
    from models.common import Conv  # noqa: E402
    from models.yolo import Model  # noqa: E402
    from utils.general import LOGGER, one_cycle  # noqa: E402
    from utils.torch_utils import ModelEMA, smart_optimizer  # noqa: E402
    LOGGER.setLevel(40)
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, numpy {np.__version__}")

    rng = np.random.default_rng(SEED)
    torch.manual_seed(SEED)
    tiny = build_tiny(Conv)
    names = [n for n, _ in tiny.named_parameters()]
    shapes = {n: tuple(p.shape) for n, p in tiny.named_parameters()}

    def rand(shape, scale=1.0):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    out = OrderedDict()
    init = {n: rand(shapes[n]) for n in names}
    grads = [{n: rand(shapes[n], 0.5) for n in names} for _ in range(3)]
    # per step, per group [lr, momentum] as warmup would set them (group 0 = biases)
    hyper = np.array([[[0.1, 0.8], [0.0, 0.8]      , [0.0, 0.8]],
                      [[0.07, 0.85], [0.004, 0.85], [0.004, 0.85]],
                      [[0.05, 0.9], [0.008, 0.9]  , [0.008, 0.9]]], np.float64)
    decay = 0.05
    for n in names:
        out[f"init.{n}"] = init[n]
    for k, g in enumerate(grads):
        for n in names:
            out[f"grad{k + 1}.{n}"] = g[n]
    out["hyper"] = hyper
    out["decay"] = np.array(decay, np.float64)

    groups_txt = []
    for kind, prefix in (("SGD", "sgd"), ("Adam", "adam"), ("AdamW", "adamw")):
        opt = run_optimizer(smart_optimizer, tiny, kind, init, grads, hyper, decay, out, prefix)
    for j, g in enumerate(group_names(tiny, opt)):
        groups_txt += [f"tiny {j} {n}" for n in g]

    # gradient accumulation: one SGD step on ga + gb (summed in float32 like autograd does)
    ga = {n: rand(shapes[n], 0.5) for n in names}
    gb = {n: rand(shapes[n], 0.5) for n in names}
    gsum = [{n: (ga[n] + gb[n]).astype(np.float32) for n in names}]
    acc = OrderedDict()
    run_optimizer(smart_optimizer, tiny, "SGD", init, gsum, hyper[2:3], decay, acc, "acc")
    for n in names:
        out[f"acc.ga.{n}"] = ga[n]
        out[f"acc.gb.{n}"] = gb[n]
        out[f"acc.sgd.{n}"] = acc[f"acc.step1.{n}"]

    # clip_grad_norm_(max_norm=10): one case above the limit, one below
    for case, scale in (("hi", 8.0), ("lo", 0.3)):
        ps = []
        for n in names:
            p = nn.Parameter(torch.zeros(shapes[n]))
            g = rand(shapes[n], scale)
            out[f"clip.{case}_in.{n}"] = g
            p.grad = torch.from_numpy(g.copy())
            ps.append((n, p))
        norm = torch.nn.utils.clip_grad_norm_([p for _, p in ps], max_norm=10.0)
        out[f"clip.{case}_norm"] = np.array(float(norm), np.float32)
        for n, p in ps:
            out[f"clip.{case}.{n}"] = f32(p.grad)
    np.savez(out_dir / "optim_ref.npz", **out)

    # ---------------- EMA ----------------
    ema_out = OrderedDict()
    for tag, start in (("ema", 0), ("ema2", 3000)):
        torch.manual_seed(SEED + start)
        model = build_tiny(Conv)
        sd = model.state_dict()
        with torch.no_grad():
            for k, v in sd.items():
                if v.dtype.is_floating_point:
                    v.copy_(torch.from_numpy(rand(tuple(v.shape))))
        sd["model.0.bn.num_batches_tracked"].fill_(7)
        ema = ModelEMA(model, updates=start)
        for k, v in ema.ema.state_dict().items():
            ema_out[f"{tag}.init.{k}"] = v.numpy().copy() if not v.dtype.is_floating_point else f32(v)
        for step in range(1, 4):
            with torch.no_grad():
                for k, v in model.state_dict().items():
                    if v.dtype.is_floating_point:
                        v.copy_(torch.from_numpy(rand(tuple(v.shape))))
                    else:
                        v.add_(5)
            for k, v in model.state_dict().items():
                ema_out[f"{tag}.model{step}.{k}"] = f32(v) if v.dtype.is_floating_point else v.numpy().copy()
            ema.update(model)
            for k, v in ema.ema.state_dict().items():
                ema_out[f"{tag}.after{step}.{k}"] = f32(v) if v.dtype.is_floating_point else v.numpy().copy()
        ema_out[f"{tag}.updates"] = np.array(ema.updates, np.int64)
    probe = ModelEMA(build_tiny(Conv))
    ema_out["ema.decay"] = np.array([[u, probe.decay(u)] for u in (1, 2, 10, 100, 1000, 2000, 10000, 100000)],
                                    np.float64)
    np.savez(out_dir / "ema_ref.npz", **ema_out)

    # ---------------- LR schedule and warmup (train.py's formulas, numpy interp) ----------------
    sched = OrderedDict()
    cfgs = {
        # epochs, lrf, cos, warmup_epochs, nb, batch, lr0, momentum, warmup_momentum, warmup_bias_lr, wd
        "A": (300, 0.01, 0, 3.0, 40, 16, 0.01, 0.937, 0.8, 0.1, 0.0005),
        "B": (10, 0.1, 1, 2.5, 41, 32, 0.02, 0.9, 0.7, 0.05, 0.0005),
        "C": (5, 0.2, 1, 0.0, 7, 24, 0.001, 0.95, 0.8, 0.0, 0.0005),
    }
    for key, (epochs, lrf, cos, we, nb, bs, lr0, mom, wmom, wblr, wd) in cfgs.items():
        lf = one_cycle(1, lrf, epochs) if cos else (lambda x, e=epochs, f=lrf: (1 - x / e) * (1.0 - f) + f)
        nw = max(round(we * nb), 100)
        accumulate0 = max(round(NBS / bs), 1)
        scaled = wd * bs * accumulate0 / NBS
        sched[f"cfg{key}"] = np.array([epochs, lrf, cos, we, nb, bs, lr0, mom, wmom, wblr, wd, nw, accumulate0,
                                       scaled], np.float64)
        sched[f"lf{key}"] = np.array([lf(e) for e in range(epochs + 1)], np.float64)
        rows = []
        for ni in sorted(set([0, 1, 2, nw // 3, nw // 2, nw // 2 + 1, nw - 1, nw] + list(range(0, nw + 1, 7)))):
            epoch = ni // nb
            xi = [0, nw]
            accumulate = max(1, np.interp(ni, xi, [1, NBS / bs]).round())
            lrs = [np.interp(ni, xi, [wblr if j == 0 else 0.0, lr0 * lf(epoch)]) for j in range(3)]
            m = np.interp(ni, xi, [wmom, mom])
            rows.append([ni, epoch, accumulate] + lrs + [m])
        sched[f"warm{key}"] = np.array(rows, np.float64)
    np.savez(out_dir / "schedule_ref.npz", **sched)

    # ---------------- YOLOv5's groups for yolov5n, nc=3 ----------------
    torch.manual_seed(0)
    model = Model(str(yolo_dir / "models" / "yolov5n.yaml"), ch=3, nc=3)
    opt = smart_optimizer(model, "SGD", 0.01, 0.937, 0.0005)
    for j, g in enumerate(group_names(model, opt)):
        groups_txt += [f"yolov5n {j} {n}" for n in g]
    (out_dir / "groups.txt").write_text("\n".join(groups_txt) + "\n")

    for f in ("optim_ref.npz", "ema_ref.npz", "schedule_ref.npz", "groups.txt"):
        print(f"{f}: {(out_dir / f).stat().st_size} bytes")
    print("sgd state keys:", sorted({k.rsplit('.', 1)[1] for k in out if k.startswith('sgd.state.')}))
    print("adam state keys:", sorted({k.rsplit('.', 1)[1] for k in out if k.startswith('adam.state.')}))
    print("clip norms: hi %.6f lo %.6f" % (out["clip.hi_norm"], out["clip.lo_norm"]))
    print("ema num_batches_tracked after 3 updates:", ema_out["ema.after3.model.0.bn.num_batches_tracked"],
          "(model:", ema_out["ema.model3.model.0.bn.num_batches_tracked"], ")")
    print("groups yolov5n:", [sum(1 for l in groups_txt if l.startswith(f"yolov5n {j} ")) for j in range(3)])


if __name__ == "__main__":
    main()
