#!/usr/bin/env python3
"""SIGKILL trials of the live loop (`lastmile events apply --acknowledge`), as Benchmarks/live-latency.sh runs them.

Each trial starts the binary on one events file (4,000 positions and delays of running vehicles, one second apart:
valid whatever the re-optimiser decides), kills it with SIGKILL after 0.1-0.6 s, and checks the database:
`PRAGMA integrity_check` is ok, every acknowledged key is in the log with its re-optimisation, and the log is a
prefix of the file. The next trial sends the same file again (logged keys are skipped), as a retrying feeder would.
Usage: live-kill-trials.py LASTMILE DB MAP TRIALS [SEED]
"""
import json, os, random, signal, sqlite3, subprocess, sys, tempfile, time

lastmile, db, road_map, trials = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 42)
date = "2026-11-23"

with sqlite3.connect(db) as connection:
    vehicles = [row[0] for row in connection.execute(
        "SELECT r.vehicle_id FROM route r JOIN plan p ON p.id = r.plan_id WHERE p.date = ? AND p.status = 'active' ORDER BY r.vehicle_id", (date,))]
    already = connection.execute("SELECT count(*) FROM live_event WHERE date = ?", (date,)).fetchone()[0]
assert already == 0, "use a day without live events"

keys, lines = [], []
for i in range(4_000):
    at = 9 * 3600 + i
    clock = f"{at // 3600:02d}:{at % 3600 // 60:02d}:{at % 60:02d}"
    vehicle = rng.choice(vehicles)
    if i % 7 == 0:
        event = {"key": f"kill-{i}", "at": clock, "type": "delay", "vehicle": vehicle, "minutes": 1, "reason": "traffic"}
    else:
        event = {"key": f"kill-{i}", "at": clock, "type": "position", "vehicle": vehicle, "lat": 47.0 + rng.random() * 0.02, "lon": 7.99 + rng.random() * 0.02}
    keys.append(event["key"])
    lines.append(json.dumps(event))
events_file = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
events_file.write("\n".join(lines) + "\n")
events_file.close()

failures, acknowledged_total, started = 0, 0, time.time()
for trial in range(trials):
    process = subprocess.Popen([lastmile, "events", "apply", events_file.name, "--date", date, "--db", db, "--map", road_map,
                                "--iterations", "50", "--acknowledge"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.1, 0.6))
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate()
    acknowledged = [line.split()[1] for line in out.decode().splitlines() if line.startswith("acknowledged ")]
    acknowledged_total += len(acknowledged)
    with sqlite3.connect(db) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        logged = [row[0] for row in connection.execute(
            "SELECT e.idempotency_key FROM live_event e JOIN live_reroute r USING (date, plan_version, sequence) WHERE e.date = ? ORDER BY e.sequence", (date,))]
        total = connection.execute("SELECT count(*) FROM live_event WHERE date = ?", (date,)).fetchone()[0]
    problems = []
    if integrity != "ok": problems.append(f"integrity_check: {integrity}")
    if not set(acknowledged) <= set(logged): problems.append(f"{len(set(acknowledged) - set(logged))} acknowledged events missing")
    if logged != keys[:len(logged)] or total != len(logged): problems.append("the log is not a prefix of the file with a reroute per event")
    if problems:
        failures += 1
        print(f"trial {trial}: " + "; ".join(problems))
os.unlink(events_file.name)
print(f"{trials} SIGKILL trials in {time.time() - started:.0f} s: {failures} failed; {acknowledged_total} acknowledgements checked, "
      f"{len(logged)} events logged")
sys.exit(1 if failures else 0)
