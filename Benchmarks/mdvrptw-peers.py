#!/usr/bin/env python3
"""Vidal's MDVRPTW instances (PR11A–PR18B), LastMile next to PyVRP in the same run: one core per solver run, two
runs at a time, the same seed and time budget for both.

Both answers go through the same door: LastMile's route file (`solve -o`) and PyVRP's best solution, written by
this script in the same VRPLIB form (route #k driven by vehicle k, so by vehicle k's depot), are read back by
`lastmile check`, which recomputes the exact Euclidean distance and the feasibility of every route. The gap is to
the best-known cost shipped with each instance (`<name>.sol`, Σ round(1000·d) / 1000).

PyVRP reads the instance itself (`pyvrp.read(..., round_func="exact")`: every distance, time and demand ×1000,
rounded). Prints a Markdown table and the means; writes one JSON record per run to OUT.

Usage: Benchmarks/mdvrptw-peers.py LASTMILE BUDGET_SECONDS OUT.jsonl [SEED] [INSTANCE…]
(run with the peers' Python, e.g. .venv-peers/bin/python; LASTMILE is a release binary)
"""
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "mdvrptw_vidal"


def check(lastmile: str, instance: Path, solution: Path) -> tuple[float | None, bool, str]:
    """`lastmile check`'s recomputed cost and verdict for a route file."""
    run = subprocess.run([lastmile, "check", str(instance), str(solution)], capture_output=True, text=True)
    cost = next((float(line.split()[1]) for line in run.stdout.splitlines() if line.startswith("Cost ")), None)
    return cost, run.returncode == 0 and "feasible" in run.stdout.split(), (run.stdout + run.stderr).strip()


def run_lastmile(lastmile: str, instance: Path, budget: float, seed: int, workdir: Path) -> dict:
    solution = workdir / "lastmile.sol"
    started = time.monotonic()
    subprocess.run(
        [lastmile, "solve", str(instance), "--time-limit", str(budget), "--seed", str(seed), "--threads", "1",
         "-o", str(solution)],
        capture_output=True, check=True)
    wall = time.monotonic() - started
    cost, feasible, message = check(lastmile, instance, solution)
    return dict(cost=cost, feasible=feasible, wall_s=round(wall, 3), check=message.splitlines()[-1])


def run_pyvrp(lastmile: str, instance: Path, budget: float, seed: int, workdir: Path) -> dict:
    # In a child process so that two runs use two cores (PyVRP holds the GIL while it searches).
    script = f"""
import json, sys, time
from pyvrp import read, solve
from pyvrp.stop import MaxRuntime
data = read({str(instance)!r}, round_func="exact")
started = time.monotonic()
result = solve(data, stop=MaxRuntime({budget}), seed={seed}, display=False)
wall = time.monotonic() - started
# Vehicles are numbered by type in file order (PyVRP builds one type per depot from VEHICLES_DEPOT_SECTION);
# a client is written as its location, the VRPLIB node number less one, as in the shipped .sol files.
first = [0]
for vehicle_type in data.vehicle_types():
    first.append(first[-1] + vehicle_type.num_available)
used = [0] * data.num_vehicle_types
routes = {{}}
for route in result.best.routes():
    kind = route.vehicle_type()
    routes[first[kind] + used[kind] + 1] = [data.client(visit.idx).location for visit in route if visit.is_client()]
    used[kind] += 1
print(json.dumps(dict(routes=routes, vehicles=first[-1], wall=wall, iterations=result.num_iterations,
                      cost=result.cost() / 1000, feasible=result.is_feasible())))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    answer = json.loads(run.stdout)
    solution = workdir / "pyvrp.sol"
    routes = {int(k): v for k, v in answer["routes"].items()}
    lines = [f"Route #{k}: {' '.join(map(str, routes.get(k, [])))}".rstrip() for k in range(1, answer["vehicles"] + 1)]
    solution.write_text("\n".join(lines) + f"\nCost {answer['cost']}\n")
    cost, feasible, message = check(lastmile, instance, solution)
    return dict(cost=cost, feasible=feasible and answer["feasible"], wall_s=round(answer["wall"], 3),
                iterations=answer["iterations"], claimed=answer["cost"], check=message.splitlines()[-1])


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    lastmile, budget, out = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if not DATA.is_dir():
        sys.exit(f"missing {DATA}: the shared benchmark data must sit beside the repository")
    names = sys.argv[5:] or sorted(p.stem for p in DATA.glob("*.vrp"))
    tasks = [(name, solver) for name in names for solver in ("lastmile", "pyvrp")]

    def task(item):
        name, solver = item
        instance = DATA / f"{name}.vrp"
        reference = next(float(line.split()[-1]) for line in (DATA / f"{name}.sol").read_text().splitlines()
                         if line.startswith("Cost")) / 1000
        with tempfile.TemporaryDirectory() as workdir:
            runner = run_lastmile if solver == "lastmile" else run_pyvrp
            record = runner(lastmile, instance, budget, seed, Path(workdir))
        gap = 100 * (record["cost"] / reference - 1) if record["cost"] is not None else None
        return dict(instance=name, solver=solver, budget_s=budget, seed=seed, reference=reference, gap_pct=gap, **record)

    with ThreadPoolExecutor(max_workers=2) as pool:
        records = list(pool.map(task, tasks))
    out.write_text("".join(json.dumps(r) + "\n" for r in records))

    by = {(r["instance"], r["solver"]): r for r in records}
    print("| instance | reference | LastMile | gap % | PyVRP | gap % | both feasible |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in names:
        lm, py = by[(name, "lastmile")], by[(name, "pyvrp")]
        fmt = lambda r: (f"{r['cost']:.3f}", f"{r['gap_pct']:+.2f}") if r["cost"] is not None else ("–", "–")
        print(f"| {name} | {lm['reference']:.3f} | {' | '.join(fmt(lm))} | {' | '.join(fmt(py))} | "
              f"{'yes' if lm['feasible'] and py['feasible'] else 'no: ' + lm['check'] + ' / ' + py['check']} |")
    for solver in ("lastmile", "pyvrp"):
        gaps = [by[(n, solver)]["gap_pct"] for n in names if by[(n, solver)]["gap_pct"] is not None]
        print(f"\n{solver}: mean gap {sum(gaps) / len(gaps):.3f} % over {len(gaps)} instances", end="")
    worse = [n for n in names if by[(n, "lastmile")]["gap_pct"] - by[(n, "pyvrp")]["gap_pct"] > 0.3]
    print(f"\nLastMile more than 0.3 points behind PyVRP on: {', '.join(worse) or 'none'}")


if __name__ == "__main__":
    main()
