#!/usr/bin/env bash
# Builds the images the test suites run, from Debian packages only: no registry is reachable here or on CI, so
# nothing is ever pulled. Each image is a function, skipped when the engine already has it.
# Usage: build-test-images.sh [--force]   (--force rebuilds every image)
set -euo pipefail

FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

log() { echo "[test-images] $*" >&2; }

have_image() { [[ $FORCE -eq 0 ]] && docker image inspect "$1" >/dev/null 2>&1; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y --no-install-recommends "$@"
  fi
}

WORK_ROOT="$(mktemp -d /tmp/hangar-images.XXXXXX)"
trap 'rm -rf "$WORK_ROOT"' EXIT
new_work_dir() { mktemp -d "$WORK_ROOT/XXXXXX"; }

# A 2 MB userland: the statically linked busybox and its applet links. Note: its wget segfaults in this image.
build_busybox() {
  local image=hangar-test/busybox:latest
  if have_image "$image"; then return; fi
  # the dynamically linked busybox of Debian's `busybox` package would not run inside the image
  dpkg -s busybox-static >/dev/null 2>&1 || apt_install busybox-static
  local root; root="$(new_work_dir)"
  mkdir -p "$root"/{bin,etc,tmp,root,www} "$root"/home
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  chroot "$root" /bin/busybox --install -s /bin
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' - "$image" >/dev/null
  log "built $image"
}

# busybox httpd serving /www on 8080, for port publishing tests.
build_web() {
  local image=hangar-test/web:latest
  if have_image "$image"; then return; fi
  local ctx; ctx="$(new_work_dir)"
  echo '<html><body>hangar-test web</body></html>' >"$ctx/index.html"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM hangar-test/busybox:latest
COPY index.html /www/index.html
EXPOSE 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]
DOCKERFILE
  # BuildKit is not available with Debian's engine; the legacy builder never pulls a locally present base
  DOCKER_BUILDKIT=0 docker build -q -t "$image" "$ctx" >/dev/null 2>"$ctx/build.log" \
    || { cat "$ctx/build.log" >&2; return 1; }
  log "built $image"
}

# python3 with Debian's boto3 (and busybox for nc/httpd), for the task-role credentials tests: a bookworm minbase
# made with mmdebstrap from Debian's apt, as scripts/build-lambda-images.sh makes its rootfs, cached as a tarball.
build_boto3() {
  local image=hangar-test/python-boto3:latest
  if have_image "$image"; then return; fi
  local cache="${HANGAR_IMAGE_CACHE:-/var/cache/hangar}/test"
  local mirror="${HANGAR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  local packages=(python3-minimal python3-boto3 busybox-static)
  local tarball
  tarball="$cache/bookworm-boto3-$(echo "rootfs v1 ${packages[*]}" | sha256sum | cut -c1-12).tar"
  if [[ ! -s "$tarball" ]]; then
    command -v mmdebstrap >/dev/null 2>&1 || apt_install mmdebstrap
    mkdir -p "$cache"
    local opts=() p
    for p in "/usr/share/doc/*" "/usr/share/man/*" "/usr/share/info/*" "/usr/share/locale/*"; do
      opts+=(--dpkgopt="path-exclude=$p")
    done
    log "mmdebstrap --variant=minbase bookworm + ${packages[*]} (once per machine; cached in $tarball)"
    mmdebstrap --variant=minbase --format=tar --include="$(IFS=,; echo "${packages[*]}")" \
      --dpkgopt=force-unsafe-io "${opts[@]}" bookworm "$tarball.tmp" \
      "deb $mirror bookworm main" "deb $mirror bookworm-updates main" >"$WORK_ROOT/boto3.log" 2>&1 \
      || { tail -30 "$WORK_ROOT/boto3.log" >&2; return 1; }
    mv "$tarball.tmp" "$tarball"
  fi
  docker import -c "ENV LANG=C.UTF-8" -c 'CMD ["/bin/sh"]' "$tarball" "$image" >/dev/null
  log "built $image"
}

# The Lambda runtime images (debootstrap-based) are built by scripts/build-lambda-images.sh; another image for
# these suites gets a build_* function of its own here.

docker info >/dev/null 2>&1 || { log "no Docker engine answers: run scripts/docker-up.sh first"; exit 1; }

build_busybox
build_web
build_boto3
