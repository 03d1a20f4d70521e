#!/usr/bin/env python3
"""DEV TOOL, not part of Hangar: a minimal Lambda Runtime API for trying runtime images by hand.

Serves /2018-06-01/runtime/... on 127.0.0.1 for ONE execution environment, plus a control endpoint to invoke it:

    python3 lambda-runtimes/dev/fake_runtime_api.py --port 9001 &
    docker run --rm --network host -e AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001 -e _HANDLER=handlers.echo \\
        -v $PWD/lambda-runtimes/test-functions/python:/var/task:ro hangar-test/lambda-python:latest
    curl -s -XPOST 127.0.0.1:9001/invoke -d '{"hello":"world"}'          # -> the function's result, as JSON:
      {"requestId": ..., "outcome": "response"|"error", "status": 202, "errorType": ..., "body": ...}
    curl -s 127.0.0.1:9001/init-error                                      # -> the init error posted, if any
    curl -s 127.0.0.1:9001/stats                                           # -> {"connections": n} accepted so far

POST /invoke?timeout=<s> waits for the result (default 30 s; "outcome":"timeout" if none). Headers X-Client-Context
and X-Cognito-Identity become Lambda-Runtime-Client-Context / -Cognito-Identity. Standard library only.
"""

import argparse
import json
import queue
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

PREFIX = "/2018-06-01/runtime"
MAX_PAYLOAD = 6 * 1024 * 1024 + 100


class State:
    def __init__(self, function_arn, deadline_seconds):
        self.function_arn = function_arn
        self.deadline_seconds = deadline_seconds
        self.pending = queue.Queue()  # invocations waiting for GET next
        self.results = {}  # request id -> queue of one result
        self.active = set()
        self.init_error = None
        self.connections = 0  # TCP connections accepted: a keep-alive client uses one
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set in main

    def setup(self):
        BaseHTTPRequestHandler.setup(self)
        with self.state.lock:
            self.state.connections += 1

    def log_message(self, fmt, *args):
        if self.server.verbose:
            BaseHTTPRequestHandler.log_message(self, fmt, *args)

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _send(self, status, body=b"", headers=None, content_type="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        st = self.state
        path = urlparse(self.path).path
        if path == PREFIX + "/invocation/next":
            inv = st.pending.get()  # long poll, no timeout
            headers = {
                "Lambda-Runtime-Aws-Request-Id": inv["id"],
                "Lambda-Runtime-Deadline-Ms": str(int((time.time() + inv["deadline_s"]) * 1000)),
                "Lambda-Runtime-Invoked-Function-Arn": st.function_arn,
                "Lambda-Runtime-Trace-Id": "Root=1-%08x-%s;Parent=%s;Sampled=0" % (
                    int(time.time()), uuid.uuid4().hex[:24], uuid.uuid4().hex[:16]),
            }
            if inv.get("client_context"):
                headers["Lambda-Runtime-Client-Context"] = inv["client_context"]
            if inv.get("cognito_identity"):
                headers["Lambda-Runtime-Cognito-Identity"] = inv["cognito_identity"]
            self._send(200, inv["payload"], headers)
        elif path == "/init-error":
            self._send(200, st.init_error or {})
        elif path == "/stats":
            self._send(200, {"connections": st.connections})
        else:
            self._send(404, {"errorMessage": "not found", "errorType": "NotFound"})

    def do_POST(self):
        st = self.state
        url = urlparse(self.path)
        body = self._body()
        if url.path == "/invoke":
            qs = parse_qs(url.query)
            wait = float(qs.get("timeout", ["30"])[0])
            rid = str(uuid.uuid4())
            box = queue.Queue(maxsize=1)
            with st.lock:
                st.results[rid] = box
                st.active.add(rid)
            st.pending.put({"id": rid, "payload": body or b"{}", "deadline_s": float(qs.get("deadline", [st.deadline_seconds])[0]),
                            "client_context": self.headers.get("X-Client-Context"),
                            "cognito_identity": self.headers.get("X-Cognito-Identity")})
            try:
                result = box.get(timeout=wait)
            except queue.Empty:
                result = {"requestId": rid, "outcome": "timeout"}
            self._send(200, result)
            return
        if url.path == PREFIX + "/init/error":
            st.init_error = {"errorType": self.headers.get("Lambda-Runtime-Function-Error-Type"),
                             "body": _json_or_text(body)}
            self._send(202, {"status": "OK"})
            return
        parts = url.path[len(PREFIX):].split("/") if url.path.startswith(PREFIX) else []
        # ["", "invocation", "<id>", "response"|"error"]
        if len(parts) == 4 and parts[1] == "invocation" and parts[3] in ("response", "error"):
            rid = parts[2]
            with st.lock:
                box = st.results.get(rid)
                if box is None:
                    self._send(400, {"errorMessage": "Invalid request ID", "errorType": "InvalidRequestID"})
                    return
                if rid not in st.active:
                    self._send(403, {"errorMessage": "State transition from Ready to InvocationResponse failed "
                                     "for runtime. Error: State transition is not allowed",
                                     "errorType": "InvalidStateTransition"})
                    return
                st.active.discard(rid)
            if parts[3] == "response" and len(body) > MAX_PAYLOAD:
                box.put({"requestId": rid, "outcome": "error", "errorType": "Function.ResponseSizeTooLarge"})
                self._send(413, {"errorMessage": "Exceeded maximum allowed payload size (6291556 bytes).",
                                 "errorType": "RequestEntityTooLarge"})
                return
            box.put({"requestId": rid, "outcome": parts[3], "status": 202,
                     "contentType": self.headers.get("Content-Type"),
                     "errorType": self.headers.get("Lambda-Runtime-Function-Error-Type"),
                     "body": _json_or_text(body)})
            self._send(202, {"status": "OK"})
            return
        self._send(404, {"errorMessage": "not found", "errorType": "NotFound"})


def _json_or_text(body):
    try:
        return json.loads(body)
    except Exception:
        return body.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=9001)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--function-arn", default="arn:aws:lambda:us-east-1:000000000000:function:dev-fn")
    ap.add_argument("--deadline", type=float, default=30.0, help="seconds from GET next to the deadline")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    Handler.state = State(args.function_arn, args.deadline)
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    server.verbose = args.verbose
    print("fake Runtime API on %s:%d" % (args.host, args.port), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
