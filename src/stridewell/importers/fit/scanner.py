"""The one pass over a FIT file's records: headers, definitions, and where each message sits.

Only definition messages and field descriptions are decoded here; every other data message is
noted as a byte offset in the group of its layout (`Group`). Repeating stretches are skipped with
strided bytes comparisons instead of a Python step per message: when a header recurs right after
itself (record, record…) or after up to three other messages (record, hrv, record…; newer
Garmin watches cycle gps_metadata, record, hrv and an undocumented message), the headers of the
next repetitions sit every `period` bytes, and `data[pos::period].lstrip(header)` says how many
of them are still the same header. Each group then holds runs (start, count, stride) as well as
single offsets.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import ActivityFileError

from .layout import DevField, Layout, definition_end, layout_for
from .profile import BASE_TYPE_MASK, BASE_TYPES, MESG_NUM

IntArray = npt.NDArray[np.int64]

_FIELD_DESCRIPTION = MESG_NUM["field_description"]
_SINGLE_BYTES = [bytes((h,)) for h in range(256)]
_Entry = tuple[Callable[[int], None], int, "Group"]
_FIRST_PROBE = 32  # repetitions compared in the first look-ahead of a pattern
_COOLDOWN = 8  # after a look-ahead that found no pattern, skip this many chances (doubling)
_MAX_COOLDOWN = 1024
_MAX_PERIOD = 4  # messages in a repeating pattern: the corpus has cycles of 4, longer did not pay


class Group:
    """The data messages of one layout (with one resolution of its developer fields)."""

    __slots__ = ("layout", "dev", "starts", "runs", "step", "interleaved")

    def __init__(self, layout: Layout, dev: tuple[DevField | None, ...]) -> None:
        self.layout = layout
        self.dev = dev
        self.step = 1 + layout.size
        self.starts = array("q")  # header offset of each single message or run
        # Per run, three numbers: index into starts, number of messages, bytes from one to the next.
        self.runs = array("q")
        self.interleaved = False  # whether two runs of the group overlap (offsets need sorting)

    @property
    def count(self) -> int:
        return len(self.starts) + sum(self.runs[1::3]) - len(self.runs) // 3

    def offsets(self) -> IntArray:
        """Header offset of every message of the group, in file order."""
        starts = np.frombuffer(self.starts, dtype=np.int64)
        if not self.runs:
            return starts
        if starts.size == 1:  # one regular run
            _, length, step = self.runs
            run: IntArray = np.arange(length, dtype=np.int64) * step + starts[0]
            return run
        # Offsets as a running sum of gaps: `stride` inside a run, a jump at each start.
        index, count, stride = np.frombuffer(self.runs, dtype=np.int64).reshape(-1, 3).T
        lengths = np.ones(starts.size, dtype=np.int64)
        strides = np.zeros(starts.size, dtype=np.int64)
        lengths[index] = count
        strides[index] = stride
        gaps = np.repeat(strides, lengths)
        jumps = starts.copy()  # from the last message of the previous start
        jumps[1:] -= starts[:-1] + (lengths[:-1] - 1) * strides[:-1]
        gaps[np.cumsum(lengths) - lengths] = jumps
        offsets = np.cumsum(gaps)
        if self.interleaved:
            offsets.sort()
        return offsets


class Scan:
    """State kept across the chained FIT files of one byte string."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.groups: dict[Hashable, Group] = {}
        self.compressed = False  # whether any compressed-timestamp header was met

    def scan_file(self, pos: int, stop: int) -> None:
        """Note every message of one FIT file's data section `[pos, stop)`."""
        data = self.data
        # Per header byte: (append to the bound group's offsets, message size incl. header, group).
        # Filled lazily: a header byte meets the slow path once per binding of its local type.
        table: list[_Entry | None] = [None] * 256
        local = _Locals()
        dev_fields: dict[tuple[int, int], DevField] = {}
        seen = [-1] * 256  # offset of the last message with each header byte
        barrier = pos  # offsets before this predate the current bindings
        cool, backoff = 0, _COOLDOWN  # look-aheads to skip after fruitless ones
        step = 0
        while pos < stop:
            h = data[pos]
            entry = table[h]
            if entry is not None:
                note, step, _ = entry
                last = seen[h]
                seen[h] = pos
                if last >= barrier:  # the messages since `last` may be a repeating pattern
                    if cool:
                        cool -= 1
                    else:
                        advance = _repeat_pattern(data, table, last, pos, stop)
                        if advance:
                            pos += advance
                            barrier = pos
                            backoff = _COOLDOWN
                            continue
                        cool = backoff
                        backoff = min(2 * backoff, _MAX_COOLDOWN)
                note(pos)
                pos += step
                continue
            barrier = pos
            step = 0
            if h & 0xC0 == 0x40:  # definition message
                end = definition_end(data, pos, stop)
                key = _SINGLE_BYTES[h & 0x20] + data[pos + 1 : end]
                self._bind(table, local, h & 0x0F, key, layout_for(key, data, pos), dev_fields)
                pos = end
                continue
            number = (h >> 5) & 0x03 if h & 0x80 else h & 0x0F
            group = local.groups[number]
            if group is None:
                raise ActivityFileError(
                    f"FIT data message at byte {pos} uses local message type {number}, "
                    "which no definition message declared"
                )
            if group.layout.global_num != _FIELD_DESCRIPTION:
                table[h] = (group.starts.append, group.step, group)
                local.aliases[number].append(h)
                self.compressed = self.compressed or h >= 0x80
                continue  # now on the fast path
            if pos + group.step > stop:
                raise _past_end("message", pos, stop)
            group.starts.append(pos)
            if _describe(group.layout, data, pos, dev_fields):
                for number, binding in enumerate(local.bindings):
                    if binding is not None and binding[1].dev_fields:
                        self._bind(table, local, number, *binding, dev_fields)
            pos += group.step
        if pos > stop:
            raise _past_end("message", pos - step, stop)

    def _bind(
        self,
        table: list[_Entry | None],
        local: _Locals,
        number: int,
        key: bytes,
        layout: Layout,
        dev_fields: dict[tuple[int, int], DevField],
    ) -> None:
        """Point local message type `number` at the group of `layout`."""
        dev: tuple[DevField | None, ...] = ()
        if layout.dev_fields:
            dev = tuple(dev_fields.get((d.dev_index, d.num)) for d in layout.dev_fields)
        group_key = (key, dev) if dev else key
        group = self.groups.get(group_key)
        if group is None:
            group = self.groups[group_key] = Group(layout, dev)
        local.groups[number] = group
        local.bindings[number] = (key, layout)
        aliases = local.aliases[number]
        for h in aliases:
            table[h] = None
        aliases.clear()
        if layout.global_num != _FIELD_DESCRIPTION:  # field descriptions stay on the slow path
            table[number] = (group.starts.append, group.step, group)
            aliases.append(number)


