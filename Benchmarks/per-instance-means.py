#!/usr/bin/env python3
"""LastMile against PyVRP instance by instance, over several seeds, from `run_peers.py` records.

One run per instance lands where its seed and the machine's timing take it: at 1 s, PyVRP's gap on Solomon RC208
ranged from 0.97 to 2.82 % over seeds 1–8, and a rule such as "no instance more than 0.3 points behind PyVRP" then
judges two draws rather than two solvers. This prints, per objective, each solver's mean gap over the instances
(each instance first averaged over its seeds), the instances whose mean over the seeds is more than MARGIN points
above PyVRP's, and how many single (instance, seed) pairs are.

Usage: Benchmarks/per-instance-means.py RESULTS.jsonl… [--margin 0.3] [--solver lastmile] [--peer pyvrp]
(the records of `Benchmarks/solver-peers.sh` with SEEDS="1 2 3", of `run_peers.py --seed S` for several S, or of
`Benchmarks/mdvrptw-peers.py` run once per seed)
"""
import argparse
import json
import statistics
from collections import defaultdict


def gap(record: dict) -> float | None:
    """The record's gap to the best-known result in %: distance for the distance objective, else the harness's gap."""
    if not record.get("feasible"):
        return None
    if record.get("objective", "dist") == "dist" and "gap_dist_pct" in record:
        return record["gap_dist_pct"]
    return record.get("gap_pct")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", nargs="+")
    parser.add_argument("--margin", type=float, default=0.3, help="points behind the peer that count (default 0.3)")
    parser.add_argument("--solver", default="lastmile")
    parser.add_argument("--peer", default="pyvrp")
    args = parser.parse_args()

    # gaps[(objective, budget)][instance][solver][seed]
    gaps = defaultdict(lambda: defaultdict(lambda: defaultdict(dict)))
    for path in args.results:
        for line in open(path):
            if line.strip():
                record = json.loads(line)
                key = (record.get("objective", "dist"), record["budget_s"])
                gaps[key][record["instance"]][record["solver"]][record["seed"]] = gap(record)

    for (objective, budget), instances in sorted(gaps.items()):
        paired = {name: runs for name, runs in instances.items() if args.solver in runs and args.peer in runs}
        if not paired:
            continue
        print(f"## {objective}, {budget:g} s: {len(paired)} instances")
        means = {solver: [] for solver in (args.solver, args.peer)}
        behind, single_pairs, pairs, infeasible = [], 0, 0, []
        for name in sorted(paired):
            runs = paired[name]
            seeds = sorted(set(runs[args.solver]) & set(runs[args.peer]))
            if any(runs[args.solver][s] is None for s in seeds):
                infeasible.append(name)
            per_solver = {}
            for solver in means:
                values = [runs[solver][s] for s in seeds if runs[solver][s] is not None]
                per_solver[solver] = statistics.mean(values) if values else float("nan")
                means[solver].append(per_solver[solver])
            for s in seeds:
                ours, theirs = runs[args.solver][s], runs[args.peer][s]
                if ours is not None and theirs is not None:
                    pairs += 1
                    single_pairs += ours > theirs + args.margin
            if per_solver[args.solver] > per_solver[args.peer] + args.margin:
                behind.append(f"{name} ({per_solver[args.solver]:.2f} / {per_solver[args.peer]:.2f}, seeds {seeds})")
        ours, theirs = statistics.mean(means[args.solver]), statistics.mean(means[args.peer])
        print(f"- mean gap: {args.solver} {ours:.3f} %, {args.peer} {theirs:.3f} % (ratio {ours / theirs:.2f})")
        print(f"- instances whose mean is more than {args.margin} points behind: {', '.join(behind) or 'none'}")
        print(f"- single (instance, seed) pairs more than {args.margin} points behind: {single_pairs} of {pairs}")
        if infeasible:
            print(f"- infeasible {args.solver} runs on: {', '.join(infeasible)}")


if __name__ == "__main__":
    main()
