#!/usr/bin/env python3
"""Markdown table of `lastmile simulate --output` reports: one row per LABEL=REPORT.json (or per policy of a
disturbed day's array). Cost is recomputed the same way for every plan from the demo folder's vehicle types:
fixed cost per vehicle out + per km + per paid hour (start of loading to return), in euros.
"Late or unserved" counts an order never delivered (off a broken-down vehicle, new and never assigned, taken
back after an absent customer) with the late ones: a plan cannot look punctual by not serving.
Usage: simulation-table.py DEMO_FOLDER LABEL=REPORT.json ..."""
import csv
import json
import os
import sys

folder = sys.argv[1]
with open(os.path.join(folder, "input", "vehicle-types.csv"), newline="") as f:
    types = {t["id"]: t for t in csv.DictReader(f)}
with open(os.path.join(folder, "input", "fleet.csv"), newline="") as f:
    type_of = {v["id"]: types[v["type"]] for v in csv.DictReader(f)}

print("| plan | served | unserved | late stops | late or unserved | lateness (min) | km | paid h | overtime h | cost (€) | reroutes | stops moved per reroute |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for argument in sys.argv[2:]:
    label, path = argument.split("=", 1)
    reports = json.load(open(path))
    for report in reports if isinstance(reports, list) else [reports]:
        cost = sum(float(type_of[r["vehicleID"]]["fixed_cost"]) + float(type_of[r["vehicleID"]]["cost_per_km"]) * r["totals"]["metres"] / 1000
                   + float(type_of[r["vehicleID"]]["cost_per_hour"]) * r["totals"]["paidSeconds"] / 3600 for r in report["runs"])
        t, s = report["total"], report["stability"]
        name = label if not isinstance(reports, list) else f"{label}, {report['policy']}"
        print(f"| {name} | {t['stopsServed']} | {len(report['unserved'])} | {t['lateStops']} | {t['lateStops'] + len(report['unserved'])} | "
              f"{t['latenessSeconds'] / 60:.0f} | "
              f"{t['metres'] / 1000:.1f} | {t['paidSeconds'] / 3600:.1f} | {t['overtimeSeconds'] / 3600:.1f} | {cost:.2f} | "
              f"{s['reroutes']} | {100 * s['meanChangedShare']:.1f} % |")
