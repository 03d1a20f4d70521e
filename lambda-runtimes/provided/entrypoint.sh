#!/bin/sh
# Hangar's entrypoint for provided.* (OS-only) functions: runs the function's own `bootstrap`, found where AWS looks
# for it ($LAMBDA_TASK_ROOT/bootstrap, then /opt/bootstrap from a layer). The bootstrap is the runtime client: it
# talks to the Runtime API at $AWS_LAMBDA_RUNTIME_API itself. Usage: entrypoint.sh [handler] (default: $_HANDLER).
if [ -n "$1" ]; then _HANDLER="$1"; fi
export _HANDLER
: "${LAMBDA_TASK_ROOT:=/var/task}"
export LAMBDA_TASK_ROOT
cd "$LAMBDA_TASK_ROOT" 2>/dev/null || true
for candidate in "$LAMBDA_TASK_ROOT/bootstrap" /opt/bootstrap; do
  if [ -f "$candidate" ]; then
    exec "$candidate"
  fi
done
message="Couldn't find valid bootstrap(s): [$LAMBDA_TASK_ROOT/bootstrap /opt/bootstrap]"
echo "Error: $message" >&2
if [ -n "${AWS_LAMBDA_RUNTIME_API:-}" ] && command -v curl >/dev/null 2>&1; then
  curl -sS -o /dev/null -X POST -H 'Lambda-Runtime-Function-Error-Type: Runtime.InvalidEntrypoint' \
    -H 'Content-Type: application/json' \
    --data "{\"errorMessage\":\"$message\",\"errorType\":\"Runtime.InvalidEntrypoint\",\"stackTrace\":[]}" \
    "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/init/error" || true
fi
exit 1
