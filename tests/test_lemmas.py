"""analysis.lemmas: simplemma's English lemmas, with the dictionary cached at setup.

The cache must never change a lemma: every test compares with ``simplemma.lemmatize``.
"""

from __future__ import annotations

import random
import string

import pytest
import simplemma
from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

from analysis import lemmas, resource_cache
from analysis.errors import ResourceError
from analysis.resources import sentiment_lexicon


def _reset() -> None:
    lemmas._loaded.cache_clear()
    lemmas._lemmatizer.cache_clear()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A fresh cache folder for the test; the module's state is reset before and after."""
    monkeypatch.setenv("NEWS_ANALYSIS_CACHE", str(tmp_path / "cache"))
    _reset()
    yield tmp_path / "cache"
    _reset()


def _words() -> list[str]:
    """Dictionary forms, lexicon words, and words simplemma has to work out (not in its
    dictionary: rules, prefixes, affixes, hyphens, apostrophes, capitals, digits)."""
    rng = random.Random(7)
    forms = list(DEFAULT_DICTIONARY_FACTORY.get_dictionary("en"))
    words = rng.sample(forms, 20_000)
    words += list(sentiment_lexicon("afinn")) + list(sentiment_lexicon("general_inquirer"))
    made = []
    for w in rng.sample(forms, 3_000):
        made += [w + "s", w + "ized", "un" + w, "re-" + w, w + "'s", w.upper(), w.capitalize(), w + "ness", w + "2"]
    letters = string.ascii_lowercase
    made += ["".join(rng.choice(letters) for _ in range(rng.randint(2, 12))) for _ in range(3_000)]
    made += ["Blairite", "o'neill's", "U.S.", "e-mail", "naïve", "Ünïcödé", " ", "x", "2004", "can't"]
    return words + made


def test_cache_holds_simplemmas_dictionary(cache_dir):
    path = lemmas.build_cache()
    assert path.parent == cache_dir and path.is_file()
    assert lemmas.cache_in_use()
    cached = lemmas.english_dictionary()
    assert isinstance(cached, dict)
    assert cached == dict(DEFAULT_DICTIONARY_FACTORY.get_dictionary("en").items())


def test_cache_stores_each_string_once(cache_dir):
    """A lemma equal to its form, or shared by several forms, is one object in the cache, so
    marshal writes it once (a smaller file, a faster load); the entries stay the same."""
    import marshal

    path = lemmas.build_cache()
    plain = dict(DEFAULT_DICTIONARY_FACTORY.get_dictionary("en").items())
    assert path.stat().st_size < 0.85 * len(marshal.dumps(plain))
    cached = lemmas.english_dictionary()
    assert cached == plain
    own = [form for form, lemma in cached.items() if form == lemma]
    assert len(own) > 50_000 and all(cached[form] is form for form in own)


@pytest.mark.parametrize("with_cache", [True, False])
def test_lemmatize_is_simplemmas(cache_dir, with_cache):
    if with_cache:
        lemmas.build_cache()
    assert lemmas.cache_in_use() is with_cache
    different = [w for w in _words() if lemmas.lemmatize(w) != simplemma.lemmatize(w, lang="en")]
    assert different == []
    with pytest.raises(ValueError):  # as simplemma does
        lemmas.lemmatize("")


def test_news_sentiment_lemma_is_simplemmas(cache_dir):
    from analysis import news_sentiment as ns

    lemmas.build_cache()
    ns._lemma.cache_clear()
    try:
        words = _words()[::5]
        assert [ns._lemma(w) for w in words] == [simplemma.lemmatize(w, lang="en") for w in words]
    finally:
        ns._lemma.cache_clear()


@pytest.mark.parametrize("field", [1, 2, 3, 4])  # name, version, source hashes, marshal version
def test_a_cache_from_other_data_is_ignored(cache_dir, field):
    import marshal

    path = lemmas.build_cache()
    header, entries = marshal.loads(path.read_bytes())
    entries["negotiations"] = "wrong"
    header = list(header)
    header[field] = ("0" * 64,) if field == 3 else "other" if field == 1 else -1
    path.write_bytes(marshal.dumps((tuple(header), entries)))
    _reset()
    assert not lemmas.cache_in_use()
    assert lemmas.lemmatize("negotiations") == "negotiation"


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 100])
def test_a_damaged_cache_is_ignored(cache_dir, content):
    lemmas.build_cache().write_bytes(content)
    _reset()
    assert not lemmas.cache_in_use()
    assert lemmas.lemmatize("negotiations") == "negotiation"


def test_unwritable_cache_folder_is_a_clear_error(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("NEWS_ANALYSIS_CACHE", str(blocker / "cache"))
    _reset()
    try:
        with pytest.raises(ResourceError, match="cannot write the simplemma-en cache"):
            lemmas.build_cache()
        assert resource_cache.main() == 0  # the kit works without the caches: setup goes on
        err = capsys.readouterr().err
        assert "lemma cache not built" in err and "General Inquirer cache not built" in err
        assert list(tmp_path.iterdir()) == [blocker]  # no temporary file left behind
    finally:
        _reset()
