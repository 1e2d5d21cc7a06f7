"""Analysis tables on disk: part files written atomically, read back as one DataFrame.

``python -m analysis analyse`` (:mod:`analysis.pipeline`) writes a folder like this::

    OUT/
      manifest.json                 inputs, options, version, counts, timings
      articles/part-00000.parquet   one part per chunk of articles (e.g. 100 articles)
      sentences/part-00000.parquet
      quotes/ speakers/ terms/ errors/
      _chunks/chunk-00000.json      the commit record of chunk 0 (ids, content hashes, dtypes)

Every file is first written under a hidden temporary name in the same folder and then renamed
with :func:`os.replace`, which is atomic on POSIX and Windows: a reader (or an interrupted run)
never sees half a file. A chunk counts as written only once its ``_chunks`` record exists; the
record is written after all of the chunk's parts, so parts without a record (left by an
interrupted run) are ignored by :func:`read_table` and removed by ``--resume``.

Values are stored in one canonical form so that CSV and Parquet read back to equal frames:
empty strings are stored as missing (CSV cannot tell them apart), nested values (lists, dicts)
as JSON text, and columns mixing types as text.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .errors import ArticleNotFoundError, ParameterError, check_choice

log = logging.getLogger(__name__)

__all__ = [
    "FORMATS",
    "TableFormat",
    "atomic_write_text",
    "canonical_frame",
    "chunk_record_path",
    "default_format",
    "is_analysis_folder",
    "list_chunks",
    "list_parts",
    "part_path",
    "read_chunk_record",
    "read_part",
    "read_table",
    "table_names",
    "write_part",
]

TableFormat = Literal["parquet", "csv"]
FORMATS: tuple[str, ...] = ("parquet", "csv")
CHUNKS_DIR = "_chunks"
_PART_RE = re.compile(r"^part-(\d{5,})\.(parquet|csv)$")
_CHUNK_RE = re.compile(r"^chunk-(\d{5,})\.json$")
_TMP_PREFIX = ".tmp-"


def default_format() -> TableFormat:
    """``"parquet"`` when pyarrow is installed (the ``parquet`` extra), else ``"csv"``."""
    try:
        import pyarrow  # noqa: F401
    except ModuleNotFoundError:
        return "csv"
    return "parquet"


def _check_format(fmt: str) -> None:
    check_choice("format", fmt, FORMATS)
    if fmt == "parquet" and default_format() != "parquet":
        raise ParameterError(
            "format='parquet' needs pyarrow: install the kit with its parquet extra "
            "(pip install 'news-analysis-kit[parquet]') or use format='csv'"
        )


def _tmp_path(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=_TMP_PREFIX + path.name + ".", dir=path.parent)
    os.close(fd)
    return Path(name)


def _replace(tmp: Path, path: Path, sync: bool = True) -> None:
    """Flush ``tmp`` to disk (unless ``sync`` is false) and rename it over ``path`` (atomic)."""
    if sync:
        sync_file(tmp)
    os.replace(tmp, path)


def sync_file(path: str | Path) -> None:
    """Flush the file ``path`` to disk (``os.fsync``)."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and an atomic rename.

    Examples:
        >>> import tempfile, pathlib
        >>> p = atomic_write_text(pathlib.Path(tempfile.mkdtemp()) / "x.json", "{}")
        >>> p.read_text()
        '{}'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_path(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _as_text(value: Any) -> Any:
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        if isinstance(value, (set, frozenset)):
            value = sorted(value, key=str)
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def canonical_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` in the stored form, the same for CSV and Parquet.

    A fresh 0..n-1 index; text columns (and columns whose values mix types) get the ``str``
    dtype with empty strings as missing; lists, tuples and dicts become JSON text; numeric and
    boolean columns are kept.

    Examples:
        >>> df = canonical_frame(pd.DataFrame({"a": ["x", "", None], "b": [["Dr"], [], None]}))
        >>> df["a"].isna().tolist(), df["b"].tolist()[:2]
        ([False, True, True], ['["Dr"]', '[]'])
    """
    out = frame.reset_index(drop=True)
    for col, dtype in list(out.dtypes.items()):
        if dtype != object and not (
            pd.api.types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype)
        ):
            continue  # numbers and booleans are stored as they are (the column is not read)
        s = out[col]
        if s.dtype == object:
            values = [v for v in s if not _is_missing(v)]
            if values and all(isinstance(v, bool) for v in values) and len(values) == len(s):
                out[col] = s.astype(bool)
                continue
            if (
                values
                and len(values) == len(s)
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            ):
                out[col] = pd.to_numeric(s)
                continue
            if not values:  # nothing but missing values: a text column with none
                out[col] = pd.Series(pd.array([None] * len(s), dtype="str"), index=s.index, name=s.name)
                continue
            s = s.map(_as_text).astype("str")
        elif not (
            pd.api.types.is_string_dtype(s.dtype)
            or isinstance(s.dtype, pd.CategoricalDtype)
        ):
            continue
        elif s.dtype != "str":
            s = s.astype("str")
        else:
            blanked = _blank_empty_strings(s)
            if blanked is not None:
                out[col] = blanked
            continue  # else already stored as it is: nothing to convert or blank out
        out[col] = s.mask(s == "")
    return out


def _blank_empty_strings(s: pd.Series) -> pd.Series | None:
    """``s.mask(s == "")`` of a ``str`` column, or ``None`` when it holds no empty string.

    Computed on the column's Arrow array when it has one (missing values are no match, as
    with ``==``): a comparison and a selection instead of pandas' per-call machinery.
    """
    to_arrow = getattr(s.array, "__arrow_array__", None)
    if to_arrow is None:
        empty = s == ""
        return s.mask(empty) if empty.any() else None
    import pyarrow as pa
    import pyarrow.compute as pc

    arrow = to_arrow()
    empty = pc.equal(arrow, "")
    if not pc.any(empty).as_py():
        return None
    blanked = pc.if_else(empty, pa.scalar(None, arrow.type), arrow)
    return pd.Series(pd.array(blanked, dtype=s.dtype), index=s.index, name=s.name)


def part_path(out_dir: str | Path, table: str, index: int, fmt: str) -> Path:
    """``OUT/<table>/part-<index>.<fmt>``: where chunk ``index`` of ``table`` is stored.

    Examples:
        >>> part_path("out", "quotes", 3, "csv").as_posix()
        'out/quotes/part-00003.csv'
    """
    return Path(out_dir) / table / f"part-{index:05d}.{fmt}"


def chunk_record_path(out_dir: str | Path, index: int) -> Path:
    """``OUT/_chunks/chunk-<index>.json``: the commit record of chunk ``index``."""
    return Path(out_dir) / CHUNKS_DIR / f"chunk-{index:05d}.json"


def write_part(
    out_dir: str | Path,
    table: str,
    index: int,
    frame: pd.DataFrame,
    fmt: TableFormat,
    *,
    sync: bool = True,
) -> dict[str, str]:
    """Write ``frame`` as part ``index`` of ``table``, atomically, in canonical form.

    With ``sync=False`` the part is renamed into place without being flushed to disk first;
    whoever commits the chunk must then flush it (:func:`sync_file`) before writing the chunk's
    record, so that a record never refers to a part a power cut could lose.

    Returns:
        The stored column dtypes, ``{column: dtype name}``, which :func:`read_table` uses to
        restore the types of CSV parts.
    """
    _check_format(fmt)
    path = part_path(out_dir, table, index, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = canonical_frame(frame)
    tmp = _tmp_path(path)
    try:
        if fmt == "parquet":
            _write_parquet(frame, tmp)
        else:
            frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
        _replace(tmp, path, sync)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return {str(c): str(t) for c, t in frame.dtypes.items()}


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """``frame.to_parquet(path, index=False, engine="pyarrow")``, with the columns converted on
    this thread: pandas lets pyarrow convert a frame's columns on a pool of threads, whose cost
    per column is larger than the conversion of the small frames of one chunk. Same table, same
    metadata (``PANDAS_ATTRS`` included), same snappy compression."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False, nthreads=1)
    if frame.attrs:  # as pandas' own writer stores them
        table = table.replace_schema_metadata(
            {**table.schema.metadata, "PANDAS_ATTRS": json.dumps(frame.attrs)}
        )
    pq.write_table(table, str(path), compression="snappy")


def list_parts(out_dir: str | Path, table: str) -> list[tuple[int, Path]]:
    """``(index, path)`` of every part file of ``table``, committed or not, by index."""
    folder = Path(out_dir) / table
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        m = _PART_RE.match(p.name)
        if m:
            found.append((int(m.group(1)), p))
    return sorted(found)


def list_chunks(out_dir: str | Path) -> list[int]:
    """Indexes of the committed chunks (those with a ``_chunks`` record), in order."""
    folder = Path(out_dir) / CHUNKS_DIR
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := _CHUNK_RE.match(p.name)))


def read_chunk_record(out_dir: str | Path, index: int) -> dict[str, Any]:
    """The commit record of chunk ``index`` (see :mod:`analysis.pipeline` for its keys)."""
    return json.loads(chunk_record_path(out_dir, index).read_text(encoding="utf-8"))


def table_names(out_dir: str | Path) -> list[str]:
    """Names of the tables stored in ``out_dir`` (folders holding part files), sorted."""
    root = Path(out_dir)
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
        and list_parts(root, p.name)
    )


def _read_part(path: Path, dtypes: Mapping[str, str] | None) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path, engine="pyarrow")
    frame = pd.read_csv(
        path, keep_default_na=False, na_values=[""], encoding="utf-8", low_memory=False
    )
    if dtypes:
        for col, dtype in dtypes.items():
            if col in frame.columns and str(frame[col].dtype) != dtype:
                try:
                    frame[col] = frame[col].astype(dtype)
                except (TypeError, ValueError):
                    log.debug("could not restore %s to %s in %s", col, dtype, path)
    return frame


def read_part(
    out_dir: str | Path, name: str, index: int, fmt: str, dtypes: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Part ``index`` of table ``name`` (CSV columns restored to ``dtypes``), committed or not."""
    return _read_part(part_path(out_dir, name, index, fmt), dtypes)


def read_table(
    out_dir: str | Path, name: str, *, columns: Iterable[str] | None = None
) -> pd.DataFrame:
    """Read every committed part of table ``name`` in ``out_dir`` as one DataFrame.

    Args:
        out_dir: a folder written by ``python -m analysis analyse`` (or
            :func:`analysis.pipeline.analyse_corpus`).
        name: ``articles``, ``sentences``, ``quotes``, ``speakers``, ``terms`` or ``errors``.
        columns: keep only these columns (in this order).

    Returns:
        The table with a fresh 0..n-1 index, rows in input order (``article_id`` first, then
        each analysis's own order). Text columns use the ``str`` dtype with missing values
        for empty text. A table with no rows comes back with its columns and no rows.

    Raises:
        ArticleNotFoundError: ``out_dir`` holds no table called ``name``.
    """
    root = Path(out_dir)
    parts = list_parts(root, name)
    committed = set(list_chunks(root)) if (root / CHUNKS_DIR).is_dir() else None
    if not parts and not (root / name).is_dir():
        have = ", ".join(table_names(root)) or "none"
        raise ArticleNotFoundError(
            f"no table {name!r} in this folder (tables: {have}); "
            "write one with `python -m analysis analyse PATH --out DIR`",
            path=root,
        )
    frames = []
    for index, path in parts:
        if committed is not None and index not in committed:
            continue  # left by an interrupted run: not part of the table
        dtypes = None
        if path.suffix == ".csv" and committed is not None:
            dtypes = read_chunk_record(root, index).get("dtypes", {}).get(name)
        frames.append(_read_part(path, dtypes))
    if not frames:
        return pd.DataFrame()
    nonempty = [f for f in frames if len(f)] or frames[:1]
    out = pd.concat(nonempty, ignore_index=True) if len(nonempty) > 1 else nonempty[0]
    if columns is not None:
        out = out[list(columns)]
    return out.reset_index(drop=True)


def is_analysis_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by ``analyse`` (it has committed chunks).

    Notebooks use it to tell such a folder (read it with :func:`read_table`) from a folder of
    articles (read it with the loaders).

    Examples:
        >>> is_analysis_folder("seeds")
        False
    """
    root = Path(path)
    return root.is_dir() and bool(list_chunks(root))


def remove_temporary_files(out_dir: str | Path) -> int:
    """Delete temporary files left by an interrupted write anywhere under ``out_dir``."""
    n = 0
    for p in Path(out_dir).rglob(_TMP_PREFIX + "*"):
        if p.is_file():
            p.unlink(missing_ok=True)
            n += 1
    return n


def check_format_name(fmt: str) -> TableFormat:
    """Check ``fmt`` names a usable format and return it (raises ParameterError)."""
    _check_format(fmt)
    return fmt  # type: ignore[return-value]
