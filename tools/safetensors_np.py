"""Reads a .safetensors file into numpy arrays with no safetensors package (its layout: an 8-byte
little-endian header length, a JSON header of name -> dtype/shape/offsets plus "__metadata__", then the raw
little-endian data). Shared by the tools in this folder.
"""
import json
import struct
from pathlib import Path

import numpy as np

DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1",
          "U8": "u1", "BOOL": "?"}


def read_safetensors(path):
    """Returns (dict name -> read-only numpy array, in data order; metadata dict)."""
    data = Path(path).read_bytes()
    (hlen,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + hlen].decode("utf-8"))
    base = 8 + hlen
    meta = header.pop("__metadata__", {}) or {}
    out = {}
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(data[base + a:base + b], dtype=DTYPES[info["dtype"]]).reshape(info["shape"])
    assert base + max((v["data_offsets"][1] for v in header.values()), default=0) == len(data), "trailing bytes"
    return out, meta
