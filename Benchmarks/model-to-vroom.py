#!/usr/bin/env python3
"""The peer harness's integer model ({model} of run_peers.py) as a VROOM problem (JSON with `matrices`), so that
`lastmile solve` reads exactly the numbers VROOM gets in the same run. Usage: model-to-vroom.py MODEL.json OUT.json"""
import json
import sys

model = json.load(open(sys.argv[1]))
n = len(model["demand"])
fixed = int(model["fixed_cost_per_vehicle"]) if model["objective"] == "hier" else 0
vrptw = model["kind"] == "vrptw"
vehicle_window = [int(model["ready"][0]), int(model["due"][0])]
vehicles = [
    dict(id=v + 1, start_index=0, end_index=0, capacity=[int(model["capacity"])], costs=dict(fixed=fixed),
         **(dict(time_window=vehicle_window) if vrptw else {}))
    for v in range(int(model["fleet"]))
]
jobs = [
    dict(id=i, location_index=i, delivery=[int(model["demand"][i])], service=int(model["service"][i]),
         **(dict(time_windows=[[int(model["ready"][i]), int(model["due"][i])]]) if vrptw else {}))
    for i in range(1, n)
]
problem = dict(vehicles=vehicles, jobs=jobs, matrices=dict(car=dict(durations=model["time"], costs=model["cost"])))
json.dump(problem, open(sys.argv[2], "w"))
