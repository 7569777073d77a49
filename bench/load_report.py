"""Tables of a ``bench/load.sh`` run: latency per request type, errors, throughput, RSS.

    .venv/bin/python bench/load_report.py /tmp/chidao-load --repeats 3 --run 60

Reads ``mix-N.json`` / ``baseline-N.json`` (latencies the locustfile recorded after the
warm-up), ``rss-N.txt`` (VmHWM of each gunicorn worker after the mix) and ``*.load``
(``/proc/loadavg`` at the end of each run). Percentiles are nearest-rank over all the
requests of one run; each cell gives the median over the repeats and [min–max]. Exits
1 when a run recorded nothing (the benchmark broke) and, with ``--fail-on-errors``, when
any request failed.
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

TARGETS = {"page": 150.0, "api": 50.0}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100 * len(ordered)) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def summarise(requests: list, run: float) -> dict[str, dict]:
    """Per name, and for the groups "all pages", "all API" and "all": count, errors, p50/95/99."""
    groups: dict[str, list] = {}
    for name, ms, failed, _when in requests:
        if name == "sign-in":
            continue
        keys = [name, "all"]
        if name.startswith("page:"):
            keys.append("all pages")
        elif name.startswith("api:"):
            keys.append("all API")
        for key in keys:
            groups.setdefault(key, []).append((ms, failed))
    result = {}
    for key, rows in groups.items():
        times = [ms for ms, _failed in rows]
        result[key] = {
            "count": len(rows),
            "per_s": len(rows) / run,
            "errors": sum(failed for _ms, failed in rows),
            "p50": percentile(times, 0.50),
            "p95": percentile(times, 0.95),
            "p99": percentile(times, 0.99),
        }
    return result


def cell(values: list[float], digits: int = 0) -> str:
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:,.{digits}f}"
    return f"{median:,.{digits}f} [{min(values):,.{digits}f}–{max(values):,.{digits}f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--run", type=float, default=60, help="Measured seconds per run.")
    parser.add_argument("--fail-on-errors", action="store_true")
    parser.add_argument(
        "--partial",
        action="store_true",
        help="Leave out, with a note, a repeat whose run recorded nothing instead of failing.",
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="The runs had no /healthz baseline."
    )
    args = parser.parse_args()

    runs: dict[str, list[dict]] = {"mix": []} if args.no_baseline else {"mix": [], "baseline": []}
    loads: dict[str, list[str]] = {"mix": [], "baseline": []}
    rss: list[list[int]] = []
    for i in range(1, args.repeats + 1):
        for kind in runs:
            path = args.out / f"{kind}-{i}.json"
            if not path.exists():
                print(f"FAIL: {path} missing (see {kind}-{i}.log)", file=sys.stderr)
                return 1
            summary = summarise(json.loads(path.read_text())["requests"], args.run)
            if not summary.get("all", {}).get("count"):
                if args.partial:
                    print(f"note: {path.name} recorded no request; left out")
                    continue
                print(f"FAIL: {path} recorded no request", file=sys.stderr)
                return 1
            runs[kind].append(summary)
            load = args.out / f"{kind}-{i}.load"
            loads[kind].append(load.read_text().split()[0] if load.exists() else "?")
        rss_path = args.out / f"rss-{i}.txt"
        if rss_path.exists():
            rss.append([int(line.split()[1]) for line in rss_path.read_text().splitlines()])

    names = sorted(
        {name for summary in runs["mix"] for name in summary},
        key=lambda n: (n.startswith("all"), n),
    )
    print(f"{args.repeats} repeat(s) of {args.run:.0f} s measured; median [min–max] over repeats")
    print("load average (1 min) at the end of each mix run:", ", ".join(loads["mix"]))
    print()
    print("| request | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in [*names, "baseline: /healthz"]:
        kind = "baseline" if name.startswith("baseline") else "mix"
        rows = [summary[name] for summary in runs.get(kind, []) if name in summary]
        if not rows:
            continue
        errors = sum(r["errors"] for r in rows)
        total = sum(r["count"] for r in rows)
        print(
            f"| {name} | {cell([r['per_s'] for r in rows], 1)} | "
            f"{cell([r['p50'] for r in rows])} | {cell([r['p95'] for r in rows])} | "
            f"{cell([r['p99'] for r in rows])} | {errors} / {total:,} |"
        )
    mix = [summary["all"]["per_s"] for summary in runs["mix"]]
    base = [summary["all"]["per_s"] for summary in runs.get("baseline", [])]
    print()
    if base:
        ratios = [m / b for m, b in zip(mix, base, strict=False)]
        print(
            f"throughput: mix {cell(mix, 1)} req/s, baseline {cell(base, 1)} req/s, "
            f"mix ÷ baseline {cell([100 * r for r in ratios])} % (same repeat)"
        )
    else:
        print(f"throughput: mix {cell(mix, 1)} req/s (no baseline run)")
    errors = sum(summary["all"]["errors"] for kind in runs for summary in runs[kind])
    total = sum(summary["all"]["count"] for kind in runs for summary in runs[kind])
    print(f"errors: {errors} of {total:,} requests ({100 * errors / total:.2f} %)")
    if rss:
        peaks = [max(kb) / 1024 for kb in rss]
        print(
            f"peak RSS (VmHWM) of the largest worker: {cell(peaks)} MB; "
            f"all workers, all repeats: {min(min(kb) for kb in rss) / 1024:.0f}–"
            f"{max(peaks):.0f} MB ({len(rss[0])} workers)"
        )
    for group, key in (("all pages", "page"), ("all API", "api")):
        p95 = [summary[group]["p95"] for summary in runs["mix"] if group in summary]
        if p95:
            verdict = "met" if statistics.median(p95) <= TARGETS[key] else "MISSED"
            print(f"target p95 {group} ≤ {TARGETS[key]:.0f} ms: {verdict} ({cell(p95)} ms)")
    if args.fail_on_errors and errors:
        print(f"FAIL: {errors} request(s) failed; see the *.log files", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
