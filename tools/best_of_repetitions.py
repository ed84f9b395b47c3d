#!/usr/bin/env python3
"""Reads a Google Benchmark JSON file (--benchmark_out) and takes, for each
benchmark, its fastest repetition: the statistic tools/bench.sh also takes of
ABC (best of several runs), so that the two sides compare alike.

    tools/best_of_repetitions.py FILE.json
        prints every benchmark's fastest repetition, one line each
    tools/best_of_repetitions.py FILE.json NAME FIELD
        prints one number: FIELD of NAME's fastest repetition, where FIELD is
        real_time or cpu_time (in seconds) or a counter (ands_per_second,
        bytes_per_node, ...), and NAME is a run name (BM_WallaceMultiplier256,
        deltanet_scan/256/iterations:1) or a unique prefix of one

A benchmark run without repetitions has one run, which is its fastest.
"""
import json
import sys

SECONDS_PER_UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def fastest_repetitions(path: str) -> dict[str, dict]:
    """Run name -> the iteration run with the least real time."""
    with open(path, encoding="utf-8") as file:
        report = json.load(file)
    fastest: dict[str, dict] = {}
    for run in report["benchmarks"]:
        if run.get("run_type", "iteration") != "iteration" or run.get("error_occurred"):
            continue
        name = run.get("run_name", run["name"])
        if name not in fastest or run["real_time"] < fastest[name]["real_time"]:
            fastest[name] = run
    return fastest


def field_value(run: dict, field: str) -> float:
    if field in ("real_time", "cpu_time"):
        return run[field] * SECONDS_PER_UNIT[run["time_unit"]]
    if field not in run:
        raise KeyError(f"{run['name']} has no field {field}")
    return float(run[field])


def find_run(fastest: dict[str, dict], name: str) -> dict:
    if name in fastest:
        return fastest[name]
    matches = [run_name for run_name in fastest if run_name.startswith(name)]
    if len(matches) != 1:
        raise KeyError(f"{name} names {len(matches)} benchmarks of {sorted(fastest)}")
    return fastest[matches[0]]


def main() -> int:
    if len(sys.argv) not in (2, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    fastest = fastest_repetitions(sys.argv[1])
    if len(sys.argv) == 4:
        try:
            print(f"{field_value(find_run(fastest, sys.argv[2]), sys.argv[3]):.9g}")
        except KeyError as error:
            print(f"best_of_repetitions: {error.args[0]}", file=sys.stderr)
            return 2
        return 0
    repetition_counts: dict[str, int] = {}
    with open(sys.argv[1], encoding="utf-8") as file:
        for run in json.load(file)["benchmarks"]:
            if run.get("run_type", "iteration") == "iteration":
                name = run.get("run_name", run["name"])
                repetition_counts[name] = repetition_counts.get(name, 0) + 1
    for name, best in fastest.items():
        line = f"{name}: best of {repetition_counts[name]}: {best['real_time']:.2f} {best['time_unit']}"
        if "ands_per_second" in best:
            line += f", {best['ands_per_second'] / 1e6:.2f} M ANDs/s"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
