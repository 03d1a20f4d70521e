"""Hangar's Lambda runtime client for Python (stdlib only, Python >= 3.8).

Runs one Lambda execution environment: imports the handler named by _HANDLER (or argv[1]) from LAMBDA_TASK_ROOT, then
loops on the Runtime API at AWS_LAMBDA_RUNTIME_API: GET next invocation, call the handler, POST its response or
error. Errors, logs and the context object follow AWS's Python runtime (awslambdaric) so functions and their logs
look the same as on AWS. Works from any path: `python3 /anywhere/bootstrap.py [module.handler]`.
See lambda-runtimes/README.md.
"""

import decimal
import importlib
import io
import json
import logging
import os
import socket
import sys
import time
import traceback

API_VERSION = "2018-06-01"
_THIS_FILE = os.path.abspath(__file__)
_OWN_FILENAMES = {__file__, _THIS_FILE}  # as frames name this file, however it was started
_LOG_LINE_JOIN = "\r"  # lines of one error block: one log event (Hangar turns \r back into \n)
_NBSP = "\u00a0"  # AWS indents stack lines in the error log with no-break spaces


class FaultException(Exception):
    MARSHAL_ERROR = "Runtime.MarshalError"
    UNMARSHAL_ERROR = "Runtime.UnmarshalError"
    USER_CODE_SYNTAX_ERROR = "Runtime.UserCodeSyntaxError"
    HANDLER_NOT_FOUND = "Runtime.HandlerNotFound"
    IMPORT_MODULE_ERROR = "Runtime.ImportModuleError"
    BUILT_IN_MODULE_CONFLICT = "Runtime.BuiltInModuleConflict"
    MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName"
    LAMBDA_CONTEXT_UNMARSHAL_ERROR = "Runtime.LambdaContextUnmarshalError"

    def __init__(self, exception_type, msg, trace=None):
        Exception.__init__(self, msg)
        self.exception_type = exception_type
        self.msg = msg
        self.trace = trace


# --- output --------------------------------------------------------------------------------------------------------

def _unbuffered(stream):
    """A text stream over the same file descriptor that writes straight through: a log line must reach the container
    log at once, and still be there when the function ends the process with os._exit()."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return stream
    return io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), encoding="utf-8", errors="backslashreplace",
                            write_through=True)


def _log_error(error):
    """The error block AWS's Python runtime writes: `[ERROR] Type: message`, then the traceback lines."""
    head = "[ERROR]"
    if error.get("errorType"):
        head += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            head += ":"
        head += " " + error["errorMessage"]
    lines = [head]
    stack = error.get("stackTrace")
    if stack is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack:
            if element == "":
                lines.append("")
                continue
            for line in element.splitlines():
                stripped = line.lstrip(" ")
                lines.append(_NBSP * (len(line) - len(stripped)) + stripped)
    sys.stdout.write(_LOG_LINE_JOIN.join(lines) + "\n")


_current_request_id = None


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _current_request_id or ""
        return True


class _StdoutHandler(logging.Handler):
    def emit(self, record):
        try:
            sys.stdout.write(self.format(record))
        except Exception:
            self.handleError(record)


def _setup_logging():
    logging.Formatter.converter = time.gmtime
    handler = _StdoutHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    level = (os.environ.get("AWS_LAMBDA_LOG_LEVEL") or "").upper()
    if level in ("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL", "CRITICAL"):
        root.setLevel({"TRACE": "DEBUG", "WARN": "WARNING", "FATAL": "CRITICAL"}.get(level, level))
    root.addHandler(handler)


# --- JSON ----------------------------------------------------------------------------------------------------------

class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, decimal.Decimal):
            if o.is_nan():
                return float("nan")
            return int(o) if o == o.to_integral_value() else float(o)
        return json.JSONEncoder.default(self, o)


def _ensure_ascii():
    env = os.environ.get("AWS_EXECUTION_ENV", "")
    # AWS's python3.12+ runtimes stopped escaping non-ASCII characters in responses
    try:
        minor = int(env.rsplit("python3.", 1)[1]) if "python3." in env else sys.version_info[1]
    except ValueError:
        minor = sys.version_info[1]
    return minor < 12


_ENCODER = _Encoder(ensure_ascii=_ensure_ascii())


def to_json(obj):
    return _ENCODER.encode(obj)


# --- context -------------------------------------------------------------------------------------------------------

class _Obj(object):
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())))


class Client(_Obj):
    def __init__(self, d):
        d = d if isinstance(d, dict) else {}
        self.installation_id = d.get("installation_id")
        self.app_title = d.get("app_title")
        self.app_version_name = d.get("app_version_name")
        self.app_version_code = d.get("app_version_code")
        self.app_package_name = d.get("app_package_name")


class ClientContext(_Obj):
    def __init__(self, d):
        self.client = Client(d.get("client")) if d.get("client") is not None else None
        self.custom = d.get("custom")
        self.env = d.get("env")


