#!/usr/bin/env bash
# Builds the Hangar image hangar/hangar:<version> and :latest from docker/Dockerfile, offline. No registry is
# reachable here, so the JRE base is made locally the way scripts/build-lambda-images.sh makes the test images: a
# Debian bookworm minbase rootfs with openjdk-17-jre-headless (mmdebstrap, else debootstrap), cached as a tarball and
# `docker import`ed as hangar-local/jre17:latest. Elsewhere: BASE_IMAGE=eclipse-temurin:17-jre scripts/build-image.sh.
#
# Idempotent: the fat jar is built when missing (mvn package); the image is skipped when its label hangar.inputs
# (a hash of the jar, the Dockerfile, the JVM options and the base image) is current; the base is skipped when present.
# Usage: build-image.sh [--force]
# Env:   BASE_IMAGE (default hangar-local/jre17:latest, built here when it is that and missing);
#        HANGAR_IMAGE_CACHE (default /var/cache/hangar); HANGAR_DEBIAN_MIRROR overrides deb.debian.org.
set -euo pipefail

FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
LOCAL_BASE=hangar-local/jre17:latest
BASE_IMAGE="${BASE_IMAGE:-$LOCAL_BASE}"
CACHE="${HANGAR_IMAGE_CACHE:-/var/cache/hangar}/image"
SUITE=bookworm
MIRROR="${HANGAR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
JAR=emulator-server/target/hangar.jar
VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
IMAGE=hangar/hangar

log() { echo "[hangar-image] $*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

docker info >/dev/null 2>&1 || { log "no Docker engine answers: run scripts/docker-up.sh first"; exit 1; }
[[ -n "$VERSION" ]] || { log "cannot read the version from pom.xml"; exit 1; }

WORK="$(mktemp -d /tmp/hangar-image.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# --- the JRE base -------------------------------------------------------------------------------------------------
PACKAGES=(openjdk-17-jre-headless)
ROOTFS_TAR="$CACHE/$SUITE-jre17-$(echo "rootfs v1 ${PACKAGES[*]}" | sha256sum | cut -c1-12).tar"
DPKG_EXCLUDES=("/usr/share/doc/*" "/usr/share/man/*" "/usr/share/info/*" "/usr/share/locale/*" "/usr/share/lintian/*")

make_rootfs() {
  local t0; t0="$(now)"
  mkdir -p "$CACHE"
  command -v mmdebstrap >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null; }; }
  log "mmdebstrap --variant=minbase $SUITE + ${PACKAGES[*]} (once per machine; cached in $ROOTFS_TAR)"
  local opts=() p tmp="${TMPDIR:-/tmp}"
  for p in "${DPKG_EXCLUDES[@]}"; do opts+=(--dpkgopt="path-exclude=$p"); done
  [[ -d /dev/shm && "$(df -Pm /dev/shm | awk 'NR==2 { print $4 }')" -gt 2000 ]] && tmp=/dev/shm
  # openjdk's postinst needs /usr/share/man/man1 even with man pages excluded
  TMPDIR="$tmp" mmdebstrap --variant=minbase --format=tar --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --dpkgopt=force-unsafe-io "${opts[@]}" --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    "$SUITE" "$ROOTFS_TAR.tmp" "deb $MIRROR $SUITE main" "deb $MIRROR $SUITE-updates main" >"$WORK/rootfs.log" 2>&1 \
    || { grep -v '^\(Get\|Unpacking\|Selecting\|Preparing\|Setting up\)' "$WORK/rootfs.log" | tail -30 >&2; exit 1; }
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  log "rootfs ready ($(elapsed "$t0"), $(du -m "$ROOTFS_TAR" | cut -f1) MB)"
}

if [[ "$BASE_IMAGE" == "$LOCAL_BASE" ]] && ! docker image inspect "$LOCAL_BASE" >/dev/null 2>&1; then
  [[ -s "$ROOTFS_TAR" ]] || make_rootfs
  docker import -c "ENV LANG=C.UTF-8" -c "ENV TZ=:UTC" -c 'CMD ["java", "-version"]' "$ROOTFS_TAR" "$LOCAL_BASE" >/dev/null
  log "imported $LOCAL_BASE ($(docker image inspect -f '{{.Size}}' "$LOCAL_BASE" | awk '{ printf "%d MB", $1/1e6 }'))"
fi

# --- the jar and the image ----------------------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  mvn -B -ntp -q package -pl emulator-server -am -DskipTests
fi

base_id="$(docker image inspect -f '{{.Id}}' "$BASE_IMAGE" 2>/dev/null || echo "$BASE_IMAGE")"
HASH="$({ sha256sum "$JAR" docker/Dockerfile scripts/jvm-options | cut -d' ' -f1; echo "image v1 $base_id"; } | sha256sum | cut -c1-16)"
have="$(docker image inspect -f '{{index .Config.Labels "hangar.inputs"}}' "$IMAGE:$VERSION" 2>/dev/null || true)"
if [[ $FORCE -eq 0 && "$have" == "$HASH" ]]; then
  docker tag "$IMAGE:$VERSION" "$IMAGE:latest"
  log "$IMAGE:$VERSION is current"
  exit 0
fi

t0="$(now)"
cp "$JAR" "$WORK/hangar.jar"
cp scripts/jvm-options "$WORK/jvm-options"
cp docker/Dockerfile "$WORK/Dockerfile"
printf 'LABEL hangar.inputs=%s org.opencontainers.image.version=%s org.opencontainers.image.title=hangar\n' "$HASH" "$VERSION" \
  >>"$WORK/Dockerfile"
# BuildKit is not available with Debian's engine; the legacy builder never pulls a locally present base
DOCKER_BUILDKIT=0 docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE:$VERSION" -t "$IMAGE:latest" "$WORK" \
  >/dev/null 2>"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 1; }
log "built $IMAGE:$VERSION and :latest ($(elapsed "$t0"), $(docker image inspect -f '{{.Size}}' "$IMAGE:$VERSION" | awk '{ printf "%d MB", $1/1e6 }'))"
