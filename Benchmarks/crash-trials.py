#!/usr/bin/env python3
"""Crash consistency (issue 16): SIGKILL `lastmile` at random points, then check that nothing acknowledged is lost.

Four phases, each on its own copy of a demo database (`lastmile demo --orders 40`, sample town), TRIALS each:

- load:   `lastmile load orders` of 5,000 orders for another date, alternating two versions of the same ids (the
          `customer` column says which); killed at a random point of the import. Check: every order of the file is
          present and all carry one version (all or nothing), and a load that exited 0 before the kill is present.
- plan:   `lastmile plan --date D --iterations 300`; killed at a random point (solve, commit or outputs). Check:
          versions 1..V without gaps, exactly one active (the highest), every version has routes, the active
          version's reservations exist, and every version reported `stored as version N` is there.
- events: `lastmile events apply --acknowledge` of 4,000 position/delay events (as live-kill-trials.py); check:
          every acknowledged key is logged with its re-optimisation, and the log is a prefix of the file.
- server: `lastmile serve` with 4 client threads posting one event each per request (`201`/`200` = acknowledged)
          and importing carriers; killed 0.3-1.5 s after it answers /health. Check: every acknowledged event is
          in the log with its re-optimisation; the next trial's server must come up on the same database.

After every kill: `PRAGMA integrity_check` is `ok`, and the next trial's process starts on the database as it is
(no manual step); a process that fails before its kill counts as a failed trial. Prints one table row per phase.
Usage: crash-trials.py LASTMILE WORKDIR TRIALS_PER_PHASE [SEED]
"""
import http.client, json, os, random, shutil, signal, socket, sqlite3, subprocess, sys, threading, time

lastmile, work, trials = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), int(sys.argv[3])
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 16
rng = random.Random(seed)
date, other_date = "2026-11-23", "2026-11-24"
os.makedirs(work, exist_ok=True)
base = os.path.join(work, "base")
if not os.path.exists(os.path.join(base, "lastmile.sqlite")):
    subprocess.run([lastmile, "demo", "--output", base, "--orders", "40", "--iterations", "800", "--threads", "1"],
                   check=True, stdout=subprocess.DEVNULL)


