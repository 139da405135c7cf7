#!/usr/bin/python3
"""Side-by-side per-epoch mAP from two results.csv files (ours and YOLOv5's share the layout).

    python3 tools/compare_results.py runs/train/exp/results.csv /path/to/yolov5/runs/train/exp/results.csv
"""
import csv
import sys


def read(path):
    with open(path) as f:
        rows = [[c.strip() for c in r] for r in csv.reader(f)]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:] if r]


def main():
    a, b = read(sys.argv[1]), read(sys.argv[2])
    print(f"{'epoch':>5} {'ours mAP50':>11} {'ours mAP':>9} {'yolov5 mAP50':>13} {'yolov5 mAP':>11}")
    for i in range(max(len(a), len(b))):
        ra = a[i] if i < len(a) else {}
        rb = b[i] if i < len(b) else {}
        f = lambda r, k: f"{float(r[k]):.4f}" if k in r else "-"  # noqa: E731
        print(f"{i:>5} {f(ra, 'metrics/mAP_0.5'):>11} {f(ra, 'metrics/mAP_0.5:0.95'):>9} "
              f"{f(rb, 'metrics/mAP_0.5'):>13} {f(rb, 'metrics/mAP_0.5:0.95'):>11}")


if __name__ == "__main__":
    main()
