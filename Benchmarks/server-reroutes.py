#!/usr/bin/env python3
"""Drivers' backends posting live events to `lastmile serve` concurrently (issue 13's reroute benchmark).

One thread per vehicle of the active plan, each with its own keep-alive connection, posts EVENTS_PER_VEHICLE
events alternating `position` (a point of one of its own stops, as if driving there) and `delay` (1–9 min),
with every 20th event posted twice under the same key (a retry). With INTERVAL 0 each vehicle posts its next
event as soon as the last is answered (closed loop: the most the server sustains); with INTERVAL > 0 seconds
each vehicle posts on a fixed schedule, staggered, and latency counts from the scheduled time, so a slow answer
delays the next post without hiding it (no coordinated omission). Event times (`at`) follow the wall clock
from 09:00. Prints requests per second, events applied per second and latency percentiles per type, then
counts the event log: every acknowledged key is logged exactly once, nothing else is.

Usage: server-reroutes.py PORT TOKEN DATABASE DATE EVENTS_PER_VEHICLE [INTERVAL] [SEED]
"""
import http.client
import json
import random
import sqlite3
import sys
import threading
import time

port, token, database, date, per_vehicle = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
interval = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 1

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


def at_now():
    """The event time: 09:00 plus the wall-clock seconds since the run began."""
    t = 9 * 3600 + int(time.perf_counter() - started)
    return f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"


def drive(index, vehicle):
    rng = random.Random(seed * 1_000_003 + index)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    offset = interval * index / len(vehicles)
    for n in range(per_vehicle):
        scheduled = started + offset + n * interval
        if interval > 0 and time.perf_counter() < scheduled:
            time.sleep(scheduled - time.perf_counter())
        key = f"{vehicle}-{n}"
        if n % 2 == 0:
            lat, lon = rng.choice(stops[vehicle])
            event = {"key": key, "at": at_now(), "type": "position", "vehicle": vehicle, "lat": lat, "lon": lon}
        else:
            event = {"key": key, "at": at_now(), "type": "delay", "vehicle": vehicle, "minutes": rng.randint(1, 9), "reason": "traffic"}
        body = json.dumps(event)
        for attempt in (0, 1) if n % 20 == 19 else (0,):
            sent = scheduled if interval > 0 and attempt == 0 else time.perf_counter()
            connection.request("POST", f"/v1/live/{date}/events", body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            elapsed = time.perf_counter() - sent
            with lock:
                latencies["retry" if attempt else event["type"]].append(elapsed)
                if response.status in (200, 201):
                    acknowledged.add(key)
                else:
                    failures.append((key, response.status, answer[:200]))
    connection.close()


# The first event of a date starts its live loop (the day's matrix on the roads): timed apart, before the load.
warmup = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
first_started = time.perf_counter()
lat, lon = stops[vehicles[0]][0]
warmup.request("POST", f"/v1/live/{date}/events", headers={"Authorization": f"Bearer {token}"}, body=json.dumps(
    {"key": "warm-up", "at": "09:00:00", "type": "position", "vehicle": vehicles[0], "lat": lat, "lon": lon}))
first = warmup.getresponse()
first.read()
if first.status in (200, 201):
    acknowledged.add("warm-up")
print(f"first event (starts the date's live loop): {time.perf_counter() - first_started:.2f} s, status {first.status}")
warmup.close()

threads = [threading.Thread(target=drive, args=(i, v)) for i, v in enumerate(vehicles)]
started = time.perf_counter()
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
mode = f"one event every {interval:g} s per vehicle" if interval > 0 else "closed loop"
print(f"{len(vehicles)} vehicles, {per_vehicle} events each ({mode}), {requests} requests in {wall:.1f} s: "
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
