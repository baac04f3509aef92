"""Web benchmark: the real server over a ten-year archive, driven from a load generator on loopback.

One run (docs/benchmarks.md, "Web", records one and explains each figure):

1. Data (web_data.py): the demo athlete with ≈5,000 imported activities over ten years, two
   strength sessions a week, soreness scores and a plan, in an SQLite file that later runs reuse.
2. The server: `stridewell serve --port P` in a subprocess against that file
   (STRIDEWELL_DATABASE_URL; STRIDEWELL_TODAY = the day the data was built for), on 127.0.0.1.
3. Per endpoint, after a warm-up:
   * sequential: one request at a time (httpx, keep-alive) until `--requests` are done or
     `--seconds` have passed. Client latency on loopback is server time plus a fraction of a
     millisecond of transport, so it is the upper bound the targets are judged on. The server's
     CPU seconds over the loop (from /proc) give CPU ms per request, which the other work on
     this shared machine inflates less than wall time, though it does (on this virtual machine,
     under a load average of 6, the same code took 1.3-1.8x the CPU of a quieter run). A
     Server-Timing header is read when the app sends one (it does not, today).
   * concurrent: `wrk` (Debian package) with `--connections` open connections for
     `--wrk-seconds`, for requests per second under load; its latencies include queueing in a
     one-process server, so they are reported, not judged.
4. `--profile`: for each endpoint over its target, py-spy samples the server while the endpoint
   is requested for `--profile-seconds`, and the functions holding the time are listed (own time
   and inclusive time, Stridewell and SQLAlchemy frames).

Targets (issue 5): dashboard (/) and progress pages p95 under 150 ms; /api/v1 list endpoints
p95 under 50 ms; with the ten-year archive loaded.

Run: .venv/bin/python benchmarks/web_bench.py [--rebuild] [--profile] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import web_data

HOST = "127.0.0.1"
PAGE_TARGET_MS = 150.0
LIST_TARGET_MS = 50.0
READY_TIMEOUT_S = 60.0
WARMUP_REQUESTS = 3
_TICKS_PER_S = os.sysconf("SC_CLK_TCK")
_SERVER_TIMING = re.compile(r"dur=([0-9.]+)")

# wrk's own summary lacks p95; this prints what the benchmark reads, on one tagged line.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRKJSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"errors\\": %d, \\"non2xx\\": %d, "
    .. "\\"p50_us\\": %d, \\"p95_us\\": %d, \\"p99_us\\": %d, \\"max_us\\": %d}\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


@dataclass(frozen=True)
class Endpoint:
    path: str
    kind: str  # "page", "API list" or "API"
    target_ms: float | None  # None: measured for the record, no target set for it


def endpoints(athlete_id: int) -> list[Endpoint]:
    a = f"/api/v1/athletes/{athlete_id}"
    return [
        Endpoint("/", "page", PAGE_TARGET_MS),
        Endpoint("/progress", "page", PAGE_TARGET_MS),
        Endpoint("/plan", "page", None),
        Endpoint("/activities", "page", None),
        Endpoint("/api/v1/exercises", "API list", LIST_TARGET_MS),
        Endpoint("/api/v1/athletes", "API list", LIST_TARGET_MS),
        Endpoint("/api/v1/activities", "API list", LIST_TARGET_MS),
        Endpoint(f"{a}/injuries", "API list", LIST_TARGET_MS),
        Endpoint(f"{a}/log/strength", "API list", LIST_TARGET_MS),
        Endpoint(f"{a}/log/soreness", "API list", LIST_TARGET_MS),
        Endpoint(f"{a}/plan", "API", None),
        Endpoint("/api/v1/progress", "API", None),
    ]


@dataclass
class Sequential:
    requests: int
    wall_s: float
    latencies_ms: list[float]
    server_cpu_ms: float  # per request
    bytes: int  # of one response body
    server_timing_ms: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        return percentile(self.latencies_ms, p)

    @property
    def per_s(self) -> float:
        return self.requests / self.wall_s


@dataclass(frozen=True)
class Concurrent:
    tool: str
    connections: int
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def per_s(self) -> float:
        return self.requests / self.seconds


@dataclass
class Result:
    endpoint: Endpoint
    status: int
    note: str = ""
    sequential: Sequential | None = None
    concurrent: Concurrent | None = None
    profile: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.sequential is None or self.endpoint.target_ms is None:
            return "—"
        return "meets" if self.sequential.percentile(95) < self.endpoint.target_ms else "MISSES"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (the value below which p % of the samples lie)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


# --- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(database: Path, today: str, log_path: Path) -> Iterator[tuple[str, int]]:
    """`stridewell serve` on a free loopback port; yields its base URL and pid."""
    port = free_port()
    env = {
        **os.environ,
        "STRIDEWELL_DATABASE_URL": f"sqlite:///{database}",
        "STRIDEWELL_TODAY": today,
        # A key of its own, so the run writes nothing to the user's data directory.
        "STRIDEWELL_SECRET_KEY": secrets.token_urlsafe(32),
    }
    command = [*web_data.cli_command(), "serve", "--host", HOST, "--port", str(port)]
    with log_path.open("w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://{HOST}:{port}"
    try:
        wait_ready(base, server)
        yield base, server.pid
    finally:
        server.send_signal(signal.SIGINT)  # uvicorn's graceful stop, as Ctrl+C
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode} before answering")
        try:
            if httpx.get(f"{base}/api/v1/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {READY_TIMEOUT_S:.0f} s")


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of process `pid` (all its threads) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS_PER_S  # utime, stime


def wait_idle(pid: int, quiet_s: float = 0.5, max_s: float = 120.0) -> None:
    """Wait until the server has stopped working: requests a load run left queued (wrk's
    connections close at its deadline, the handlers already running do not stop) would
    otherwise be counted against the next endpoint."""
    deadline = time.monotonic() + max_s
    before = cpu_s(pid)
    while time.monotonic() < deadline:
        time.sleep(quiet_s)
        now = cpu_s(pid)
        if now - before < 0.05 * quiet_s:
            return
        before = now


# --- measuring --------------------------------------------------------------------------------


def measure_sequential(
    client: httpx.Client, path: str, pid: int, max_requests: int, max_s: float
) -> Sequential:
    latencies: list[float] = []
    timings: list[float] = []
    size = 0
    cpu_before = cpu_s(pid)
    started = time.perf_counter()
    while len(latencies) < max_requests and time.perf_counter() - started < max_s:
        sent = time.perf_counter()
        response = client.get(path)
        latencies.append((time.perf_counter() - sent) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"GET {path}: {response.status_code} during the measurement")
        size = len(response.content)
        found = _SERVER_TIMING.search(response.headers.get("server-timing", ""))
        if found:
            timings.append(float(found.group(1)))
    wall_s = time.perf_counter() - started
    server_cpu_ms = (cpu_s(pid) - cpu_before) * 1000 / len(latencies)
    return Sequential(len(latencies), wall_s, latencies, server_cpu_ms, size, timings)


def measure_wrk(url: str, connections: int, seconds: float, script: Path) -> Concurrent:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "30s"]
    done = subprocess.run(
        [*command, "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    line = next(row for row in done.stdout.splitlines() if row.startswith("WRKJSON "))
    found = json.loads(line.removeprefix("WRKJSON "))
    return Concurrent(
        tool="wrk",
        connections=connections,
        requests=found["requests"],
        seconds=found["duration_us"] / 1e6,
        errors=found["errors"] + found["non2xx"],
        p50_ms=found["p50_us"] / 1000,
        p95_ms=found["p95_us"] / 1000,
        p99_ms=found["p99_us"] / 1000,
    )


def measure_threads(url: str, connections: int, seconds: float) -> Concurrent:
    """The same as wrk with Python threads, when wrk is not installed."""
    latencies: list[float] = []
    errors = Counter[str]()
    lock = threading.Lock()
    started = time.perf_counter()

    def worker() -> None:
        with httpx.Client(timeout=30) as client:
            while time.perf_counter() - started < seconds:
                sent = time.perf_counter()
                status = client.get(url).status_code
                with lock:
                    latencies.append((time.perf_counter() - sent) * 1000)
                    if status != 200:
                        errors[str(status)] += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return Concurrent(
        tool="threads",
        connections=connections,
        requests=len(latencies),
        seconds=elapsed,
        errors=sum(errors.values()),
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
    )


# --- profiling --------------------------------------------------------------------------------


def profile_endpoint(
    client: httpx.Client, path: str, pid: int, seconds: float, out: Path, top: int = 24
) -> list[str]:
    """Sample the server with py-spy while `path` is requested; the heaviest functions."""
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        return ["(py-spy is not installed: .venv/bin/pip install py-spy)"]
    command = [py_spy, "record", "--pid", str(pid), "--rate", "250", "--format", "raw"]
    command += ["--duration", f"{seconds:.0f}", "--output", str(out), "--nonblocking"]
    wait_idle(pid)
    sampler = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)  # py-spy attaches
    deadline = time.perf_counter() + seconds - 1.5
    while time.perf_counter() < deadline and sampler.poll() is None:
        client.get(path)
    _, stderr = sampler.communicate(timeout=seconds + 30)
    if sampler.returncode != 0 or not out.exists():
        return [f"(py-spy failed: {stderr.decode().strip().splitlines()[-1:]})"]
    return summarise_stacks(out.read_text(), top)


def summarise_stacks(collapsed: str, top: int) -> list[str]:
    """Own and inclusive share of samples per function, from py-spy's collapsed stacks."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_frame_name(frame) for frame in stack.split(";")]
        total += count
        own[frames[-1]] += count
        for name in set(frames):
            inclusive[name] += count
    if total == 0:
        return ["(no samples: the server was idle)"]
    lines = [f"{total} samples; inclusive share (own share), heaviest first:"]
    interesting = [
        (name, count)
        for name, count in inclusive.most_common()
        if "stridewell" in name or "sqlalchemy" in name or "jinja2" in name or "json" in name
    ]
    for name, count in interesting[:top]:
        lines.append(f"  {100 * count / total:5.1f} % ({100 * own[name] / total:4.1f} %)  {name}")
    lines.append("own time, heaviest first:")
    for name, count in own.most_common(top):
        lines.append(f"  {100 * count / total:5.1f} %  {name}")
    return lines


