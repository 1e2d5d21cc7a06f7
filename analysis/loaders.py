"""Reading articles: plain text in the seed layout, folders and globs of them, JSONL and CSV."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article.

    Attributes:
        id: a stable identifier (the file name without extension, or the record's ``id``).
        title: the headline ("" when there is none).
        author: the byline name without "By" ("" when there is none).
        text: the body: paragraphs joined by ``"\\n"``; the title and byline are not in it. All
            offsets returned by the analysis functions point into this string.
        paragraphs: the body's paragraphs, in order.
        source: where it came from (a file path, with ``:line`` for JSONL/CSV records).
        meta: any other fields of the record (e.g. ``category``, ``date``, ``outlet``).
    """

    id: str
    title: str
    author: str
    text: str
    paragraphs: tuple[str, ...] = ()
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
