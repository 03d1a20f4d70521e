#!/usr/bin/env bash
# Builds the Lambda runtime images the tests run, offline: no registry is reachable here or on CI, so nothing is
# pulled. One Debian bookworm rootfs (minbase + python3, nodejs, openjdk-17-jre-headless, curl) is made with
# mmdebstrap (or debootstrap + apt-get under chroot), cached as a tarball and `docker import`ed as
# hangar-test/lambda-base; every image below is a thin `docker build` FROM it, sharing its layer.
#
# Images (see lambda-runtimes/README.md for what each holds and how Hangar runs it):
#   hangar-test/python-plain     the base, CMD python3: no runtime client (Hangar brings lambda-runtimes/python/bootstrap.py)
#   hangar-test/nodejs-plain     the base, CMD node: no runtime client (Hangar brings lambda-runtimes/nodejs/bootstrap.js)
#   hangar-test/java-plain       the base, CMD java -version: a JRE 17 without the RIC
#   hangar-test/lambda-python    + /var/runtime/bootstrap.py, ENTRYPOINT python3 -u /var/runtime/bootstrap.py
#   hangar-test/lambda-nodejs    + /var/runtime/bootstrap.js, ENTRYPOINT node /var/runtime/bootstrap.js
#   hangar-test/lambda-java      + the AWS Java RIC jars in /var/runtime/lib, ENTRYPOINT /var/runtime/bootstrap
#   hangar-test/lambda-provided  + ENTRYPOINT /var/runtime/entrypoint.sh, which execs $LAMBDA_TASK_ROOT/bootstrap
# Also compiles the Java test function (lambda-runtimes/test-functions/java/src) into
# lambda-runtimes/test-functions/java/build/ (git-ignored), ready to mount at /var/task or zip.
#
# Idempotent: an image is skipped when the engine has it with the same inputs (label hangar.inputs, a hash of the
# files and packages it is made of), so editing a runtime client rebuilds just its image; a warm run takes ~2 s.
# Usage: build-lambda-images.sh [--force]   (--force rebuilds every image, reusing the cached rootfs and jars)
# Env:   HANGAR_IMAGE_CACHE (default /var/cache/hangar) holds the rootfs tarball and the RIC jars;
#        HANGAR_ROOTFS_TOOL=debootstrap forces debootstrap; HANGAR_DEBIAN_MIRROR overrides deb.debian.org.
set -euo pipefail

FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNTIMES="$REPO_ROOT/lambda-runtimes"
CACHE="${HANGAR_IMAGE_CACHE:-/var/cache/hangar}/lambda"
SUITE=bookworm
MIRROR="${HANGAR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
RIC_VERSION=2.10.1
RIC_DIR="$CACHE/java-ric-$RIC_VERSION"

log() { echo "[lambda-images] $*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

apt_install_host() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y --no-install-recommends "$@"
  fi
}

