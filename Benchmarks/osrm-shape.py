#!/usr/bin/env python3
"""OSRM compatibility, shape by shape: the same requests to osrm-routed and to `lastmile serve` (both serving
Porto), answers compared member by member — the same keys at every level, the same JSON types, the same array
lengths, the same HTTP status and OSRM `code` for errors — and the numbers side by side (how far LastMile's
durations and distances are from OSRM's on the same road model). Prints a table; exits 1 on a shape difference.

Usage: osrm-shape.py OSRM_PORT LASTMILE_PORT TOKEN COORDS_FILE
"""
import json
import sys
import urllib.error
import urllib.request

osrm_port, lastmile_port, token, coords_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
points = open(coords_file).read().strip().split(";")
five = ";".join(points[:5])
three = ";".join(points[:3])

# (name, path): each asked of both servers.
requests = [
    ("table", f"/table/v1/driving/{five}"),
    ("table durations+distances", f"/table/v1/driving/{five}?annotations=duration,distance"),
    ("table sources/destinations", f"/table/v1/driving/{five}?sources=0;2&destinations=1;3;4&annotations=distance"),
    ("route polyline", f"/route/v1/driving/{three}?overview=full&geometries=polyline"),
    ("route polyline6", f"/route/v1/driving/{three}?overview=full&geometries=polyline6"),
    ("route geojson", f"/route/v1/driving/{three}?overview=full&geometries=geojson"),
    ("route overview=false", f"/route/v1/driving/{three}?overview=false"),
    ("error: bad coordinates", "/table/v1/driving/abc;def"),
    ("error: bad source index", f"/table/v1/driving/{three}?sources=7"),
    ("error: one route point", f"/route/v1/driving/{points[0]}"),
]

# Members LastMile leaves out or adds on purpose (documented in Benchmarks/README.md and OSRMEndpoints).
IGNORED = {"hint", "data_version", "fallback_speed_cells", "annotation"}


def fetch(port, path, auth):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Bearer {token}"} if auth else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def shape(value, path, out):
    """Every member's path with its JSON type (and array length)."""
    if isinstance(value, dict):
        out[path] = "object"
        for key, member in value.items():
            if key not in IGNORED:
                shape(member, f"{path}.{key}", out)
    elif isinstance(value, list) and path.endswith("geometry.coordinates"):
        # A line's points follow each engine's road geometry: only their form is compared.
        out[path] = "array of " + ("positions" if all(isinstance(p, list) and len(p) == 2 for p in value) else "other")
    elif isinstance(value, list):
        out[path] = f"array[{len(value)}]"
        for index, member in enumerate(value):
            shape(member, f"{path}[{index}]", out)
    else:
        out[path] = {bool: "boolean", int: "number", float: "number", str: "string", type(None): "null"}[type(value)]
    return out


def numbers(value, path, out):
    if isinstance(value, dict):
        for key, member in value.items():
            numbers(member, f"{path}.{key}", out)
    elif isinstance(value, list):
        for index, member in enumerate(value):
            numbers(member, f"{path}[{index}]", out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        out[path] = value
    return out


differences = 0
print("| request | status osrm / lastmile | code | members compared | shape differences | durations: median / largest relative difference | distances: median / largest |")
print("|---|---|---|---:|---:|---|---|")
for name, path in requests:
    osrm_status, osrm = fetch(osrm_port, path, False)
    lastmile_status, lastmile = fetch(lastmile_port, path, True)
    a, b = shape(osrm, "", {}), shape(lastmile, "", {})
    different = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    # Error messages differ in wording by design; only status and code must match.
    if "error" in name:
        different = [k for k in different if k not in (".message",)]
    if osrm_status != lastmile_status or osrm.get("code") != lastmile.get("code"):
        different.append(f"status/code {osrm_status} {osrm.get('code')} vs {lastmile_status} {lastmile.get('code')}")
    differences += len(different)
    na, nb = numbers(osrm, "", {}), numbers(lastmile, "", {})
    # Relative differences of travel figures, leaving out short ones (under 60 s or 500 m) where rounding and
    # the snapped ends dominate, and the snap distances of waypoints.
    spreads = {"durations": [], "distances": []}
    for key, value in na.items():
        if any(part in key for part in ("sources", "destinations", "waypoints")) or key not in nb:
            continue
        kind = "durations" if "duration" in key else "distances" if "distance" in key else None
        if kind and value >= (60 if kind == "durations" else 500):
            spreads[kind].append(abs(nb[key] - value) / value)
    def spread(values):
        values = sorted(values)
        return f"{values[len(values) // 2] * 100:.1f} % / {values[-1] * 100:.1f} %" if values else "–"
    print(f"| {name} | {osrm_status} / {lastmile_status} | {osrm.get('code')} | {len(a)} | {len(different)} | "
          f"{spread(spreads['durations'])} | {spread(spreads['distances'])} |")
    for member in different[:6]:
        print(f"|   ↳ `{member}`: osrm {a.get(member)}, lastmile {b.get(member)} | | | | | | |")
sys.exit(1 if differences else 0)
