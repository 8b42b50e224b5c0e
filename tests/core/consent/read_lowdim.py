"""Independent HDF5 reader for the per-stream redaction test (StreamRedactionExportTest): python3 read_lowdim.py FILE
Prints JSON {demo: {"timestamps_ns", "imu", "gaze", "ee_pose", "ee_valid", "frames"}} (a NaN would be null)."""
import json
import math
import sys

import h5py
import numpy as np


def rows(a):
    return [[None if isinstance(v, float) and math.isnan(v) else v for v in r]
            for r in np.asarray(a, dtype=np.float64).tolist()]


out = {}
with h5py.File(sys.argv[1], "r") as f:
    for demo in f["data"]:
        g = f["data"][demo]
        d = {"timestamps_ns": [int(t) for t in g["timestamps_ns"][()]],
             "frames": int(g["obs/front_img_1"].shape[0]),
             "ee_pose": rows(g["obs/ee_pose"][()]),
             "ee_valid": np.asarray(g["obs/ee_valid"][()]).tolist()}
        for k in ("imu", "gaze"):
            if "obs/" + k in g:
                d[k] = rows(g["obs/" + k][()])
        out[demo] = d
print(json.dumps(out))
