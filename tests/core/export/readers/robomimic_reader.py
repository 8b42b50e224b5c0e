"""robomimic's load path (ARISE-Initiative/robomimic d309eae) re-implemented with h5py, run on a Tacit
robomimic-hdf5 export with robomimic's default training config (config/base_config.py): only the obs
modalities are set, to the keys the file has (base_config.py:264-270 lists robosuite keys). Every check
cites the robomimic line it mirrors. Paths are relative to robomimic/."""
import json

import h5py
import numpy as np

# Default config (config/base_config.py).
CACHE_DEFAULT = "all"                                # :170 hdf5_cache_mode
USE_SWMR = True                                      # :173 hdf5_use_swmr
LOAD_NEXT_OBS = True                                 # :176 hdf5_load_next_obs
DATASET_KEYS = ("actions", "rewards", "dones")       # :200-204 dataset_keys
ACTION_KEYS = ["actions"]                            # :208 action_keys
ACTION_CONFIG = {"actions": {"normalization": None}}  # :223-227 action_config
ENV_TYPES = {1, 2, 3}                                # envs/env_base.py:14-16 EnvType


def traj_stats(traj):
    """utils/dataset.py:806-817 _compute_traj_stats (float32 arrays, as robomimic reads them)."""
    out = {}
    for k, v in traj.items():
        mean = v.mean(axis=0, keepdims=True)
        out[k] = dict(n=v.shape[0], mean=mean, sqdiff=((v - mean) ** 2).sum(axis=0, keepdims=True),
                      min=v.min(axis=0, keepdims=True), max=v.max(axis=0, keepdims=True))
    return out


def aggregate_traj_stats(a, b):
    """utils/dataset.py:819-836 _aggregate_traj_stats (parallel variance)."""
    merged = {}
    for k in a:
        n = a[k]["n"] + b[k]["n"]
        mean = (a[k]["n"] * a[k]["mean"] + b[k]["n"] * b[k]["mean"]) / n
        delta = b[k]["mean"] - a[k]["mean"]
        m2 = a[k]["sqdiff"] + b[k]["sqdiff"] + delta ** 2 * a[k]["n"] * b[k]["n"] / n
        merged[k] = dict(n=n, mean=mean, sqdiff=m2, min=np.minimum(a[k]["min"], b[k]["min"]),
                         max=np.maximum(a[k]["max"], b[k]["max"]))
    return merged


