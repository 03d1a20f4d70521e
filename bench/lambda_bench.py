"""Lambda figures of Hangar's benchmark harness (imported by bench/run.py; bench/README.md has the details).

  1. warm invoke added latency: sequential RequestResponse invokes of a warm function on one keep-alive connection;
     per call, the round trip seen by the caller minus the time the handler measured itself,
  2. cold start against the bare container start: the first invoke of a fresh function against the same image started
     by the engine API directly, its runtime client served by a minimal Runtime API in this process,
  3. 100 concurrent RequestResponse invocations (each on its own connection), then 1,000 Event invocations whose
     handler prints its event id, counted back through CloudWatch Logs FilterLogEvents: nothing lost, no error.

Python 3 standard library only. Traffic goes to 127.0.0.1 (Hangar, and the Runtime API served here for the bare
containers); every loop is bounded in count and time. Bare containers carry the label hangar.bench=<run label> and are
removed after each start; Hangar's own function containers go when the Hangar process stops.
"""
from __future__ import annotations

import base64
import http.client
import io
import json
import os
import queue
import re
import socket
import statistics
import tempfile
import threading
import time
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"
RUNTIME = "python3.12"
IMAGE = "hangar-test/lambda-python:latest"
ROLE = "arn:aws:iam::000000000000:role/hangar-bench"
LAMBDA_AUTH = ("AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/lambda/aws4_request, "
               "SignedHeaders=host, Signature=00")
LOGS_AUTH = ("AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/logs/aws4_request, "
             "SignedHeaders=host, Signature=00")

# every function this run created (unqualified ARNs: Hangar labels its containers hangar.resource=<ARN>), so that the
# harness can check that none of their containers outlives Hangar
CREATED_ARNS: list[str] = []

# Hangar's settings for the Lambda part: the project's offline python image (it brings its runtime client)
HANGAR_ENV = {"HANGAR_LAMBDA_IMAGE_PYTHON3_12": IMAGE}

TARGETS = {
    "warm_added_p50_ms": 2.0,
    "warm_added_p99_ms": 10.0,
    "cold_over_bare_ms": 100.0,
    "concurrent": 100,
    "events": 1000,
}

# one handler for every measurement: it times its own body and says which environment ran it
HANDLER_SOURCE = '''\
import os
import time

ENVIRONMENT = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "?")


def handler(event, context):
    t0 = time.perf_counter_ns()
    kind = event.get("kind")
    if kind == "evt":
        print("EVT " + str(event["id"]))
    elif kind == "sleep":
        time.sleep(float(event["s"]))
    return {"handler_ns": time.perf_counter_ns() - t0, "env": ENVIRONMENT}
'''
HANDLER = "handler.handler"


