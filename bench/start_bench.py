#!/usr/bin/env python3
"""Start time in each way users start Hangar, side by side with the yardstick, in one run.

    python3 bench/start_bench.py [--starts N] [--no-write]

Measures the median time from spawning to the first `200` answer (bench/run.py's probe), interleaving the kinds so
that a change in the machine's load hits them all alike:
  - the fat jar on JDK 17, plain and with a class-data-sharing archive recorded by Hangar's own training run
    (HANGAR_CDS_TRAINING, as scripts/start.sh does);
  - the fat jar on JDK 25, plain and with an AOT cache (JEP 483/514) recorded by the same training run;
  - the yardstick (bench/reference/BareNettyServer.java) in the same four modes, its archives recorded by a run
    that answers 50 requests;
  - the image hangar/hangar (scripts/build-image.sh) by `docker run`, against a bare `docker run` of the same image that
    exits at once: the engine's own container start;
  - HangarContainer (hangar-testcontainers) from its start() to ready, when that module's test class path exists.
Writes bench/results/start.json; bench/run.py's docs/benchmarks.md shows it (rendered again here).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import reference_bench
import run

ROOT = run.ROOT
RESULTS = run.BENCH / "results" / "start.json"
JDK25 = Path(os.environ.get("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin" / "java"
IMAGE = "hangar/hangar:latest"
ARCHIVES = run.CDS_DIR / "start-bench"


def java_version(java: str) -> str:
    r = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    return (r.stderr or r.stdout).splitlines()[0]


def hangar_server(java: str, extra: list[str], opts: list[str], jar: Path, port: int, log_dir: Path) -> run.Server:
    return run.Server("hangar", [java, *opts, *extra, "-jar", str(jar)], port,
                      env={"HANGAR_PORT": str(port), "HANGAR_HOST": run.HOST}, log_dir=log_dir)


def yardstick_server(java: str, extra: list[str], opts: list[str], cp: str, response: Path, port: int,
                     log_dir: Path) -> run.Server:
    return run.Server("yardstick", [java, *opts, *extra, "-cp", cp, "BareNettyServer", str(port), "jackson",
                                    str(response)], port, log_dir=log_dir)


def share(flag: str) -> list[str]:
    return ["-Xshare:auto"] if flag == "-XX:ArchiveClassesAtExit" else []


def train_hangar(java: str, opts: list[str], jar: Path, flag: str, archive: Path, log_dir: Path) -> bool:
    """Hangar's own training run (HANGAR_CDS_TRAINING): serves its typical requests to itself, then exits."""
    archive.unlink(missing_ok=True)
    env = dict(os.environ, HANGAR_CDS_TRAINING="1", HANGAR_PORT="0")
    with open(log_dir / f"train-{archive.name}.log", "wb") as out:
        subprocess.run([java, *opts, f"{flag}={archive}", *share(flag), "-jar", str(jar)], env=env, stdout=out,
                       stderr=subprocess.STDOUT, timeout=300, cwd=ROOT)
    return archive.is_file() and archive.stat().st_size > 0


def train_yardstick(java: str, opts: list[str], cp: str, response: Path, flag: str, archive: Path,
                    log_dir: Path) -> bool:
    archive.unlink(missing_ok=True)
    port = run.free_port()
    server = yardstick_server(java, [f"{flag}={archive}", *share(flag)], opts, cp, response, port, log_dir)
    with run.running(server):
        run.wait_first_answer(server)
        client = run.EcsClient(port)
        try:
            for _ in range(50):
                client.ok(*run.LOAD_OPERATIONS[0])
        finally:
            client.close()
    return archive.is_file() and archive.stat().st_size > 0


def image_server(port: int, log_dir: Path) -> run.Server:
    name = f"hangar-bench-image-{uuid.uuid4().hex[:8]}"
    sock = run.docker_socket() or "/var/run/docker.sock"
    return run.Server(name, ["docker", "run", "--rm", "--name", name, "-p", f"127.0.0.1:{port}:4566",
                             "-v", f"{sock}:/var/run/docker.sock", IMAGE], port, log_dir=log_dir)


def bare_container_start() -> float:
    """`docker run --rm -p ... --entrypoint true` of the same image: the engine creating, starting and removing a
    container of those layers with a published port, as for Hangar's, with nothing of Hangar run."""
    name = f"hangar-bench-bare-{uuid.uuid4().hex[:8]}"
    t0 = time.perf_counter()
    try:
        r = subprocess.run(["docker", "run", "--rm", "--name", name, "-p", f"127.0.0.1:{run.free_port()}:4566",
                            "--entrypoint", "true", IMAGE],
                           capture_output=True, text=True, timeout=60)
    finally:
        subprocess.run(["docker", "rm", "-f", name], capture_output=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"docker run --entrypoint true {IMAGE} failed: {r.stderr}")
    return (time.perf_counter() - t0) * 1000


