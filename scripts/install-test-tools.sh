#!/usr/bin/env bash
# The clients the tests drive besides the SDK: AWS CLI v1 (preinstalled on this kind of machine, on PATH) and
# AWS CLI v2 (Debian's awscli package, /usr/bin/aws). Idempotent.
set -euo pipefail

if [ ! -x /usr/bin/aws ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends awscli >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y --no-install-recommends awscli; }
fi
if ! command -v aws >/dev/null 2>&1; then
  echo "[install-test-tools] no 'aws' on PATH (AWS CLI v1 expected)" >&2
  exit 1
fi
