"""Shared helpers of the reader mirrors (tests/core/export/readers): check bookkeeping with the reader's
file:line in every message, the float tolerance of the statistics comparisons, the NaN/inf scan of every
array an export holds, and Parquet decoding through the independent JavaScript reader (tests/js)."""
import json
import os
import subprocess

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
READ_PARQUET = os.path.join(HERE, "..", "..", "..", "js", "read-parquet.mjs")

# Statistics agree when |ours - reader's| <= TOL * max(1, |reader's|): 1e-6 absolute below 1, relative above.
TOL = 1e-6


class Checks:
    """Counts checks; a failure names the reader line it mirrors and what differed."""

    def __init__(self):
        self.count = 0
        self.failures = []
        self.facts = {}

    def check(self, ok, where, what):
        self.count += 1
        if not ok:
            self.failures.append(f"{where}: {what}")
        return bool(ok)

    def close(self, ours, theirs, where, what, tol=TOL):
        ours = np.asarray(ours, dtype=np.float64)
        theirs = np.asarray(theirs, dtype=np.float64)
        if ours.shape != theirs.shape and ours.size == theirs.size:
            ours = ours.reshape(theirs.shape)
        if not self.check(ours.shape == theirs.shape, where, f"{what}: shape {ours.shape} != {theirs.shape}"):
            return False
        finite = np.isfinite(ours).all() and np.isfinite(theirs).all()
        self.check(finite, where, f"{what}: not finite")
        diff = np.abs(ours - theirs) - tol * np.maximum(1.0, np.abs(theirs))
        worst = float(np.max(diff)) if diff.size else -1.0
        key = "max_stat_difference"
        err = float(np.max(np.abs(ours - theirs))) if diff.size else 0.0
        self.facts[key] = max(self.facts.get(key, 0.0), err)
        return self.check(worst <= 0, where, f"{what}: ours {ours.ravel()[:6]} vs reader {theirs.ravel()[:6]}")

    def expect(self, fn, where, what):
        """Runs fn(); an exception is a failure (the reader would raise there)."""
        try:
            return fn()
        except Exception as e:  # noqa: BLE001 - any exception is what the reader would raise
            self.check(False, where, f"{what}: {type(e).__name__}: {e}")
            return None

    def result(self):
        return {"checks": self.count, "failures": self.failures, "facts": self.facts}


def read_parquet(path):
    out = subprocess.run(["node", READ_PARQUET, path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _finite_json(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return True
    if isinstance(value, (int, float)):
        return bool(np.isfinite(value))
    if isinstance(value, dict):
        return all(_finite_json(v) for v in value.values())
    return all(_finite_json(v) for v in value)


def scan_hdf5(checks, path):
    """Every dataset and attribute of an HDF5 file holds only finite numbers."""
    import h5py

    scanned = []

    def visit(name, obj):
        for k, v in obj.attrs.items():
            if isinstance(v, (np.ndarray, np.generic)) and np.issubdtype(np.asarray(v).dtype, np.floating):
                checks.check(np.isfinite(v).all(), "scan", f"{path}:{name}@{k} holds NaN/inf")
        if isinstance(obj, h5py.Dataset):
            scanned.append(name)
            if np.issubdtype(obj.dtype, np.floating):
                checks.check(np.isfinite(obj[()]).all(), "scan", f"{path}:{name} holds NaN/inf")

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    checks.facts["hdf5_datasets_scanned"] = checks.facts.get("hdf5_datasets_scanned", 0) + len(scanned)
    return scanned


def scan_parquet_rows(checks, path, table):
    """Every value of every column of a decoded Parquet table is finite (NaN decodes to null in JSON)."""
    for i, row in enumerate(table["rows"]):
        for col, value in row.items():
            if not (isinstance(value, str) or _finite_json(value)) or value is None:
                checks.check(False, "scan", f"{path}: row {i} column {col} is {value!r}")
                return
            if isinstance(value, list) and any(v is None for v in np.ravel(np.array(value, dtype=object))):
                checks.check(False, "scan", f"{path}: row {i} column {col} holds null")
                return
    checks.count += 1
    cols = checks.facts.setdefault("parquet_columns_scanned", 0)
    checks.facts["parquet_columns_scanned"] = cols + (len(table["rows"][0]) if table["rows"] else 0)


def scan_json_file(checks, path):
    """A JSON file has no NaN/Infinity literal and, for statistics, no null (nlohmann writes NaN as null)."""
    def bad(const):
        raise ValueError(f"{const} literal")

    with open(path) as f:
        text = f.read()
    docs = [text] if not path.endswith(".jsonl") else [l for l in text.splitlines() if l.strip()]
    for doc in docs:
        value = checks.expect(lambda d=doc: json.loads(d, parse_constant=bad), "scan", f"{path}")
        if value is not None and ("stats" in os.path.basename(path)):
            checks.check(_finite_json(value) and "null" not in doc, "scan", f"{path}: null or non-finite statistic")