def _frame_name(frame: str) -> str:
    """`function (path/to/module.py:12)` → `function (module path from the package root)`."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")")
    path = where.rsplit(":", 1)[0]
    for root in ("/stridewell/", "/site-packages/"):
        if root in path:
            path = path.split(root, 1)[1]
            if root == "/stridewell/":
                path = "stridewell/" + path
            break
    return f"{name} ({path})"


# --- the run ----------------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores ({model}), shared with other work; Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )


def revision() -> str:
    """The commit the server runs, and whether the work tree differs from it."""
    repo = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{head}{' with uncommitted changes under src/' if changed else ''}"


def run(args: argparse.Namespace) -> list[Result]:
    database: Path = args.db
    built = None if args.rebuild else web_data.existing(database, args.files)
    if built is None:
        built = web_data.build(database, date.today(), args.files)
    else:
        print(f"reusing {database} (built for {built.today}; --rebuild makes it again)")
    print(
        f"data: {built.activities} activities, {built.strength_sessions} strength sessions "
        f"({built.sets} sets), {built.soreness_scores} soreness scores, a {built.plan_weeks}-week "
        f"plan, {built.database_mb:.0f} MB; today = {built.today}"
    )
    print(f"machine: {machine()}")
    print(f"code: {revision()}")
    work = Path(tempfile.mkdtemp(prefix="stridewell-web-bench-"))
    try:
        return measure_all(args, built, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure_all(args: argparse.Namespace, built: web_data.Built, work: Path) -> list[Result]:
    script = work / "report.lua"
    script.write_text(WRK_SCRIPT)
    use_wrk = shutil.which("wrk") is not None and not args.no_wrk
    results: list[Result] = []
    load_before = os.getloadavg()
    with running_server(args.db, built.today, work / "server.log") as (base, pid):
        with httpx.Client(base_url=base, timeout=30) as client:
            for endpoint in endpoints(built.athlete_id):
                if args.only and endpoint.path not in args.only:
                    continue
                result = bench_endpoint(client, endpoint, base, pid, args, script, use_wrk)
                results.append(result)
                print_result(result)
            if args.profile:
                for number, result in enumerate(results):
                    if result.verdict == "MISSES":
                        out = work / f"profile_{number}.txt"
                        result.profile = profile_endpoint(
                            client, result.endpoint.path, pid, args.profile_seconds, out
                        )
                        print(f"\nprofile of GET {result.endpoint.path}:")
                        print("\n".join(result.profile))
    load_after = os.getloadavg()
    print(f"\nload average (1, 5, 15 min) before {_load(load_before)}, after {_load(load_after)}")
    print_markdown(results, use_wrk, args)
    if args.json:
        args.json.write_text(json.dumps(to_json(results, built, load_before, load_after), indent=2))
    return results


def bench_endpoint(
    client: httpx.Client,
    endpoint: Endpoint,
    base: str,
    pid: int,
    args: argparse.Namespace,
    script: Path,
    use_wrk: bool,
) -> Result:
    # A probe on its own connection: the server closes a connection after an error page.
    first = httpx.get(base + endpoint.path, timeout=60)
    if first.status_code != 200:
        note = "not there (404)" if first.status_code == 404 else f"HTTP {first.status_code}"
        return Result(endpoint, first.status_code, note=f"skipped: {note}")
    for _ in range(WARMUP_REQUESTS - 1):
        client.get(endpoint.path)
    wait_idle(pid)
    sequential = measure_sequential(client, endpoint.path, pid, args.requests, args.seconds)
    url = base + endpoint.path
    concurrent = (
        measure_wrk(url, args.connections, args.wrk_seconds, script)
        if use_wrk
        else measure_threads(url, args.connections, args.wrk_seconds)
    )
    wait_idle(pid)
    return Result(endpoint, 200, sequential=sequential, concurrent=concurrent)


def _load(values: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def print_result(result: Result) -> None:
    path = result.endpoint.path
    if result.sequential is None:
        print(f"{path:42} {result.note}")
        return
    s, c = result.sequential, result.concurrent
    target = "" if result.endpoint.target_ms is None else f" target {result.endpoint.target_ms:g}"
    print(
        f"{path:42} p50 {s.percentile(50):6.1f}  p95 {s.percentile(95):6.1f}  "
        f"p99 {s.percentile(99):6.1f} ms  {s.per_s:5.1f}/s  cpu {s.server_cpu_ms:5.1f} ms  "
        f"({s.requests} req, {s.bytes / 1000:.0f} kB){target} {result.verdict}"
    )
    if s.server_timing_ms:
        print(f"{'':42} Server-Timing p95 {percentile(s.server_timing_ms, 95):.1f} ms")
    if c is not None and c.requests == 0:
        print(f"{'':42} {c.tool} c={c.connections}: no request finished in {c.seconds:.0f} s")
    elif c is not None:
        print(
            f"{'':42} {c.tool} c={c.connections}: {c.per_s:6.1f} req/s  p50 {c.p50_ms:6.1f}  "
            f"p95 {c.p95_ms:6.1f}  p99 {c.p99_ms:6.1f} ms  ({c.requests} req, {c.errors} errors)"
        )


def print_markdown(results: list[Result], use_wrk: bool, args: argparse.Namespace) -> None:
    tool = "wrk" if use_wrk else "threads"
    print(
        f"\n| endpoint | kind | sequential p50 / p95 / p99 (ms) | req/s | server CPU ms/req "
        f"| {tool} c={args.connections}: req/s, p95 (ms) | target p95 | |"
    )
    print("|---|---|---|---:|---:|---|---|---|")
    for result in results:
        endpoint = result.endpoint
        target = "—" if endpoint.target_ms is None else f"< {endpoint.target_ms:g} ms"
        s, c = result.sequential, result.concurrent
        if s is None:
            print(f"| `{endpoint.path}` | {endpoint.kind} | {result.note} | | | | {target} | |")
            continue
        load = "" if c is None else f"{c.per_s:.1f}, {c.p95_ms:.0f}"
        if c is not None and c.requests == 0:
            load = f"none finished in {c.seconds:.0f} s"
        print(
            f"| `{endpoint.path}` | {endpoint.kind} | {s.percentile(50):.1f} / "
            f"{s.percentile(95):.1f} / {s.percentile(99):.1f} | {s.per_s:.0f} | "
            f"{s.server_cpu_ms:.1f} | {load} | {target} | {result.verdict} |"
        )


def to_json(
    results: list[Result],
    built: web_data.Built,
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
) -> dict[str, Any]:
    rows = []
    for result in results:
        row: dict[str, Any] = {
            "path": result.endpoint.path,
            "kind": result.endpoint.kind,
            "target_ms": result.endpoint.target_ms,
            "status": result.status,
            "note": result.note,
            "verdict": result.verdict,
            "profile": result.profile,
        }
        if result.sequential is not None:
            s = result.sequential
            row["sequential"] = {
                "requests": s.requests,
                "p50_ms": s.percentile(50),
                "p95_ms": s.percentile(95),
                "p99_ms": s.percentile(99),
                "mean_ms": statistics.fmean(s.latencies_ms),
                "per_s": s.per_s,
                "server_cpu_ms": s.server_cpu_ms,
                "bytes": s.bytes,
            }
        if result.concurrent is not None:
            row["concurrent"] = {**asdict(result.concurrent), "per_s": result.concurrent.per_s}
        rows.append(row)
    return {
        "machine": machine(),
        "revision": revision(),
        "load_before": load_before,
        "load_after": load_after,
        "data": asdict(built),
        "results": rows,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument(
        "--db",
        type=Path,
        default=Path(tempfile.gettempdir()) / "stridewell-web-bench" / "web.sqlite",
        help="the SQLite file to build or reuse",
    )
    options.add_argument("--rebuild", action="store_true", help="build the database again")
    options.add_argument("--files", type=int, default=5000, help="archive files to import")
    options.add_argument("--requests", type=int, default=200, help="sequential requests each")
    options.add_argument("--seconds", type=float, default=60.0, help="sequential time limit each")
    options.add_argument("--connections", type=int, default=4, help="open connections (wrk)")
    options.add_argument("--wrk-seconds", type=float, default=10.0, help="concurrent run each")
    options.add_argument("--no-wrk", action="store_true", help="Python threads instead of wrk")
    options.add_argument("--profile", action="store_true", help="py-spy the endpoints over target")
    options.add_argument("--profile-seconds", type=float, default=20.0)
    options.add_argument(
        "--only", action="append", metavar="PATH", help="just this endpoint (repeatable)"
    )
    options.add_argument("--json", type=Path, help="write the figures to this file")
    run(options.parse_args())


if __name__ == "__main__":
    main()