def fresh_db(name):
    path = os.path.join(work, name + ".sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix): os.unlink(path + suffix)
    source = sqlite3.connect(os.path.join(base, "lastmile.sqlite"))
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return path


def integrity(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def kill_at(process, seconds):
    """Kills `process` after `seconds` unless it ended first; returns (killed, exit code, stdout)."""
    try:
        out, _ = process.communicate(timeout=seconds)
        return False, process.returncode, out.decode()
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        return True, process.returncode, out.decode()


def timed(command):
    started = time.time()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.time() - started


results = []


def report(phase, trials_run, killed, failures, acknowledged, elapsed):
    results.append((phase, trials_run, killed, failures, acknowledged, elapsed))
    print(f"{phase}: {trials_run} trials ({killed} killed mid-run), {failures} failed, {acknowledged} acknowledged "
          f"items checked, {elapsed:.0f} s", flush=True)


# --- load -------------------------------------------------------------------------------------------------------
def phase_load():
    db = fresh_db("load")
    header = "id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end,customer,service_minutes,priority"
    with open(os.path.join(base, "input", "orders.csv")) as f:
        template = f.read().splitlines()[1].split(",")
    files = []
    for version in ("A", "B"):
        rows = [header]
        for i in range(5_000):
            row = list(template)
            row[0], row[1], row[9] = f"K-{i:05d}", other_date, f"version {version}"
            rows.append(",".join(row))
        path = os.path.join(work, f"orders-{version}.csv")
        with open(path, "w") as f: f.write("\n".join(rows) + "\n")
        files.append((version, path))
    full = timed([lastmile, "load", "orders", files[0][1], "--db", db])
    failures = killed_count = acknowledged = 0
    started = time.time()
    committed = "A"
    for trial in range(trials):
        version, path = files[trial % 2]
        process = subprocess.Popen([lastmile, "load", "orders", path, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        killed, code, _ = kill_at(process, rng.uniform(0, full * 2))  # about half the loads finish: kills before and after commit
        killed_count += killed
        problems = []
        if not killed and code != 0: problems.append(f"load exited {code} before the kill")
        if not killed and code == 0:
            committed = version
            acknowledged += 1
        with sqlite3.connect(db) as connection:
            count, versions = connection.execute(
                "SELECT count(*), count(DISTINCT customer) FROM \"order\" WHERE id LIKE 'K-%'").fetchone()
            present = [row[0] for row in connection.execute("SELECT DISTINCT customer FROM \"order\" WHERE id LIKE 'K-%'")]
        if integrity(db) != "ok": problems.append("integrity_check failed")
        if count != 5_000 or versions != 1: problems.append(f"{count} orders in {versions} versions: not all or nothing")
        if not killed and code == 0 and present != [f"version {version}"]: problems.append("an acknowledged load is missing")
        if problems:
            failures += 1
            print(f"load trial {trial}: " + "; ".join(problems), flush=True)
    report("load orders (5,000 rows)", trials, killed_count, failures, acknowledged, time.time() - started)


# --- plan -------------------------------------------------------------------------------------------------------
def phase_plan():
    db = fresh_db("plan")
    out = os.path.join(work, "plan-out")
    command = [lastmile, "plan", "--date", date, "--db", db, "--iterations", "300", "--threads", "1", "--output", out]
    full = timed(command)
    failures = killed_count = 0
    stored = set()
    with sqlite3.connect(db) as connection:
        stored.update(row[0] for row in connection.execute("SELECT version FROM plan WHERE date = ?", (date,)))
    started = time.time()
    for trial in range(trials):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        killed, code, output = kill_at(process, rng.uniform(0, full * 1.1))
        killed_count += killed
        problems = []
        if not killed and code != 0: problems.append(f"plan exited {code} before the kill")
        for line in output.splitlines():
            if "stored as version" in line: stored.add(int(line.split("stored as version")[1].split()[0]))
        with sqlite3.connect(db) as connection:
            versions = [row for row in connection.execute(
                "SELECT p.version, p.status, (SELECT count(*) FROM route r WHERE r.plan_id = p.id), "
                "(SELECT count(*) FROM reservation s WHERE s.plan_id = p.id) FROM plan p WHERE p.date = ? ORDER BY p.version", (date,))]
        if integrity(db) != "ok": problems.append("integrity_check failed")
        numbers = [v[0] for v in versions]
        if numbers != list(range(1, len(numbers) + 1)): problems.append(f"versions not contiguous: {numbers}")
        active = [v[0] for v in versions if v[1] == "active"]
        if active != numbers[-1:]: problems.append(f"active versions {active} of {numbers}")
        if any(v[2] == 0 for v in versions): problems.append("a version without routes")
        if versions and versions[-1][3] == 0: problems.append("the active version holds no reservations")
        if not stored <= set(numbers): problems.append(f"stored versions {sorted(stored - set(numbers))} missing")
        if problems:
            failures += 1
            print(f"plan trial {trial}: " + "; ".join(problems), flush=True)
    report(f"plan commit (versions up to {len(numbers)})", trials, killed_count, failures, len(stored), time.time() - started)


# --- events -----------------------------------------------------------------------------------------------------
def event_lines(prefix, count, first_second, vehicles):
    lines = []
    for i in range(count):
        at = first_second + i
        clock = f"{at // 3600:02d}:{at % 3600 // 60:02d}:{at % 60:02d}"
        vehicle = rng.choice(vehicles)
        if i % 7 == 0:
            event = {"key": f"{prefix}-{i}", "at": clock, "type": "delay", "vehicle": vehicle, "minutes": 1, "reason": "traffic"}
        else:
            event = {"key": f"{prefix}-{i}", "at": clock, "type": "position", "vehicle": vehicle,
                     "lat": 47.0 + rng.random() * 0.02, "lon": 7.99 + rng.random() * 0.02}
        lines.append(event)
    return lines


def running_vehicles(db):
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(
            "SELECT r.vehicle_id FROM route r JOIN plan p ON p.id = r.plan_id WHERE p.date = ? AND p.status = 'active' ORDER BY r.vehicle_id", (date,))]


def logged_keys(db):
    with sqlite3.connect(db) as connection:
        logged = [row[0] for row in connection.execute(
            "SELECT e.idempotency_key FROM live_event e JOIN live_reroute r USING (date, plan_version, sequence) WHERE e.date = ? ORDER BY e.sequence", (date,))]
        total = connection.execute("SELECT count(*) FROM live_event WHERE date = ?", (date,)).fetchone()[0]
    return logged, total


def phase_events():
    db = fresh_db("events")
    events = event_lines("kill", 4_000, 9 * 3600, running_vehicles(db))
    keys = [e["key"] for e in events]
    path = os.path.join(work, "events.jsonl")
    with open(path, "w") as f: f.write("\n".join(json.dumps(e) for e in events) + "\n")
    command = [lastmile, "events", "apply", path, "--date", date, "--db", db, "--iterations", "50", "--acknowledge"]
    # Calibration on a copy: the time to the first acknowledgement (start-up: database, roads, travel times).
    calibration = fresh_db("events-calibration")
    probe = subprocess.Popen(command[:7] + [calibration] + command[8:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    probe_started = time.time()
    for line in probe.stdout:
        if line.startswith("acknowledged "): break
    first_ack = time.time() - probe_started
    probe.kill()
    probe.wait()
    failures = killed_count = acknowledged_total = 0
    started = time.time()
    for trial in range(trials):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        killed, code, output = kill_at(process, rng.uniform(0.1, first_ack + 1.5))
        killed_count += killed
        acknowledged = [line.split()[1] for line in output.splitlines() if line.startswith("acknowledged ")]
        acknowledged_total += len(acknowledged)
        logged, total = logged_keys(db)
        problems = []
        if not killed and code != 0: problems.append(f"events apply exited {code} before the kill")
        if integrity(db) != "ok": problems.append("integrity_check failed")
        if not set(acknowledged) <= set(logged): problems.append(f"{len(set(acknowledged) - set(logged))} acknowledged events missing")
        if logged != keys[:len(logged)] or total != len(logged): problems.append("the log is not a prefix of the file with a reroute per event")
        if problems:
            failures += 1
            print(f"events trial {trial}: " + "; ".join(problems), flush=True)
    report(f"events apply ({len(logged)} of 4,000 logged; first acknowledgement after {first_ack:.1f} s)", trials, killed_count, failures, acknowledged_total, time.time() - started)


# --- server -----------------------------------------------------------------------------------------------------
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def phase_server():
    db = fresh_db("server")
    token = subprocess.run([lastmile, "keys", "create", "--role", "admin", "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    events = event_lines("srv", 200_000, 9 * 3600 + 30, running_vehicles(db))
    cursor = [0]
    lock = threading.Lock()
    failures = acknowledged_total = 0
    started = time.time()
    for trial in range(trials):
        port = free_port()
        process = subprocess.Popen([lastmile, "serve", "--db", db, "--port", str(port), "--log-level", "error", "--rate-limit", "0"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        problems = []
        up = False
        for _ in range(300):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/health")
                up = connection.getresponse().status == 200
                connection.close()
                if up: break
            except OSError:
                time.sleep(0.05)
            if process.poll() is not None: break
        if not up:
            problems.append(f"the server did not come up on the database (exit {process.poll()}: {process.stderr.read().decode()[-300:] if process.poll() is not None else ''})")
            process.kill()
        acknowledged = []
        stop = threading.Event()

        def client(index):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
                while not stop.is_set():
                    if index == 3:
                        body = f"id,name\nc-{trial}-{rng.randrange(10**6)},Carrier\n"
                        connection.request("POST", "/v1/imports/carriers", body=body, headers={"Authorization": "Bearer " + token, "Content-Type": "text/csv"})
                        connection.getresponse().read()
                        continue
                    with lock:
                        event = events[cursor[0]]
                        cursor[0] += 1
                    connection.request("POST", f"/v1/live/{date}/events", body=json.dumps(event), headers=headers)
                    response = connection.getresponse()
                    response.read()
                    if response.status in (200, 201):
                        with lock: acknowledged.append(event["key"])
            except (OSError, http.client.HTTPException):
                return  # the server died: whatever was not answered was not acknowledged

        threads = [threading.Thread(target=client, args=(i,)) for i in range(4)] if up else []
        for thread in threads: thread.start()
        if up:
            time.sleep(rng.uniform(0.3, 1.5))
            process.send_signal(signal.SIGKILL)
        process.wait()
        stop.set()
        for thread in threads: thread.join()
        process.stderr.close()
        acknowledged_total += len(acknowledged)
        logged, total = logged_keys(db)
        if integrity(db) != "ok": problems.append("integrity_check failed")
        if not set(acknowledged) <= set(logged): problems.append(f"{len(set(acknowledged) - set(logged))} acknowledged events missing")
        if total != len(logged): problems.append("an event logged without its re-optimisation")
        if problems:
            failures += 1
            print(f"server trial {trial}: " + "; ".join(problems), flush=True)
    report(f"server under load ({len(logged)} events logged)", trials, trials, failures, acknowledged_total, time.time() - started)


phases = {"load": phase_load, "plan": phase_plan, "events": phase_events, "server": phase_server}
for name in (os.environ.get("PHASES") or "load plan events server").split():
    phases[name]()
print("\n| phase | trials | killed mid-run | failed | acknowledged items checked | seconds |\n|---|---|---|---|---|---|")
for row in results:
    print("| " + " | ".join(str(x) if not isinstance(x, float) else f"{x:.0f}" for x in row) + " |")
print(f"\n{sum(r[1] for r in results)} trials, {sum(r[3] for r in results)} failed (seed {seed})")
sys.exit(1 if any(r[3] for r in results) else 0)
