"""Frame builders: run an item function over many articles into one long DataFrame.

Every analysis module has two layers: an item function that takes one text and returns a
DataFrame, and a frame builder that takes many articles and returns one tidy DataFrame with an
``article_id`` column first. :func:`build_frame` is the shared machinery for the second layer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal

import pandas as pd

from .errors import AnalysisError, ParameterError, check_choice
from .loaders import Article

log = logging.getLogger(__name__)

OnError = Literal["raise", "skip"]
ArticlesLike = Article | Iterable[Article] | pd.DataFrame


def iter_id_text(articles: ArticlesLike) -> Iterator[tuple[str, str, Article | None]]:
    """Yield ``(article_id, text, article_or_None)`` from an Article, many, or a corpus frame.

    A corpus DataFrame needs ``id`` (or ``article_id``) and ``text`` columns.
    """
    if isinstance(articles, Article):
        yield articles.id, articles.text, articles
        return
    if isinstance(articles, pd.DataFrame):
        id_col = "id" if "id" in articles.columns else "article_id"
        if id_col not in articles.columns or "text" not in articles.columns:
            raise ParameterError(
                "a corpus DataFrame needs an 'id' and a 'text' column "
                f"(it has: {', '.join(map(str, articles.columns))})"
            )
        for aid, text in zip(articles[id_col], articles["text"]):
            yield str(aid), text, None
        return
    if isinstance(articles, (str, bytes)):
        raise ParameterError(
            "frame builders take articles (load_corpus(...) or a list of Article), not a string; "
            "for one text call the item function instead"
        )
    for art in articles:
        if not isinstance(art, Article):
            raise ParameterError(f"expected Article objects, got {type(art).__name__}")
        yield art.id, art.text, art


def build_frame(
    articles: ArticlesLike,
    item: Callable[[str], pd.DataFrame],
    columns: Sequence[str],
    *,
    on_error: OnError = "raise",
    **options: Any,
) -> pd.DataFrame:
    """Apply ``item(text, **options)`` to each article and stack the results.

    Returns:
        DataFrame with ``article_id`` first, then ``columns``, rows in article order then in
        the item function's order. Articles skipped under ``on_error="skip"`` are logged and
        listed in ``frame.attrs["skipped"]`` as ``(article_id, message)`` pairs.
    """
    check_choice("on_error", on_error, ("raise", "skip"))
    parts = []
    skipped: list[tuple[str, str]] = []
    for aid, text, _ in iter_id_text(articles):
        try:
            part = item(text, **options)
        except AnalysisError as exc:
            if on_error == "raise":
                raise
            log.warning("skipped article %s: %s", aid, exc)
            skipped.append((aid, str(exc)))
            continue
        if len(part):
            part = part.copy()
            part.insert(0, "article_id", aid)
            parts.append(part)
    cols = ["article_id", *columns]
    if parts:
        out = pd.concat(parts, ignore_index=True)[cols]
    else:
        out = pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    out.attrs["skipped"] = skipped
    return out
