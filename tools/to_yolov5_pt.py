#!/usr/bin/env python3
"""Turn a yolotrain checkpoint (weights/best.safetensors or last.safetensors) into a YOLOv5 .pt, for YOLOv5's own
tools: detect.py, val.py, export.py (ONNX, TensorRT, CoreML, ...).

Builds the model with YOLOv5's Model class from the yml stored in the checkpoint, loads the EMA weights (the
model's when there is no EMA) strictly, and saves it the way YOLOv5 saves a finished run (fp16, no optimizer).
Needs torch, numpy and PyYAML, and a YOLOv5 checkout that has the checkpoint's modules (v6.0+ for the built-in
yolov5n/s/m/l/x; v4.0+ for config_document/models/v4). The safetensors file is read directly (no safetensors
package needed: safetensors_np.py beside this file).

    python3 tools/to_yolov5_pt.py runs/train/exp/weights/best.safetensors best.pt --yolov5 /path/to/yolov5
    python3 /path/to/yolov5/detect.py --weights best.pt --source images/
"""
import argparse
import copy
import datetime
import json
import os
import sys

from safetensors_np import read_safetensors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", help="a yolotrain .safetensors checkpoint (best or last)")
    ap.add_argument("out", help="the .pt to write")
    ap.add_argument("--yolov5", default=os.environ.get("YOLOV5_DIR", "yolov5"), help="YOLOv5 checkout ($YOLOV5_DIR)")
    a = ap.parse_args()

    sys.path.insert(0, a.yolov5)
    import torch
    import yaml
    from models.yolo import Model

    arrays, meta = read_safetensors(a.checkpoint)
    if meta.get("yolotrain.format") != "checkpoint-1":
        sys.exit(f"{a.checkpoint}: not a yolotrain checkpoint (no cfg in its metadata)")
    prefix = "ema/" if any(k.startswith("ema/") for k in arrays) else "model/"
    state = {k[len(prefix):]: torch.from_numpy(v.copy()) for k, v in arrays.items() if k.startswith(prefix)}
    names = json.loads(meta["names"])
    model = Model(yaml.safe_load(meta["cfg"]), ch=3, nc=len(names))
    model.load_state_dict(state, strict=True)
    model.nc = len(names)  # attributes train.py sets and val.py / detect.py read
    model.names = names
    model.hyp = json.loads(meta.get("hyp", "{}"))
    opt = json.loads(meta.get("opt", "{}"))
    ckpt = {"epoch": -1, "best_fitness": float(meta.get("best_fitness", "nan")), "model": copy.deepcopy(model).half(),
            "ema": None, "updates": None, "optimizer": None, "opt": opt, "git": None,
            "date": datetime.datetime.now().isoformat()}
    torch.save(ckpt, a.out)
    print(f"{a.out}: {len(state)} tensors from {prefix[:-1]}, {len(names)} classes {names}, "
          f"epoch {meta.get('epoch')}, best fitness {meta.get('best_fitness')}")


if __name__ == "__main__":
    main()
