#!/usr/bin/env python3
"""Measures the Hangar image (figures for docs/docker.md and docs/benchmarks.md), each side by side in one run:
the image's size, `docker run` to the first 200 of /_hangar/health, and a bare JRE container's `docker run --rm
hangar-local/jre17 java -version` (container start, a JVM start and exit, container removal). 3 runs each, median.
Usage: python3 docker/measure.py [image] [runs]"""
import json, socket, statistics, subprocess, sys, time, urllib.request

IMAGE = sys.argv[1] if len(sys.argv) > 1 else "hangar/hangar:latest"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
BASE = "hangar-local/jre17:latest"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hangar_start():
    port = free_port()
    t0 = time.perf_counter()
    cid = subprocess.run(["docker", "run", "-d", "-p", f"127.0.0.1:{port}:4566", "-v",
                          "/var/run/docker.sock:/var/run/docker.sock", IMAGE],
                         check=True, capture_output=True, text=True).stdout.strip()
    try:
        deadline = t0 + 60
        while time.perf_counter() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_hangar/health", timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - t0
            except OSError:
                time.sleep(0.005)
        raise SystemExit("Hangar did not answer within 60 s")
    finally:
        subprocess.run(["docker", "rm", "-f", cid], capture_output=True)


def bare_start():
    t0 = time.perf_counter()
    subprocess.run(["docker", "run", "--rm", BASE, "java", "-version"], check=True, capture_output=True)
    return time.perf_counter() - t0


size = int(subprocess.run(["docker", "image", "inspect", "-f", "{{.Size}}", IMAGE], check=True,
                          capture_output=True, text=True).stdout)
base_size = int(subprocess.run(["docker", "image", "inspect", "-f", "{{.Size}}", BASE], check=True,
                               capture_output=True, text=True).stdout)
hangar, bare = [], []
for _ in range(RUNS):  # interleaved, so both see the same load
    hangar.append(hangar_start())
    bare.append(bare_start())
with open("/proc/loadavg") as f:
    load = f.read().split()[0]
print(json.dumps({
    "image": IMAGE, "imageMB": round(size / 1e6, 1), "baseMB": round(base_size / 1e6, 1),
    "runToHealthMs": [round(x * 1000) for x in hangar], "runToHealthMedianMs": round(statistics.median(hangar) * 1000),
    "bareJavaVersionMs": [round(x * 1000) for x in bare], "bareJavaVersionMedianMs": round(statistics.median(bare) * 1000),
    "loadAvg1m": load}, indent=1))
