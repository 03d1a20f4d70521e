#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs Debian's docker.io when dockerd is missing and starts
# dockerd in the background when it is not running. Idempotent; returns at once when `docker info` already works.
set -euo pipefail

DOCKERD_LOG="${DOCKERD_LOG:-/tmp/dockerd.log}"
WAIT_SECONDS="${DOCKER_UP_WAIT_SECONDS:-30}"

log() { echo "[docker-up] $*" >&2; }

engine_answers() { docker info >/dev/null 2>&1; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  # a fresh machine has empty package lists; an install that finds nothing means they are missing or stale
  if ! apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y --no-install-recommends "$@"
  fi
}

if command -v docker >/dev/null 2>&1 && engine_answers; then
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  log "Docker engine or client missing: installing docker.io"
  apt_install docker.io
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  log "starting dockerd (log: $DOCKERD_LOG)"
  # its own session, so that it outlives this script and the shell or CI step that ran it;
  # dockerd starts its own containerd when no system one runs
  setsid -f dockerd >"$DOCKERD_LOG" 2>&1 </dev/null
fi

for _ in $(seq 1 $((WAIT_SECONDS * 4))); do
  if engine_answers; then
    log "engine up: $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')"
    exit 0
  fi
  sleep 0.25
done

log "dockerd did not answer within ${WAIT_SECONDS}s; last lines of $DOCKERD_LOG:"
tail -n 30 "$DOCKERD_LOG" >&2 || true
exit 1
