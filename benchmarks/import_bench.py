"""Import benchmark: decoding against the peers, then a ten-year archive through the import CLI.

One run, four parts (docs/benchmarks.md records one and explains each figure):

(a) Decoding the shared corpus (../shared/corpus) with Stridewell and with fitdecode, fitparse and
    garmin-fit-sdk (FIT), gpxpy (GPX) and tcxreader (TCX), each fully materialising every value,
    each in a fresh process so its peak memory is its own (fit_bench and xml_bench do the work).
    Speed is MB per CPU second (the machine is shared: CPU time is what the decoding costs
    whatever else runs), with wall-clock MB/s beside it; samples are FIT data messages or GPX/TCX
    track points. Ratios are ours against each peer on the same files. Ours is the best of
    --repeat passes per file; for FIT also one pass per file ("1 pass"), since the decoder caches
    what it builds for each message layout and a first pass pays for building it.
(b) A synthetic ten-year archive (see archive.py: ≈5,000 corpus copies moved to distinct days,
    ≈1 GB, all valid and all distinct) imported into a fresh SQLite database by the real CLI, as a
    user would: `stridewell --db sqlite:///… import FOLDER --format json`, in a subprocess. Wall
    time, CPU seconds and peak memory of its whole process tree (workers included, see proc_tree).
(c) The same import again: every file a duplicate, nothing added.
    With --zip, (b) and (c) again with the same files as a Strava bulk export zip.
(d) The planner: the persona's marathon plan (plan_bench).

Targets (issue 3): FIT ≥ 100x fitdecode, GPX ≥ 5x gpxpy, TCX ≥ 3x tcxreader; the archive in under
90 s with under 1 GiB peak memory on this 2-core machine; the re-import in under 15 s.

Run: make bench     (installs the peers: pip install -e '.[bench]')
     .venv/bin/python benchmarks/import_bench.py [--files 5000] [--skip-peers] [--zip] [--keep]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import archive
import fit_bench
import plan_bench
import xml_bench
from proc_tree import TreeMonitor, TreeUsage

GIB_KIB = 1024 * 1024
IMPORT_TARGET_S = 90.0
REIMPORT_TARGET_S = 15.0
FIT_PEERS = ("fitdecode", "fitparse", "garmin-fit-sdk")
PEER_MODULES = {
    "fitdecode": "fitdecode",
    "fitparse": "fitparse",
    "garmin-fit-sdk": "garmin_fit_sdk",
    "gpxpy": "gpxpy",
    "tcxreader": "tcxreader",
}
TARGETS = {"fitdecode": 100.0, "gpxpy": 5.0, "tcxreader": 3.0}
ROW = "{:4} {:19} {:>5} {:>6} {:>9} {:>10} {:>13} {:>9} {:>8}"
ONE_PASS = "stridewell 1 pass"


@dataclass(frozen=True)
class Row:
    kind: str
    decoder: str
    files: int
    megabytes: float
    cpu_s: float
    wall_s: float
    samples: int
    peak_kib: int

    @property
    def speed(self) -> float:
        return self.megabytes / self.cpu_s


def _installed(decoder: str) -> bool:
    return importlib.util.find_spec(PEER_MODULES[decoder]) is not None


def _machine() -> str:
    cores = len(os.sched_getaffinity(0))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{platform.python_version()} on {cores} cores; load average {load}"


# --- (a) decoding --------------------------------------------------------------------------


def decode_fit(repeat: int, peers: list[str]) -> list[Row]:
    """Ours best of `repeat` passes per file (caches warm, as in an import of many files from
    the same devices), ours in one pass per file (each file's layouts met for the first time,
    as for the first file from a device), and each peer in one pass."""
    paths = sorted(p for p in (archive.CORPUS / "fit").iterdir() if p.suffix.lower() == ".fit")
    runs = [("stridewell", "stridewell", repeat), (ONE_PASS, "stridewell", 1)]
    runs += [(peer, peer, 1) for peer in peers]
    outcomes = {
        label: fit_bench._in_process(fit_bench._measure, decoder, paths, passes)
        for label, decoder, passes in runs
    }
    common = [i for i in range(len(paths)) if all(o[0][i] is not None for o in outcomes.values())]
    megabytes = sum(paths[i].stat().st_size for i in common) / 1e6
    rows = []
    for label, (per_file, peak_kib) in outcomes.items():
        timings = [t for i, t in enumerate(per_file) if i in common and t is not None]
        rows.append(
            Row(
                "fit",
                label,
                len(common),
                megabytes,
                cpu_s=sum(t[0] for t in timings),
                wall_s=sum(t[1] for t in timings),
                samples=sum(t[2] for t in timings),
                peak_kib=peak_kib,
            )
        )
    return rows


def decode_xml(kind: str, peer: str | None, repeat: int) -> list[Row]:
    ours = f"stridewell {kind}"
    paths = sorted((archive.CORPUS / kind).glob(f"*.{kind}"))
    common = xml_bench._readable(ours, paths)
    if peer is not None:
        common &= xml_bench._readable(peer, paths)
    files = sorted(common)
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    points = sum(_track_points(path) for path in files)
    rows = []
    for parser in [ours] + ([peer] if peer else []):
        cpu_s, wall_s, peak_kib = xml_bench._run(parser, files, repeat)
        rows.append(Row(kind, parser, len(files), megabytes, cpu_s, wall_s, points, peak_kib))
    return rows


def _track_points(path: Path) -> int:
    """Track points in a file, as Stridewell reads them (the same points every parser reads)."""
    from stridewell.domain.activities import NoActivityInFile
    from stridewell.importers.detect import parse_bytes

    try:
        return sum(activity.samples for activity in parse_bytes(path.name, path.read_bytes()))
    except NoActivityInFile:
        return 0


def print_decoding(rows: list[Row]) -> None:
    header = ("fmt", "decoder", "files", "MB", "MB/cpu-s", "wall MB/s", "samples/cpu-s")
    print(ROW.format(*header, "peak MiB", "ours is"))
    ours = [row for row in rows if row.decoder.startswith("stridewell")]
    reference = {row.kind: row for row in reversed(ours)}  # the first of ours per format
    for row in rows:
        ratio = "-" if row in ours else f"{reference[row.kind].speed / row.speed:.1f}x"
        print(
            ROW.format(
                row.kind,
                row.decoder,
                row.files,
                f"{row.megabytes:.1f}",
                f"{row.speed:.2f}",
                f"{row.megabytes / row.wall_s:.2f}",
                f"{row.samples / row.cpu_s:,.0f}",
                f"{row.peak_kib / 1024:.1f}",
                ratio,
            )
        )
    for row in rows:
        target = TARGETS.get(row.decoder)
        if target is None:
            continue
        for mine in (m for m in ours if m.kind == row.kind):
            times = mine.speed / row.speed
            verdict = "meets" if times >= target else "MISSES"
            print(
                f"target {row.kind} >= {target:.0f}x {row.decoder} ({mine.decoder}): "
                f"{verdict} ({times:.1f}x)"
            )


# --- (b, c) the archive through the CLI ----------------------------------------------------


@dataclass(frozen=True)
class ImportRun:
    wall_s: float
    usage: TreeUsage
    result: dict[str, Any]
    load_before: float
    load_after: float


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("stridewell")
    return [str(script)] if script.exists() else [sys.executable, "-m", "stridewell"]


def run_cli(database_url: str, *args: str) -> str:
    done = subprocess.run(
        [*cli_command(), "--db", database_url, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def timed_import(database_url: str, folder: Path, out: Path, workers: int | None) -> ImportRun:
    command = [*cli_command(), "--db", database_url, "import", str(folder), "--format", "json"]
    if workers is not None:
        command += ["--workers", str(workers)]
    load_before = os.getloadavg()[0]
    errors = out.with_suffix(".stderr")
    with out.open("w") as stdout, errors.open("w") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        with TreeMonitor(process.pid) as monitor:
            _pid, status, rusage = os.wait4(process.pid, 0)
            wall_s = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        message = errors.read_text().strip()
        raise SystemExit(f"stridewell import failed ({process.returncode}): {message}")
    # wait4 counts the command and the children it waited for; it does not wait for the fork
    # server (left to exit by itself), so this is the command's own CPU, exactly.
    usage = monitor.usage(root_cpu_s=rusage.ru_utime + rusage.ru_stime)
    # The root's exact peak (wait4) in place of its sampled one.
    usage.per_process_peak_kib[process.pid] = max(
        rusage.ru_maxrss, usage.per_process_peak_kib.get(process.pid, 0)
    )
    return ImportRun(wall_s, usage, json.loads(out.read_text()), load_before, os.getloadavg()[0])


def print_import(title: str, run: ImportRun, built: archive.Archive, target_s: float) -> None:
    result, usage = run.result, run.usage
    print(
        f"{title}: {result['imported']} activities imported, {result['duplicates']} duplicates, "
        f"{len(result['failed'])} failed, {len(result['skipped'])} skipped"
    )
    files_per_s = built.files / run.wall_s
    print(
        f"  wall {run.wall_s:.1f} s  ({files_per_s:.0f} files/s, "
        f"{result['imported'] / run.wall_s:.0f} activities/s, "
        f"{built.megabytes / run.wall_s:.1f} MB/s)"
    )
    print(
        f"  CPU {usage.cpu_s:.1f} s over {usage.max_processes} processes "
        f"({built.megabytes / usage.cpu_s:.1f} MB/cpu-s); "
        f"load average {run.load_before:.2f} before, {run.load_after:.2f} after"
    )
    print(
        f"  peak RSS of the process tree {usage.peak_rss_kib / 1024:.0f} MiB "
        f"(sum of each process's own peak {usage.sum_of_peaks_kib / 1024:.0f} MiB)"
    )
    for role, cpu_s, peak_kib in usage.by_role():
        print(f"    {role:17} CPU {cpu_s:5.1f} s  peak {peak_kib / 1024:4.0f} MiB")
    time_ok = run.wall_s < target_s
    memory_ok = usage.peak_rss_kib < GIB_KIB
    print(
        f"  target under {target_s:.0f} s: {'meets' if time_ok else 'MISSES'}; "
        f"peak under 1 GiB: {'meets' if memory_ok else 'MISSES'}"
    )


def check_first(result: dict[str, Any], expected: int) -> None:
    problems = result["failed"] + result["skipped"]
    if result["imported"] != expected or result["duplicates"] or problems:
        raise SystemExit(
            f"the archive should import as {expected} activities with nothing failed or "
            f"duplicated, got {result['imported']} / {result['duplicates']} / {problems[:3]}"
        )


def check_again(result: dict[str, Any], built: archive.Archive) -> None:
    if result["imported"] or result["duplicates"] != built.files:
        raise SystemExit(
            f"re-import should add nothing and find {built.files} duplicates, "
            f"got {result['imported']} / {result['duplicates']}"
        )


def fresh_database(path: Path) -> str:
    """A new SQLite database with one athlete (max HR set, so time in zones is derived too)."""
    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    run_cli(url, "init")
    run_cli(url, "athlete", "add", "--name", "Bench", "--sex", "F", "--birth-year", "1988",
            "--max-hr", "190")  # fmt: skip
    return url


def import_twice(
    label: str, path: Path, database: Path, built: archive.Archive, workers: int | None
) -> None:
    """(b) import `path` into a fresh database, then (c) import it again."""
    url = fresh_database(database)
    first = timed_import(url, path, database.with_suffix(".import.json"), workers)
    check_first(first.result, built.activities)
    print_import(f"{label}: import", first, built, IMPORT_TARGET_S)
    print(f"  database {database.stat().st_size / 1e6:.0f} MB")
    again = timed_import(url, path, database.with_suffix(".reimport.json"), workers)
    check_again(again.result, built)
    print_import(f"{label}: re-import", again, built, REIMPORT_TARGET_S)


def archive_import(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="stridewell-bench-", dir=args.folder))
    folder = workdir / "archive"
    try:
        sources = archive.load_sources(log=print)
        megabytes = args.megabytes if args.megabytes else args.files * 0.2
        started = time.perf_counter()
        built = archive.build_archive(folder, sources, args.files, megabytes)
        formats = ", ".join(f"{n} {k}" for k, n in sorted(built.by_format.items()))
        print(
            f"archive: {built.files} files ({formats}), {built.megabytes:.0f} MB, "
            f"{built.activities} activities, {built.first} .. {built.last}, "
            f"all distinct; built in {time.perf_counter() - started:.0f} s in {folder}"
        )
        import_twice("folder", folder, workdir / "folder.sqlite", built, args.workers)
        if args.zip:
            export = workdir / "strava_export.zip"
            started = time.perf_counter()
            size = archive.write_strava_zip(built, export)
            print(
                f"\nStrava-style export of the same files: {size / 1e6:.0f} MB zip "
                f"(members gzipped), written in {time.perf_counter() - started:.0f} s; "
                "MB/s below count the files unpacked"
            )
            import_twice("zip", export, workdir / "zip.sqlite", built, args.workers)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    options = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    options.add_argument("--files", type=int, default=5000, help="files in the archive")
    options.add_argument("--megabytes", type=float, help="archive size (default: files * 0.2)")
    options.add_argument("--skip-peers", action="store_true", help="decode with Stridewell only")
    options.add_argument("--skip-decode", action="store_true", help="skip part (a)")
    options.add_argument("--skip-archive", action="store_true", help="skip parts (b) and (c)")
    options.add_argument("--zip", action="store_true", help="also import it as a Strava zip")
    options.add_argument("--keep", action="store_true", help="keep the archive and database")
    options.add_argument("--folder", help="work under this folder (default: the temp folder)")
    options.add_argument("--workers", type=int, help="passed to stridewell import --workers")
    options.add_argument("--repeat", type=int, default=3, help="decoding passes for ours (best)")
    args = options.parse_args()
    print(f"machine: Python {_machine()}")
    if not args.skip_decode:
        peers = [] if args.skip_peers else [p for p in FIT_PEERS if _installed(p)]
        missing = [p for p in PEER_MODULES if not _installed(p)]
        if missing and not args.skip_peers:
            print(f"not installed (make bench installs them): {', '.join(missing)}")
        print("\n(a) decoding the corpus, full values, each decoder in its own process")
        rows = decode_fit(args.repeat, peers)
        for kind, peer in (("gpx", "gpxpy"), ("tcx", "tcxreader")):
            use = None if args.skip_peers or not _installed(peer) else peer
            rows += decode_xml(kind, use, args.repeat)
        print_decoding(rows)
        sys.stdout.flush()
    if not args.skip_archive:
        print(f"\n(b, c) a ten-year archive through `stridewell import` ({_machine()})")
        archive_import(args)
    print("\n(d) planner")
    plan_bench.main()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nbenchmark process peak {peak:.0f} MiB; {_machine()}")


if __name__ == "__main__":
    main()
