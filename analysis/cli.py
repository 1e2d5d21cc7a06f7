"""The command line: ``python -m analysis <command> …`` (also installed as ``news-analysis``).

Each subcommand is one entry in :data:`COMMANDS`: a function that adds its options to an
argparse sub-parser and returns the function that runs it. Adding a command is adding one such
function; the heavy modules are imported only when their command runs.
"""

from __future__ import annotations

import argparse
import errno
import logging
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TextIO

Runner = Callable[[argparse.Namespace], int]

#: What an :class:`OSError` means for a student, by ``errno``.
_OS_ERRORS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}
#: What to do next after a failed write, by command (what was written already is kept).
_RERUN_HINTS = {
    "analyse": "then run the same command with --resume (the tables written so far are kept)",
    "report": "then run the same command again (finished reports are kept)",
}


def _report(parser: argparse.ArgumentParser) -> Runner:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="articles: .txt files, folders, globs, .jsonl or .csv (default: seeds/)",
    )
    parser.add_argument(
        "--notebooks", action="append", metavar="NAMES",
        help="only these notebooks: numbers, names or paths, comma-separated or repeated "
        "(e.g. --notebooks 01,02-quotes); default: all of notebooks/NN-*.ipynb",
    )
    parser.add_argument("--out", default=None, metavar="DIR", help="output folder (default: reports/)")
    parser.add_argument(
        "--jobs", "-j", type=int, default=None, metavar="N",
        help="notebooks run in parallel (default: number of CPU cores)",
    )
    parser.add_argument(
        "-p", "--parameter", dest="parameters", action="append", metavar="NAME=VALUE",
        help="a notebook parameter for every report, e.g. -p top_n=5 (value read as JSON if it is JSON)",
    )
    parser.add_argument("--corpus", action="store_true", help="also run each notebook once on all the articles")
    parser.add_argument("--with-code", action="store_true", help="keep code cells in the HTML")
    parser.add_argument("--force", action="store_true", help="rebuild reports that are up to date")
    parser.add_argument(
        "--timeout", type=int, default=600, metavar="SECONDS",
        help="longest a single cell may run before its report fails (default 600; 0 = no limit)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress output on stderr")

    def run(args: argparse.Namespace) -> int:
        from .reports import main_report

        return main_report(args)

    return run


def _analyse(parser: argparse.ArgumentParser) -> Runner:
    from .pipeline import add_analyse_arguments, run_analyse

    add_analyse_arguments(parser)

    def run(args: argparse.Namespace) -> int:
        from .loaders import iter_articles

        # A mistyped path or a folder without articles stops here, before --out is created:
        # listing the files is cheap, and nothing is read yet.
        iter_articles(args.path)
        return run_analyse(args)

    return run


def _student_copy(parser: argparse.ArgumentParser) -> Runner:
    parser.add_argument("out", help="folder to write the student copies to")
    parser.add_argument("notebooks", nargs="*", help="notebooks to copy (default: the course notebooks)")

    def run(args: argparse.Namespace) -> int:
        from .teaching import student_copy

        written = student_copy(args.out, args.notebooks or None)
        print(f"wrote {len(written)} student notebooks to {args.out}")
        return 0

    return run


#: name -> (one-line help, function adding the options and returning the runner)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], Runner]]] = {
    "report": ("run the notebooks on articles and write an offline HTML report site", _report),
    "analyse": ("analyse a whole corpus into tables (Parquet or CSV)", _analyse),
    "student-copy": ("write copies of the notebooks without their solution cells", _student_copy),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="News analysis kit: quotes and speakers, sentiment, terms, text statistics, reports.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (help_text, add) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        cmd.set_defaults(_run=add(cmd))
    return parser


def describe_os_error(exc: OSError, command: str = "", out: str | None = None) -> str:
    """One line that says what an :class:`OSError` means and what to do about it.

    Examples:
        >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device"), "analyse", "tables")
        'cannot write tables: the disk is full; free some space or choose another --out folder, then run the same command with --resume (the tables written so far are kept)'
        >>> describe_os_error(FileNotFoundError(errno.ENOENT, "No such file or directory", "a.txt"))
        'a.txt: No such file or directory'
    """
    why = _OS_ERRORS.get(exc.errno or 0)
    if why is not None:
        where = exc.filename or out or "the output folder"
        space = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        hint = "free some space or choose another --out folder" if space else (
            "choose another --out folder, one you can write to")
        rerun = _RERUN_HINTS.get(command) if space else None
        return f"cannot write {where}: {why}; {hint}" + (f", {rerun}" if rerun else "")
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {detail}" if exc.filename else detail


def _one_line_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """``warnings.showwarning`` for the command line: one line, without the source line."""
    from .loaders import LoaderWarning

    text = " ".join(str(message).split())
    label = "warning" if issubclass(category, LoaderWarning) else f"warning ({category.__name__})"
    stream = file if file is not None else sys.stderr
    try:
        stream.write(f"{label}: {text}\n")
    except (OSError, ValueError):  # stderr closed or gone: nothing to tell
        pass


class _CommandLineFormatter(logging.Formatter):
    """``warning: …`` for the kit's own warnings (what a student reads, like the loader's
    warnings); ``LEVEL logger: …`` for everything else (``-v``/``-vv`` detail, other packages)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno == logging.WARNING and record.name.startswith("analysis"):
            return "warning: " + " ".join(message.split())
        text = f"{record.levelname} {record.name}: {message}"
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: ``sys.argv[1:]``), run the command and return its exit code.

    Every problem a student can meet ends in one line on stderr, never a traceback:
    ``<command>: error: <what is wrong and what to do>`` with exit code 2 (a kit error, a
    file that cannot be read or written, a full disk, too little memory), ``interrupted``
    with 130 for Ctrl-C. Warnings (encoding guessed, HTML extracted, duplicate ids) are one
    ``warning: …`` line each. Run with ``-vv`` to get the traceback of an unexpected error.
    """
    args = build_parser().parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_CommandLineFormatter())
    logging.basicConfig(level=level, handlers=[handler])
    if args.verbose < 2:
        for noisy in ("papermill", "traitlets", "nbclient", "asyncio"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    command: str = args.command
    with warnings.catch_warnings():
        if args.verbose < 2:
            warnings.showwarning = _one_line_warning
        return _run(args, command)


def _run(args: Any, command: str) -> int:
    from .errors import AnalysisError

    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except AnalysisError as exc:
        _error(command, str(exc))
    except BrokenPipeError:  # e.g. output piped into `head`
        return 1
    except MemoryError:
        _error(command, "out of memory: an article may be too large (split it into several "
               "files) or too many jobs run at once (use --jobs 1)")
    except OSError as exc:
        if args.verbose >= 2:
            raise
        _error(command, describe_os_error(exc, command, getattr(args, "out", None)))
    return 2


def _error(command: str, message: str) -> None:
    sys.stderr.write(f"{command}: error: {' '.join(message.split())}\n")
