#!/usr/bin/env python3
"""Drivers' backends posting live events to `lastmile serve` concurrently (issue 13's reroute benchmark).

One thread per vehicle of the active plan, each with its own keep-alive connection, posts EVENTS_PER_VEHICLE
events alternating `position` (a point of one of its own stops, as if driving there) and `delay` (1–9 min),
with every 20th event posted twice under the same key (a retry). Prints requests per second, events applied per
second and client-side latency percentiles per type, then counts the event log: every acknowledged key is
logged exactly once, nothing else is.

Usage: server-reroutes.py PORT TOKEN DATABASE DATE EVENTS_PER_VEHICLE [SEED]
"""
import http.client
import json
import random
import sqlite3
import sys
import threading
import time

port, token, database, date, per_vehicle = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 1

db = sqlite3.connect(database)
(plan_id,) = db.execute("SELECT id FROM plan WHERE date = ? AND status = 'active'", (date,)).fetchone()
stops = {}
for vehicle, lat, lon in db.execute(
        'SELECT r.vehicle_id, o.lat, o.lon FROM route r JOIN stop s ON s.route_id = r.id JOIN "order" o ON o.id = s.order_id '
        'WHERE r.plan_id = ? ORDER BY r.vehicle_id, s.sequence', (plan_id,)):
    stops.setdefault(vehicle, []).append((lat, lon))
logged_before = db.execute("SELECT count(*) FROM live_event WHERE date = ?", (date,)).fetchone()[0]
db.close()
vehicles = sorted(stops)

lock = threading.Lock()
latencies = {"position": [], "delay": [], "retry": []}
acknowledged, failures = set(), []
clock = [9 * 3600]  # event times: the day's clock, one second per event posted


def next_at():
    with lock:
        clock[0] += 1
        t = clock[0]
    return f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"


def drive(index, vehicle):
    rng = random.Random(seed * 1_000_003 + index)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for n in range(per_vehicle):
        key = f"{vehicle}-{n}"
        if n % 2 == 0:
            lat, lon = rng.choice(stops[vehicle])
            event = {"key": key, "at": next_at(), "type": "position", "vehicle": vehicle, "lat": lat, "lon": lon}
        else:
            event = {"key": key, "at": next_at(), "type": "delay", "vehicle": vehicle, "minutes": rng.randint(1, 9), "reason": "traffic"}
        body = json.dumps(event)
        for attempt in (0, 1) if n % 20 == 19 else (0,):
            started = time.perf_counter()
            connection.request("POST", f"/v1/live/{date}/events", body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies["retry" if attempt else event["type"]].append(elapsed)
                if response.status in (200, 201):
                    acknowledged.add(key)
                else:
                    failures.append((key, response.status, answer[:200]))
    connection.close()


started = time.perf_counter()
threads = [threading.Thread(target=drive, args=(i, v)) for i, v in enumerate(vehicles)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
wall = time.perf_counter() - started

db = sqlite3.connect(database)
logged = [k for (k,) in db.execute("SELECT idempotency_key FROM live_event WHERE date = ? ORDER BY sequence", (date,))][logged_before:]
db.close()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000 if values else float("nan")


requests = sum(len(v) for v in latencies.values())
print(f"{len(vehicles)} vehicles, {per_vehicle} events each, {requests} requests in {wall:.1f} s: "
      f"{requests / wall:.0f} requests/s, {len(logged) / wall:.0f} events applied/s")
print("| type | requests | p50 ms | p95 ms | p99 ms | max ms |")
print("|---|---:|---:|---:|---:|---:|")
for kind, values in latencies.items():
    print(f"| {kind} | {len(values)} | {pct(values, 50):.1f} | {pct(values, 95):.1f} | {pct(values, 99):.1f} | {pct(values, 100):.1f} |")
duplicates = len(logged) - len(set(logged))
missing = acknowledged - set(logged)
extra = set(logged) - acknowledged
print(f"event log: {len(logged)} events, {len(acknowledged)} acknowledged keys, {duplicates} applied twice, "
      f"{len(missing)} acknowledged but missing, {len(extra)} logged but not acknowledged, {len(failures)} rejected")
for failure in failures[:5]:
    print("rejected:", failure)
sys.exit(1 if duplicates or missing or extra else 0)
