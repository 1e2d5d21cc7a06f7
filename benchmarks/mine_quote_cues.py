"""List candidate cue verbs from annotated attributions (PolNeAR train), for the cue lexicon.

For every word form, counts how often it is part of an annotated cue (the ``cue`` field of the
gold quotes) and how often it occurs in the texts at all; prints the forms that are not yet in
``analysis/data/cue_verbs.tsv``, that read as verb forms (-ed, -s, -ing or a listed irregular
past) and that are cues in at least ``--min-ratio`` of their occurrences, with the share of those
attributions that have no source (``seemed``, ``appears``: the writer's own evidentials, left out
of the lexicon). Nothing is written: the lexicon is edited by hand from this list (lemma,
category and frame are an editor's choice, see the header of ``cue_verbs.tsv``), and no text
of the corpus is copied.

    .venv/bin/python benchmarks/mine_quote_cues.py                      # train split
    .venv/bin/python benchmarks/mine_quote_cues.py --min-count 5 --min-ratio 0.3
    .venv/bin/python benchmarks/mine_quote_cues.py --measure            # + extractor precision

With ``--measure`` each listed form is added to the lexicon for one run of the extractor over
the same file (as a neutral verb taking any complement, in memory only), and the table gains
the extractor's predictions with that cue and the share of them that match an annotated
quote (score.py's overlap matching). A form is worth adding when that share is well above
half the current overlap F1 (a prediction that is right with probability p raises F1 when
p > F1 / 2) and it reads as a verb of saying, thinking, perceiving or taking a stance in
news in general; its category and frame are then chosen by hand.

The entries added to the lexicon in this way are marked in ``cue_verbs.tsv``; rerunning the
script after adding them lists only what is left.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

from analysis.cues import cue_lexicon
from analysis.paths import SHARED_DATA_DIR

DEFAULT_GOLD = SHARED_DATA_DIR / "quotes" / "polnear.train.jsonl"
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_FUNCTION = frozenset(
    """is was are were be been being has have had will would could should may might must can did
    does do not n't also to the a an of in on for that this it""".split()
)
_IRREGULAR = frozenset("see sees saw seen know knows knew known made gave read think thought".split())


def verb_like(word: str) -> bool:
    return word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith("ss")) or word in _IRREGULAR


def mine(path: Path) -> list[tuple[str, int, int, float]]:
    """(form, times in a cue, occurrences, share of those attributions without a source)."""
    occurrences: collections.Counter[str] = collections.Counter()
    in_cue: collections.Counter[str] = collections.Counter()
    sourceless: collections.Counter[str] = collections.Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            occurrences.update(w.lower() for w in _WORD.findall(doc["text"]))
            for q in doc["quotes"]:
                for w in {w.lower() for w in _WORD.findall(q.get("cue") or "")} - _FUNCTION:
                    in_cue[w] += 1
                    sourceless[w] += q.get("speaker") is None
    return [(w, in_cue[w], occurrences[w], sourceless[w] / in_cue[w]) for w in in_cue]


def measure(path: Path, forms: list[str]) -> dict[str, tuple[int, int]]:
    """(predictions, matched predictions) of the extractor per candidate form, with all the
    forms added to the lexicon at once (in memory; the lexicon file is not touched)."""
    import analysis.cues as cues_mod
    import analysis.quotes as quotes_mod
    from analysis.resources import cue_verbs

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from evaluate_quotes import load_scorer, read_gold

    scorer = load_scorer(path)
    extra = tuple({"lemma": f"?{f}", "category": "neutral", "frame": "candidate", "complement": "any", "forms": f} for f in forms)
    caches = (cues_mod.cue_lexicon, quotes_mod._candidate_words, quotes_mod._trigger_words)
    original = cues_mod.cue_verbs
    cues_mod.cue_verbs = lambda: cue_verbs() + extra  # type: ignore[assignment]
    for c in caches:
        c.cache_clear()
    counts: dict[str, list[int]] = {f: [0, 0] for f in forms}
    try:
        for doc in read_gold(path):
            q = quotes_mod.extract_quotes(doc["text"])
            d = scorer.Doc(doc["text"])
            gold = [d.token_ids(g["start"], g["end"]) for g in doc["quotes"]]
            pred = [d.token_ids(s, e) for s, e in zip(q["start"], q["end"])]
            matched = set(scorer.greedy_overlap(gold, pred).values())
            for k, lemma in enumerate(q["cue_lemma"]):
                if lemma.startswith("?"):
                    counts[lemma[1:]][0] += 1
                    counts[lemma[1:]][1] += k in matched
    finally:
        cues_mod.cue_verbs = original  # type: ignore[assignment]
        for c in caches:
            c.cache_clear()
    return {f: (n, m) for f, (n, m) in counts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="annotated JSONL (default: PolNeAR train)")
    ap.add_argument("--min-count", type=int, default=4, help="times in an annotated cue (default 4)")
    ap.add_argument("--min-ratio", type=float, default=0.25, help="share of occurrences that are cues (default 0.25)")
    ap.add_argument("--measure", action="store_true", help="also run the extractor with the forms added (slow: one pass)")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"mine_quote_cues: gold file not found: {args.gold}", file=sys.stderr)
        return 2
    known = cue_lexicon()
    rows = [
        r for r in mine(args.gold)
        if r[1] >= args.min_count and r[2] and r[1] / r[2] >= args.min_ratio and verb_like(r[0]) and r[0] not in known
    ]
    rows.sort(key=lambda r: (-r[1], r[0]))
    measured = measure(args.gold, [r[0] for r in rows]) if args.measure else {}
    extra = f" {'predicted':>9} {'matched':>7} {'share':>6}" if measured else ""
    print(f"{'form':20} {'in cue':>7} {'occurs':>7} {'ratio':>6} {'no source':>9}{extra}")
    for form, n, occ, null in rows:
        line = f"{form:20} {n:7d} {occ:7d} {n / occ:6.2f} {null:9.2f}"
        if measured:
            npred, nmatch = measured[form]
            line += f" {npred:9d} {nmatch:7d} {nmatch / npred if npred else 0:6.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
