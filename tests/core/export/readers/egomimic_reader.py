"""EgoMimic's load path (SimarKareer/EgoMimic 6d63e9a, with the robomimic fork it pins, SimarKareer/robomimic
3d65f03; the submodule commit a70b19a differs only in comments and in file_utils.py:156-160 skipping missing
obs keys) re-implemented with h5py, run on a Tacit robomimic-hdf5 export with EgoMimic's shipped hand and
GMM configs. The hand configs name the rgb key `front_img_1_line` (SAM hand-line overlays that Tacit does not
make); docs/export.md says to set it to `front_img_1`, which this mirror does. Paths: `egomimic/...` is
EgoMimic, `fork/...` is robomimic/ of the fork."""
import h5py
import numpy as np

# The configs, as (file:lines, data type, ac_key, dataset_keys, seq_length, low_dim, rgb, normalize_obs).
CONFIGS = {
    # actHand.json:43-63, 108-113 (rgb front_img_1_line -> front_img_1)
    "actHand": ("egomimic/configs/actHand.json:43-113", "hand", "actions_xyz_act", ["actions_xyz_act"], 100,
                ["ee_pose"], ["front_img_1"], False),
    # egomimic_oboo.json:44-69, 118-126; the hand dataset's config_2 (egomimic/pl_utils/pl_train_utils.py:193-206)
    "egomimic_oboo/hand": ("egomimic/configs/egomimic_oboo.json:44-126", "hand", "actions_xyz_act",
                           ["actions_xyz_act"], 100, ["ee_pose"], ["front_img_1"], True),
    # GMMResnet.json:44-61, 180-190 and GMMViT.json (seq_length 100)
    "GMMResnet": ("egomimic/configs/GMMResnet.json:44-190", "hand", "actions_xyz", ["actions_xyz"], 10,
                  ["ee_pose"], ["front_img_1"], True),
    "GMMViT": ("egomimic/configs/GMMViT.json:44-190", "hand", "actions_xyz", ["actions_xyz"], 100,
               ["ee_pose"], ["front_img_1"], True),
}
CACHE_MODE, LOAD_NEXT_OBS, TRAIN_KEY, VALID_KEY = "low_dim", False, "train", "valid"  # every config above


class PlaydataSequenceDataset:
    """egomimic/utils/dataset.py:15-196 over fork/utils/dataset.py:20-165 (frame_stack 1, pads on)."""

    def __init__(self, c, path, filter_key, cfg):
        self.c = c
        _, self.type, self.ac_key, self.dataset_keys, self.seq_length, low_dim, rgb, self.normalize = cfg
        self.obs_keys = tuple(low_dim + rgb)
        self.rgb_keys = list(rgb)  # egomimic/utils/dataset.py:115-117 (dont_load_fut)
        # fork/utils/dataset.py:227 h5py.File(..., swmr=True, libver='latest', rdcc_nbytes=1e10)
        self.f = h5py.File(path, "r", swmr=True, libver="latest", rdcc_nbytes=int(1e10))
        self.demos = [e.decode("utf-8") for e in np.array(self.f[f"mask/{filter_key}"][:])]  # fork :181
        self.demos = [self.demos[i] for i in np.argsort([int(e[5:]) for e in self.demos])]  # fork :186-187
        self.index, self.start, self.length, total = {}, {}, {}, 0
        for ep in self.demos:  # fork :198-218
            n = int(self.f[f"data/{ep}"].attrs["num_samples"])
            self.start[ep], self.length[ep] = total, n
            for _ in range(max(n, 1)):
                self.index[total] = ep
                total += 1
        self.total = total
        self.obs_stats = self.normalize_obs() if self.normalize else None  # fork :130-132
        self.cache = {}  # fork :134-151, 276-307 (low_dim: only low-dim obs in memory)
        for ep in self.demos:
            g = self.f[f"data/{ep}"]
            self.cache[ep] = {"obs": {k: g[f"obs/{k}"][()] for k in low_dim}}
            for k in self.dataset_keys:
                self.cache[ep][k] = g[k][()].astype("float32") if k in g else np.zeros((int(g.attrs["num_samples"]), 1), np.float32)
            c.check(all(k in g for k in self.dataset_keys), "fork/utils/dataset.py:304", f"{ep}: dataset key missing")
        self.in_memory = list(low_dim)

    def normalize_obs(self):
        """fork/utils/dataset.py:315-344: plain mean and std (+1e-3) over every demo of the file."""
        def calc(key):
            obs = [self.f[f"data/{ep}/{key}"][()].astype("float32") for ep in self.f["data"].keys() if "demo" in ep]
            obs = np.concatenate(obs, axis=0)
            return dict(mean=obs.mean(axis=0, keepdims=True), std=obs.std(axis=0, keepdims=True) + 1e-3)
        stats = {k: calc(f"obs/{k}") for k in self.obs_keys if k not in self.rgb_keys and "lang" not in k}
        stats.update({k: calc(k) for k in self.dataset_keys if "actions" in k})
        return stats

    def data_for(self, ep, key):
        """fork/utils/dataset.py:363-392."""
        if "/" in key:
            k1, k2 = key.split("/")
            assert k1 in ["obs", "next_obs"]
            return self.cache[ep][k1][k2] if k2 in self.in_memory else self.f[f"data/{ep}/{key}"]
        return self.cache[ep][key]

    def sequence(self, ep, i, keys, seq_length, dont_load_fut=()):
        """fork/utils/dataset.py:463-523: rows [i, i + seq_length), the last repeated past the end;
        keys in dont_load_fut load one row."""
        n = self.length[ep]
        end = min(n, i + seq_length)
        end_pad = max(0, i + seq_length - n)
        seq = {}
        for k in keys:
            true_end = i + 1 if k.split("/")[-1] in dont_load_fut else end
            v = np.asarray(self.data_for(ep, k)[i:true_end])
            if k.split("/")[-1] not in dont_load_fut and end_pad:
                v = np.concatenate([v, np.repeat(v[-1:], end_pad, axis=0)], axis=0)  # TensorUtils.pad_sequence
            seq[k] = v
        pad = np.array([1] * (end - i) + [0] * end_pad)[:, None].astype(bool)
        return seq, pad

    def get_item(self, index):
        """egomimic/utils/dataset.py:122-196 with fork :525-600 (prestacked: one row of each key)."""
        ep = self.index[index]
        i = index - self.start[ep]
        data, pad = self.sequence(ep, i, self.dataset_keys, 1)  # fork :576-583 seq_length_to_load = 1
        data["pad_mask"] = pad
        for k in list(data):  # fork :590-596: (1, T, D) -> (T, D); must be an action key
            if k != "pad_mask" and data[k].shape[0] == 1 and data[k].ndim == 3:
                data[k] = data[k][0]
                if "actions" not in k:
                    raise ValueError("Interpolating actions, but key is not an action, key: ", k)
        data["pad_mask"] = np.repeat(data["pad_mask"], self.seq_length, axis=0)  # fork :598
        obs, opad = self.sequence(ep, i, tuple(f"obs/{k}" for k in self.obs_keys), 1, self.rgb_keys)  # fork :540-548
        data["obs"] = {k.split("/")[1]: v for k, v in obs.items()}
        data["obs"]["pad_mask"] = np.repeat(opad, self.seq_length, axis=0)  # fork :557
        data["type"] = 1 if self.type == "hand" else 0  # egomimic/utils/dataset.py:192-195
        return data


