"""LeRobot's load path re-implemented over the independent Parquet reader (tests/js) and ffprobe:
LeRobotDataset of lerobot 7427f31 (codebase v3.0) and of tag v0.3.3 (codebase v2.1; current lerobot
refuses v2.1). Paths are relative to src/lerobot/datasets/. Statistics are recomputed the way lerobot
computes them (lerobot_stats.py) and must equal ours."""
import glob
import json
import os
import subprocess

import numpy as np

import lerobot_stats as ls
from common import read_parquet, scan_json_file, scan_parquet_rows

TOLERANCE_S = 1e-4  # lerobot_dataset.py:55 tolerance_s
LOW_DIM = {"observation.state": np.float32, "action": np.float32, "timestamp": np.float32,
           "frame_index": np.int64, "episode_index": np.int64, "index": np.int64, "task_index": np.int64}


def video_frame_times(path, cache={}):
    """Presentation times of every frame, as PyAV yields them (video_utils.py:164-177: pts * time_base)."""
    if path not in cache:
        out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                              "stream=time_base:frame=pts", "-of", "json", path], capture_output=True, text=True,
                             check=True)
        j = json.loads(out.stdout)
        num, den = (int(x) for x in j["streams"][0]["time_base"].split("/"))
        cache[path] = np.array(sorted(int(f["pts"]) * num / den for f in j["frames"]))
    return cache[path]


def check_frames(c, video, query_ts, expected_frames, where, what):
    """video_utils.py:186-196 (and v0.3.3 the same): the nearest decoded frame within tolerance_s,
    and it is the episode's frame."""
    times = video_frame_times(video)
    q = np.asarray(query_ts, dtype=np.float64)
    nearest = np.abs(q[:, None] - times[None, :]).argmin(axis=1)
    dist = np.abs(times[nearest] - q)
    c.check(bool((dist <= TOLERANCE_S).all()), where, f"{what}: query timestamps {dist.max():.6f} s from a frame")
    c.check(nearest.tolist() == list(expected_frames), where, f"{what}: decodes frames {nearest[:3]}.. not "
            f"{list(expected_frames)[:3]}..")


def compare_stats(c, ours, theirs, where, what, quantiles):
    keys = ["min", "max", "mean", "std"] + (ls.QKEYS if quantiles else [])
    for k in keys:
        c.close(np.asarray(ours[k], dtype=np.float64).reshape(np.shape(theirs[k])), theirs[k], where, f"{what} {k}")
    c.check(int(np.ravel(ours["count"])[0]) == int(np.ravel(theirs["count"])[0]), where, f"{what} count")


def episode_arrays(rows):
    return {k: np.array([r[k] for r in rows], dtype=t) for k, t in LOW_DIM.items()}


def image_stats(frames, v3):
    """The episode's image statistics from its exact frames (the robomimic export of the same project at
    the same size). The sampled frames are uint8 (compute_stats.py:243-252): v3 promotes them to float32
    (compute_stats.py:64), v0.3.3's np.mean/np.std on uint8 accumulate in float64."""
    imgs = ls.sampled_images(frames)
    return ls.feature_stats_v3(imgs, image=True) if v3 else ls.feature_stats_v21(imgs.astype(np.float64), image=True)