class SequenceDataset:
    """utils/dataset.py:22-183 with seq_length = frame_stack = 1, pads on, no goal, no language."""

    def __init__(self, checks, path, obs_keys, low_dim_keys, cache_mode, normalize_obs=False):
        assert cache_mode in ["all", "low_dim", None]  # :104
        self.c, self.path, self.cache_mode = checks, path, cache_mode
        self.obs_keys = tuple(obs_keys)
        self.dataset_keys = tuple(set(DATASET_KEYS).union(ACTION_KEYS))  # :117-122
        # :248 h5py.File(path, 'r', swmr=True, libver='latest')
        self.f = h5py.File(path, "r", swmr=USE_SWMR, libver="latest")
        self.load_demo_info()  # :142
        self.obs_stats = self.normalize_obs() if normalize_obs else None  # :146-147
        self.hdf5_cache = None
        if cache_mode in ["all", "low_dim"]:  # :153-169
            self.in_memory = [k for k in self.obs_keys if cache_mode == "all" or k in low_dim_keys]
            self.hdf5_cache = self.load_dataset_in_memory()
        self.action_stats = None
        self.getitem_cache = [self.get_item(i) for i in range(len(self))] if cache_mode == "all" else None  # :171-179

    def load_demo_info(self):
        self.demos = list(self.f["data"].keys())  # :201 (no filter key by default, base_config.py:185)
        inds = np.argsort([int(elem[5:]) for elem in self.demos])  # :204 demo names must be demo_<int>
        self.demos = [self.demos[i] for i in inds]
        self.index_to_demo, self.start, self.length = {}, {}, {}
        total = 0
        for ep in self.demos:
            n = int(self.f[f"data/{ep}"].attrs["num_samples"])  # :221
            self.c.check(n >= 1, "utils/dataset.py:233", f"{ep}: num_samples {n} < 1")
            self.start[ep], self.length[ep] = total, n
            for _ in range(max(n, 1)):  # :225-240 (pad_seq_length: at least one sequence)
                self.index_to_demo[total] = ep
                total += 1
        self.total = total

    def __len__(self):
        return self.total

    def load_dataset_in_memory(self):
        """:297-333: obs (and next_obs) of the in-memory keys, dataset keys as float32 or zeros."""
        data = {}
        for ep in self.demos:
            g = self.f[f"data/{ep}"]
            d = {"attrs": {"num_samples": g.attrs["num_samples"]}}
            d["obs"] = {k: g[f"obs/{k}"][()] for k in self.in_memory}  # :320
            if LOAD_NEXT_OBS:
                d["next_obs"] = {k: g[f"next_obs/{k}"][()] for k in self.in_memory}  # :321-322
            for k in self.dataset_keys:  # :324-328
                d[k] = g[k][()].astype("float32") if k in g else np.zeros((d["attrs"]["num_samples"], 1), np.float32)
            data[ep] = d
        return data

    def normalize_obs(self):
        """:335-359: per-key mean and std over the demos; scale = sqrt(sqdiff / n) + 1e-3."""
        merged = None
        for ep in self.demos:
            traj = {k: self.f[f"data/{ep}/obs/{k}"][()].astype("float32") for k in self.obs_keys}
            stats = traj_stats(traj)
            merged = stats if merged is None else aggregate_traj_stats(merged, stats)
        return {k: {"offset": merged[k]["mean"].astype(np.float32),
                    "scale": (np.sqrt(merged[k]["sqdiff"] / merged[k]["n"]) + 1e-3).astype(np.float32),
                    "raw": merged[k]} for k in merged}

    def get_action_stats(self):
        """:375-390, from the file (not the cache)."""
        merged = None
        for ep in self.demos:
            traj = {k: self.f[f"data/{ep}/{k}"][()].astype("float32") for k in ACTION_KEYS}
            stats = traj_stats(traj)
            merged = stats if merged is None else aggregate_traj_stats(merged, stats)
        return merged

    def get_action_normalization_stats(self):
        """:395-407 and action_stats_to_normalization_stats :838-861 (normalization None: unit scale)."""
        if self.action_stats is None:
            stats = self.get_action_stats()
            self.action_stats = {k: {"scale": np.ones_like(stats[k]["mean"], dtype=np.float32),
                                     "offset": np.zeros_like(stats[k]["mean"], dtype=np.float32),
                                     "raw": stats[k]} for k in stats if ACTION_CONFIG[k].get("normalization") is None}
        return self.action_stats

    def get_dataset_for_ep(self, ep, key):
        """:409-437: the cache when the key is in memory, else the file (KeyError when missing)."""
        in_memory = self.cache_mode in ["all", "low_dim"]
        if in_memory and "/" in key:
            k1, k2 = key.split("/")
            assert k1 in ["obs", "next_obs", "action_dict"]  # :421
            in_memory = k2 in self.in_memory
        if in_memory:
            if "/" in key:
                k1, k2 = key.split("/")
                return self.hdf5_cache[ep][k1][k2]
            return self.hdf5_cache[ep][key]
        return self.f[f"data/{ep}/{key}"]  # :435-436

    def get_sequence(self, ep, index, keys):
        """:536-580 with one frame: data[index:index + 1], no padding inside the demo."""
        assert index < self.length[ep]  # :554
        return {k: np.asarray(self.get_dataset_for_ep(ep, k)[index:min(self.length[ep], index + 1)]) for k in keys}

    def get_item(self, index):
        """:450-534."""
        ep = self.index_to_demo[index]
        i = index - self.start[ep]
        meta = self.get_sequence(ep, i, self.dataset_keys)  # :467-473
        obs = self.get_sequence(ep, i, tuple(f"obs/{k}" for k in self.obs_keys))  # :480-487, 597-604
        meta["obs"] = {k.split("/", 1)[1]: v for k, v in obs.items()}
        if LOAD_NEXT_OBS:  # :489-497
            nxt = self.get_sequence(ep, i, tuple(f"next_obs/{k}" for k in self.obs_keys))
            meta["next_obs"] = {k.split("/", 1)[1]: v for k, v in nxt.items()}
        stats = self.get_action_normalization_stats()  # :520
        acs = []
        for k in ACTION_KEYS:  # :511-524: expand 1-D, (x - offset) / scale, concatenate
            ac = meta[k].reshape(-1, 1) if meta[k].ndim == 1 else meta[k]
            acs.append((ac - stats[k]["offset"]) / stats[k]["scale"])
        meta["actions"] = np.concatenate(acs, axis=-1)
        meta["ep"], meta["i"] = ep, i
        return meta

    def __getitem__(self, index):
        return self.getitem_cache[index] if self.cache_mode == "all" else self.get_item(index)  # :439-448


