#!/usr/bin/env bash
# Load and soak of `lastmile serve` (issue 16): sustained mixed traffic on loopback — OSRM tables (10 points)
# and routes, live events, plan reads, carrier imports — for DURATION seconds, with the server's RSS, open file
# descriptors and TCP connections sampled every 10 s. The load is capped (CONNECTIONS client connections, RATE
# requests per second in total) because the machine is shared with other builds.
#
# Usage: Benchmarks/soak.sh [LASTMILE] [DURATION]   (defaults: .build/release/lastmile, 1800)
#   CONNECTIONS=4 RATE=60 WARMUP=120 WEIGHTS=3,3,2,2,1 (table, route, event, plan, import)
# Writes .soak/samples.csv (time, RSS, fds, connections, requests) and prints the Markdown tables of
# Benchmarks/README.md ("Issue 16"): per request kind the count, throughput, p50 and p99; RSS after warm-up
# (flat when max/min ≤ 1.10); descriptors and connections before, during and after.
set -euo pipefail
cd "$(dirname "$0")/.."
lastmile=$(realpath "${1:-.build/release/lastmile}")
duration=${2:-1800}
export CONNECTIONS=${CONNECTIONS:-4} RATE=${RATE:-60} WARMUP=${WARMUP:-120} WEIGHTS=${WEIGHTS:-3,3,2,2,1}
work=.soak
rm -rf "$work" && mkdir -p "$work"
"$lastmile" demo --output "$work/demo" --orders 120 --iterations 800 --threads 1 > /dev/null
db="$work/demo/lastmile.sqlite"
token=$("$lastmile" keys create --role admin --db "$db" 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$lastmile" serve --db "$db" --map maps/sample-town.osm.pbf --port "$port" --log-level error --rate-limit 0 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.1; done
python3 - "$server" "$port" "$token" "$duration" "$db" "$work" <<'PY'
import http.client, json, os, random, sqlite3, sys, threading, time
pid, port, token, duration, db, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
connections, rate, warmup = int(os.environ["CONNECTIONS"]), float(os.environ["RATE"]), int(os.environ["WARMUP"])
weights = [int(w) for w in os.environ["WEIGHTS"].split(",")]
date = "2026-11-23"
with sqlite3.connect(db) as c:
    vehicles = [r[0] for r in c.execute("SELECT r.vehicle_id FROM route r JOIN plan p ON p.id = r.plan_id WHERE p.date = ? AND p.status = 'active'", (date,))]

def rss_kb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1])
def fds(): return len(os.listdir(f"/proc/{pid}/fd"))
def tcp_connections():
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in open(table).readlines()[1:]:
            fields = line.split()
            if int(fields[1].split(":")[1], 16) == port and fields[3] == "01": count += 1
    return count

lock = threading.Lock()
latencies = {}
errors = {}
event_clock = [9 * 3600]
stop = threading.Event()
interval = connections / rate

def point(rng): return f"{7.99 + rng.random() * 0.02:.6f},{47.0 + rng.random() * 0.02:.6f}"

def request(rng):
    kind = rng.choices(["table", "route", "event", "plan", "import"], weights=weights)[0]
    headers = {"Authorization": "Bearer " + token}
    if kind == "table":
        return kind, "GET", "/table/v1/driving/" + ";".join(point(rng) for _ in range(10)), None, headers
    if kind == "route":
        return kind, "GET", f"/route/v1/driving/{point(rng)};{point(rng)}?overview=full", None, headers
    if kind == "plan":
        return kind, "GET", f"/v1/plans/{date}", None, headers
    if kind == "import":
        headers["Content-Type"] = "text/csv"
        return kind, "POST", "/v1/imports/carriers", f"id,name\nsoak-{rng.randrange(50)},Soak carrier\n", headers
    with lock:
        event_clock[0] += 1
        at = event_clock[0]
    headers["Content-Type"] = "application/json"
    event = {"key": f"soak-{at}", "at": f"{at // 3600:02d}:{at % 3600 // 60:02d}:{at % 60:02d}", "type": "position",
             "vehicle": rng.choice(vehicles), "lat": 47.0 + rng.random() * 0.02, "lon": 7.99 + rng.random() * 0.02}
    return kind, "POST", f"/v1/live/{date}/events", json.dumps(event), headers

def client(index):
    rng = random.Random(index)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    next_at = time.time()
    while not stop.is_set():
        kind, method, path, body, headers = request(rng)
        started = time.time()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = response.status < 400
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        elapsed = time.time() - started
        with lock:
            latencies.setdefault(kind, []).append((started, elapsed))
            if not ok: errors[kind] = errors.get(kind, 0) + 1
        next_at += interval
        time.sleep(max(0, next_at - time.time()))
    connection.close()

before = (rss_kb(), fds(), tcp_connections())
threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
start = time.time()
for t in threads: t.start()
samples = []
with open(f"{work}/samples.csv", "w") as out:
    out.write("seconds,rss_kb,fds,connections,requests\n")
    while time.time() - start < duration:
        time.sleep(10)
        with lock: total = sum(len(v) for v in latencies.values())
        sample = (round(time.time() - start), rss_kb(), fds(), tcp_connections(), total)
        samples.append(sample)
        out.write(",".join(map(str, sample)) + "\n")
        out.flush()
during = (max(s[2] for s in samples), max(s[3] for s in samples))
stop.set()
for t in threads: t.join()
time.sleep(2)
after = (rss_kb(), fds(), tcp_connections())
elapsed = time.time() - start
print(f"\n{duration} s, {connections} connections capped at {rate:.0f} requests/s in total\n")
print("| request | count | per s | p50 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|")
for kind in ["table", "route", "event", "plan", "import"]:
    values = sorted(e for _, e in latencies.get(kind, []))
    if not values: continue
    q = lambda p: values[min(len(values) - 1, int(p * len(values)))] * 1000
    print(f"| {kind} | {len(values)} | {len(values) / elapsed:.1f} | {q(0.5):.1f} | {q(0.99):.1f} | {values[-1] * 1000:.1f} | {errors.get(kind, 0)} |")
everything = sorted(e for v in latencies.values() for _, e in v)
print(f"| all | {len(everything)} | {len(everything) / elapsed:.1f} | {everything[len(everything) // 2] * 1000:.1f} | "
      f"{everything[int(0.99 * len(everything))] * 1000:.1f} | {everything[-1] * 1000:.1f} | {sum(errors.values())} |")
steady = [s[1] for s in samples if s[0] >= warmup] or [s[1] for s in samples]
first_half = [s[1] for s in samples if warmup <= s[0] < (warmup + duration) / 2]
print(f"\nRSS: {before[0] / 1024:.0f} MB before; after warm-up ({warmup} s) min {min(steady) / 1024:.0f} MB, max {max(steady) / 1024:.0f} MB "
      f"(max/min {max(steady) / min(steady):.3f}: {'flat within 10 %' if max(steady) <= 1.10 * min(steady) else 'NOT flat'}), "
      f"last {steady[-1] / 1024:.0f} MB; {after[0] / 1024:.0f} MB after the load")
print(f"file descriptors: {before[1]} before, at most {during[0]} during, {after[1]} after; "
      f"TCP connections to the port: {before[2]} before, at most {during[1]} during, {after[2]} after")
PY
