"""lerobot's statistics code, ported line by line: datasets/compute_stats.py at 7427f31 (v3.0) and at
v0.3.3 (v2.1). Used by lerobot_reader.py to recompute every statistic from the exported data."""
import numpy as np

QUANTILES = [0.01, 0.10, 0.50, 0.90, 0.99]  # compute_stats.py:28
QKEYS = [f"q{int(q * 100):02d}" for q in QUANTILES]


class RunningQuantileStats:
    """compute_stats.py:31-201, one update per episode (as compute_episode_stats does)."""

    def __init__(self, bins=5000):
        self.bins = bins

    def update(self, batch):
        batch = batch.reshape(-1, batch.shape[-1])
        batch = batch.astype(np.result_type(batch.dtype, np.float32), copy=False)  # :64
        self.count = batch.shape[0]
        self.mean = np.mean(batch, axis=0)
        self.mean_sq = np.mean(batch ** 2, axis=0)
        self.min, self.max = np.min(batch, axis=0), np.max(batch, axis=0)
        # :73-76 edges; numpy 1.x promotes float32 - 1e-10 to float64 (numpy 2 keeps float32)
        self.edges = [np.linspace(self.min[i] - 1e-10, self.max[i] + 1e-10, self.bins + 1)
                      for i in range(batch.shape[1])]
        self.hist = [np.histogram(batch[:, i], bins=self.edges[i])[0].astype(np.float64) for i in range(batch.shape[1])]

    def quantile(self, hist, edges, target):  # :181-201
        cumsum = np.cumsum(hist)
        idx = np.searchsorted(cumsum, target)
        if idx == 0:
            return edges[0]
        if idx >= len(cumsum):
            return edges[-1]
        before = cumsum[idx - 1]
        in_bin = cumsum[idx] - before
        if in_bin == 0:
            return edges[idx]
        return edges[idx] + (target - before) / in_bin * (edges[idx + 1] - edges[idx])

    def stats(self):  # :104-132
        out = {"min": self.min.copy(), "max": self.max.copy(), "mean": self.mean.copy(),
               "std": np.sqrt(np.maximum(0, self.mean_sq - self.mean ** 2)), "count": np.array([self.count])}
        for q, key in zip(QUANTILES, QKEYS):
            out[key] = np.array([self.quantile(h, e, q * self.count) for h, e in zip(self.hist, self.edges)])
        return out


def feature_stats_v3(array, image=False):
    """get_feature_stats (compute_stats.py:435-484) for vectors (axis 0) and images (axis (0, 2, 3))."""
    if image:
        b, ch, h, w = array.shape
        reshaped, count = array.transpose(0, 2, 3, 1).reshape(-1, ch), b  # :383-386
    else:
        reshaped, count = (array.reshape(-1, 1) if array.ndim == 1 else array), array.shape[0]  # :388-392
    if reshaped.shape[0] < 2:  # :475-476, _compute_basic_stats :405-432
        s = {"min": np.min(reshaped, axis=0), "max": np.max(reshaped, axis=0), "mean": np.mean(reshaped, axis=0),
             "std": np.std(reshaped, axis=0), "count": np.array([count])}
        for k in QKEYS:
            s[k] = s["mean"].copy()
    else:
        r = RunningQuantileStats()
        r.update(reshaped)
        s = r.stats()
        s["count"] = np.array([count])
    if image:  # :296-300 keepdims (1, C, 1, 1), then :536-541 /255 and squeeze -> (C, 1, 1)
        s = {k: v if k == "count" else v.reshape(-1, 1, 1) / 255.0 for k, v in s.items()}
    return s


def feature_stats_v21(array, image=False):
    """v0.3.3 compute_stats.py:75-107."""
    axis = (0, 2, 3) if image else 0
    keep = image or array.ndim == 1
    s = {"min": np.min(array, axis=axis, keepdims=keep), "max": np.max(array, axis=axis, keepdims=keep),
         "mean": np.mean(array, axis=axis, keepdims=keep), "std": np.std(array, axis=axis, keepdims=keep),
         "count": np.array([len(array)])}
    if image:
        s = {k: v if k == "count" else np.squeeze(v / 255.0, axis=0) for k, v in s.items()}
    return s


def aggregate(stats_list, quantiles):
    """aggregate_feature_stats (compute_stats.py:581-625; v0.3.3 :126-152 without quantiles)."""
    means = np.stack([s["mean"] for s in stats_list])
    variances = np.stack([s["std"] ** 2 for s in stats_list])
    counts = np.stack([s["count"] for s in stats_list])
    total = counts.sum(axis=0)
    while counts.ndim < means.ndim:
        counts = np.expand_dims(counts, axis=-1)
    mean = (means * counts).sum(axis=0) / total
    var = ((variances + (means - mean) ** 2) * counts).sum(axis=0) / total
    out = {"min": np.min(np.stack([s["min"] for s in stats_list]), axis=0),
           "max": np.max(np.stack([s["max"] for s in stats_list]), axis=0),
           "mean": mean, "std": np.sqrt(var), "count": total}
    if quantiles:
        for k in QKEYS:
            v = np.stack([s[k] for s in stats_list])
            out[k] = np.min(v, axis=0) if int(k[1:]) <= 50 else np.max(v, axis=0)
    return out


def sample_indices(n):
    """compute_stats.py:204-226 estimate_num_samples + sample_indices."""
    lo = n if n < 100 else 100
    num = max(lo, min(int(n ** 0.75), 10_000))
    return np.round(np.linspace(0, n - 1, num)).astype(int).tolist()


def downsample(img):
    """compute_stats.py:229-237 auto_downsample_height_width on (C, H, W)."""
    _, h, w = img.shape
    if max(w, h) < 300:
        return img
    f = int(w / 150) if w > h else int(h / 150)
    return img[:, ::f, ::f]


def sampled_images(frames):
    """compute_stats.py:240-255 on the episode's frames (N, H, W, 3) uint8, channel first."""
    return np.stack([downsample(np.transpose(frames[i], (2, 0, 1))) for i in sample_indices(len(frames))])
