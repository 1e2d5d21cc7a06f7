"""Shared plumbing for the plot modules."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.ticker import MaxNLocator


def get_ax(ax: Axes | None, figsize: tuple[float, float] = (8, 4.5)) -> Axes:
    """Return ``ax``, or the axes of a new figure of ``figsize`` inches."""
    if ax is not None:
        return ax
    _, new_ax = plt.subplots(figsize=figsize)
    return new_ax


def integer_ticks(axis: Axis) -> None:
    """Ticks at whole numbers only, for an axis of counts or positions (never 0.25 statements)."""
    axis.set_major_locator(MaxNLocator(integer=True))


def fmt_value(value: float) -> str:
    """A value as a label shows it: whole numbers without decimals, others with one.

    Examples:
        >>> fmt_value(8.0), fmt_value(7.5), fmt_value(21.333)
        ('8', '7.5', '21.3')
    """
    if math.isfinite(value) and float(value).is_integer():
        return f"{value:.0f}"
    return f"{value:.1f}"


def fmt_percent(value: float) -> str:
    """A share in percent, without rounding a visible bar down to "0%".

    Examples:
        >>> fmt_percent(42.4), fmt_percent(0.4), fmt_percent(0.01), fmt_percent(0.0)
        ('42%', '0.4%', '<0.1%', '0%')
    """
    if value == 0 or abs(value) >= 1:
        return f"{value:.0f}%"
    if abs(value) < 0.05:
        return "<0.1%"
    return f"{value:.1f}%"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 mention"``, ``"2 mentions"``.

    Examples:
        >>> plural(1, "mention"), plural(3, "mention"), plural(2, "statement", "statements")
        ('1 mention', '3 mentions', '2 statements')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"
