"""FIT decoding speed against fitdecode, fitparse and garmin-fit-sdk, over the corpus, in one run.

Every decoder fully materialises every value of every data message: the peers by iterating all
messages and reading each field's value; ours by `decode_fit`, which returns every field of every
message as numpy columns (scaled, invalid values as NaN, timestamps expanded), each column touched
once. Each decoder runs in a fresh process (so its peak memory is its own) over the corpus FIT
files, loaded into memory beforehand; the figures cover the files that every decoder in the run
reads without error. Speed is MB per CPU second of that process (per file, best of the passes):
the machine is shared, and CPU time is what an import spends per file whatever else runs;
wall-clock MB/s is shown beside it.
Ours is measured twice: best of --repeat passes per file (its caches of message layouts warm, as
in an import of many files from a few devices) and one pass per file in a fresh process ("1 pass":
each file's layouts met for the first time, as for the corpus's many devices).
Issue target: at least 100x fitdecode, in one pass.

Run: .venv/bin/pip install fitdecode fitparse   (garmin-fit-sdk is a project dependency)
     .venv/bin/python benchmarks/fit_bench.py [--repeat 3] [--peer-repeat 1] [--every 1]
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import resource
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _ours(data: bytes) -> int:
    from stridewell.importers.fit import decode_fit

    fit = decode_fit(data)
    touched = 0
    for messages in fit.messages.values():
        for column in messages.columns.values():
            touched += column.size
    return fit.data_message_count


def _fitdecode(data: bytes) -> int:
    import fitdecode  # type: ignore[import-untyped]

    count = 0
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                count += 1
                for field in frame.fields:
                    field.value  # noqa: B018 - reading the value is the work measured
    return count


def _fitparse(data: bytes) -> int:
    import fitparse  # type: ignore[import-untyped]

    count = 0
    for message in fitparse.FitFile(io.BytesIO(data)).get_messages():
        count += 1
        for field in message:
            field.value  # noqa: B018
    return count


def _garmin_sdk(data: bytes) -> int:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    if errors:
        raise errors[0]
    count = 0
    groups: Any = messages  # the stubs type it loosely
    for group in groups.values():
        for message in group:
            count += 1
            for value in message.values():
                _ = value
    return count


DECODERS: dict[str, Callable[[bytes], int]] = {
    "stridewell": _ours,
    "fitdecode": _fitdecode,
    "fitparse": _fitparse,
    "garmin-fit-sdk": _garmin_sdk,
}


def _rss_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 1024


def _measure(
    decoder: str,
    paths: list[Path],
    repeat: int,
    results: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    """Per file: best CPU and wall seconds and the message count; None where the decoder fails."""
    warnings.simplefilter("ignore")  # peers warn about the damaged files they still read
    decode = DECODERS[decoder]
    files = [path.read_bytes() for path in paths]
    for data in files[:3]:  # imports and caches outside the timing
        try:
            decode(data)
        except Exception:
            pass
    baseline_kib = _rss_kib()
    timings: list[tuple[float, float, int] | None] = []
    for data in files:
        best: tuple[float, float, int] | None = None
        for _ in range(repeat):
            cpu_started, wall_started = time.process_time(), time.perf_counter()
            try:
                messages = decode(data)
            except Exception:  # a decoder failing on a file drops the file from the comparison
                break
            cpu_s, wall_s = time.process_time() - cpu_started, time.perf_counter() - wall_started
            if best is None or cpu_s < best[0]:
                best = (cpu_s, wall_s, messages)
        timings.append(best)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results.put((timings, max(0, peak_kib - baseline_kib)))


_Outcome = tuple[list[tuple[float, float, int] | None], int]


def _in_process(target: Callable[..., None], *args: object) -> _Outcome:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=target, args=(*args, results))
    process.start()
    outcome: _Outcome = results.get()
    process.join()
    return outcome


ONE_PASS = "stridewell 1 pass"


def main() -> None:
    options = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    options.add_argument("--repeat", type=int, default=5, help="passes for ours (best kept)")
    options.add_argument("--peer-repeat", type=int, default=1, help="passes for each peer")
    options.add_argument("--every", type=int, default=1, help="use every n-th corpus file")
    options.add_argument("--peers", default="fitdecode,fitparse,garmin-fit-sdk")
    args = options.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    paths = sorted(p for p in (CORPUS / "fit").iterdir() if p.suffix.lower() == ".fit")
    paths = paths[:: args.every]
    # Ours twice, each in a fresh process: best of --repeat passes per file (caches warm), and
    # one pass per file (each file's layouts met for the first time: the target).
    runs = [("stridewell", "stridewell", args.repeat), (ONE_PASS, "stridewell", 1)]
    runs += [(peer, peer, args.peer_repeat) for peer in peers]
    outcomes = {label: _in_process(_measure, decoder, paths, n) for label, decoder, n in runs}
    labels = list(outcomes)
    common = [i for i in range(len(paths)) if all(outcomes[d][0][i] is not None for d in labels)]
    megabytes = sum(paths[i].stat().st_size for i in common) / 1e6
    print(
        f"{len(common)} of {len(paths)} corpus FIT files read by every decoder: {megabytes:.1f} MB"
    )
    header = ("decoder", "MB/cpu-s", "msgs/cpu-s", "wall MB/s", "peak MiB", "ours is", "1 pass")
    print("{:17} {:>9} {:>11} {:>10} {:>9} {:>9} {:>8}".format(*header))
    speeds: dict[str, float] = {}
    for label in labels:
        per_file, peak_kib = outcomes[label]
        timings = [t for i, t in enumerate(per_file) if i in common and t is not None]
        cpu_s = sum(t[0] for t in timings)
        wall_s = sum(t[1] for t in timings)
        messages = sum(t[2] for t in timings)
        speeds[label] = megabytes / cpu_s
        ratios = ""
        if label in peers:
            ratios = (
                f"{speeds['stridewell'] / speeds[label]:8.1f}x"
                f"{speeds[ONE_PASS] / speeds[label]:8.1f}x"
            )
        print(
            f"{label:17} {speeds[label]:9.2f} {messages / cpu_s:11.0f} "
            f"{megabytes / wall_s:10.2f} {peak_kib / 1024:9.1f} {ratios}"
        )
    if "fitdecode" in speeds:
        one_pass = speeds[ONE_PASS] / speeds["fitdecode"]
        warm = speeds["stridewell"] / speeds["fitdecode"]
        verdict = "meets" if one_pass >= 100 else "MISSES"
        print(
            f"target 100x fitdecode in one pass: {verdict} ({one_pass:.0f}x; "
            f"{warm:.0f}x best of {args.repeat})"
        )


if __name__ == "__main__":
    main()
