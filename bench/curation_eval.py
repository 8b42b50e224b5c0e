#!/usr/bin/env python3
"""Curation figures (issue #18 "Must show"), printed as tables:
  1. boundary suggestions vs truth.json task boundaries on samples of seeds 1-10, clean and with
     jitter + dropouts + pauses: F1 at +-0.25 s, median |dt| of matched boundaries, F1 at 5 % of the
     mean task length and at GEBD's Rel.Dis 0.05 (5 % of the recording), against a uniform split and a
     random baseline that are told the true number of boundaries;
  2. integrity: injected frame drops, duplicates, IMU gaps, dropouts and offsets found (exact ranges)
     and false alarms on clean samples;
  3. metrics: Spearman of the combined score against 10 increasing degradation levels, and per metric
     the AUROC of clean vs degraded after regressing out duration (linear, on durations drawn 10-30 s).
Usage: bench/curation_eval.py [--cli PATH] [--work DIR] [--quick]
"""
import argparse, json, os, random, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cli, *args):
    p = subprocess.run([cli, *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join([cli, *args])} failed ({p.returncode}): {p.stderr.strip()}")
    return p.stdout


def sample(cli, folder, seed, duration=20, extra=()):
    if not os.path.exists(os.path.join(folder, "recording.json")):
        run(cli, "sample", folder, "--duration", str(duration), "--size", "256x192", "--seed", str(seed), *extra)
    with open(os.path.join(folder, "truth.json")) as f:
        return json.load(f)


def truth_boundaries(truth):
    return sorted({t[k] for t in truth["tasks"] for k in ("start_ns", "end_ns")})


def match(pred, truth, tol_ns):
    """One-to-one greedy matching by distance; returns (tp, fp, fn, [|dt| ns])."""
    pairs = sorted((abs(p - t), i, j) for i, p in enumerate(pred) for j, t in enumerate(truth) if abs(p - t) <= tol_ns)
    used_p, used_t, dts = set(), set(), []
    for d, i, j in pairs:
        if i in used_p or j in used_t:
            continue
        used_p.add(i)
        used_t.add(j)
        dts.append(d)
    tp = len(dts)
    return tp, len(pred) - tp, len(truth) - tp, dts


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def evaluate(rows, tol):
    """rows: list of (pred, truth, tol_ns or None); tol: callable(truth_row) -> ns."""
    tp = fp = fn = 0
    dts = []
    for pred, truth, meta in rows:
        a, b, c, d = match(pred, truth, tol(meta))
        tp, fp, fn = tp + a, fp + b, fn + c
        dts += d
    return f1(tp, fp, fn), (statistics.median(dts) / 1e6 if dts else float("nan")), tp, fp, fn


def boundary_table(cli, work, seeds, label, extra, threshold):
    methods = {"tacit suggestions": [], "uniform split (K known)": [], "random (K known, 20 draws)": []}
    for seed in seeds:
        folder = os.path.join(work, f"{label}-{seed}")
        truth = sample(cli, folder, seed, 20, extra)
        tb = truth_boundaries(truth)
        lengths = [t["end_ns"] - t["start_ns"] for t in truth["tasks"]]
        meta = {"task_len": sum(lengths) / len(lengths), "rec_len": truth["end_ns"] - truth["start_ns"]}
        out = json.loads(run(cli, "curate", "suggest", folder, "--json", "--min-confidence", str(threshold)))
        methods["tacit suggestions"].append(([s["t_ns"] for s in out["suggestions"]], tb, meta))
        k = len(tb)
        a, b = truth["start_ns"], truth["end_ns"]
        methods["uniform split (K known)"].append(([a + (b - a) * (i + 1) // (k + 1) for i in range(k)], tb, meta))
        rng = random.Random(seed)
        for _ in range(20):
            methods["random (K known, 20 draws)"].append((sorted(rng.randint(a, b) for _ in range(k)), tb, meta))
    print(f"\nBoundary suggestions, {label} samples, seeds {seeds[0]}-{seeds[-1]} (confidence >= {threshold}):")
    print(f"  {'method':28s} {'F1@0.25s':>9s} {'med|dt| ms':>11s} {'TP/FP/FN':>12s} {'F1@5%task':>10s} {'F1@RelDis0.05':>14s}")
    result = {}
    for name, rows in methods.items():
        F, med, tp, fp, fn = evaluate(rows, lambda m: 250_000_000)
        F5, _, _, _, _ = evaluate(rows, lambda m: 0.05 * m["task_len"])
        Fg, _, _, _, _ = evaluate(rows, lambda m: 0.05 * m["rec_len"])
        print(f"  {name:28s} {F:9.3f} {med:11.1f} {f'{tp}/{fp}/{fn}':>12s} {F5:10.3f} {Fg:14.3f}")
        result[name] = (F, med)
    return result


def integrity_table(cli, work, seeds):
    missed = found = false_alarms = 0
    details = []
    for seed in seeds:
        clean = os.path.join(work, f"clean-{seed}")
        sample(cli, clean, seed, 20)
        rep = json.loads(run(cli, "curate", "integrity", clean, "--json"))
        extra = [i for i in rep["issues"] if i["kind"] != "tracking_dropout"]
        drops = [i for i in rep["issues"] if i["kind"] == "tracking_dropout"]
        false_alarms += len(extra) + max(0, len(drops) - 1)  # the sample has one built-in dropout
        folder = os.path.join(work, f"broken-{seed}")
        truth = sample(cli, folder, seed, 12, ["--frame-drops", "3", "--duplicate-frames", "2", "--imu-gaps", "3",
                                              "--dropouts", "2", "--clock-offset", "imu:40"])
        rep = json.loads(run(cli, "curate", "integrity", folder, "--json"))
        d = truth["degradation"]
        issues = rep["issues"]
        def take(pred):
            nonlocal missed, found
            hit = [i for i in issues if pred(i)]
            if hit:
                found += 1
                issues.remove(hit[0])
            else:
                missed += 1
        for x in d["dropped_frames"]:
            take(lambda i, x=x: i["kind"] == "dropped_frames" and i["first"] == x["after_frame"] and i["count"] == x["missing"])
        for x in d["duplicated_frames"]:
            take(lambda i, x=x: i["kind"] == "duplicate_frames" and i["last"] == x["frame"])
        for x in d["imu_gaps"]:
            take(lambda i, x=x: i["kind"] == "gap" and i["stream"] == "imu" and i["first"] == x["after_file_row"]
                 and i["count"] == x["missing"])
        for x in d["tracking_dropouts"]:
            take(lambda i, x=x: i["kind"] == "tracking_dropout" and i["hand"] == x["hand"] and i["first"] == x["first_row"]
                 and i["last"] == x["last_row"])
        take(lambda i: i["kind"] == "clock_offset" and i["reference"] == "trajectory" and abs(i["offset_ms"] - 40) < 2)
        leftover = [i for i in issues if i["kind"] not in ("tracking_dropout", "clock_offset")]
        false_alarms += len(leftover)
        details += [i["message"] for i in leftover]
    print(f"\nIntegrity, seeds {seeds[0]}-{seeds[-1]}: injected problems found with exact ranges {found}/{found + missed}, "
          f"missed {missed}, false alarms {false_alarms} (clean and broken samples)")
    for m in details[:10]:
        print("   unexpected:", m)


def spearman(x, y):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        for rank, i in enumerate(order):
            r[i] = rank
        return r
    rx, ry = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    return cov / ((sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5)


def auroc(pos, neg):
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def grant_consent(cli, proj, folders):
    """Pixel metrics need the worker's consent (docs/curation.md)."""
    for f in folders:
        with open(os.path.join(f, "recording.json")) as fh:
            rec = json.load(fh)
        run(cli, "consent", "grant", proj, "--recording", rec["id"], "--by", "Sample Worker", "--scope", "model_training")


def project_metrics(cli, work, name, folders):
    proj = os.path.join(work, name + ".tacit")
    if os.path.exists(proj):
        os.remove(proj)
    run(cli, "project", "create", proj)
    run(cli, "project", "add", proj, *folders)
    grant_consent(cli, proj, folders)
    q = json.loads(run(cli, "curate", "queue", proj, "--json", "--all"))
    return {os.path.basename(i["path"]): i for i in q["items"]}


def metrics_tables(cli, work, quick):
    levels = list(range(10))
    folders = []
    for lv in levels:
        f = os.path.join(work, f"level-{lv}")
        sample(cli, f, 100 + lv, 20, ["--degrade", str(lv)] if lv else [])
        folders.append(f)
    items = project_metrics(cli, work, "levels", folders)
    scores = [items[f"level-{lv}"]["combined"] for lv in levels]
    print("\nMetrics: combined score on 10 samples of increasing degradation (--degrade 0..9, seeds 100-109):")
    print("  level  " + " ".join(f"{lv:6d}" for lv in levels))
    print("  score  " + " ".join(f"{s:6.2f}" for s in scores))
    print(f"  Spearman(level, combined score) = {spearman(levels, scores):.3f}")

    n = 6 if quick else 12
    rng = random.Random(7)
    rows = []
    for k in range(2 * n):
        degraded = k % 2 == 1
        dur = round(rng.uniform(10, 30), 1)
        f = os.path.join(work, f"auc-{k}")
        sample(cli, f, 200 + k, dur, ["--degrade", "5"] if degraded else [])
        rows.append((f, degraded))
    items = project_metrics(cli, work, "auroc", [f for f, _ in rows])
    from_catalogue = [m for m in items[os.path.basename(rows[0][0])]["metrics"].keys()]
    print(f"\nMetrics: clean (level 0) vs degraded (level 5), {n} + {n} samples, durations 10-30 s; AUROC of each "
          "metric after regressing out duration (1.0 = separates perfectly; 0.5 = chance):")
    print(f"  {'metric':20s} {'AUROC raw':>10s} {'AUROC resid':>12s} {'r(duration)':>12s}")
    worse_lower = {"path_efficiency", "ldlj", "sparc", "sharpness"}
    for m in ["duration_s"] + [x for x in from_catalogue if x != "duration_s"]:
        vals, durs, labels = [], [], []
        for f, deg in rows:
            it = items[os.path.basename(f)]
            v = it["duration_s"] if m == "duration_s" else it["metrics"].get(m)
            if v is None:
                continue
            vals.append(-v if m in worse_lower else v)
            durs.append(it["duration_s"])
            labels.append(deg)
        if len(set(labels)) < 2 or len(set(vals)) < 2:
            print(f"  {m:20s} {'n/a':>10s}")
            continue
        md, mv = statistics.mean(durs), statistics.mean(vals)
        sxx = sum((d - md) ** 2 for d in durs)
        beta = sum((d - md) * (v - mv) for d, v in zip(durs, vals)) / sxx
        resid = [v - mv - beta * (d - md) for d, v in zip(durs, vals)]
        raw = auroc([v for v, l in zip(vals, labels) if l], [v for v, l in zip(vals, labels) if not l])
        res = auroc([v for v, l in zip(resid, labels) if l], [v for v, l in zip(resid, labels) if not l])
        r = sum((d - md) * (v - mv) for d, v in zip(durs, vals)) / (sxx * sum((v - mv) ** 2 for v in vals)) ** 0.5
        print(f"  {m:20s} {raw:10.3f} {res:12.3f} {r:12.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.environ.get("TACIT_CLI", os.path.join(ROOT, "build/app/cli/tacit-cli")))
    ap.add_argument("--work", default=None)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", default="", help="boundaries, integrity or metrics")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="tacit-curation-eval.")
    os.makedirs(work, exist_ok=True)
    print(f"work folder: {work}")
    seeds = list(range(1, 11))
    if a.only in ("", "boundaries"):
        boundary_table(a.cli, work, seeds, "clean", [], a.threshold)
        boundary_table(a.cli, work, seeds, "jitter+dropouts+pauses", ["--jitter", "1.5", "--dropouts", "3", "--pauses", "2"],
                       a.threshold)
    if a.only in ("", "integrity"):
        integrity_table(a.cli, work, seeds)
    if a.only in ("", "metrics"):
        metrics_tables(a.cli, work, a.quick)


if __name__ == "__main__":
    main()
