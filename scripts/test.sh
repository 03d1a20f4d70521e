#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (Docker engine, AWS CLI v2,
# the test and Lambda runtime images — each skipped when already there), then runs every module's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/docker-up.sh
bash scripts/install-test-tools.sh
bash scripts/build-test-images.sh
bash scripts/build-lambda-images.sh

exec mvn -B -ntp verify "$@"
