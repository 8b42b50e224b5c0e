"""Independent HDF5 reader for Tacit's export tests: python3 inspect_hdf5.py FILE [DEMO INDEX OUT.raw]
Prints JSON: every dataset (shape, dtype, chunks, compression), every attribute, the masks, the sums of
image frames and the low-dim arrays (so the Qt test can compare values exactly)."""
import json
import sys

import h5py
import numpy as np


def attr_value(v):
    if isinstance(v, bytes):
        return v.decode()
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, np.ndarray):
        return v.tolist()
    return v


out = {"datasets": {}, "attrs": {}, "masks": {}, "frame_sums": {}, "arrays": {}}
with h5py.File(sys.argv[1], "r") as f:
    def visit(name, obj):
        out["attrs"][name] = {k: attr_value(v) for k, v in obj.attrs.items()}
        if isinstance(obj, h5py.Dataset):
            out["datasets"][name] = {"shape": list(obj.shape), "dtype": obj.dtype.str,
                                     "chunks": list(obj.chunks) if obj.chunks else None,
                                     "compression": obj.compression}
    f.visititems(visit)
    out["attrs"]["/"] = {k: attr_value(v) for k, v in f.attrs.items()}
    out["attrs"]["data"] = {k: attr_value(v) for k, v in f["data"].attrs.items()}
    if "mask" in f:
        for k in f["mask"]:
            out["masks"][k] = [x.decode() for x in f["mask"][k][()]]
    for demo in f["data"]:
        g = f["data"][demo]
        imgs = g["obs/front_img_1"]
        out["frame_sums"][demo] = [int(imgs[i].astype(np.int64).sum()) for i in range(imgs.shape[0])]
        out["arrays"][demo] = {k: np.asarray(g[k][()], dtype=np.float64).ravel().tolist()
                               for k in ("obs/ee_pose", "actions_xyz", "actions_xyz_act", "timestamps_ns")}
        out["arrays"][demo]["first_pixel"] = imgs[0, 0, 0].tolist()
        out["arrays"][demo]["last_pixel"] = imgs[-1, -1, -1].tolist()
    if len(sys.argv) == 5:  # also dump one frame's raw RGB bytes
        f["data"][sys.argv[2]]["obs/front_img_1"][int(sys.argv[3])].tofile(sys.argv[4])
print(json.dumps(out))
