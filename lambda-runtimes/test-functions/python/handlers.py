"""Python test handlers for Hangar's Lambda tests. Handler names: handlers.<function>."""
import logging
import os
import sys
import time

INIT_PID = os.getpid()  # same pid across invocations = one warm execution environment
INVOCATIONS = 0

ENV_KEYS = [
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION",
    "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_INITIALIZATION_TYPE", "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "TZ", "AWS_ACCESS_KEY_ID",
]


def echo(event, context):
    """Returns the event, the Lambda environment, user variables (HANGAR_TEST_*/USER_*) and the context."""
    global INVOCATIONS
    INVOCATIONS += 1
    env = {k: os.environ.get(k) for k in ENV_KEYS}
    env.update({k: v for k, v in os.environ.items() if k.startswith(("HANGAR_TEST_", "USER_"))})
    cc = context.client_context
    return {
        "event": event,
        "env": env,
        "context": {
            "function_name": context.function_name,
            "function_version": context.function_version,
            "invoked_function_arn": context.invoked_function_arn,
            "memory_limit_in_mb": context.memory_limit_in_mb,
            "aws_request_id": context.aws_request_id,
            "log_group_name": context.log_group_name,
            "log_stream_name": context.log_stream_name,
            "remaining_time_in_millis": context.get_remaining_time_in_millis(),
            "client_context": None if cc is None else {
                "custom": cc.custom, "env": cc.env,
                "client": None if cc.client is None else vars(cc.client)},
            "identity": vars(context.identity),
        },
        "pid": os.getpid(),
        "init_pid": INIT_PID,
        "invocations": INVOCATIONS,
        "python": sys.version.split()[0],
        "cwd": os.getcwd(),
    }


def fail(event, context):
    raise Exception("Handler fails")


class CustomError(Exception):
    pass


def fail_custom(event, context):
    raise CustomError(event.get("message", "some error occurred") if isinstance(event, dict) else "some error")


def sleep(event, context):
    """Sleeps event["seconds"] (default 5): for timeouts."""
    seconds = float((event or {}).get("seconds", 5))
    print("sleeping %s s" % seconds)
    time.sleep(seconds)
    return {"slept": seconds}


def crash(event, context):
    """Ends the process without a response: Runtime.ExitError."""
    print("about to crash")
    os._exit(int((event or {}).get("code", 1)))


def exit_clean(event, context):
    sys.exit(0)


def logs(event, context):
    """Prints lines to stdout and stderr and logs through logging."""
    print("log line 1")
    print("log line 2 for", context.aws_request_id)
    sys.stderr.write("stderr line\n")
    logging.getLogger().warning("a warning via logging")
    for i in range(int((event or {}).get("lines", 0))):
        print("line %d" % i)
    return "logged"


def unserializable(event, context):
    return {"a set": {1, 2}}


def bytes_result(event, context):
    return b"raw bytes"


def none_result(event, context):
    return None


def big(event, context):
    """Returns a string of event["size"] characters (default 7 MB): over the 6 MB limit."""
    return "x" * int((event or {}).get("size", 7 * 1024 * 1024))


NOT_CALLABLE = 42
