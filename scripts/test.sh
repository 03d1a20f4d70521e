#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (Docker engine, AWS CLI v2,
# the test and Lambda runtime images, the Hangar image — each skipped when already there), runs every module's
# tests and installs the artifacts, then builds and tests examples/ against them.
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
# the Hangar image hangar-testcontainers' tests start, from the fat jar of this tree
mvn -B -ntp -q package -DskipTests -pl emulator-server -am "$@"
bash scripts/build-image.sh

# install: the example project below depends on the artifacts as a user's build would
mvn -B -ntp install "$@"
mvn -B -ntp -f examples/pom.xml verify
