"""The kit's exceptions: one base class, narrow subclasses that say what to fix.

Every error the kit raises on purpose is an :class:`AnalysisError`, so a notebook or a batch
can catch ``AnalysisError`` and report the message, which always names the file, line or
parameter at fault and what to do about it.
"""

from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """Base class of every error the kit raises on purpose."""


class ArticleError(AnalysisError):
    """An input file or record cannot be read as an article.

    Attributes:
        path: the file at fault (``None`` for text passed in directly).
        line: the 1-based line number at fault, when there is one.
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = None if path is None else str(path)
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(where + message)


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The path does not exist, or a folder or glob holds no article files."""


class EmptyArticleError(ArticleError):
    """The file or record has no body text (empty, whitespace only, or a title alone)."""


class BinaryFileError(ArticleError):
    """The file looks like binary data (an image, a PDF, an archive), not text."""


class FormatError(ArticleError):
    """A JSONL or CSV file is malformed or lacks the column that holds the text."""


class ParameterError(AnalysisError, ValueError):
    """A function was called with an option it does not accept."""


class ResourceError(AnalysisError):
    """A language resource (lexicon, word list) that should come installed is missing."""


class ReportError(AnalysisError):
    """A report could not be written (read-only folder, full disk, failing notebook)."""


def check_choice(name: str, value: object, choices: tuple[str, ...] | frozenset[str]) -> None:
    """Raise :class:`ParameterError` unless ``value`` is one of ``choices``.

    Examples:
        >>> check_choice("method", "vader", ("vader", "news"))
        >>> check_choice("method", "bert", ("vader", "news"))
        Traceback (most recent call last):
        ...
        analysis.errors.ParameterError: method='bert' is not one of: 'news', 'vader'
    """
    if value not in choices:
        allowed = ", ".join(repr(c) for c in sorted(choices))
        raise ParameterError(f"{name}={value!r} is not one of: {allowed}")