def check_v3(c, root, frames_by_episode):
    info = json.load(open(os.path.join(root, "meta/info.json")))  # io_utils.py:124-134
    c.check(info["codebase_version"] == "v3.0", "utils.py:346-377", f"codebase_version {info['codebase_version']}")
    for k in ("fps", "features"):  # utils.py:166-168 (required DatasetInfo fields)
        c.check(k in info, "utils.py:166-168", f"info.json lacks {k}")
    c.check(info["fps"] > 0 and info["chunks_size"] > 0 and info["data_files_size_in_mb"] > 0 and
            info["video_files_size_in_mb"] > 0, "utils.py:198-205", "info.json limits must be positive")
    video_keys = [k for k, f in info["features"].items() if f["dtype"] == "video"]
    tasks = read_parquet(os.path.join(root, "meta/tasks.parquet"))  # io_utils.py:184-187 (index = task text)
    scan_parquet_rows(c, "meta/tasks.parquet", tasks)
    task_text = {r["task_index"]: r["__index_level_0__"] for r in tasks["rows"]}
    c.check(json.loads(tasks["metadata"]["pandas"])["index_columns"] == ["__index_level_0__"], "io_utils.py:185",
            "tasks.parquet has no pandas index")
    episodes = []
    for p in sorted(glob.glob(os.path.join(root, "meta/episodes/*/*.parquet"))):  # io_utils.py:75, 212-218
        t = read_parquet(p)
        scan_parquet_rows(c, p, t)
        episodes += t["rows"]
    c.check([e["episode_index"] for e in episodes] == list(range(info["total_episodes"])), "dataset_metadata.py:328",
            "episodes are not 0..total_episodes-1 in order")
    rows = []
    for p in sorted(glob.glob(os.path.join(root, "data/*/*.parquet"))):  # io_utils.py:75-82 load_nested_dataset
        t = read_parquet(p)
        scan_parquet_rows(c, p, t)
        hf = json.loads(t["metadata"]["huggingface"])["info"]["features"]
        for k, f in info["features"].items():  # feature_utils.py:44-85 get_hf_features_from_features
            if f["dtype"] != "video":
                c.check(k in hf and k in t["rows"][0], "feature_utils.py:68-73", f"{p}: column {k}")
        rows += t["rows"]
    c.check(len(rows) == info["total_frames"], "dataset_reader.py:153-157", "rows != total_frames")
    abs_to_rel = {r["index"]: i for i, r in enumerate(rows)}  # dataset_reader.py:145-150 (unique, strict)
    c.check(len(abs_to_rel) == len(rows), "dataset_reader.py:150", "index column is not unique")
    stats_json = json.load(open(os.path.join(root, "meta/stats.json")))  # io_utils.py:161-175
    per_episode = {}
    for e in episodes:
        ep = e["episode_index"]
        mine = [rows[abs_to_rel[i]] for i in range(e["dataset_from_index"], e["dataset_to_index"])]  # :245-246
        c.check(len(mine) == e["length"] and all(r["episode_index"] == ep for r in mine), "dataset_reader.py:240-257",
                f"episode {ep}: rows [{e['dataset_from_index']}, {e['dataset_to_index']})")
        data_file = info["data_path"].format(chunk_index=e["data/chunk_index"], file_index=e["data/file_index"])
        c.check(os.path.exists(os.path.join(root, data_file)), "dataset_metadata.py:329-332", f"{data_file} missing")
        for vk in video_keys:  # dataset_metadata.py:354-358, dataset_reader.py:300-313
            video = os.path.join(root, info["video_path"].format(video_key=vk, chunk_index=e[f"videos/{vk}/chunk_index"],
                                                                 file_index=e[f"videos/{vk}/file_index"]))
            c.check(os.path.exists(video), "dataset_reader.py:213-218", f"{video} missing")
            if not os.path.exists(video):
                continue
            start = e[f"videos/{vk}/from_timestamp"]
            first = int(round(start * info["fps"]))
            check_frames(c, video, [start + r["timestamp"] for r in mine], range(first, first + len(mine)),
                         "dataset_reader.py:303-309", f"episode {ep}")
        for r in mine:  # dataset_reader.py:376-377 item["task"] = tasks.iloc[task_index].name
            c.check(r["task_index"] in task_text, "dataset_reader.py:377", f"task_index {r['task_index']}")
        arrays = episode_arrays(mine)
        stats = {k: ls.feature_stats_v3(v) for k, v in arrays.items()}  # compute_stats.py:487-543
        for k, s in stats.items():
            ours = {q: e[f"stats/{k}/{q}"] for q in ["min", "max", "mean", "std", "count"] + ls.QKEYS}
            compare_stats(c, ours, s, "compute_stats.py:487-543", f"episode {ep} {k}", True)
        if frames_by_episode is not None:
            stats[video_keys[0]] = image_stats(frames_by_episode[ep], True)
        per_episode[ep] = stats
    # meta/stats.json = aggregate_stats of the episodes' stats (compute_stats.py:628-649)
    for k in LOW_DIM:
        agg = ls.aggregate([per_episode[e][k] for e in sorted(per_episode)], True)
        compare_stats(c, stats_json[k], agg, "compute_stats.py:581-625", f"stats.json {k}", True)
    for vk in video_keys:
        s = stats_json[vk]
        c.check(np.shape(s["mean"]) == (3, 1, 1), "compute_stats.py:560-563", f"{vk} stats shape {np.shape(s['mean'])}")
        if frames_by_episode is not None:
            agg = ls.aggregate([per_episode[e][vk] for e in sorted(per_episode)], True)
            compare_stats(c, s, agg, "compute_stats.py:523-541, 581-625", f"stats.json {vk}", True)
    for p in ("meta/info.json", "meta/stats.json"):
        scan_json_file(c, os.path.join(root, p))
    c.facts["lerobot_v3"] = {"episodes": len(episodes), "frames": len(rows),
                             "data_files": len(glob.glob(os.path.join(root, "data/*/*.parquet"))),
                             "video_files": len(glob.glob(os.path.join(root, "videos/*/*/*.mp4")))}