class CognitoIdentity(_Obj):
    def __init__(self, d):
        d = d or {}
        self.cognito_identity_id = d.get("cognitoIdentityId")
        self.cognito_identity_pool_id = d.get("cognitoIdentityPoolId")


class LambdaContext(_Obj):
    def __init__(self, request_id, client_context, cognito_identity, deadline_ms, invoked_function_arn):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.client_context = ClientContext(client_context) if isinstance(client_context, dict) else None
        self.identity = CognitoIdentity(cognito_identity)
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._deadline_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))


# --- Runtime API ---------------------------------------------------------------------------------------------------

class Invocation(object):
    def __init__(self, request_id, body, headers):
        self.request_id = request_id
        self.body = body
        self.content_type = headers.get("content-type") or "application/json"
        self.deadline_ms = int(headers.get("lambda-runtime-deadline-ms") or 0)
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.trace_id = headers.get("lambda-runtime-trace-id")
        self.client_context = headers.get("lambda-runtime-client-context")
        self.cognito_identity = headers.get("lambda-runtime-cognito-identity")


class _Closed(Exception):
    """The server closed the connection before answering."""


class RuntimeApiClient(object):
    """One persistent HTTP/1.1 connection on a plain socket; no timeout, since `next` blocks until an invocation
    arrives. Not http.client: that parses every answer's headers with the email package and sends a request's
    headers and body in two writes, which together cost more than the rest of a warm invocation here. Each request
    goes out in one write; answers are read with Content-Length, chunked, or up to the close."""

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.host, self.port = host.strip("[]"), int(port)
        self.host_header = address.encode("latin-1")
        self.base = ("/" + API_VERSION + "/runtime").encode("latin-1")
        self.sock = None
        self.reader = None

    def _connect(self):
        self.sock = socket.create_connection((self.host, self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def _close(self):
        if self.sock is not None:
            self.reader.close()
            self.sock.close()
        self.sock = self.reader = None

    def _request(self, method, path, body=b"", headers=()):
        head = [method, b" ", self.base, path.encode("latin-1"), b" HTTP/1.1\r\nHost: ", self.host_header,
                b"\r\nContent-Length: ", str(len(body)).encode("latin-1"), b"\r\n"]
        for name, value in headers:
            head += [name.encode("latin-1"), b": ", value.encode("latin-1"), b"\r\n"]
        head.append(b"\r\n")
        data = b"".join(head) + body
        for attempt in (1, 2):
            if self.sock is None:
                self._connect()
            try:
                self.sock.sendall(data)
                return self._read_response()
            except (_Closed, ConnectionResetError, BrokenPipeError):
                # the server closed an idle keep-alive connection: reconnect once
                self._close()
                if attempt == 2:
                    raise

    def _read_response(self):
        reader = self.reader
        line = reader.readline(65537)
        if not line:
            raise _Closed()
        parts = line.split(None, 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/"):
            raise RuntimeError("malformed answer from the Runtime API: %r" % line[:200])
        status = int(parts[1])
        headers = {}
        while True:
            line = reader.readline(65537)
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = headers.get("content-length")
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = self._read_chunked()
        elif length is not None:
            body = reader.read(int(length))
        else:
            body = reader.read()
            headers["connection"] = "close"
        if parts[0] == b"HTTP/1.0" or headers.get("connection", "").lower() == "close":
            self._close()
        return status, headers, body

    def _read_chunked(self):
        chunks = []
        while True:
            size = int(self.reader.readline(65537).split(b";", 1)[0], 16)
            if size == 0:
                while self.reader.readline(65537) not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(self.reader.read(size))
            self.reader.readline(65537)

    def next_invocation(self):
        status, headers, body = self._request(b"GET", "/invocation/next")
        if status != 200:
            raise RuntimeError("GET next returned %d: %r" % (status, body[:200]))
        return Invocation(headers.get("lambda-runtime-aws-request-id"), body, headers)

    def post_response(self, request_id, payload, content_type):
        self._post("/invocation/%s/response" % request_id, payload, (("Content-Type", content_type),))

    def post_error(self, request_id, error):
        self._post("/invocation/%s/error" % request_id, to_json(error).encode("utf-8"), self._error_headers(error))

    def post_init_error(self, error):
        self._post("/init/error", to_json(error).encode("utf-8"), self._error_headers(error))

    @staticmethod
    def _error_headers(error):
        return (("Content-Type", "application/json"), ("Lambda-Runtime-Function-Error-Type", error["errorType"]))

    def _post(self, path, payload, headers):
        if isinstance(payload, str):
            payload = payload.encode("utf-8")
        status, _, body = self._request(b"POST", path, payload, headers)
        if status >= 300:
            # e.g. 413 for an oversized response: the Runtime API reports the failure to the caller itself
            sys.stderr.write("[hangar-runtime] POST %s returned %d: %s\n"
                             % (path, status, body.decode("utf-8", "replace")[:500]))


# --- handler -------------------------------------------------------------------------------------------------------

def make_error(message, error_type, stack_trace, request_id=None):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def fault_result(exc_info, request_id=None):
    """An unhandled exception as AWS reports it: its class name, str() and the stack without this client's frames."""
    etype, value, tb = exc_info
    frames = [(f.filename, f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]
    while frames and frames[0][0] in _OWN_FILENAMES:
        frames.pop(0)
    return make_error(str(value), etype.__name__, traceback.format_list(frames), request_id)


def load_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException(FaultException.MALFORMED_HANDLER_NAME, "Bad handler '{}': {}".format(handler, e))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException(FaultException.BUILT_IN_MODULE_CONFLICT,
                                 "Cannot use built-in module {} as a handler module".format(modname))
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise FaultException(FaultException.IMPORT_MODULE_ERROR,
                             "Unable to import module '{}': {}".format(modname, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException(FaultException.USER_CODE_SYNTAX_ERROR,
                             "Syntax error in module '{}': {}".format(modname, e), trace)
    try:
        return getattr(module, fname)
    except AttributeError:
        raise FaultException(FaultException.HANDLER_NOT_FOUND,
                             "Handler '{}' missing on module '{}'".format(fname, modname))


def _parse_json_header(value, name):
    if not value:
        return None
    try:
        return json.loads(value)
    except Exception as e:
        raise FaultException(FaultException.LAMBDA_CONTEXT_UNMARSHAL_ERROR,
                             "Unable to parse {} JSON: {}".format(name, e))


def handle(client, handler, inv):
    error = None
    try:
        context = LambdaContext(inv.request_id,
                                _parse_json_header(inv.client_context, "Client Context"),
                                _parse_json_header(inv.cognito_identity, "Cognito Identity"),
                                inv.deadline_ms, inv.invoked_function_arn)
        if inv.content_type.split(";")[0].strip() == "application/json":
            try:
                event = json.loads(inv.body) if inv.body.strip() else {}
            except Exception as e:
                raise FaultException(FaultException.UNMARSHAL_ERROR, "Unable to unmarshal input: {}".format(e))
        else:
            event = inv.body
        result = handler(event, context)
        if isinstance(result, bytes):
            payload, content_type = result, "application/unknown"
        else:
            try:
                payload, content_type = to_json(result), "application/json"
            except Exception as e:
                raise FaultException(FaultException.MARSHAL_ERROR, "Unable to marshal response: {}".format(e))
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace, inv.request_id)
    except Exception:
        error = fault_result(sys.exc_info(), inv.request_id)
    if error is not None:
        _log_error(error)
        client.post_error(inv.request_id, error)
    else:
        client.post_response(inv.request_id, payload, content_type)


def _setup_sys_path(task_root):
    # like AWS: the function's code first, then layers (/opt/python...), never this client's own folder
    here = os.path.dirname(_THIS_FILE)
    if sys.path and os.path.abspath(sys.path[0] or ".") == here and here != task_root:
        sys.path.pop(0)
    layer_paths = [p for p in ("/opt/python/lib/python%d.%d/site-packages" % sys.version_info[:2], "/opt/python")
                   if os.path.isdir(p)]
    for p in [task_root] + layer_paths:
        while p in sys.path:
            sys.path.remove(p)
    sys.path[0:0] = [task_root] + layer_paths


def main(argv):
    global _current_request_id
    sys.stdout = _unbuffered(sys.stdout)
    sys.stderr = _unbuffered(sys.stderr)

    handler_name = argv[1] if len(argv) > 1 and argv[1] else os.environ.get("_HANDLER", "")
    os.environ["_HANDLER"] = handler_name
    address = os.environ.get("AWS_LAMBDA_RUNTIME_API")
    if not address:
        sys.stderr.write("[hangar-runtime] AWS_LAMBDA_RUNTIME_API is not set\n")
        return 2
    task_root = os.environ.setdefault("LAMBDA_TASK_ROOT", "/var/task")
    _setup_sys_path(task_root)
    if os.path.isdir(task_root):
        os.chdir(task_root)

    client = RuntimeApiClient(address)
    error = None
    try:
        _setup_logging()
        handler = load_handler(handler_name)
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace)
    except Exception:
        error = fault_result(sys.exc_info())
    if error is not None:
        _log_error(error)
        client.post_init_error(error)
        return 1

    while True:
        inv = client.next_invocation()
        _current_request_id = inv.request_id
        if inv.trace_id is not None:
            os.environ["_X_AMZN_TRACE_ID"] = inv.trace_id
        else:
            os.environ.pop("_X_AMZN_TRACE_ID", None)
        handle(client, handler, inv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
