"""Results of repeated texts, shared between the worker processes of one ``analyse`` run.

News corpora repeat themselves: wire copies, stories published again under another id (133 of
the 2,225 BBC articles repeat an earlier text, most within 300 articles of it). A process
remembers the texts it analysed lately and takes a repeat's results from there
(``analysis.pipeline._RECENT``). With ``--jobs N`` the earlier copy has often gone to another
worker, which would analyse the text again.

The parent process reads ahead of the chunks it hands out, so when it forms a chunk it knows
which of the chunk's texts come again in a later chunk (:class:`DuplicatePlan`). The chunk's
worker then publishes those texts' results in a folder of the run; the worker of the later
chunk analyses its other articles first and then takes the repeats' results from that folder
(:class:`SharedResults`). A result that is not there yet, or cannot be read, is computed:
the tables are exactly the same either way, only the time differs.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .loaders import Article

#: Articles the parent remembers having read: a repeat further away than this is not shared.
_HORIZON = 4096


def text_key(text: Any) -> str | None:
    """A file name for ``text``'s results: 32 hex digits of its BLAKE2b digest (``None`` for
    anything but a string: such an article fails in its worker, with its own error)."""
    if not isinstance(text, str):
        return None
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass
class SharedResults:
    """What one chunk's worker publishes and fetches (sent to it with the chunk).

    Attributes:
        folder: the run's folder of published results.
        publish: position in the chunk -> key, for texts that come again in a later chunk.
        fetch: position in the chunk -> key, for texts an earlier chunk publishes.
    """

    folder: str
    publish: dict[int, str] = field(default_factory=dict)
    fetch: dict[int, str] = field(default_factory=dict)

    def order(self, n: int) -> list[int]:
        """Positions ``0..n-1`` in the order to analyse them: the ones to fetch last, when
        the earlier chunk has most likely published them."""
        return [i for i in range(n) if i not in self.fetch] + [i for i in range(n) if i in self.fetch]

    def put(self, position: int, result: Any) -> None:
        """Publish ``result`` for the text at ``position``, atomically; a failure to write is
        no error (the later worker computes the result itself)."""
        path = Path(self.folder) / self.publish[position]
        tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
        try:
            tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass

    def get(self, position: int) -> Any | None:
        """The published result for the text at ``position``, or ``None`` if there is none
        (not published yet, removed, unreadable)."""
        try:
            return pickle.loads((Path(self.folder) / self.fetch[position]).read_bytes())
        except Exception:  # missing, half gone, damaged: compute it instead
            return None


class DuplicatePlan:
    """The parent's side: which chunk publishes a text's results and which fetch them.

    Wrap the articles as they are read (:meth:`reading`, items ``(article, anything)``), then
    call :meth:`plan` for each chunk in order, with its number of articles: the chunk's
    articles are the oldest read and not yet planned.
    """

    def __init__(self, folder: str | os.PathLike[str], in_flight: int) -> None:
        """``folder``: where results are published (the caller creates and removes it);
        ``in_flight``: the most chunks handed out and not yet finished at any time."""
        self.folder = str(folder)
        #: a result is forgotten (its file removed) this many chunks after its publisher
        self._keep_chunks = 2 * in_flight + 4
        self._keys: deque[str | None] = deque()  # keys of the articles read, not yet planned
        self._last_read: dict[str, int] = {}  # key -> position of its latest reading
        self._reads: deque[tuple[int, str]] = deque()  # (position, key), oldest first
        self._published: dict[str, int] = {}  # key -> index of the chunk that publishes it
        self._publishers: deque[tuple[int, str]] = deque()  # (chunk index, key), oldest first
        self._n_read = 0
        self._n_planned = 0

    def reading(self, items: Iterable[tuple[Article, Any]]) -> Iterator[tuple[Article, Any]]:
        """``items`` unchanged, each article's text noted as it is read."""
        for item in items:
            key = text_key(item[0].text)
            self._keys.append(key)
            if key is not None:
                self._last_read[key] = self._n_read
                self._reads.append((self._n_read, key))
            self._n_read += 1
            yield item

    def plan(self, index: int, n: int) -> SharedResults | None:
        """The publishing and fetching of chunk ``index``, made of the next ``n`` articles
        read; ``None`` when it has neither."""
        keys = [self._keys.popleft() for _ in range(n)]
        end = self._n_planned + n
        shared = SharedResults(self.folder)
        for i, key in enumerate(keys):
            if key is None or key in shared.publish.values() or key in shared.fetch.values():
                continue  # not a text, or again within the chunk (its worker remembers it)
            if self._published.get(key, index) < index:
                shared.fetch[i] = key
            elif self._last_read[key] >= end:  # read again, beyond this chunk
                shared.publish[i] = key
                self._published[key] = index
                self._publishers.append((index, key))
        self._n_planned = end
        self._forget(index)
        return shared if shared.publish or shared.fetch else None

    def _forget(self, index: int) -> None:
        """Drop what is too old to matter, so that memory and disk stay bounded."""
        while self._reads and self._reads[0][0] < self._n_planned - _HORIZON:
            pos, key = self._reads.popleft()
            if self._last_read.get(key) == pos:
                del self._last_read[key]
        while self._publishers and self._publishers[0][0] < index - self._keep_chunks:
            old, key = self._publishers.popleft()
            if self._published.get(key) == old:
                del self._published[key]
                try:  # its readers are long done
                    (Path(self.folder) / key).unlink(missing_ok=True)
                except OSError:
                    pass
