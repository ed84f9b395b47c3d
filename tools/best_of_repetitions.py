#!/usr/bin/env python3
"""Prints, for every benchmark in a Google Benchmark JSON file written with
--benchmark_repetitions, its fastest repetition: the statistic tools/bench.sh
also takes of ABC (best of five runs), so that the two sides compare alike.

    tools/best_of_repetitions.py FILE.json
"""
import json
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as file:
        report = json.load(file)
    repetitions: dict[str, list[dict]] = {}
    for run in report["benchmarks"]:
        if run.get("run_type") == "iteration":
            repetitions.setdefault(run["run_name"], []).append(run)
    for name, runs in repetitions.items():
        best = min(runs, key=lambda run: run["real_time"])
        line = f"{name}: best of {len(runs)}: {best['real_time']:.2f} {best['time_unit']}"
        if "ands_per_second" in best:
            line += f", {best['ands_per_second'] / 1e6:.2f} M ANDs/s"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