def check_v21(c, root, frames_by_episode):
    info = json.load(open(os.path.join(root, "meta/info.json")))  # v0.3.3 utils.py:176-180
    c.check(info["codebase_version"] == "v2.1", "v0.3.3 utils.py:283-300", f"codebase_version {info['codebase_version']}")
    load = lambda p: [json.loads(l) for l in open(os.path.join(root, p)) if l.strip()]
    tasks = {t["task_index"]: t["task"] for t in load("meta/tasks.jsonl")}  # v0.3.3 utils.py:208-212
    episodes = {e["episode_index"]: e for e in load("meta/episodes.jsonl")}  # v0.3.3 utils.py:219-221
    ep_stats = {e["episode_index"]: e["stats"] for e in load("meta/episodes_stats.jsonl")}  # v0.3.3 utils.py:231-236
    for p in ("meta/info.json", "meta/stats.json", "meta/episodes_stats.jsonl"):
        scan_json_file(c, os.path.join(root, p))
    video_keys = [k for k, f in info["features"].items() if f["dtype"] == "video"]
    # v0.3.3 compute_stats.py:110-123 _assert_type_and_shape, then lerobot_dataset.py:112-113 (the stats
    # lerobot 0.3.3 uses are the aggregate of episodes_stats.jsonl, not stats.json)
    for ep, s in ep_stats.items():
        for k, fs in s.items():
            c.check(np.shape(fs["count"]) == (1,), "v0.3.3 compute_stats.py:120-121", f"episode {ep} {k} count shape")
            if "image" in k:
                c.check(all(np.shape(fs[q]) == (3, 1, 1) for q in fs if q != "count"), "v0.3.3 compute_stats.py:122-123",
                        f"episode {ep} {k} shape")
    rows = []
    for p in sorted(glob.glob(os.path.join(root, "data/*/*.parquet"))):  # lerobot_dataset.py:599-601
        t = read_parquet(p)
        scan_parquet_rows(c, p, t)
        rows += t["rows"]
    lengths = [episodes[e]["length"] for e in sorted(episodes)]  # v0.3.3 utils.py:497-508 get_episode_data_index
    to = np.cumsum(lengths)
    frm = np.concatenate([[0], to[:-1]])
    c.check(len(rows) == int(to[-1]) == info["total_frames"], "v0.3.3 utils.py:504-508", "rows != episode lengths")
    ts = np.array([r["timestamp"] for r in rows], dtype=np.float32)
    epi = np.array([r["episode_index"] for r in rows])
    # v0.3.3 utils.py:511-555 check_timestamps_sync
    diffs = np.diff(ts)
    ok = np.abs(diffs - 1.0 / info["fps"]) <= TOLERANCE_S
    mask = np.ones(len(diffs), dtype=bool)
    mask[to[:-1] - 1] = False
    c.check(bool(np.all(ok[mask])), "v0.3.3 utils.py:544-555", "timestamps are not 1/fps apart within tolerance")
    per_episode = {}
    for ep in sorted(episodes):
        mine = rows[frm[ep]:to[ep]]
        c.check(all(r["episode_index"] == ep for r in mine), "v0.3.3 lerobot_dataset.py:647-648", f"episode {ep} rows")
        chunk = ep // info["chunks_size"]  # v0.3.3 lerobot_dataset.py:144-145
        data_file = info["data_path"].format(episode_chunk=chunk, episode_index=ep)
        c.check(os.path.exists(os.path.join(root, data_file)), "v0.3.3 lerobot_dataset.py:134-137", data_file)
        for vk in video_keys:  # v0.3.3 lerobot_dataset.py:139-142, 683-695: the item's own timestamp
            video = os.path.join(root, info["video_path"].format(episode_chunk=chunk, video_key=vk, episode_index=ep))
            c.check(os.path.exists(video), "v0.3.3 lerobot_dataset.py:479", f"{video} missing")
            if os.path.exists(video):
                check_frames(c, video, [r["timestamp"] for r in mine], range(len(mine)),
                             "v0.3.3 lerobot_dataset.py:692", f"episode {ep}")
        for r in mine:
            c.check(r["task_index"] in tasks, "v0.3.3 lerobot_dataset.py:730", f"task_index {r['task_index']}")
        stats = {k: ls.feature_stats_v21(v) for k, v in episode_arrays(mine).items()}
        if frames_by_episode is not None:
            stats[video_keys[0]] = image_stats(frames_by_episode[ep], False)
        for k, s in stats.items():
            compare_stats(c, ep_stats[ep][k], s, "v0.3.3 compute_stats.py:85-107", f"episode {ep} {k}", False)
        per_episode[ep] = stats
    stats_json = json.load(open(os.path.join(root, "meta/stats.json")))
    used = {k: ls.aggregate([{q: np.asarray(v) for q, v in ep_stats[e][k].items()} for e in sorted(ep_stats)], False)
            for k in ep_stats[0]}  # v0.3.3 lerobot_dataset.py:113 + compute_stats.py:126-176
    for k, s in used.items():
        compare_stats(c, stats_json[k], s, "v0.3.3 lerobot_dataset.py:113", f"stats.json {k}", False)
    c.facts["lerobot_v21"] = {"episodes": len(episodes), "frames": len(rows), "chunks": int(len(episodes) - 1) //
                              info["chunks_size"] + 1}
