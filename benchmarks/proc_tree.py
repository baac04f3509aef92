"""CPU time and memory of a process and everything it starts, sampled from /proc (Linux).

`stridewell import` runs a process pool through a fork server, so most of its work happens in
grandchildren that the benchmark cannot wait for; `resource.getrusage(RUSAGE_CHILDREN)` would
miss them. A thread samples the tree every `interval_s` instead:

* CPU seconds: per process, the last utime + stime seen (a process's CPU after its last sample
  before exiting is missed: at most `interval_s` each); the command's own comes exactly from
  wait4. One sample reads every /proc/PID/stat (about 2 ms for 100 processes), so sampling every
  0.1 s costs the benchmark about 2 % of one core.
* Peak tree RSS: the largest sum of the processes' resident memory at one sample. Pages shared
  between processes (libraries, copy-on-write pages of the fork server) count once per process,
  so this overstates the memory actually taken, never understates it — except for a peak shorter
  than one interval.
* Sum of peaks: each process's own high-water mark (VmHWM, exact), summed: an upper bound.

Each process is labelled by its role in a `stridewell import`: the command itself ("main"),
multiprocessing's fork server and resource tracker, and the pool's workers (forked by the server).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

_PROC = Path("/proc")
_TICKS_PER_S = os.sysconf("SC_CLK_TCK")


@dataclass
class TreeUsage:
    cpu_s: float = 0.0
    peak_rss_kib: int = 0
    sum_of_peaks_kib: int = 0
    max_processes: int = 0
    per_process_peak_kib: dict[int, int] = field(default_factory=dict)
    per_process_cpu_s: dict[int, float] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)

    def by_role(self) -> list[tuple[str, float, int]]:
        """(role, CPU seconds, peak KiB) per process, the command first, then by CPU."""
        rows = [
            (self.roles.get(pid, "other"), cpu_s, self.per_process_peak_kib.get(pid, 0))
            for pid, cpu_s in self.per_process_cpu_s.items()
        ]
        return sorted(rows, key=lambda row: (row[0] != "main", -row[1]))


class TreeMonitor:
    """Samples the tree rooted at `pid` until `stop()`; usable as a context manager."""

    def __init__(self, pid: int, interval_s: float = 0.1) -> None:
        self.pid = pid
        self.interval_s = interval_s
        self._cpu_ticks: dict[int, int] = {}
        self._hwm_kib: dict[int, int] = {}
        self._roles: dict[int, str] = {}
        self._peak_rss_kib = 0
        self._max_processes = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMonitor:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> TreeUsage:
        if not self._done.is_set():
            self._done.set()
            self._thread.join()
        return self.usage()

    def usage(self, root_cpu_s: float | None = None) -> TreeUsage:
        """The totals; `root_cpu_s` replaces the sampled CPU of the root (exact after wait4)."""
        per_process = {pid: ticks / _TICKS_PER_S for pid, ticks in self._cpu_ticks.items()}
        if root_cpu_s is not None:
            per_process[self.pid] = root_cpu_s
        return TreeUsage(
            cpu_s=sum(per_process.values()),
            peak_rss_kib=self._peak_rss_kib,
            sum_of_peaks_kib=sum(self._hwm_kib.values()),
            max_processes=self._max_processes,
            per_process_peak_kib=dict(self._hwm_kib),
            per_process_cpu_s=per_process,
            roles=dict(self._roles),
        )

    def _run(self) -> None:
        while not self._done.is_set():
            self._sample()
            self._done.wait(self.interval_s)

    def _sample(self) -> None:
        tree = _descendants(self.pid)
        rss_kib = 0
        for pid in tree:
            if self._roles.get(pid, "other") == "other":  # again: it may have exec'd since
                self._roles[pid] = self._role(pid)
            ticks = _cpu_ticks(pid)
            memory = _memory_kib(pid)
            if ticks is None or memory is None:
                continue  # exited between listing and reading
            self._cpu_ticks[pid] = max(ticks, self._cpu_ticks.get(pid, 0))
            rss, hwm = memory
            self._hwm_kib[pid] = max(hwm, self._hwm_kib.get(pid, 0))
            rss_kib += rss
        self._peak_rss_kib = max(self._peak_rss_kib, rss_kib)
        self._max_processes = max(self._max_processes, len(tree))

    def _role(self, pid: int) -> str:
        if pid == self.pid:
            return "main"
        try:
            command = (_PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            return "other"
        if b"resource_tracker" in command:
            return "resource tracker"
        if b"forkserver" in command:  # the server, or a worker forked from it
            fields = _stat_fields(pid)
            return "fork server" if fields is not None and int(fields[1]) == self.pid else "worker"
        return "other"


def _descendants(root: int) -> list[int]:
    """`root` and every process below it (by parent pid, one scan of /proc)."""
    children: dict[int, list[int]] = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        stat = _stat_fields(int(entry.name))
        if stat is not None:
            children.setdefault(int(stat[1]), []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, ()))
    return found


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name: [state, ppid, …]."""
    try:
        text = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return text.rpartition(")")[2].split()


def _cpu_ticks(pid: int) -> int | None:
    fields = _stat_fields(pid)
    if fields is None:
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def _memory_kib(pid: int) -> tuple[int, int] | None:
    try:
        lines = (_PROC / str(pid) / "status").read_text().splitlines()
    except OSError:
        return None
    values = {}
    for line in lines:
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    if "VmRSS" not in values:
        return None  # a zombie: its memory is gone
    return values["VmRSS"], values.get("VmHWM", values["VmRSS"])