def check(c, path, manifest):
    with h5py.File(path, "r") as f:
        demo_id = list(f["data"].keys())[0]  # fork/utils/file_utils.py:141
        train = [e.decode("utf-8") for e in f[f"mask/{TRAIN_KEY}"][()]]
        valid = [e.decode("utf-8") for e in f[f"mask/{VALID_KEY}"][()]]
        # egomimic/utils/train_utils.py:111-128: validate needs both masks, disjoint
        c.check(len(train) > 0 and len(valid) > 0, "egomimic/utils/train_utils.py:112-117", "train/valid masks empty")
        c.check(set(train).isdisjoint(valid), "egomimic/utils/train_utils.py:126-128", "train and valid overlap")
        c.check(sorted(train + valid, key=lambda e: int(e[5:])) == sorted(f["data"].keys(), key=lambda e: int(e[5:])),
                "fork/utils/file_utils.py create_hdf5_filter_key", "masks do not cover the demos")
        c.check("front_img_1_line" not in f[f"data/{demo_id}/obs"], "docs/export.md",
                "front_img_1_line is written: update the documented config change")
    for name, cfg in CONFIGS.items():
        where = cfg[0]
        with h5py.File(path, "r") as f:
            ac = f[f"data/{demo_id}/{cfg[2]}"]  # fork/utils/file_utils.py:145-147: ac_dim = shape[-1]
            c.check(ac.shape[-1] == 6 and len(ac.shape) == 3, "fork/utils/file_utils.py:145-147", f"{name}: {cfg[2]} {ac.shape}")
            for k in cfg[5] + cfg[6]:  # fork/utils/file_utils.py:156-168 (a missing key is skipped, then fails to load)
                c.check(f"obs/{k}" in f[f"data/{demo_id}"], "fork/utils/file_utils.py:157", f"{name}: obs/{k} missing")
        sizes = {}
        for key in (TRAIN_KEY, VALID_KEY):  # egomimic/utils/train_utils.py:129-142
            ds = c.expect(lambda k=key: PlaydataSequenceDataset(c, path, k, cfg), where, f"{name} {key} dataset")
            if ds is None:
                continue
            for idx in range(ds.total):
                item = c.expect(lambda i=idx: ds.get_item(i), "egomimic/utils/dataset.py:122-196", f"{name} item {idx}")
                if item is None:
                    break
                steps = 100 if cfg[2] == "actions_xyz_act" else 10
                c.check(item[cfg[2]].shape == (steps, 6) and np.isfinite(item[cfg[2]]).all(),
                        "fork/utils/dataset.py:593-594", f"{name}: {cfg[2]} {item[cfg[2]].shape}")
                c.check(item["obs"]["ee_pose"].shape == (1, 6) and np.isfinite(item["obs"]["ee_pose"]).all(),
                        "fork/utils/dataset.py:540", f"{name}: ee_pose {item['obs']['ee_pose'].shape}")
                c.check(item["obs"]["front_img_1"].shape[0] == 1, "fork/utils/dataset.py:514", f"{name}: image rows")
                c.check(item["pad_mask"].shape == (cfg[4], 1) and item["type"] == 1, "fork/utils/dataset.py:598",
                        f"{name}: pad_mask {item['pad_mask'].shape}")
            sizes[key] = ds.total
            if ds.obs_stats is not None and key == TRAIN_KEY:  # the statistics EgoMimic normalises with
                ours = manifest["dataset"]["stats"]
                for k, s in ds.obs_stats.items():
                    mine = ours[k if k.startswith("actions") else f"obs/{k}"]
                    c.close(mine["mean"], s["mean"], "fork/utils/dataset.py:328", f"{name}: {k} mean")
                    c.close(mine["std"], s["std"].astype(np.float64) - 1e-3, "fork/utils/dataset.py:329",
                            f"{name}: {k} std (EgoMimic's std - 1e-3)")
            ds.f.close()
        c.facts[f"egomimic_{name}"] = sizes
