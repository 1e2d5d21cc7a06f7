"""news-analysis-kit: quotes and speakers, sentiment, terms and text statistics for news articles.

Modules (import them by name; importing the package itself stays cheap):

- :mod:`analysis.loaders`: ``load_article``, ``load_corpus``, ``iter_articles``
- :mod:`analysis.text`: sentences and tokens with character offsets
- :mod:`analysis.stats`: counts, readability, lexical diversity
- :mod:`analysis.quotes`: who said what
- :mod:`analysis.sentiment`: VADER and a news-calibrated scorer, at every level
- :mod:`analysis.terms`: frequencies, n-grams, TF-IDF, keyness, collocations, KWIC
- :mod:`analysis.plots`: matplotlib figures for all of the above
- :mod:`analysis.reports`: papermill batch reports
- :mod:`analysis.checks`: rows a person should read (likely extractor errors, failure conditions)
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("news-analysis-kit")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

logging.getLogger(__name__).addHandler(logging.NullHandler())
