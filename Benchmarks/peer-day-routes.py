#!/usr/bin/env python3
"""A static peer's plan of a LastMile demo day, as routes `lastmile simulate --routes` reads.

Builds VROOM's problem from the demo folder's input files (depots, fleet, vehicle types, orders) and the
free-flow matrices `lastmile matrix` computes on the car and bicycle graphs (what a VROOM user feeds it today:
one static matrix per profile), solves it with the `vroom` binary of the peers' venv, and writes the routes
(vehicle,departure,order,arrival; break rows) to OUT.

Modelled as LastMile plans the day: vehicles leave their depot after loading, within their shift, with the
driver's break window; three load dimensions (g, ml, parcels); costs per vehicle, km and hour in cents;
cargo bikes on the bicycle graph with their type's speed factor. Not modelled (VROOM has no such notion):
depot stock, so the peer may send an order from a depot that lacks its SKUs. Orders the LastMile plan left
out because they lie off the roads (unassigned.csv) are left out here too.

Usage: peer-day-routes.py DEMO_FOLDER LASTMILE CAR_GRAPH BIKE_GRAPH VROOM SECONDS OUT
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

demo, lastmile, car_graph, bike_graph, vroom, seconds, out = sys.argv[1:8]


def rows(name):
    with open(os.path.join(demo, "input", name), newline="") as f:
        return list(csv.DictReader(f))


def clock(text):
    parts = [int(p) for p in text.split(":")]
    return parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)


def hhmmss(value):
    return f"{value // 3600:02d}:{value % 3600 // 60:02d}:{value % 60:02d}"


depots, fleet, types = rows("depots.csv"), rows("fleet.csv"), {t["id"]: t for t in rows("vehicle-types.csv")}
off_road = set()
with open(os.path.join(demo, "unassigned.csv"), newline="") as f:
    off_road = {r["order"] for r in csv.DictReader(f) if "road" in r["reason"]}
orders = [o for o in rows("orders.csv") if o["id"] not in off_road]
places = [(d["lat"], d["lon"]) for d in depots] + [(o["lat"], o["lon"]) for o in orders]
depot_index = {d["id"]: k for k, d in enumerate(depots)}

work = tempfile.mkdtemp(prefix="peer-day-")
points = os.path.join(work, "points.csv")
with open(points, "w") as f:
    f.write("lat,lon\n" + "".join(f"{lat},{lon}\n" for lat, lon in places))


def matrix(graph):
    durations, distances = os.path.join(work, "d.csv"), os.path.join(work, "m.csv")
    subprocess.run([lastmile, "matrix", "--graph", graph, "--locations", points, "--durations-csv", durations,
                    "--distances-csv", distances, "--max-snap-distance", "2000"], check=True, stderr=subprocess.DEVNULL)
    read = lambda path: [[int(round(float(x))) for x in line.split(",")] for line in open(path).read().split("\n") if line.strip()]
    return dict(durations=read(durations), distances=read(distances))


vehicles = []
for k, v in enumerate(fleet):
    kind = types[v["type"]]
    depot = depots[depot_index[v["depot"]]]
    start = clock(v["shift_start"]) + int(depot["loading_minutes"]) * 60
    vehicle = dict(id=k + 1, description=v["id"], profile="bike" if kind["mode"] == "bike" else "car",
                   start_index=depot_index[v["depot"]], end_index=depot_index[v["end_depot"] or v["depot"]],
                   capacity=[int(float(kind["capacity_kg"]) * 1000), int(float(kind["capacity_litres"]) * 1000), int(kind["capacity_parcels"])],
                   time_window=[start, clock(v["shift_end"])], speed_factor=float(kind["speed_factor"]),
                   costs=dict(fixed=int(round(float(kind["fixed_cost"]) * 100)), per_hour=int(round(float(kind["cost_per_hour"]) * 100)),
                              per_km=int(round(float(kind["cost_per_km"]) * 100))))
    if v["break_minutes"]:
        vehicle["breaks"] = [dict(id=1, time_windows=[[clock(v["break_start"]), clock(v["break_end"])]], service=int(v["break_minutes"]) * 60)]
    vehicles.append(vehicle)
jobs = [dict(id=j + 1, description=o["id"], location_index=len(depots) + j,
             delivery=[int(round(float(o["weight_kg"]) * 1000)), int(round(float(o["volume_litres"]) * 1000)), 1],
             service=int(round(float(o["service_minutes"]) * 60)), time_windows=[[clock(o["window_start"]), clock(o["window_end"])]],
             priority=int(o["priority"] or 0))
        for j, o in enumerate(orders)]
profiles = dict(car=matrix(car_graph))
if any(v["profile"] == "bike" for v in vehicles):
    profiles["bike"] = matrix(bike_graph)
problem_path, solution_path = os.path.join(work, "problem.json"), os.path.join(work, "solution.json")
json.dump(dict(vehicles=vehicles, jobs=jobs, matrices=profiles), open(problem_path, "w"))
subprocess.run([vroom, "-i", problem_path, "-o", solution_path, "-l", seconds, "-t", "1"], check=True)
solution = json.load(open(solution_path))
with open(out, "w") as f:
    f.write("vehicle,departure,order,arrival\n")
    for route in solution["routes"]:
        vehicle = fleet[route["vehicle"] - 1]["id"]
        departure = next(s["arrival"] for s in route["steps"] if s["type"] == "start")
        for step in route["steps"]:
            if step["type"] == "job":
                f.write(f"{vehicle},{hhmmss(departure)},{jobs[step['id'] - 1]['description']},{hhmmss(step['arrival'])}\n")
            elif step["type"] == "break":
                f.write(f"{vehicle},{hhmmss(departure)},break:{step['service'] // 60},{hhmmss(step['arrival'])}\n")
summary = solution["summary"]
print(json.dumps(dict(peer="vroom", cost_cents=summary["cost"], routes=summary["routes"], unassigned=summary["unassigned"],
                      computing_ms=summary.get("computing_times", {}).get("solving"))))
