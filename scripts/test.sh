#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (Docker engine, AWS CLI v2,
# the test and Lambda runtime images — each skipped when already there), then runs every module's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# AWS CLI v1 comes from the machine's pyenv; a non-login shell may not have its shims on PATH
if ! aws --version 2>&1 | grep -q '^aws-cli/1\.' && [ -x "$HOME/.pyenv/shims/aws" ]; then
  export PATH="$HOME/.pyenv/shims:$PATH"
fi

bash scripts/docker-up.sh
bash scripts/install-test-tools.sh
bash scripts/build-test-images.sh
bash scripts/build-lambda-images.sh

exec mvn -B -ntp verify "$@"
