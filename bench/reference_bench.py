"""The yardstick of Hangar's benchmark harness (imported by bench/run.py; bench/README.md has the details).

The issue's targets were set next to figures of a bare Netty + Jackson server measured on "this machine" (≈105,000
req/s, start 0.36 s, 0.21 s with AppCDS). Machines differ and change, so the harness measures that yardstick itself,
in the same run and the same way as Hangar: bench/reference/BareNettyServer.java, compiled here against the Netty
and Jackson jars of Hangar's own build and nothing else. Its "floor" mode answers fixed bytes without parsing HTTP or
JSON: the cost of the sockets alone, which no HTTP server can beat.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

# what the issue says the yardstick did on the machine its targets were set on
ISSUE_FIGURES = {"rps": 105_000, "start_plain_ms": 360, "start_cds_ms": 210}

SOURCE = Path(__file__).resolve().parent / "reference" / "BareNettyServer.java"
# the jars a Netty HTTP server with Jackson needs (the versions Hangar builds with)
JARS = re.compile(r"/io/netty/netty-(common|buffer|transport|resolver|codec-base|codec-compression|codec-http|handler|"
                  r"transport-classes-epoll|transport-native-unix-common|transport-native-epoll)/"
                  r"|/com/fasterxml/jackson/core/jackson-(core|databind|annotations)/")


def jdk_tool(java: str, name: str) -> str:
    """The JDK tool next to the java command (javac, jar), or the one on PATH when java is a bare name."""
    return str(Path(java).with_name(name)) if "/" in java else name


def build(root: Path, out_dir: Path, java: str = "java") -> str:
    """Compiles the yardstick into a jar in out_dir; returns its class path (that jar, Netty's and Jackson's)."""
    deps = out_dir / "deps.txt"
    subprocess.run(["mvn", "-q", "-B", "-ntp", "dependency:build-classpath", "-pl", "emulator-core",
                    f"-Dmdep.outputFile={deps}"], cwd=root, check=True, timeout=600, capture_output=True)
    jars = [j for j in deps.read_text().strip().split(":") if JARS.search(j)]
    if len(jars) < 14:
        raise RuntimeError(f"the Netty and Jackson jars were not all found in emulator-core's class path: {jars}")
    classes = out_dir / "classes"
    subprocess.run([jdk_tool(java, "javac"), "--release", "17", "-nowarn", "-cp", ":".join(jars), "-d", str(classes),
                    str(SOURCE)], check=True, timeout=300, capture_output=True)
    # a jar, not a folder: class-data sharing refuses class paths with non-empty directories
    jar = out_dir / "bare-netty.jar"
    subprocess.run([jdk_tool(java, "jar"), "cf", str(jar), "-C", str(classes), "."], check=True, timeout=120,
                   capture_output=True)
    return ":".join([str(jar), *jars])


def scaled(target: float, issue_figure: float, measured: float | None) -> float | None:
    """A target moved to this machine by the yardstick: target × (yardstick here ÷ yardstick in the issue)."""
    if measured is None:
        return None
    return target * measured / issue_figure