def image_facts() -> dict | None:
    r = subprocess.run(["docker", "image", "inspect", IMAGE], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        return None
    info = json.loads(r.stdout)[0]
    return {"size_mb": round(info["Size"] / 1e6, 1), "id": info["Id"][:19]}


def container_start_runs(count: int) -> dict | None:
    """HangarContainer's start() to ready, by a small program on hangar-testcontainers' test class path."""
    classes = ROOT / "hangar-testcontainers" / "target" / "test-classes"
    cp_file = ROOT / "hangar-testcontainers" / "target" / "bench-classpath.txt"
    if not classes.is_dir():
        return None
    subprocess.run(["mvn", "-q", "-B", "-ntp", "-o", "dependency:build-classpath", "-pl", "hangar-testcontainers",
                    "-Dmdep.includeScope=test", f"-Dmdep.outputFile={cp_file}"], cwd=ROOT, check=True, timeout=600,
                   capture_output=True)
    cp = ":".join([str(ROOT / "hangar-testcontainers" / "target" / "classes"), str(classes), cp_file.read_text()])
    # as the module's tests: Ryuk and the start-up checks pull images, and no registry is reachable here
    env = dict(os.environ, TESTCONTAINERS_RYUK_DISABLED="true", TESTCONTAINERS_CHECKS_DISABLE="true",
               TESTCONTAINERS_HOST_OVERRIDE="localhost")
    r = subprocess.run(["java", "-cp", cp, "dev.hangar.testcontainers.StartTimes", str(count)], env=env,
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise RuntimeError(f"StartTimes failed: {r.stderr[-1500:]}")
    # the test class path logs to stdout too: only the marked lines are figures
    runs = [float(line.split()[1]) for line in r.stdout.splitlines() if line.startswith("HANGAR_START_MS ")]
    return summary(runs)


def summary(runs: list[float]) -> dict:
    return {"runs_ms": [round(x, 1) for x in runs], "median_ms": round(run.median(runs), 1)}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--starts", type=int, default=5, help="starts per kind (default 5)")
    p.add_argument("--no-write", action="store_true", help="print only")
    return p.parse_args(argv)


def main(argv=None) -> int:
    cfg = parse_args(argv)
    jar = run.ensure_jar(run.DEFAULT_JAR.resolve(), explicit=False)
    opts = run.start_jvm_options()
    log_dir = Path(tempfile.mkdtemp(prefix="hangar-start-bench-"))
    ARCHIVES.mkdir(parents=True, exist_ok=True)
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load_at_start": run.loadavg(),
                     "starts": cfg.starts, "kinds": {}, "notes": []}

    build = Path(tempfile.mkdtemp(prefix="ref-", dir=log_dir))
    cp = reference_bench.build(ROOT, build, "java")
    response = build / "response.json"
    response.write_text(json.dumps({"taskDefinition": run.WEB_TASK_DEFINITION}, separators=(",", ":")))

    javas = {"jdk17": "java"}
    if JDK25.is_file():
        javas["jdk25"] = str(JDK25)
    else:
        results["notes"].append(f"No JDK 25 at {JDK25}: the AOT cache was not measured.")
    results["java"] = {k: java_version(v) for k, v in javas.items()}

    kinds: dict[str, callable] = {}
    for jdk, java in javas.items():
        flag_record, flag_use, mode = (("-XX:ArchiveClassesAtExit", "-XX:SharedArchiveFile", "cds") if jdk == "jdk17"
                                       else ("-XX:AOTCacheOutput", "-XX:AOTCache", "aot"))
        # -Xshare is refused next to the AOT cache flags
        quiet = ["-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"] if mode == "cds" else ["-Xlog:aot=off"]
        h_archive = ARCHIVES / f"hangar-{jdk}.{'jsa' if mode == 'cds' else 'aot'}"
        y_archive = ARCHIVES / f"yardstick-{jdk}.{'jsa' if mode == 'cds' else 'aot'}"
        kinds[f"hangar {jdk} plain"] = (lambda port, java=java: hangar_server(java, [], opts, jar, port, log_dir))
        kinds[f"yardstick {jdk} plain"] = (lambda port, java=java: yardstick_server(java, [], opts, cp, response,
                                                                                   port, log_dir))
        run.log(f"recording Hangar's and the yardstick's {mode} archives on {jdk}")
        if train_hangar(java, opts, jar, flag_record, h_archive, log_dir):
            kinds[f"hangar {jdk} {mode}"] = (lambda port, java=java, a=h_archive, flag=flag_use, q=quiet:
                                             hangar_server(java, [f"{flag}={a}", *q], opts, jar, port, log_dir))
        else:
            results["notes"].append(f"Hangar's {mode} training on {jdk} left no archive.")
        if train_yardstick(java, opts, cp, response, flag_record, y_archive, log_dir):
            kinds[f"yardstick {jdk} {mode}"] = (lambda port, java=java, a=y_archive, flag=flag_use, q=quiet:
                                                yardstick_server(java, [f"{flag}={a}", *q], opts, cp, response,
                                                                 port, log_dir))
        else:
            results["notes"].append(f"The yardstick's {mode} training on {jdk} left no archive.")

    facts = image_facts()
    if facts:
        results["image"] = facts
        kinds["image"] = lambda port: image_server(port, log_dir)
    else:
        results["notes"].append(f"No {IMAGE} (scripts/build-image.sh): the image's start was not measured.")

    runs: dict[str, list[float]] = {k: [] for k in kinds}
    bare: list[float] = []
    for i in range(cfg.starts):
        for name, make in kinds.items():
            server = make(run.free_port())
            try:
                with run.running(server):
                    runs[name].append(run.wait_first_answer(server, timeout=120))
            finally:
                if server.name.startswith("hangar-bench-image-"):  # in case the signal did not reach it
                    subprocess.run(["docker", "rm", "-f", server.name], capture_output=True, timeout=60)
            run.log(f"{name} start {i + 1}/{cfg.starts}: {runs[name][-1]:.0f} ms")
        if facts:
            bare.append(bare_container_start())
    results["kinds"] = {k: summary(v) for k, v in runs.items()}
    if bare:
        results["bare_container_start"] = summary(bare)
    try:
        tc = container_start_runs(cfg.starts)
        if tc:
            results["kinds"]["HangarContainer"] = tc
    except (RuntimeError, subprocess.SubprocessError, OSError) as e:
        results["notes"].append(f"HangarContainer start not measured: {str(e)[:300]}")
    results["load_at_end"] = run.loadavg()
    print(json.dumps(results, indent=2))
    if not cfg.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        latest = run.RESULTS
        if latest.is_file():
            run.write_docs(json.loads(latest.read_text()))
    return 0


def doc_lines() -> list[str]:
    """The start section of docs/benchmarks.md, from bench/results/start.json (empty when it was never run)."""
    if not RESULTS.is_file():
        return []
    r = json.loads(RESULTS.read_text())
    k = r["kinds"]

    def med(name):
        return (k.get(name) or {}).get("median_ms")

    lines = ["", "## Start in each way users start Hangar", "",
             f"`python3 bench/start_bench.py` on {r['date']} (load {r['load_at_start']} at start, "
             f"{r.get('load_at_end', '?')} at end); median of {r['starts']} starts each, interleaved; spawn to the "
             "first `200` answer. " + "; ".join(f"{j}: {v}" for j, v in r.get("java", {}).items()) + ".", "",
             "| mode | Hangar (ms) | yardstick (ms) | Hangar ÷ yardstick | goal ≤ 1.1× |", "|---|---|---|---|---|"]
    for jdk in ("jdk17", "jdk25"):
        for mode in ("plain", "cds", "aot"):
            h, y = med(f"hangar {jdk} {mode}"), med(f"yardstick {jdk} {mode}")
            if h is None and y is None:
                continue
            ratio = h / y if h and y else None
            lines.append(f"| fat jar, {jdk.upper()}, {mode} | {run.fmt(h)} | {run.fmt(y)} | "
                         f"{f'{ratio:.2f}×' if ratio else ''} | "
                         f"{('pass' if ratio <= 1.1 else '**fail**') if ratio else ''} |")
    image, bare, tc = med("image"), (r.get("bare_container_start") or {}).get("median_ms"), med("HangarContainer")
    if image is not None:
        jar = med("hangar jdk17 cds")
        added = image - jar if jar is not None else None
        lines += ["", f"Image `{IMAGE}`: {r['image']['size_mb']} MB. `docker run` "
                      f"to first answer {run.fmt(image)} ms; the same Hangar from its fat jar with CDS "
                      f"{run.fmt(jar)} ms, so the image adds {run.fmt(added)} ms, against the engine's own start of a "
                      f"container of the same layers (`docker run --rm -p ... --entrypoint true` of the image) of {run.fmt(bare)} ms: "
                      + ("pass." if added is not None and bare is not None and added <= bare else "**fail**.")]
    if tc is not None:
        lines += ["", f"`HangarContainer` (Testcontainers) `start()` to ready: {run.fmt(tc)} ms (median)."]
    if r.get("notes"):
        lines += [""] + [f"- {n}" for n in r["notes"]]
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