def handler_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("handler.py", date_time=(2026, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        z.writestr(info, HANDLER_SOURCE)
    return buf.getvalue()


def pct(values, p):
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-p * len(ordered) // 100))
    return ordered[int(rank) - 1]


def r3(v):
    return None if v is None else round(v, 3)


def r1(v):
    return None if v is None else round(v, 1)


# ------------------------------------------------------------------------------------------------------ clients

class LambdaClient:
    """restJson1 Lambda plus awsJson1_1 CloudWatch Logs, over one keep-alive connection to Hangar."""

    def __init__(self, port: int, timeout: float = 120.0):
        self.port, self.timeout = port, timeout
        self.conn = http.client.HTTPConnection(HOST, port, timeout=timeout)

    def close(self):
        self.conn.close()

    def _send(self, method, path, body: bytes | None, headers: dict):
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                resp = self.conn.getresponse()
                return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
                if attempt == 2:
                    raise

    def rest(self, method, path, body: dict | None = None, headers: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        h = {"Authorization": LAMBDA_AUTH, "Content-Type": "application/json", **(headers or {})}
        status, hdrs, raw = self._send(method, path, data, h)
        try:
            parsed = json.loads(raw) if raw else {}
        except ValueError:
            parsed = {"_raw": raw[:300].decode(errors="replace")}
        return status, hdrs, parsed

    def create_function(self, name: str, zip_bytes: bytes, timeout_s: int = 30) -> None:
        CREATED_ARNS.append(f"arn:aws:lambda:us-east-1:000000000000:function:{name}")
        status, _, body = self.rest("POST", "/2015-03-31/functions", {
            "FunctionName": name, "Runtime": RUNTIME, "Role": ROLE, "Handler": HANDLER,
            "Code": {"ZipFile": base64.b64encode(zip_bytes).decode()}, "Timeout": timeout_s, "MemorySize": 128})
        if status != 201:
            raise RuntimeError(f"CreateFunction {name} answered {status}: {json.dumps(body)[:300]}")
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            status, _, body = self.rest("GET", f"/2015-03-31/functions/{name}")
            state = (body.get("Configuration") or {}).get("State")
            if status == 200 and state == "Active":
                return
            if state == "Failed":
                raise RuntimeError(f"function {name} Failed: {json.dumps(body)[:300]}")
            time.sleep(0.02)
        raise RuntimeError(f"function {name} not Active after 60 s")

    def delete_function(self, name: str) -> None:
        self.rest("DELETE", f"/2015-03-31/functions/{name}")

    def invoke(self, name: str, event: dict, invocation_type: str = "RequestResponse"):
        """Returns (status, headers, payload bytes, round trip ns)."""
        data = json.dumps(event).encode()
        h = {"Authorization": LAMBDA_AUTH, "Content-Type": "application/json",
             "X-Amz-Invocation-Type": invocation_type}
        t0 = time.perf_counter_ns()
        status, hdrs, raw = self._send("POST", f"/2015-03-31/functions/{name}/invocations", data, h)
        return status, hdrs, raw, time.perf_counter_ns() - t0

    def filter_log_events(self, group: str, pattern: str, max_pages: int = 200) -> list[dict]:
        events, token = [], None
        for _ in range(max_pages):
            body = {"logGroupName": group, "filterPattern": pattern, "limit": 10000}
            if token:
                body["nextToken"] = token
            status, _, raw = self._send("POST", "/", json.dumps(body).encode(), {
                "Authorization": LOGS_AUTH, "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": "Logs_20140328.FilterLogEvents"})
            if status == 400 and b"ResourceNotFound" in raw:
                return []
            if status != 200:
                raise RuntimeError(f"FilterLogEvents answered {status}: {raw[:300]!r}")
            page = json.loads(raw)
            events += page.get("events", [])
            token = page.get("nextToken")
            if not token:
                break
        return events


REPORT_RE = re.compile(r"REPORT RequestId: (\S+)\tDuration: ([0-9.]+) ms")
INIT_RE = re.compile(r"\tInit Duration: ([0-9.]+) ms")


def report_lines(client: LambdaClient, function: str) -> dict[str, dict]:
    """request id -> {"duration_ms", "init_ms"} from the function's REPORT lines."""
    out = {}
    for e in client.filter_log_events(f"/aws/lambda/{function}", "REPORT"):
        m = REPORT_RE.search(e.get("message", ""))
        if m:
            init = INIT_RE.search(e["message"])
            out[m.group(1)] = {"duration_ms": float(m.group(2)), "init_ms": float(init.group(1)) if init else None}
    return out


def invoke_ok(client: LambdaClient, name: str, event: dict) -> tuple[dict, dict, int]:
    status, hdrs, raw, ns = client.invoke(name, event)
    if status != 200 or "x-amz-function-error" in hdrs:
        raise RuntimeError(f"Invoke {name} answered {status} {hdrs.get('x-amz-function-error')}: {raw[:300]!r}")
    return json.loads(raw), hdrs, ns


# ---------------------------------------------------------------------------------------- 1. warm added latency

def proc_cpu_ms(pid):
    """CPU time (user + system, all threads) a process has used so far, from /proc/PID/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, TypeError):
        return None


def measure_warm(client: LambdaClient, zip_bytes: bytes, count: int, warmup: int, log, pid=None) -> dict:
    name = "bench-warm"
    client.create_function(name, zip_bytes)
    for _ in range(warmup):  # the cold start, then the JIT of Hangar's invoke path and the runtime client
        invoke_ok(client, name, {"kind": "noop"})
    # the floor of any request on this connection: an in-memory control-plane call (GetFunction) of Hangar
    floor = []
    for _ in range(min(count, 200)):
        t0 = time.perf_counter_ns()
        status, _, _ = client.rest("GET", f"/2015-03-31/functions/{name}")
        floor.append((time.perf_counter_ns() - t0) / 1e6)
        if status != 200:
            raise RuntimeError(f"GetFunction answered {status}")
    round_trip, handler, added, ids, envs = [], [], [], [], set()
    cpu_before = proc_cpu_ms(pid)
    started = time.perf_counter()
    for _ in range(count):
        payload, hdrs, ns = invoke_ok(client, name, {"kind": "noop"})
        round_trip.append(ns / 1e6)
        handler.append(payload["handler_ns"] / 1e6)
        added.append((ns - payload["handler_ns"]) / 1e6)
        ids.append(hdrs.get("x-amzn-requestid"))
        envs.add(payload["env"])
    wall = time.perf_counter() - started
    cpu_after = proc_cpu_ms(pid)
    hangar_cpu_us = (round((cpu_after - cpu_before) * 1000 / count, 1)
                     if cpu_before is not None and cpu_after is not None else None)
    # Hangar's view of each call (REPORT Duration: from handing the event to the runtime to its response), to split
    # the added time between Hangar's front (HTTP, routing, queueing) and the runtime round trip inside the container
    reports: dict = {}
    deadline = time.perf_counter() + 15
    while time.perf_counter() < deadline:
        reports = report_lines(client, name)
        if all(i in reports for i in ids):
            break
        time.sleep(0.5)
    front, runtime_side = [], []
    for i, rt, hd in zip(ids, round_trip, handler):
        rep = reports.get(i)
        if rep:
            front.append(rt - rep["duration_ms"])
            runtime_side.append(rep["duration_ms"] - hd)
    client.delete_function(name)
    result = {
        "invocations": count, "warmup_invocations": warmup, "environments_used": len(envs),
        "wall_s": round(wall, 2), "sequential_rate_per_s": round(count / wall, 1),
        "added_ms": {"p50": r3(pct(added, 50)), "p90": r3(pct(added, 90)), "p99": r3(pct(added, 99)),
                     "max": r3(max(added)), "mean": r3(statistics.fmean(added))},
        "round_trip_ms": {"p50": r3(pct(round_trip, 50)), "p99": r3(pct(round_trip, 99))},
        "handler_ms": {"p50": r3(pct(handler, 50)), "p99": r3(pct(handler, 99))},
        "getfunction_round_trip_ms": {"p50": r3(pct(floor, 50)), "p99": r3(pct(floor, 99))},
        "hangar_cpu_us_per_invoke": hangar_cpu_us,
        "report_lines_matched": len(front),
        "hangar_front_ms": {"p50": r3(pct(front, 50)), "p99": r3(pct(front, 99))} if front else None,
        "runtime_round_trip_ms": {"p50": r3(pct(runtime_side, 50)), "p99": r3(pct(runtime_side, 99))}
        if runtime_side else None,
    }
    log(f"  warm: {count} invokes, added p50 {result['added_ms']['p50']} ms, p99 {result['added_ms']['p99']} ms "
        f"(round trip p50 {result['round_trip_ms']['p50']} ms; GetFunction p50 "
        f"{result['getfunction_round_trip_ms']['p50']} ms; {len(envs)} environment(s))")
    return result


# ---------------------------------------------------------------------------------- 2. cold start against bare

class FakeRuntimeApi:
    """The smallest Runtime API for one bare container: hands out the queued event on `next`, records when the
    first `next` and the response arrive."""

    def __init__(self):
        self.events: queue.Queue = queue.Queue()
        self.first_next_ns = None
        self.response_ns = None
        self.response_body = None
        self.done = threading.Event()
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self, status, body=b"", headers=None):
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path.endswith("/runtime/invocation/next"):
                    if api.first_next_ns is None:
                        api.first_next_ns = time.perf_counter_ns()
                    try:
                        request_id, event = api.events.get(timeout=30)
                    except queue.Empty:
                        self.close_connection = True
                        return
                    self._answer(200, event, {
                        "Content-Type": "application/json", "Lambda-Runtime-Aws-Request-Id": request_id,
                        "Lambda-Runtime-Deadline-Ms": str(int(time.time() * 1000) + 30_000),
                        "Lambda-Runtime-Invoked-Function-Arn":
                            "arn:aws:lambda:us-east-1:000000000000:function:bench-bare"})
                else:
                    self._answer(404)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if "/response" in self.path or "/error" in self.path:
                    api.response_ns = time.perf_counter_ns()
                    api.response_body = body if "/response" in self.path else b"ERROR " + body
                    self._answer(202, b'{"status":"OK"}', {"Content-Type": "application/json"})
                    api.done.set()
                else:
                    self._answer(404)

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def bare_cold_start(api, code_dir: Path, label: str) -> dict:
    """create + start of the same image through the engine API, as Hangar's runtime does (host network, init,
    128 MB, code bind-mounted read-only, the handler as command), its runtime client served here: ms until its first
    `next`, and until the response to the event waiting for it."""
    fake = FakeRuntimeApi()
    request_id = str(uuid.uuid4())
    fake.events.put((request_id, b'{"kind": "noop"}'))
    name = f"hangar-bench-lambda-bare-{uuid.uuid4().hex[:10]}"
    env = {"AWS_LAMBDA_RUNTIME_API": f"{HOST}:{fake.port}", "_HANDLER": HANDLER, "LAMBDA_TASK_ROOT": "/var/task",
           "AWS_LAMBDA_FUNCTION_NAME": "bench-bare", "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
           "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128", "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/bench-bare",
           "AWS_LAMBDA_LOG_STREAM_NAME": "bare", "AWS_REGION": "us-east-1", "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
           "TZ": ":UTC"}
    spec = {"Image": IMAGE, "Cmd": [HANDLER], "Env": [f"{k}={v}" for k, v in env.items()],
            "WorkingDir": "/var/task", "Labels": {"hangar.bench": label},
            "HostConfig": {"Init": True, "Memory": 128 * 2**20, "NetworkMode": "host",
                           "Binds": [f"{code_dir}:/var/task:ro"]}}
    cid = None
    try:
        t0 = time.perf_counter_ns()
        status, created = api.call("POST", f"/containers/create?name={name}", spec)
        if status != 201:
            raise RuntimeError(f"docker create answered {status}: {created}")
        cid = created["Id"]
        t_created = time.perf_counter_ns()
        status, _ = api.call("POST", f"/containers/{cid}/start")
        t_started = time.perf_counter_ns()
        if status != 204:
            raise RuntimeError(f"docker start answered {status}")
        if not fake.done.wait(60):
            raise RuntimeError("bare lambda container gave no response within 60 s")
        if not (fake.response_body or b"").startswith(b"{"):
            raise RuntimeError(f"bare lambda container answered {fake.response_body[:200]!r}")
        return {"create_ms": (t_created - t0) / 1e6, "start_ms": (t_started - t0) / 1e6,
                "first_next_ms": (fake.first_next_ns - t0) / 1e6, "response_ms": (fake.response_ns - t0) / 1e6}
    finally:
        if cid:
            api.remove(cid)
        fake.close()


def hangar_cold_start(client: LambdaClient, zip_bytes: bytes, name: str) -> dict:
    client.create_function(name, zip_bytes)
    try:
        payload, hdrs, ns = invoke_ok(client, name, {"kind": "noop"})
        rid = hdrs.get("x-amzn-requestid")
        init_ms = duration_ms = None
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            rep = report_lines(client, name).get(rid)
            if rep:
                init_ms, duration_ms = rep["init_ms"], rep["duration_ms"]
                break
            time.sleep(0.2)
        return {"invoke_ms": ns / 1e6, "init_ms": init_ms, "duration_ms": duration_ms}
    finally:
        client.delete_function(name)


def measure_cold(client: LambdaClient, api, zip_bytes: bytes, runs: int, label: str, log) -> dict:
    code_dir = Path(tempfile.mkdtemp(prefix="hangar-bench-lambda-code-"))
    try:
        (code_dir / "handler.py").write_text(HANDLER_SOURCE)
        os.chmod(code_dir, 0o755)
        os.chmod(code_dir / "handler.py", 0o644)
        # one unrecorded round of each warms the engine (image layers, page cache) and Hangar's launch path
        bare_cold_start(api, code_dir, label)
        hangar_cold_start(client, zip_bytes, "bench-cold-warmup")
        bare, hangar = [], []
        for i in range(runs):
            bare.append(bare_cold_start(api, code_dir, label))
            hangar.append(hangar_cold_start(client, zip_bytes, f"bench-cold-{i}"))
            log(f"  cold run {i + 1}/{runs}: bare create+start {bare[-1]['start_ms']:.0f} ms, first next "
                f"{bare[-1]['first_next_ms']:.0f} ms, response {bare[-1]['response_ms']:.0f} ms; Hangar cold invoke "
                f"{hangar[-1]['invoke_ms']:.0f} ms (Init Duration {hangar[-1]['init_ms']} ms)")
    finally:
        for p in code_dir.iterdir():
            p.unlink()
        code_dir.rmdir()

    def med(rows, key):
        vals = [r[key] for r in rows if r.get(key) is not None]
        return r1(statistics.median(vals)) if vals else None

    bare_med, hangar_med = med(bare, "response_ms"), med(hangar, "invoke_ms")
    return {
        "runs": runs,
        "bare": {"runs": [{k: r1(v) for k, v in r.items()} for r in bare],
                 "create_median_ms": med(bare, "create_ms"), "create_start_median_ms": med(bare, "start_ms"),
                 "first_next_median_ms": med(bare, "first_next_ms"), "response_median_ms": bare_med},
        "hangar": {"runs": [{k: r1(v) for k, v in r.items()} for r in hangar],
                   "invoke_median_ms": hangar_med, "init_duration_median_ms": med(hangar, "init_ms"),
                   "duration_median_ms": med(hangar, "duration_ms")},
        "over_bare_median_ms": r1(hangar_med - bare_med) if hangar_med is not None and bare_med is not None else None,
    }


# ------------------------------------------------------------------------------- 3. concurrency and Event invokes

def burst(port: int, name: str, n: int, event: dict, timeout: float) -> dict:
    """n RequestResponse invokes at once, each on its own connection; counts successes and errors."""
    barrier = threading.Barrier(n, timeout=60)
    results: list = [None] * n

    def one(i):
        client = LambdaClient(port, timeout=timeout)
        try:
            client.conn.connect()
            barrier.wait()
            status, hdrs, raw, ns = client.invoke(name, event)
            ok = status == 200 and "x-amz-function-error" not in hdrs
            env = json.loads(raw).get("env") if ok else None
            results[i] = {"ok": ok, "ms": ns / 1e6, "env": env,
                          "error": None if ok else f"{status} {hdrs.get('x-amz-function-error')} {raw[:200]!r}"}
        except Exception as e:  # noqa: BLE001 - every failure is a counted error
            results[i] = {"ok": False, "ms": None, "env": None, "error": f"{e.__class__.__name__}: {e}"[:200]}
        finally:
            client.close()

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout + 90)
    wall = time.perf_counter() - t0
    done = [r for r in results if r is not None]
    ok = [r for r in done if r["ok"]]
    lat = [r["ms"] for r in ok]
    errors = [r["error"] for r in done if not r["ok"]] + ["no answer (thread still running)"] * (n - len(done))
    return {"invocations": n, "succeeded": len(ok), "errors": len(errors), "error_samples": errors[:5],
            "wall_s": round(wall, 2), "environments_used": len({r["env"] for r in ok}),
            "latency_ms": {"p50": r1(pct(lat, 50)), "p90": r1(pct(lat, 90)), "max": r1(max(lat) if lat else None)}}


def measure_concurrency(port: int, client: LambdaClient, zip_bytes: bytes, n: int, log) -> dict:
    name = "bench-concurrent"
    client.create_function(name, zip_bytes, timeout_s=30)
    try:
        event = {"kind": "sleep", "s": 0.1}
        cold = burst(port, name, n, event, timeout=120)
        log(f"  {n} concurrent, cold function: {cold['succeeded']} ok, {cold['errors']} errors in {cold['wall_s']} s "
            f"({cold['environments_used']} environments; p50 {cold['latency_ms']['p50']} ms, max "
            f"{cold['latency_ms']['max']} ms)")
        warm = burst(port, name, n, event, timeout=120)
        log(f"  {n} concurrent, warm again: {warm['succeeded']} ok, {warm['errors']} errors in {warm['wall_s']} s "
            f"({warm['environments_used']} environments; p50 {warm['latency_ms']['p50']} ms, max "
            f"{warm['latency_ms']['max']} ms)")
    finally:
        client.delete_function(name)
    return {"handler_sleep_s": event["s"], "cold": cold, "warm": warm}


def measure_events(client: LambdaClient, zip_bytes: bytes, n: int, deadline_s: float, log) -> dict:
    name = "bench-events"
    client.create_function(name, zip_bytes)
    statuses, send_errors = {}, []
    t0 = time.perf_counter()
    for i in range(n):
        try:
            status, _, raw, _ = client.invoke(name, {"kind": "evt", "id": i}, "Event")
        except (OSError, http.client.HTTPException) as e:
            send_errors.append(f"{e.__class__.__name__}: {e}")
            continue
        statuses[status] = statuses.get(status, 0) + 1
        if status != 202:
            send_errors.append(f"{status} {raw[:200]!r}")
    sent_s = time.perf_counter() - t0
    accepted = statuses.get(202, 0)
    seen: dict[int, int] = {}
    streams: set = set()
    polls, end = 0, t0 + deadline_s
    while True:
        polls += 1
        seen.clear()
        for e in client.filter_log_events(f"/aws/lambda/{name}", "EVT"):
            m = re.match(r"EVT (\d+)", e.get("message", ""))
            if m:
                seen[int(m.group(1))] = seen.get(int(m.group(1)), 0) + 1
                streams.add(e.get("logStreamName"))
        if len(seen) >= n or time.perf_counter() > end:
            break
        time.sleep(1.0)
    all_in_s = time.perf_counter() - t0
    time.sleep(1.0)  # let the last REPORT lines settle, then look for any failure Hangar logged
    failures = client.filter_log_events(f"/aws/lambda/{name}", "?Task ?Error ?errorType ?ERROR ?Exception ?Timedout")
    reports = client.filter_log_events(f"/aws/lambda/{name}", "REPORT")
    client.delete_function(name)
    lost = n - len([i for i in range(n) if i in seen])
    result = {"invocations": n, "accepted_202": accepted, "status_counts": {str(k): v for k, v in statuses.items()},
              "send_errors": len(send_errors), "send_error_samples": send_errors[:5], "send_s": round(sent_s, 2),
              "delivered_distinct": len(seen), "delivered_more_than_once": sum(1 for c in seen.values() if c > 1),
              "lost": lost, "function_errors": len(failures),
              "function_error_samples": [f.get("message", "")[:200] for f in failures[:5]],
              "report_lines": len(reports), "environments_used": len(streams),
              "all_logged_s": round(all_in_s, 2) if len(seen) >= n else None, "deadline_s": deadline_s,
              "filter_polls": polls}
    log(f"  {n} Event invokes: {accepted} accepted in {result['send_s']} s, {len(seen)} delivered "
        f"({lost} lost, {result['delivered_more_than_once']} duplicated, {len(failures)} function errors) "
        f"in {result['all_logged_s']} s on {len(streams)} environments")
    return result


# ------------------------------------------------------------------------------------------------------ the whole

def measure_lambda(port: int, api, label: str, quick: bool, log, pid=None) -> dict:
    """All Lambda figures against a running Hangar on `port` (started with HANGAR_ENV). `api`: the engine API
    (bench/run.py's DockerApi) for the bare starts; None skips them."""
    zip_bytes = handler_zip()
    out: dict = {"image": IMAGE, "runtime": RUNTIME}
    client = LambdaClient(port)
    try:
        log("lambda: warm invoke added latency")
        out["warm"] = measure_warm(client, zip_bytes, count=100 if quick else 500, warmup=20 if quick else 300,
                                   log=log, pid=pid)
        if api is not None:
            runs = 2 if quick else 8
            log(f"lambda: cold start against the bare container start ({runs} runs, interleaved)")
            out["cold"] = measure_cold(client, api, zip_bytes, runs, label, log)
        n = 20 if quick else TARGETS["concurrent"]
        log(f"lambda: {n} concurrent RequestResponse invocations")
        out["concurrency"] = measure_concurrency(port, client, zip_bytes, n, log)
        n = 100 if quick else TARGETS["events"]
        log(f"lambda: {n} Event invocations, counted back through FilterLogEvents")
        out["events"] = measure_events(client, zip_bytes, n, deadline_s=120 if quick else 300, log=log)
    finally:
        client.close()
    return out


# ------------------------------------------------------------------------------------------------------- report

def verdicts(lam: dict | None, quick: bool) -> list[dict]:
    lam = lam or {}
    out = []

    def add(name, target, value, unit, passed):
        out.append({"figure": name, "target": target, "value": value, "unit": unit,
                    "pass": None if value is None else passed})

    added = (lam.get("warm") or {}).get("added_ms") or {}
    add("Lambda warm invoke added latency p50", f"≤ {TARGETS['warm_added_p50_ms']:g} ms", added.get("p50"), "ms",
        added.get("p50") is not None and added["p50"] <= TARGETS["warm_added_p50_ms"])
    add("Lambda warm invoke added latency p99", f"≤ {TARGETS['warm_added_p99_ms']:g} ms", added.get("p99"), "ms",
        added.get("p99") is not None and added["p99"] <= TARGETS["warm_added_p99_ms"])
    over = (lam.get("cold") or {}).get("over_bare_median_ms")
    add("Lambda cold start over bare container start (medians)", f"≤ {TARGETS['cold_over_bare_ms']:g} ms", over,
        "ms", over is not None and over <= TARGETS["cold_over_bare_ms"])
    conc = lam.get("concurrency") or {}
    for kind in ("cold", "warm"):
        c = conc.get(kind)
        n = c["invocations"] if c else (20 if quick else TARGETS["concurrent"])
        add(f"Lambda {n} concurrent RequestResponse ({kind} function): errors", "0 (all succeed)",
            c["errors"] if c else None, "", bool(c) and c["errors"] == 0 and c["succeeded"] == c["invocations"])
    ev = lam.get("events")
    n = ev["invocations"] if ev else (100 if quick else TARGETS["events"])
    add(f"Lambda {n:,} Event invocations: lost + errors", "0", (ev["lost"] + ev["send_errors"] +
                                                               ev["function_errors"]) if ev else None, "",
        bool(ev) and ev["lost"] == 0 and ev["send_errors"] == 0 and ev["function_errors"] == 0
        and ev["accepted_202"] == ev["invocations"])
    return out


def _f(v):
    if v is None:
        return "n/a"
    return f"{v:,.1f}" if isinstance(v, float) and v >= 10 else (f"{v:.2f}" if isinstance(v, float) else str(v))


def rows(lam: dict | None) -> list[tuple[str, str]]:
    if not lam:
        return []
    out = []
    w = lam.get("warm")
    if w:
        out += [("warm invoke added latency p50 / p90 / p99 (ms)",
                 f"{_f(w['added_ms']['p50'])} / {_f(w['added_ms']['p90'])} / {_f(w['added_ms']['p99'])}"),
                ("  round trip p50 / p99; handler's own p50 (ms)",
                 f"{_f(w['round_trip_ms']['p50'])} / {_f(w['round_trip_ms']['p99'])}; {_f(w['handler_ms']['p50'])}"),
                ("  same connection, GetFunction round trip p50 / p99 (ms)",
                 f"{_f(w['getfunction_round_trip_ms']['p50'])} / {_f(w['getfunction_round_trip_ms']['p99'])}"),
                ("  Hangar CPU per warm invoke (µs, all threads)", _f(w.get("hangar_cpu_us_per_invoke")))]
        if w.get("hangar_front_ms"):
            out += [("  of the round trip: Hangar front (round trip − REPORT Duration) p50 / p99 (ms)",
                     f"{_f(w['hangar_front_ms']['p50'])} / {_f(w['hangar_front_ms']['p99'])}"),
                    ("  of the round trip: Runtime API + runtime client (Duration − handler) p50 / p99 (ms)",
                     f"{_f(w['runtime_round_trip_ms']['p50'])} / {_f(w['runtime_round_trip_ms']['p99'])}")]
    c = lam.get("cold")
    if c:
        b, h = c["bare"], c["hangar"]
        out += [("cold invoke → answer, median (ms)", _f(h["invoke_median_ms"])),
                ("  REPORT Init Duration (start → first next) / Duration, medians (ms)",
                 f"{_f(h['init_duration_median_ms'])} / {_f(h['duration_median_ms'])}"),
                ("bare create+start → runtime's first response, median (ms)", _f(b["response_median_ms"])),
                ("  bare create / create+start / first next, medians (ms)",
                 f"{_f(b['create_median_ms'])} / {_f(b['create_start_median_ms'])} / {_f(b['first_next_median_ms'])}"),
                ("cold over bare, medians (ms)", _f(c["over_bare_median_ms"]))]
    conc = lam.get("concurrency")
    if conc:
        for kind in ("cold", "warm"):
            r = conc[kind]
            out.append((f"{r['invocations']} concurrent RequestResponse, {kind}: ok / errors / wall (s) / envs",
                        f"{r['succeeded']} / {r['errors']} / {r['wall_s']} / {r['environments_used']}"))
            out.append(("  latency p50 / p90 / max (ms)",
                        f"{_f(r['latency_ms']['p50'])} / {_f(r['latency_ms']['p90'])} / {_f(r['latency_ms']['max'])}"))
    e = lam.get("events")
    if e:
        out += [(f"{e['invocations']:,} Event invokes: 202 / delivered / lost / errors",
                 f"{e['accepted_202']} / {e['delivered_distinct']} / {e['lost']} / "
                 f"{e['send_errors'] + e['function_errors']}"),
                ("  sent in / all logged after (s), environments",
                 f"{e['send_s']} / {_f(e['all_logged_s'])}, {e['environments_used']}")]
    return out


def print_rows(lam: dict | None, skipped: str | None) -> None:
    if skipped:
        print(f"Lambda: not measured ({skipped})")
        print()
        return
    r = rows(lam)
    if not r:
        return
    w0 = max(len(a) for a, _ in r)
    print("Lambda (Hangar)")
    for a, b in r:
        print(f"{a:{w0}}  {b}")
    print()


def doc_lines(lam: dict | None, skipped: str | None) -> list[str]:
    lines = ["", "## Lambda", ""]
    if skipped or not lam:
        return lines + [f"Not measured in this run ({skipped or 'no figures'})."]
    lines += [f"Functions: `{lam['runtime']}` on the project's offline image `{lam['image']}` (it brings its own runtime "
              "client), zip of one handler that times its own body (`time.perf_counter_ns()`), 128 MB.", "",
              "| figure | Hangar |", "|---|---|"]
    lines += [f"| {a.strip()} | {b} |" for a, b in rows(lam)]
    w, c, conc, e = lam.get("warm"), lam.get("cold"), lam.get("concurrency"), lam.get("events")
    lines += [""]
    if w:
        lines.append(f"- Warm: {w['warmup_invocations']} unrecorded invokes, then {w['invocations']} sequential "
                     f"RequestResponse invokes on one keep-alive connection ({w['environments_used']} environment). "
                     "Added latency = the caller's round trip (Python `http.client`, whose own cost is also in the "
                     "GetFunction floor) minus "
                     "the handler's own time. The split uses each call's `REPORT` line: *Duration* runs from Hangar "
                     "handing the event to the runtime to its response, so round trip − Duration is Hangar's HTTP "
                     "front, routing and dispatch, and Duration − handler is the Runtime API round trip plus the runtime "
                     "client's own work in the container. GetFunction on the same connection is the floor of any "
                     "request.")
    if c:
        lines.append(f"- Cold: {c['runs']} runs after one unrecorded run of each, interleaved. Hangar: CreateFunction "
                     "of a fresh function, wait for Active, then the first Invoke timed from sending to the answer. "
                     "Bare: the same image with the same container settings (host network, init, 128 MB, the code "
                     "bind-mounted read-only, the handler as command), `create` + `start` through the engine API, its "
                     "runtime client served by a minimal Runtime API in the harness with the event already waiting; "
                     "timed until the runtime posts the response. That is the least any emulator running the function "
                     "in a container has to do; Hangar also attaches to the container's log stream and opens a "
                     "Runtime API listener per environment.")
    if conc:
        lines.append(f"- Concurrency: {conc['cold']['invocations']} threads, each on its own connection, released "
                     f"together by a barrier; the handler sleeps {conc['handler_sleep_s']} s. First against a fresh "
                     "function (every call needs a new environment: that many containers start at once), then the same "
                     "burst again on the now warm pool.")
    if e:
        lines.append(f"- Events: {e['invocations']:,} `Event` invokes sent one after the other on one connection (each "
                     "must answer 202); the handler prints `EVT <id>`; the harness polls CloudWatch Logs "
                     "`FilterLogEvents` (pattern `EVT`, paginated) on the same Hangar until every id is there or "
                     f"{e['deadline_s']:.0f} s have passed. Errors: send failures plus log events matching "
                     "`?Task ?Error ?errorType ?ERROR ?Exception ?Timedout` (timeouts, runtime and handler errors).")
    if "containers_left_after_stop" in lam:
        lines.append(f"- Hangar's RSS at the end of the Lambda part: {_f(lam.get('hangar_rss_mb_at_end'))} MB; function "
                     f"containers left once it had stopped: {lam['containers_left_after_stop']}.")
    return lines