class _Locals:
    """What each of the 16 local message types is bound to in the current file."""

    __slots__ = ("groups", "bindings", "aliases")

    def __init__(self) -> None:
        self.groups: list[Group | None] = [None] * 16
        self.bindings: list[tuple[bytes, Layout] | None] = [None] * 16
        # Header bytes whose table entry points at the binding (normal and compressed forms).
        self.aliases: list[list[int]] = [[] for _ in range(16)]


def _repeat_pattern(
    data: bytes, table: list[_Entry | None], start: int, pos: int, stop: int
) -> int:
    """Note the repetitions of the messages in `[start, pos)` from `pos` on; bytes consumed.

    The messages between the last occurrence of the current header and now form the candidate
    pattern; each of its headers must then recur every `pos - start` bytes.
    """
    period = pos - start
    ahead = pos + period  # where the current header recurs if the pattern does
    if ahead >= stop or data[ahead] != data[pos]:
        return 0  # fewer than two repetitions (the common case, checked first)
    phases: list[tuple[bytes, int, _Entry]] = []
    at = start
    while at < pos:
        entry = table[data[at]]
        if entry is None or len(phases) == _MAX_PERIOD:
            return 0
        phases.append((_SINGLE_BYTES[data[at]], at - start, entry))
        at += entry[1]
    if at != pos:
        return 0
    available = (stop - pos) // period
    probe = _FIRST_PROBE if available > _FIRST_PROBE else available
    while True:
        cycles = probe
        for header, shift, _ in phases:
            first = pos + shift
            found = probe - len(data[first : first + probe * period : period].lstrip(header))
            if found < cycles:
                cycles = found
        if cycles < probe or probe == available:
            break
        probe = 8 * probe if 8 * probe < available else available
    if cycles < 2:
        return 0
    groups = []
    for _, shift, (_, _, group) in phases:
        group.runs.extend((len(group.starts), cycles, period))
        group.starts.append(pos + shift)
        if group in groups:  # its runs overlap: the offsets will need sorting
            group.interleaved = True
        groups.append(group)
    return cycles * period


def _describe(
    layout: Layout, data: bytes, pos: int, dev_fields: dict[tuple[int, int], DevField]
) -> bool:
    """Record a field_description message; say whether it changed anything."""
    values = layout.unpack_one(data, pos)
    dev_index, num, base_id = values.get(0), values.get(1), values.get(2)
    if not (isinstance(dev_index, int) and isinstance(num, int) and isinstance(base_id, int)):
        return False  # missing, or damaged into another type
    base = BASE_TYPES.get(base_id & BASE_TYPE_MASK)
    if base is None:
        return False
    name = values.get(3) if isinstance(values.get(3), str) else None
    scale, offset = values.get(6), values.get(7)
    field = DevField(
        dev_index=dev_index,
        num=num,
        name=name or f"developer_{dev_index}_{num}",
        base=base,
        scale=float(scale) if isinstance(scale, int | float) and scale else 1.0,
        offset=float(offset) if isinstance(offset, int | float) else 0.0,
        units=str(values[8]) if isinstance(values.get(8), str) else "",
    )
    if dev_fields.get((field.dev_index, field.num)) == field:
        return False
    dev_fields[(field.dev_index, field.num)] = field
    return True


def _past_end(what: str, pos: int, stop: int) -> ActivityFileError:
    return ActivityFileError(
        f"FIT {what} at byte {pos} runs past the end of the data (byte {stop})"
    )