def check(checks, path, manifest):
    """Everything robomimic's train.py does with the file before the first batch, then every item in
    the three cache modes; returns the items of the uncached dataset for cross-mode comparison."""
    c = checks
    with h5py.File(path, "r") as f:
        # scripts/train.py:89 -> utils/file_utils.py:108-117 -> utils/env_utils.py:68, 320-333
        env_meta = c.expect(lambda: json.loads(f["data"].attrs["env_args"]), "utils/file_utils.py:110", "env_args")
        if env_meta is not None:
            c.check("env_kwargs" in env_meta, "utils/file_utils.py:111", "env_meta['env_kwargs'] missing")
            c.check(env_meta.get("type") in ENV_TYPES, "utils/env_utils.py:68", f"env_meta['type'] = {env_meta.get('type')}")
            c.check(env_meta.get("type") != 1, "utils/env_utils.py:326", "type 1 turns on robosuite depth processing")
            c.check(isinstance(env_meta.get("env_name"), str), "utils/env_utils.py:227", "env_name missing")
        demo_id = list(f["data"].keys())[0]  # utils/file_utils.py:147
        demo = f[f"data/{demo_id}"]
        for key in ACTION_KEYS:  # utils/file_utils.py:150-152
            c.check(key in demo and len(demo[key].shape) == 2, "utils/file_utils.py:151", f"{key} is not (N, D)")
        obs_keys = [k for k in ("ee_pose", "ee_valid", "imu", "gaze", "front_img_1") if f"obs/{k}" in demo]
        low_dim = [k for k in obs_keys if k != "front_img_1"]
        for k in obs_keys:  # utils/file_utils.py:162-176
            c.check(len(demo[f"obs/{k}"].shape) >= 2, "utils/file_utils.py:169", f"obs/{k} shape")
        c.check(demo["obs/front_img_1"].dtype == np.uint8 and demo["obs/front_img_1"].shape[-1] == 3,
                "utils/obs_utils.py process_frame", "front_img_1 is not (N, H, W, 3) uint8")
        for ep in f["data"]:
            g = f[f"data/{ep}"]
            n = int(g.attrs["num_samples"])
            for k in obs_keys:
                c.check(f"next_obs/{k}" in g, "utils/dataset.py:322", f"{ep}/next_obs/{k} missing")
                c.check(g[f"obs/{k}"].shape[0] == n, "utils/dataset.py:221", f"{ep}/obs/{k} rows != num_samples")
                if f"next_obs/{k}" in g:
                    o, x = g[f"obs/{k}"][()], g[f"next_obs/{k}"][()]
                    c.check(np.array_equal(x[:-1], o[1:]) and np.array_equal(x[-1], o[-1]), "utils/dataset.py:489-497",
                            f"{ep}/next_obs/{k} is not obs shifted by one")
            for k in DATASET_KEYS:  # loaded from the file when caching is off (utils/dataset.py:435-436)
                c.check(k in g and g[k].shape[0] == n, "utils/dataset.py:436", f"{ep}/{k} missing or wrong length")
            c.check("dones" in g and int(g["dones"][-1]) == 1, "dones", f"{ep}: last row is not done")

    items = {}
    for mode in ("low_dim", "all", None):  # base_config.py:166-170
        ds = c.expect(lambda m=mode: SequenceDataset(c, path, obs_keys, low_dim, m), "utils/dataset.py:22-183",
                      f"SequenceDataset(hdf5_cache_mode={mode})")
        if ds is None:
            continue
        c.check(len(ds) == sum(ds.length.values()), "utils/dataset.py:290-295", "len != total samples")
        got = []
        for idx in range(len(ds)):
            item = c.expect(lambda i=idx: ds[i], "utils/dataset.py:439-534", f"item {idx} (cache {mode})")
            if item is None:
                break
            c.check(item["actions"].shape == (1, 6) and np.isfinite(item["actions"]).all(), "utils/dataset.py:524",
                    f"actions {item['actions'].shape}")
            for k in ("rewards", "dones"):
                c.check(item[k].shape[0] == 1, "utils/dataset.py:467-473", f"{k} sequence length")
            for k in obs_keys:
                for part in ("obs", "next_obs"):
                    v = item[part][k]
                    c.check(v.shape[0] == 1, "utils/dataset.py:574", f"{part}/{k} sequence length")
                    if np.issubdtype(v.dtype, np.floating):
                        c.check(np.isfinite(v).all(), "scan", f"{part}/{k} of item {idx} not finite")
            got.append(item)
        items[mode] = got
        ds.f.close()
    # The three cache modes return the same items (utils/dataset.py:153-181 only change where data lives).
    if len(items) == 3:
        same = all(np.array_equal(a["actions"], b["actions"]) and
                   all(np.array_equal(np.asarray(a["obs"][k]), np.asarray(b["obs"][k])) for k in a["obs"])
                   for a, b in zip(items[None], items["all"]))
        c.check(same and len(items[None]) == len(items["low_dim"]), "utils/dataset.py:153-181",
                "cache modes disagree")

    # Normalisation statistics, computed as robomimic computes them, equal ours (tacit_export.json).
    ds = SequenceDataset(c, path, obs_keys, low_dim, "low_dim", normalize_obs=True)
    ours = manifest["dataset"]["stats"]
    for k in low_dim:
        raw = ds.obs_stats[k]["raw"]  # utils/dataset.py:354-358
        c.close(ours[f"obs/{k}"]["mean"], raw["mean"], "utils/dataset.py:357", f"obs/{k} offset (mean)")
        c.close(ours[f"obs/{k}"]["std"], ds.obs_stats[k]["scale"].astype(np.float64) - 1e-3, "utils/dataset.py:358",
                f"obs/{k} scale - 1e-3 (std)", tol=1e-5)
        c.close(ours[f"obs/{k}"]["std"], np.sqrt(raw["sqdiff"] / raw["n"]), "utils/dataset.py:358", f"obs/{k} std")
        c.close(ours[f"obs/{k}"]["min"], raw["min"], "utils/dataset.py:815", f"obs/{k} min")
        c.close(ours[f"obs/{k}"]["max"], raw["max"], "utils/dataset.py:816", f"obs/{k} max")
    a = ds.get_action_normalization_stats()["actions"]["raw"]  # utils/dataset.py:375-390
    c.close(ours["actions"]["mean"], a["mean"], "utils/dataset.py:389", "actions mean")
    c.close(ours["actions"]["std"], np.sqrt(a["sqdiff"] / a["n"]), "utils/dataset.py:900", "actions std")
    c.close(ours["actions"]["min"], a["min"], "utils/dataset.py:865", "actions min")
    c.close(ours["actions"]["max"], a["max"], "utils/dataset.py:866", "actions max")
    ds.f.close()
    c.facts["robomimic_items"] = {str(m): len(v) for m, v in items.items()}
    return items