# hash of the named files' contents plus extra words: an image whose label differs is rebuilt
inputs_hash() { { if [[ $# -gt 0 ]]; then cat "$@"; fi; echo "$INPUT_WORDS"; } | sha256sum | cut -c1-16; }

image_current() { # image hash
  [[ $FORCE -eq 0 ]] || return 1
  local have
  have="$(docker image inspect -f '{{index .Config.Labels "hangar.inputs"}}' "$1" 2>/dev/null)" || return 1
  [[ "$have" == "$2" ]]
}

WORK_ROOT="$(mktemp -d /tmp/hangar-lambda-images.XXXXXX)"
MOUNTS=()
cleanup() {
  local m
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$WORK_ROOT"
}
trap cleanup EXIT
new_work_dir() { mktemp -d "$WORK_ROOT/XXXXXX"; }

# --- the Debian rootfs -------------------------------------------------------------------------------------------
# One rootfs with every runtime's packages, imported once: the images below are thin `docker build`s on top of it and
# share its layer (one ~450 MB layer instead of four separate bases; one download, one import).

PACKAGES=(python3 nodejs openjdk-17-jre-headless curl ca-certificates)
ROOTFS_TAR="$CACHE/$SUITE-lambda-$(echo "rootfs v1 ${PACKAGES[*]}" | sha256sum | cut -c1-12).tar"
# docs, man pages and translations are of no use in a function's image
DPKG_EXCLUDES=("/usr/share/doc/*" "/usr/share/man/*" "/usr/share/info/*" "/usr/share/locale/*" "/usr/share/lintian/*")

# mmdebstrap: apt's parallel downloads make it 2-3x faster than debootstrap here (about 1 min cold for minbase)
rootfs_with_mmdebstrap() { # out.tar
  local opts=() p
  for p in "${DPKG_EXCLUDES[@]}"; do opts+=(--dpkgopt="path-exclude=$p"); done
  # its work folder in RAM when there is room (dpkg's many small writes are slow on this disk), unsafe-io likewise;
  # openjdk's postinst needs /usr/share/man/man1 even with man pages excluded
  local tmp="${TMPDIR:-/tmp}"
  [[ -d /dev/shm && "$(df -Pm /dev/shm | awk 'NR==2 { print $4 }')" -gt 3000 ]] && tmp=/dev/shm
  TMPDIR="$tmp" mmdebstrap --variant=minbase --format=tar --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --dpkgopt=force-unsafe-io "${opts[@]}" --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook='mkdir -p "$1/var/task" "$1/var/runtime" "$1/opt"' \
    "$SUITE" "$1" "deb $MIRROR $SUITE main" "deb $MIRROR $SUITE-updates main" >"$WORK_ROOT/rootfs.log" 2>&1 \
    || { grep -v '^\(Get\|Unpacking\|Selecting\|Preparing\|Setting up\)' "$WORK_ROOT/rootfs.log" | tail -30 >&2; return 1; }
}

# debootstrap (fallback, or HANGAR_ROOTFS_TOOL=debootstrap): minbase, then the packages with apt-get under chroot
rootfs_with_debootstrap() { # out.tar
  local root p; root="$(new_work_dir)"
  debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$WORK_ROOT/rootfs.log" 2>&1 \
    || { tail -30 "$WORK_ROOT/rootfs.log" >&2; return 1; }
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$MIRROR" "$SUITE" "$MIRROR" "$SUITE" >"$root/etc/apt/sources.list"
  { echo force-unsafe-io; for p in "${DPKG_EXCLUDES[@]}"; do echo "path-exclude=$p"; done; } \
    >"$root/etc/dpkg/dpkg.cfg.d/hangar-build"
  mkdir -p "$root/usr/share/man/man1"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"; chmod +x "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"; MOUNTS+=("$root/proc")
  { chroot "$root" apt-get -o APT::Sandbox::User=root update -qq \
      && chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get -o APT::Sandbox::User=root install -y \
        --no-install-recommends "${PACKAGES[@]}"; } >>"$WORK_ROOT/rootfs.log" 2>&1 \
    || { tail -30 "$WORK_ROOT/rootfs.log" >&2; return 1; }
  umount "$root/proc"
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/sbin/policy-rc.d "$root/etc/dpkg/dpkg.cfg.d/hangar-build" "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/locale/*
  : >"$root/etc/resolv.conf"
  mkdir -p "$root/var/task" "$root/var/runtime" "$root/opt"
  tar -C "$root" -cf "$1" .
  rm -rf "$root"
}

ensure_rootfs() {
  [[ -s "$ROOTFS_TAR" ]] && return
  local t0 tool="${HANGAR_ROOTFS_TOOL:-}"; t0="$(now)"
  mkdir -p "$CACHE"
  if [[ -z "$tool" ]]; then
    command -v mmdebstrap >/dev/null 2>&1 || apt_install_host mmdebstrap >/dev/null 2>&1 || true
    if command -v mmdebstrap >/dev/null 2>&1; then tool=mmdebstrap; else tool=debootstrap; fi
  fi
  [[ "$tool" == debootstrap ]] && { command -v debootstrap >/dev/null 2>&1 || apt_install_host debootstrap; }
  log "$tool --variant=minbase $SUITE + ${PACKAGES[*]} (once per machine; cached in $ROOTFS_TAR)"
  "rootfs_with_$tool" "$ROOTFS_TAR.tmp"
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  log "rootfs ready ($(elapsed "$t0"), $(du -m "$ROOTFS_TAR" | cut -f1) MB)"
}

build_base() {
  local image=hangar-test/lambda-base:latest
  INPUT_WORDS="base v2 $ROOTFS_TAR"
  local hash; hash="$(inputs_hash)"
  if image_current "$image" "$hash"; then return; fi
  ensure_rootfs
  local t0; t0="$(now)"
  docker import -c "LABEL hangar.inputs=$hash" -c "ENV LANG=C.UTF-8" -c "ENV TZ=:UTC" \
    -c "ENV LAMBDA_TASK_ROOT=/var/task" -c "ENV LAMBDA_RUNTIME_DIR=/var/runtime" -c "WORKDIR /var/task" \
    -c 'CMD ["/bin/bash"]' "$ROOTFS_TAR" "$image" >/dev/null
  log "built $image ($(elapsed "$t0"), $(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%d MB", $1/1e6 }'))"
}

# runtime image = docker build FROM a base with a context folder. Args: image context-dir
build_from_context() {
  local image="$1" ctx="$2"
  INPUT_WORDS="ctx v1 $(docker image inspect -f '{{.Id}}' "$(sed -n 's/^FROM //p' "$ctx/Dockerfile" | head -1)")"
  local hash; hash="$(cd "$ctx" && find . -type f | LC_ALL=C sort | xargs cat | INPUT_WORDS="$INPUT_WORDS" inputs_hash /dev/stdin)"
  if image_current "$image" "$hash"; then return; fi
  local t0; t0="$(now)"
  echo "LABEL hangar.inputs=$hash" >>"$ctx/Dockerfile"
  # BuildKit is not available with Debian's engine; the legacy builder never pulls a locally present base
  DOCKER_BUILDKIT=0 docker build -q -t "$image" "$ctx" >/dev/null 2>"$ctx.build.log" \
    || { cat "$ctx.build.log" >&2; return 1; }
  log "built $image ($(elapsed "$t0"))"
}

# --- the AWS Java runtime interface client -----------------------------------------------------------------------

ensure_java_ric() {
  if [[ -f "$RIC_DIR/.complete" ]]; then return; fi
  local t0 pom; t0="$(now)"; pom="$(new_work_dir)"
  cat >"$pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.hangar.tools</groupId>
  <artifactId>lambda-java-ric</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>com.amazonaws</groupId>
      <artifactId>aws-lambda-java-runtime-interface-client</artifactId>
      <version>$RIC_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  rm -rf "$RIC_DIR"; mkdir -p "$RIC_DIR"
  (cd "$pom" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$RIC_DIR" \
      >"$pom/mvn.log" 2>&1) || { tail -30 "$pom/mvn.log" >&2; return 1; }
  touch "$RIC_DIR/.complete"
  log "AWS Java RIC $RIC_VERSION jars: $(cd "$RIC_DIR" && ls *.jar | tr '\n' ' ')($(elapsed "$t0"))"
}

# --- images -------------------------------------------------------------------------------------------------------

build_plain() { # image cmd-json
  local ctx; ctx="$(new_work_dir)"
  printf 'FROM hangar-test/lambda-base:latest\nCMD %s\n' "$2" >"$ctx/Dockerfile"
  build_from_context "$1" "$ctx"
}

build_lambda_python() {
  local ctx; ctx="$(new_work_dir)"
  cp "$RUNTIMES/python/bootstrap.py" "$ctx/bootstrap.py"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM hangar-test/lambda-base:latest
COPY bootstrap.py /var/runtime/bootstrap.py
ENTRYPOINT ["python3", "-u", "/var/runtime/bootstrap.py"]
CMD []
DOCKERFILE
  build_from_context hangar-test/lambda-python:latest "$ctx"
}

build_lambda_nodejs() {
  local ctx; ctx="$(new_work_dir)"
  cp "$RUNTIMES/nodejs/bootstrap.js" "$ctx/bootstrap.js"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM hangar-test/lambda-base:latest
COPY bootstrap.js /var/runtime/bootstrap.js
ENV NODE_PATH=/opt/nodejs/node18/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task
ENTRYPOINT ["node", "/var/runtime/bootstrap.js"]
CMD []
DOCKERFILE
  build_from_context hangar-test/lambda-nodejs:latest "$ctx"
}

build_lambda_java() {
  ensure_java_ric
  local ctx; ctx="$(new_work_dir)"
  mkdir -p "$ctx/lib"
  cp "$RIC_DIR"/*.jar "$ctx/lib/"
  cp "$RUNTIMES/java/bootstrap" "$ctx/bootstrap"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM hangar-test/lambda-base:latest
COPY lib/ /var/runtime/lib/
COPY bootstrap /var/runtime/bootstrap
# the RIC's JNI HTTP client, unpacked once here (as AWS's images do) instead of into /tmp at every start
RUN chmod 755 /var/runtime/bootstrap && python3 -c "import glob, zipfile; \
    z = zipfile.ZipFile(glob.glob('/var/runtime/lib/aws-lambda-java-runtime-interface-client-*.jar')[0]); \
    [z.extract(n, '/var/runtime/lib') for n in z.namelist() if n.startswith('jni/') and n.endswith('.so')]"
ENTRYPOINT ["/var/runtime/bootstrap"]
CMD []
DOCKERFILE
  build_from_context hangar-test/lambda-java:latest "$ctx"
}

build_lambda_provided() {
  local ctx; ctx="$(new_work_dir)"
  cp "$RUNTIMES/provided/entrypoint.sh" "$ctx/entrypoint.sh"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM hangar-test/lambda-base:latest
COPY entrypoint.sh /var/runtime/entrypoint.sh
RUN chmod 755 /var/runtime/entrypoint.sh
ENTRYPOINT ["/var/runtime/entrypoint.sh"]
CMD []
DOCKERFILE
  build_from_context hangar-test/lambda-provided:latest "$ctx"
}

# The Java test function: javac against aws-lambda-java-core, classes in build/ (mountable at /var/task as is).
build_java_test_function() {
  local src="$RUNTIMES/test-functions/java/src" out="$RUNTIMES/test-functions/java/build"
  local stamp="$out/.inputs" hash
  INPUT_WORDS="javac v1 $RIC_VERSION"
  hash="$(find "$src" -type f -name '*.java' | LC_ALL=C sort | xargs cat | inputs_hash /dev/stdin)"
  if [[ $FORCE -eq 0 && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then return; fi
  ensure_java_ric
  local t0 core; t0="$(now)"
  core="$(ls "$RIC_DIR"/aws-lambda-java-core-*.jar | head -1)"
  command -v javac >/dev/null 2>&1 || apt_install_host openjdk-17-jdk-headless
  rm -rf "$out"; mkdir -p "$out"
  # --release 17: the classes must load on the image's Java 17 whatever JDK compiles them
  javac --release 17 -nowarn -cp "$core" -d "$out" $(find "$src" -type f -name '*.java' | LC_ALL=C sort)
  echo "$hash" >"$stamp"
  log "compiled the Java test function into ${out#"$REPO_ROOT"/} ($(elapsed "$t0"))"
}

docker info >/dev/null 2>&1 || { log "no Docker engine answers: run scripts/docker-up.sh first"; exit 1; }

T_ALL="$(now)"
build_base
build_plain hangar-test/python-plain:latest '["python3"]'
build_plain hangar-test/nodejs-plain:latest '["node"]'
build_plain hangar-test/java-plain:latest '["java", "-version"]'
build_lambda_python
build_lambda_nodejs
build_lambda_java
build_lambda_provided
build_java_test_function
log "all Lambda images present ($(elapsed "$T_ALL"))"
