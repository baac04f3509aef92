"""GPX and TCX parsing speed against gpxpy and tcxreader, over the corpus files, in one run.

Each parser runs in a fresh process (so its peak memory is its own) over the corpus files that
every parser in the comparison reads without error; timing includes reading each file from disk.
Speed is MB per CPU second of that process (best of --repeat passes): the machine is shared, and
CPU time is what an import spends per file whatever else runs. Wall-clock MB/s is shown beside it.
Issue targets: GPX at least 5x gpxpy, TCX at least 3x tcxreader.

Run: .venv/bin/pip install gpxpy tcxreader   (or `make bench`)
     .venv/bin/python benchmarks/xml_bench.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _ours_gpx(path: Path) -> None:
    from stridewell.domain.activities import NoActivityInFile
    from stridewell.importers.gpx import parse_gpx

    try:
        parse_gpx(path.read_bytes())
    except NoActivityInFile:
        pass  # valid file without a recording: parsed all the same


def _ours_tcx(path: Path) -> None:
    from stridewell.importers.tcx import parse_tcx

    parse_tcx(path.read_bytes())


def _gpxpy(path: Path) -> None:
    import gpxpy

    gpxpy.parse(path.read_text(encoding="utf-8-sig"))


def _tcxreader(path: Path) -> None:
    from tcxreader.tcxreader import TCXReader  # type: ignore[import-untyped]

    TCXReader().read(str(path))


PARSERS: dict[str, Callable[[Path], None]] = {
    "stridewell gpx": _ours_gpx,
    "gpxpy": _gpxpy,
    "stridewell tcx": _ours_tcx,
    "tcxreader": _tcxreader,
}


def _readable(parser: str, paths: list[Path]) -> set[Path]:
    ok = set()
    for path in paths:
        try:
            PARSERS[parser](path)
        except Exception:  # a peer failing on a file only drops the file from the comparison
            continue
        ok.add(path)
    return ok


def _rss_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 1024


def _measure(parser: str, paths: list[Path], repeat: int, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    parse = PARSERS[parser]
    parse(paths[0])  # imports and caches outside the timing
    baseline_kib = _rss_kib()
    best_cpu_s = best_wall_s = float("inf")
    for _ in range(repeat):
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for path in paths:
            parse(path)
        best_cpu_s = min(best_cpu_s, time.process_time() - cpu_started)
        best_wall_s = min(best_wall_s, time.perf_counter() - wall_started)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results.put((best_cpu_s, best_wall_s, max(0, peak_kib - baseline_kib)))


def _run(parser: str, paths: list[Path], repeat: int) -> tuple[float, float, int]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=_measure, args=(parser, paths, repeat, results))
    process.start()
    outcome: tuple[float, float, int] = results.get()
    process.join()
    return outcome


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=5, help="passes per parser (best kept)")
    repeat = options.parse_args().repeat
    header = ("format", "parser", "files", "MB", "MB/cpu-s", "ratio", "wall MB/s", "peak MiB")
    print("{:6} {:15} {:>5} {:>6} {:>9} {:>6} {:>10} {:>9}".format(*header))
    for kind, ours, peer, target in (
        ("gpx", "stridewell gpx", "gpxpy", 5.0),
        ("tcx", "stridewell tcx", "tcxreader", 3.0),
    ):
        paths = sorted((CORPUS / kind).glob(f"*.{kind}"))
        common = sorted(_readable(ours, paths) & _readable(peer, paths))
        megabytes = sum(path.stat().st_size for path in common) / 1e6
        speeds = {}
        for parser in (peer, ours):
            cpu_s, wall_s, peak_kib = _run(parser, common, repeat)
            speeds[parser] = megabytes / cpu_s
            ratio = speeds[parser] / speeds[peer]
            print(
                f"{kind:6} {parser:15} {len(common):5d} {megabytes:6.1f} {speeds[parser]:9.1f} "
                f"{ratio:5.1f}x {megabytes / wall_s:10.1f} {peak_kib / 1024:9.1f}"
            )
        verdict = "meets" if speeds[ours] / speeds[peer] >= target else "MISSES"
        print(f"{kind:6} target {target:.0f}x {peer}: {verdict}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
