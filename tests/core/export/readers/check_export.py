"""Loads a Tacit export the way its readers do and prints what failed:
    python3 check_export.py robomimic-hdf5|lerobot-v3|lerobot-v2.1 DIR [REFERENCE_ROBOMIMIC_DIR]
robomimic-hdf5 runs the robomimic (robomimic_reader.py) and EgoMimic (egomimic_reader.py) load paths;
lerobot-* runs LeRobotDataset's (lerobot_reader.py). Every export is scanned for NaN/inf (every HDF5
dataset, every Parquet column, every statistics file). With a reference robomimic export of the same
project and image size, LeRobot's image statistics are recomputed from its exact frames.
Prints {"checks": n, "failures": [...], "facts": {...}}; exit 0 even with failures (the test reads them)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import h5py  # noqa: E402

import egomimic_reader  # noqa: E402
import lerobot_reader  # noqa: E402
import robomimic_reader  # noqa: E402
from common import Checks, scan_hdf5, scan_json_file  # noqa: E402


def reference_frames(c, manifest, ref_dir):
    ref = json.load(open(os.path.join(ref_dir, "tacit_export.json")))
    ours = [e["exported_range_ns"] for e in manifest["episodes"]]
    theirs = [e["exported_range_ns"] for e in ref["episodes"]]
    if not c.check(ours == theirs, "check_export.py", "reference export has other episodes"):
        return None
    with h5py.File(os.path.join(ref_dir, "data.hdf5"), "r") as f:
        return {k: f[f"data/demo_{k}/obs/front_img_1"][()] for k in range(len(ours))}


def main():
    fmt, root = sys.argv[1], sys.argv[2]
    c = Checks()
    scan_json_file(c, os.path.join(root, "tacit_export.json"))
    manifest = json.load(open(os.path.join(root, "tacit_export.json")))
    if fmt == "robomimic-hdf5":
        path = os.path.join(root, "data.hdf5")
        scan_hdf5(c, path)  # counts datasets in facts["hdf5_datasets_scanned"]
        c.expect(lambda: robomimic_reader.check(c, path, manifest), "robomimic_reader.py", "robomimic load path")
        c.expect(lambda: egomimic_reader.check(c, path, manifest), "egomimic_reader.py", "EgoMimic load path")
    else:
        frames = reference_frames(c, manifest, sys.argv[3]) if len(sys.argv) > 3 else None
        c.facts["image_stats_checked"] = frames is not None
        run = lerobot_reader.check_v3 if fmt == "lerobot-v3" else lerobot_reader.check_v21
        c.expect(lambda: run(c, root, frames), "lerobot_reader.py", f"{fmt} load path")
    print(json.dumps(c.result()))


if __name__ == "__main__":
    main()
