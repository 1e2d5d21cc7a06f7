"""The command line: ``python -m analysis <command> …`` (also installed as ``news-analysis``).

Each subcommand is one entry in :data:`COMMANDS`: a function that adds its options to an
argparse sub-parser and returns the function that runs it. Adding a command is adding one such
function; the heavy modules are imported only when their command runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

Runner = Callable[[argparse.Namespace], int]


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
    return run_analyse


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


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: ``sys.argv[1:]``), run the command and return its exit code."""
    args = build_parser().parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if args.verbose < 2:
        for noisy in ("papermill", "traitlets", "nbclient", "asyncio"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return int(args._run(args))
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
