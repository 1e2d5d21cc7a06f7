"""Matplotlib figures for the kit's DataFrames.

Each function takes a DataFrame produced by the package and an optional ``ax`` and returns the
``matplotlib.axes.Axes`` it drew on, so figures compose in notebooks. One module per theme:
``plots.stats``, ``plots.quotes``, ``plots.sentiment``, ``plots.terms``; their public functions
are re-exported here (``analysis.plots.top_terms_bar(...)``).
"""

from __future__ import annotations

import importlib

_THEMES = ("stats", "quotes", "sentiment", "terms")
__all__: list[str] = []
for _name in _THEMES:
    try:
        _mod = importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # a theme not written yet
        if _exc.name != f"{__name__}.{_name}":
            raise
        continue
    for _fn in getattr(_mod, "__all__", ()):
        globals()[_fn] = getattr(_mod, _fn)
        __all__.append(_fn)
