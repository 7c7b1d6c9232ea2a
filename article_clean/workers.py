"""Worker processes no record can take down: the parallel half of `clean_many`.

A record can kill the process cleaning it (the OOM killer, a crash in a C library) or keep it
busy forever (a user rule that never returns). The parent therefore runs its own workers and
knows, for each one, which record it is on and since when:

- a worker that dies is replaced; the record it was on is tried once more, alone, and reported
  as `WorkerDied` if it kills that worker too; the records queued behind it are simply resent;
- a record still running after `record_timeout` seconds gets its worker killed (from outside:
  no Python code in the worker has to cooperate) and is reported as `RecordTimeout`.

Every record thus comes back exactly once, as an Article or as an error, in input order. Workers
ignore Ctrl-C, which is the parent's to handle: it kills them and stops.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any

from .batch import Item, RecordError, Result, clean_one, cleaner_from_blob
from .errors import InputTooLarge

_SENTENCE = "A sentence of a story, long enough to have its language told."
_WARM_UP = (_SENTENCE, f"<html><body><p>{_SENTENCE}</p></body></html>")
#: Tries a record gets when the worker cleaning it dies: the first run and one retry alone.
TRIES = 2


def _serve(
    conn: Connection, blob: bytes, kind: str | None, inherited: tuple[Connection, ...] = ()
) -> None:
    """A worker's loop: receive a chunk of (index, item), send back one Result per record.

    `inherited`: the parent's ends of the pipes, which a forked worker holds copies of. Closed
    here, so that the parent's death (SIGTERM, SIGKILL, no cleanup) closes the worker's pipe
    and the worker ends, instead of waiting forever on a pipe it keeps open itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's SIGTERM handler, forked with it, is the parent's: a worker the signal
    # reaches (sent to the group) ends quietly, and the parent says what was lost. A job
    # started to ignore the signal has its workers ignore it too.
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for end in inherited:
        end.close()
    try:
        cleaner = cleaner_from_blob(blob)
        broken = None
        cleaner.rule_sets  # noqa: B018 - built here: a bad rule file fails every record alike
        for warm_up in _WARM_UP:  # load what loads lazily, so the clock runs on records only
            try:
                cleaner.clean(warm_up)
            except InputTooLarge:  # a max_bytes or max_blocks below the warm-up's own size
                break
    except Exception as error:  # settings that do not build here: every record says why
        cleaner, broken = None, RecordError(type(error).__name__, str(error))
    try:
        conn.send(None)  # ready
    except (EOFError, OSError):
        return
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # the parent went away
            return
        if chunk is None:
            return
        for index, item in chunk:
            if cleaner is None or broken is not None:
                result = Result(index, None, broken)
            else:
                result = clean_one(cleaner, index, item, kind, isolated=True)
            try:
                conn.send(result)
            except (EOFError, OSError):
                return
            except Exception as error:  # a result that does not pickle is that record's error
                conn.send(Result(index, None, RecordError(type(error).__name__, str(error))))


def _as_sent(item: Any) -> Any:
    """`item` with its content as bytes where it is a bytearray or a memoryview, which
    `clean()` reads as bytes and a pipe to a worker process cannot carry (a memoryview)."""
    if isinstance(item, (bytearray, memoryview)):
        return bytes(item)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], (bytearray, memoryview)):
        return bytes(item[0]), item[1]
    return item


@dataclass
class _Slot:
    """One worker process and the records it holds, the first of them in progress."""

    process: Any
    conn: Connection
    queue: deque[tuple[int, Item]] = field(default_factory=deque)
    since: float = 0.0
    ready: bool = False  # the worker has built its Cleaner; until then its clock does not run


