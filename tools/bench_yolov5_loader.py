#!/usr/bin/env python3
"""YOLOv5's own training dataloader (create_dataloader / LoadImagesAndLabels), timed as bench/loader times ours.

Imports an unmodified YOLOv5 checkout ($YOLOV5_DIR or --yolov5) as a black box: mosaic on,
hyp.scratch-low, shuffle, augment, the given batch/image size and worker processes. After --warmup
batches, times --batches batches and prints one RESULT line with wall time and the CPU time of the
main process plus its worker processes (from /proc, while they run).

    YOLOV5_DIR=/work/yolov5 /usr/bin/python3 tools/bench_yolov5_loader.py --images DIR --workers 1
"""
import argparse
import os
import sys
import time


from yolov5_offline import install_shims  # noqa: E402


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batches", type=int, default=8)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--img", type=int, default=640)
    ap.add_argument("--cache", action="store_true", help="cache images in RAM (--cache ram)")
    ap.add_argument("--yolov5", default=os.environ.get("YOLOV5_DIR", "/work/yolov5"))
    a = ap.parse_args()

    install_shims()
    sys.path.insert(0, a.yolov5)
    import yaml
    from utils.dataloaders import create_dataloader
    from utils.general import init_seeds

    with open(os.path.join(a.yolov5, "data", "hyps", "hyp.scratch-low.yaml")) as f:
        hyp = yaml.safe_load(f)
    init_seeds(0)
    loader, _ = create_dataloader(a.images, a.img, a.batch, 32, hyp=hyp, augment=True, cache="ram" if a.cache else False,
                                  workers=a.workers, shuffle=True, prefix="")

    def batches():
        while True:  # InfiniteDataLoader keeps its workers across epochs
            yield from loader

    it = batches()
    for _ in range(a.warmup):
        next(it)
    pids = [os.getpid()] + [w.pid for w in loader.iterator._workers]
    c0 = sum(cpu_seconds(p) for p in pids)
    t0 = time.perf_counter()
    n = 0
    for _ in range(a.batches):
        imgs = next(it)[0]
        n += imgs.shape[0]
    wall = time.perf_counter() - t0
    cpu = sum(cpu_seconds(p) for p in pids) - c0
    print(f"RESULT yolov5 threads={a.workers} images={n} wall_s={wall:.3f} cpu_s={cpu:.3f} "
          f"img_per_s={n / wall:.2f} img_per_cpu_s={n / cpu:.2f}", flush=True)


if __name__ == "__main__":
    main()