class _Supervisor:
    def __init__(
        self,
        items: Iterable[Item],
        blob: bytes,
        kind: str | None,
        workers: int,
        chunk_size: int,
        record_timeout: float | None,
    ) -> None:
        self.source = enumerate(items)
        self.exhausted = False
        self.blob, self.kind, self.chunk_size = blob, kind, chunk_size
        self.record_timeout = record_timeout
        self.window = 2 * workers * chunk_size  # records read ahead of the one to yield next
        self.context = multiprocessing.get_context()
        self.resend: deque[tuple[int, Item]] = deque()  # queued behind a dead worker's record
        self.retry: deque[tuple[int, Item]] = deque()  # records a dead worker was on
        self.tries: dict[int, int] = {}
        self.done: dict[int, Result] = {}
        self.read = self.next_out = 0
        # Started when there is a record for them: one record needs one worker, not `workers`.
        self.slots: list[_Slot | None] = [None] * workers

    def _start(self) -> _Slot:
        parent, child = self.context.Pipe()
        inherited: tuple[Connection, ...] = ()
        if self.context.get_start_method() == "fork":
            inherited = (parent, *(slot.conn for slot in self.slots if slot is not None))
        process = self.context.Process(
            target=_serve, args=(child, self.blob, self.kind, inherited), daemon=True
        )
        process.start()
        child.close()
        return _Slot(process, parent)

    def _busy(self) -> list[_Slot]:
        return [slot for slot in self.slots if slot is not None and slot.queue]

    def _take(self) -> list[tuple[int, Item]]:
        if self.retry:
            return [self.retry.popleft()]  # alone, so that a second death names its record
        chunk = [self.resend.popleft() for _ in range(min(self.chunk_size, len(self.resend)))]
        room = min(self.chunk_size - len(chunk), self.window - (self.read - self.next_out))
        if room > 0 and not self.exhausted:
            fresh = [(index, _as_sent(item)) for index, item in islice(self.source, room)]
            self.read += len(fresh)
            self.exhausted = len(fresh) < room
            chunk.extend(fresh)
        return chunk

    def _assign(self) -> None:
        for position, slot in enumerate(self.slots):
            if slot is not None and slot.queue:
                continue
            chunk = self._take()
            if not chunk:
                return
            if slot is None:
                slot = self.slots[position] = self._start()
            try:
                payload = ForkingPickler.dumps(chunk)  # as `send` would, before a byte is sent
            except Exception as error:  # noqa: BLE001 - whatever pickling a record raises
                self._unsent(chunk, error)
                continue
            slot.queue.extend(chunk)
            slot.since = time.monotonic()
            try:
                slot.conn.send_bytes(payload)
            except (OSError, ValueError):  # it died idle: nobody is to blame
                self.resend.extendleft(reversed(slot.queue))
                slot.queue.clear()
                self.slots[position] = self._replace(slot)

    def _unsent(self, chunk: list[tuple[int, Item]], error: Exception) -> None:
        """A chunk that does not pickle: each record that does not is its own error, the others
        go again. Where each does and the chunk does not (nested just too deep for the chunk's
        two levels more), each goes alone; alone and still refused, it is its own error."""
        sendable = self._sendable(chunk)
        if len(sendable) < len(chunk):
            self.resend.extendleft(reversed(sendable))
        elif len(chunk) > 1:
            self.retry.extend(chunk)  # taken one at a time
        else:
            index = chunk[0][0]
            problem = f"the record cannot be sent to a worker process: {error}"
            self.done[index] = Result(index, None, RecordError(type(error).__name__, problem))

    def _sendable(self, chunk: list[tuple[int, Item]]) -> list[tuple[int, Item]]:
        """The records of `chunk` that go to a worker process; each other one is its own
        error, as in one process a record of the wrong type is, not the batch's end."""
        sendable = []
        for index, item in chunk:
            try:
                ForkingPickler.dumps(item)
            except Exception as error:  # noqa: BLE001 - whatever pickling raises
                problem = f"the record cannot be sent to a worker process: {error}"
                self.done[index] = Result(index, None, RecordError(type(error).__name__, problem))
            else:
                sendable.append((index, item))
        return sendable

    def _replace(self, slot: _Slot) -> _Slot:
        _stop(slot)
        return self._start()

    def _receive(self, slot: _Slot) -> bool:
        """Take the results `slot` has sent; False when its worker is gone."""
        try:
            while slot.conn.poll():
                result = slot.conn.recv()
                slot.since = time.monotonic()
                if result is None:
                    slot.ready = True
                    continue
                slot.queue.popleft()
                self.done[result.index] = result
        except (EOFError, OSError):
            return False
        return True

    def _lost(self, slot: _Slot, error: RecordError | None) -> None:
        """`slot`'s worker is gone or killed: blame its record in progress, resend the rest."""
        index, item = slot.queue.popleft()
        self.resend.extendleft(reversed(slot.queue))
        slot.queue.clear()
        tries = self.tries[index] = self.tries.get(index, 0) + 1
        if error is None and tries < TRIES:
            self.retry.append((index, item))
            return
        if error is None:
            code = slot.process.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            error = RecordError(
                "WorkerDied",
                f"the worker process cleaning this record died ({how}), {tries} times",
            )
        self.done[index] = Result(index, None, error)

    def run(self) -> Iterator[Result]:
        while True:
            self._assign()
            while self.next_out in self.done:
                yield self.done.pop(self.next_out)
                self.next_out += 1
            busy = self._busy()
            if not busy:
                if self.exhausted and not self.resend and not self.retry:
                    return
                continue
            timeout = None
            timed = [slot.since for slot in busy if slot.ready]
            if self.record_timeout is not None and timed:
                timeout = max(0.0, min(timed) + self.record_timeout - time.monotonic())
            ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout))
            now = time.monotonic()
            for slot in busy:
                alive = self._receive(slot) if slot.conn in ready else True
                if alive and slot.process.sentinel in ready:
                    alive = self._receive(slot) and slot.process.is_alive()
                if not slot.queue:
                    if not alive:
                        self.slots[self.slots.index(slot)] = self._replace(slot)
                    continue
                if not alive:
                    slot.process.join(1)
                    self._lost(slot, None)
                elif (
                    self.record_timeout is not None
                    and slot.ready
                    and now - slot.since > self.record_timeout
                ):
                    self._lost(slot, _timed_out(self.record_timeout))
                else:
                    continue
                self.slots[self.slots.index(slot)] = self._replace(slot)

    def close(self) -> None:
        for slot in self.slots:
            if slot is not None:
                _stop(slot)


def _timed_out(seconds: float) -> RecordError:
    return RecordError(
        "RecordTimeout", f"still running after {seconds:g} s: its worker process was killed"
    )


def _stop(slot: _Slot) -> None:
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join()
    slot.conn.close()


def supervised(
    items: Iterable[Item],
    blob: bytes,
    kind: str | None,
    *,
    workers: int,
    chunk_size: int,
    record_timeout: float | None,
) -> Iterator[Result]:
    """Results of cleaning `items` in `workers` supervised processes, in input order."""
    supervisor = _Supervisor(items, blob, kind, workers, chunk_size, record_timeout)
    try:
        yield from supervisor.run()
    finally:
        with _interrupts_held():  # a second Ctrl-C must not leave the workers running
            supervisor.close()


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
