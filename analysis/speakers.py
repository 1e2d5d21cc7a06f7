"""Speaker mentions around a cue verb, and their resolution to the fullest name in the article.

Rules, no parser: the words right before a cue ("Majid Takht-Ravanchi stated", "a senior
official said", "He warned") or right after it ("..., said Simon Rosenberg, president of NDN")
are read as a noun phrase by their capitalisation and a list of function words that end a
phrase (prepositions, conjunctions, auxiliaries). A phrase ending in a capitalised run is a
name, the words before it a title ("Iran's deputy foreign minister"); one ending in a lower-case
word is a description ("the ministry"). A name between commas after it is an apposition
("Majid Takht-Ravanchi, Iran's deputy foreign minister, stated").

What a name is not: a title or role inside the capitalised run goes to the title, the name
starting after the last title noun ("Home Secretary Charles Clarke", "Democratic Senator Kent
Conrad") or after a leading nationality, party or role word before two name words or more
("Russian Dmitriy Bogdanov", "Liberal Democrat Alan Beith", "Singer Ann Lee"); a sentence
adverb capitalised at the sentence start ("Meanwhile Ann Lee", "Perhaps Lee") is not part of
the mention; a possessive before a name is not part of it ("Acme's Ann Lee"). Organisation
names stay whole ("General Motors", "State Department", "American Film Institute"). A full
name followed by a lower-case role without a comma is the name, the role its title ("Dr Jo
Watts head of exploration"); a short bracket after a name is part of the mention, never the
speaker ("the Office of Fair Trading (OFT)", not "OFT)").

Resolution within one article: a surname or a shorter form ("Takht-Ravanchi", "Mr. Lou") maps
to the longest capitalised name ending with the same word (of several people who share the
surname, the first named of those named twice or more); "he"/"she" to the last person quoted
before (or, failing that, the last full name mentioned before); "it"/"they" to the last
organisation or description quoted within the previous paragraphs. Limits: no gender, no
number agreement, no cataphora; a wrong antecedent is possible when two people alternate.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .resources import read_word_list

# --- word classes -------------------------------------------------------------------------
SUBJECT_PRONOUNS = frozenset("he she they we i you it who".split())
PERSON_PRONOUNS = frozenset("he she him her his".split())
GROUP_PRONOUNS = frozenset("they it them their its".split())
OBJECT_PRONOUNS = frozenset("him her them us me you it".split())
DETERMINERS = frozenset(
    """the a an this that these those his her their its our my your some many most several few
    other another both all each every no any one two three four five six seven eight nine ten
    dozens hundreds thousands millions""".split()
)
# Determiners that also stand alone as a noun phrase ("many said", "others say").
PRONOUN_DETERMINERS = frozenset("many most some others another both all few several none each one half".split())
AUXILIARIES = frozenset(
    """has have had also later previously then again repeatedly recently reportedly once would
    will could should might may must can did does do not n't never already still since often
    just publicly privately earlier further first even long now always simply flatly quickly
    initially subsequently separately yet ultimately twice thrice""".split()
)
BE_FORMS = frozenset("is was are were be been being am get gets got".split())
_NOT_ADVERBS = frozenset(
    """family ally rally assembly supply daily reply fly italy july belly bully monopoly anomaly
    jelly lily sally tally only""".split()
)
PREPOSITIONS = frozenset(
    """in on at during after before with by from into about over under than as since until to
    for via through against among between without within across behind near toward towards upon
    despite like amid""".split()
)
CONJUNCTIONS = frozenset(
    """and but or nor so yet because although though while whereas if unless whether when where
    why how what which that whom whose once after before""".split()
)
VERBISH = frozenset(
    """is was are were be been being has have had do does did will would can could shall should
    may might must said says say told there here not""".split()
)
WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    tomorrow""".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
ORG_WORDS = frozenset(
    """department ministry office agency committee council party campaign news times post
    journal house senate congress parliament government administration university institute
    foundation association inc corp co company group bank court police army council center
    centre commission network channel press service services union league organization
    organisation authority board bureau fund club team tv radio magazine daily tribune herald
    gazette reuters associated coalition alliance movement front republic kingdom states nations
    pac poll survey report study""".split()
)
STOP_WORDS = (
    PREPOSITIONS - {"for"} | CONJUNCTIONS | VERBISH | AUXILIARIES | BE_FORMS | OBJECT_PRONOUNS
) - {"of"}
# Lower-case words a capitalised run may contain ("Ali bin Talal", "Charles de Gaulle").
NAME_PARTICLES = frozenset("de van von der den bin al la le du da di del dos ibn".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_TO_HEADS = frozenset("aide aides adviser advisers advisor advisors close spokesman spokeswoman successor ambassador envoy counsel".split())
_FOR_HEADS = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen lawyer lawyers attorney attorneys
    director directors strategist strategists adviser advisers advisor advisors""".split()
)
ABBREV_TITLES = frozenset(
    "mr mrs ms dr sen rep gov gen lt col maj capt sgt adm cmdr rev fr prof st jr sr pres sec atty".split()
)

#: Sentence adverbs and connectives that open a sentence before its subject ("Meanwhile Ann
#: Lee said", "Perhaps Lee was right", "However Acme said"): capitalised there, never part of
#: a name.
SENTENCE_ADVERBS = frozenset(
    """meanwhile however perhaps maybe also now then still indeed instead moreover furthermore
    nevertheless nonetheless besides likewise similarly elsewhere finally eventually separately
    unfortunately fortunately currently initially ultimately previously recently later earlier
    again thus hence therefore otherwise surprisingly interestingly importantly notably
    ironically sadly hopefully clearly obviously certainly undoubtedly apparently allegedly
    reportedly additionally consequently accordingly admittedly arguably crucially""".split()
)
#: Words before a person's name that say who the person is without being part of the name:
#: nationalities ("Russian Dmitriy Bogdanov"), parties ("Liberal Democrat Ann Lee") and
#: occupations or roles that are not formal titles ("Singer Ann Lee", "Striker Jo Park").
#: They split off only before two or more name words (see :func:`_strip_titles`).
NATIONALITIES = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak
    hungarian romanian bulgarian greek turkish russian ukrainian serbian croatian bosnian
    slovenian albanian georgian armenian israeli palestinian lebanese syrian iraqi iranian saudi
    jordanian egyptian libyan tunisian algerian moroccan kuwaiti qatari yemeni afghan pakistani
    indian bangladeshi nepalese chinese japanese korean taiwanese vietnamese thai malaysian
    singaporean indonesian filipino australian canadian mexican brazilian argentine argentinian
    chilean colombian peruvian venezuelan cuban jamaican nigerian kenyan ghanaian ethiopian
    african zimbabwean zambian ugandan sudanese somali european asian arab briton""".split()
)
PARTY_WORDS = frozenset(
    """democrat democratic republican labour tory conservative liberal socialist communist
    unionist nationalist""".split()
)
ROLE_NOUNS = frozenset(
    """singer actor actress star striker midfielder defender goalkeeper keeper winger wing
    forward skipper boss agent broadcaster presenter producer writer author novelist poet
    playwright composer musician guitarist drummer bassist rapper comedian artist designer
    photographer filmmaker film-maker teenager youngster veteran newcomer farmer businessman
    businesswoman tycoon entrepreneur billionaire banker investor trader backbencher peer mp
    mep student teacher doctor surgeon nurse engineer inventor pilot driver rider jockey
    trainer batsman bowler sprinter runner athlete champion fly-half scrum-half full-back
    hooker flanker prop centre dj chef model boxer golfer cyclist swimmer player solicitor
    barrister campaigner""".split()
)
_NAME_MODIFIERS = NATIONALITIES | PARTY_WORDS | ROLE_NOUNS
#: Titles that only a person has ("Mr. Comey" is a person even without a first name).
_PERSONAL_TITLES = frozenset("mr mrs ms miss dr sen rep gov sir dame lord lady".split())
#: Title words that also open organisation names ("General Motors", "National Grid"): before
#: one capitalised word they are part of the name (so are all title words before an
#: organisation word: "State Department", "Foreign Ministry").
_ORG_NAME_TITLES = frozenset(("general", "national"))
#: Title words that qualify a title noun rather than end it ("Attorney General" ends in a
#: noun, "General Motors" is no title before "Motors").
TITLE_MODIFIERS = frozenset(
    """vice former foreign defense defence interior finance state senior junior top press
    communications campaign national executive general political policy security economic
    senate house majority minority acting deputy assistant associate prime chief lt""".split()
)

#: Capitalised head nouns of organisation names that go on with "of", "for" or "on" and another
#: capitalised word ("Bank of England", "Institute for Fiscal Studies", "Friends of the Earth",
#: "Committee on Foreign Relations"): the connector joins the name run. Person titles
#: ("Secretary of State John Kerry") are not heads, so they still split off as titles.
ORG_HEADS = ORG_WORDS - {"news", "times", "post", "journal", "tv", "radio", "poll", "report", "study"} | frozenset(
    """friends confederation federation society chamber church school college academy museum
    hospital corporation institution laboratory ministry""".split()
)
_ORG_CONNECTORS = frozenset(("of", "for", "on"))

# Set expressions used in the hot loops, computed once.
_STOP_NOT_MODAL_OR_DET = STOP_WORDS - {"may", "will", "can"} | DETERMINERS
_MONTHS_NOT_NAMES = MONTHS - {"may", "june", "april", "august"}
_FOR_TO_HEADS = _FOR_HEADS | _TO_HEADS
_PREP_NOT_OF_AS_LIKE = PREPOSITIONS - {"of", "as", "like"}
_PREP_NOT_OF = PREPOSITIONS - {"of"}
_SUBJ_PERSONAL = SUBJECT_PRONOUNS - {"who", "it", "you"}
_STOP_NOT_MODAL_APRIL = STOP_WORDS - {"will", "may", "can", "april"}
_STOP_NOT_MODAL = STOP_WORDS - {"will", "may", "can"}
_STOP_OR_DET = STOP_WORDS | DETERMINERS
_FINITE_WORDS = frozenset("is was are were will would can could should may might must has have had does did".split())
_WEEKDAYS_MONTHS = WEEKDAYS | MONTHS
_NAME_RUN_LEAD = _STOP_OR_DET | PREPOSITIONS | SENTENCE_ADVERBS



@functools.cache
def titles() -> frozenset[str]:
    """Lower-case title and role words from ``analysis/data/titles.txt`` (this project)."""
    return frozenset(w.lower() for w in read_word_list("titles.txt"))


@functools.cache
def _titles_and_abbreviations() -> frozenset[str]:
    return titles() | ABBREV_TITLES


class Tok(NamedTuple):
    """A token of the text: offsets into the text, its kind and its lower-case form, whether it
    starts with an upper-case letter (``cap``) and is a word or a number (``is_word``).

    A named tuple, so that the extractor can build thousands per article cheaply; make one
    with :meth:`make`.
    """

    start: int
    end: int
    kind: str
    text: str
    low: str
    cap: bool
    is_word: bool

    @classmethod
    def make(cls, start: int, end: int, kind: str, text: str, low: str) -> Tok:
        return cls(start, end, kind, text, low, text[:1].isupper(), kind == "word" or kind == "number")


@dataclass
class Mention:
    """A speaker mention: token range ``[a, b]`` (inclusive) in a sentence's token list.

    Attributes:
        start, end: character offsets of the mention (what ``speaker_start/end`` report).
        text: the mention as written.
        name: the person or organisation name in it ("Majid Takht-Ravanchi"), or the
            description ("a senior official"), or the pronoun.
        kind: ``name``, ``description`` or ``pronoun``.
        title: a title or role seen with it ("Iran's deputy foreign minister"), or "".
        antecedent: for "who", the phrase it refers to.
    """

    start: int
    end: int
    text: str
    name: str
    kind: str
    title: str = ""
    antecedent: Mention | None = field(default=None, repr=False)
    np_start: int = -1  # start of the whole noun phrase when the mention is a name inside it


def _possessive_mark(toks: list[Tok], j: int) -> bool:
    """An apostrophe that ends a plural possessive ("Sanders' adviser"), not a quotation mark."""
    t = toks[j]
    return (
        t.text in ("'", "\u2019") and j > 0 and toks[j - 1].end == t.start and toks[j - 1].low.endswith("s")
        and j + 1 < len(toks) and toks[j + 1].start > t.end and toks[j + 1].is_word
    )


def is_adverb(tok: Tok) -> bool:
    return tok.kind == "word" and not tok.cap and tok.low.endswith("ly") and tok.low not in _NOT_ADVERBS


def _is_name_word(toks: list[Tok], i: int) -> bool:
    """A token that may belong to a capitalised name run."""
    t = toks[i]
    if t.kind == "word" and t.cap and t.low not in _STOP_NOT_MODAL_OR_DET:
        return t.low not in WEEKDAYS and t.low not in _MONTHS_NOT_NAMES
    if t.kind == "word" and t.low in NAME_PARTICLES and 0 < i < len(toks) - 1:
        return toks[i - 1].cap and toks[i + 1].cap
    if t.kind == "word" and 0 < i < len(toks) - 1 and not t.cap:
        if t.low in _ORG_CONNECTORS:  # "Bank of England", "Institute for Fiscal Studies"
            nxt = toks[i + 2] if toks[i + 1].low == "the" and i + 2 < len(toks) else toks[i + 1]
            return toks[i - 1].cap and toks[i - 1].low in ORG_HEADS and nxt.cap
        if t.low == "the" and i >= 2 and toks[i - 1].low in _ORG_CONNECTORS:  # "Friends of the Earth"
            return toks[i - 2].cap and toks[i - 2].low in ORG_HEADS and toks[i + 1].cap
    if t.text == "." and i > 0:  # "Mr." "J." "Caliber.Az"
        prev = toks[i - 1]
        if prev.kind == "word" and (prev.low in ABBREV_TITLES or (len(prev.text) == 1 and prev.cap)):
            return True
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return bool(nxt and prev.end == t.start and nxt.start == t.end and nxt.cap)
    if t.kind == "number":
        return False
    return False


@functools.cache
def _split_words() -> frozenset[str]:
    return _titles_and_abbreviations() | _NAME_MODIFIERS | frozenset(("", "."))


def _strip_titles(words: list[str], text: str | None = None) -> tuple[list[str], list[str]]:
    """Split the title or role from a capitalised run that ends in a name:
    (["Sen."], ["Elizabeth", "Warren"]), (["Home", "Secretary"], ["Charles", "Clarke"]),
    (["American"], ["Robby", "Ginepri"]).

    Leading title words always go ("Sen.", "Prime Minister"); then the name starts after the
    last title noun of the run ("French Culture Minister Renaud Donnedieu de Vabres",
    "Democratic Senator Kent Conrad"); failing that, a leading nationality, party or role word
    ("Russian", "Liberal Democrat", "Singer") goes when two or more name words follow it. The
    words after the split must look like a person's name (:func:`_name_like`; ``text``: the
    article, whose lower-case words a name word is not), so "American Film Institute",
    "Australian Open" and "British Phonographic Industry" stay whole.

    Examples:
        >>> _strip_titles(["Home", "Secretary", "Charles", "Clarke"])
        (['Home', 'Secretary'], ['Charles', 'Clarke'])
        >>> _strip_titles(["Singer", "Ann", "Lee"])
        (['Singer'], ['Ann', 'Lee'])
        >>> _strip_titles(["American", "Film", "Institute"])
        ([], ['American', 'Film', 'Institute'])
    """
    tl = _titles_and_abbreviations()
    n = len(words)
    if _split_words().isdisjoint([w.lower().rstrip(".") for w in words]):
        return [], words  # no title, role or nationality: the common case, at once
    i = 0
    while i < n - 1 and (words[i].lower().rstrip(".") in tl or words[i] == "."):
        i += 1
    if n - i < 2:
        if n == 2 and i == 1 and (words[0].lower() in _ORG_NAME_TITLES or words[1].lower() in ORG_WORDS):
            return [], words  # "General Motors", "National Grid": a name, not a title before one
        return words[:i], words[i:]
    # the last title inside the run, ending a stretch of title words with a title noun in it:
    # "Home Secretary Charles Clarke", "Foreign Minister Li", "Attorney General Jo Park"
    for h in range(n - 2, i - 1, -1):
        if words[h].lower().rstrip(".") not in tl:
            continue
        if not all(_name_like(w, text) for w in words[h + 1 :]):
            break
        g = h
        while g >= i and words[g].lower().rstrip(".") in tl:
            if words[g].lower().rstrip(".") not in TITLE_MODIFIERS:
                return words[: h + 1], words[h + 1 :]
            g -= 1
        break
    # a nationality, party or role word before a full name: "Russian Dmitriy Bogdanov",
    # "Liberal Democrat Ann Lee", "Euro MP Jo Park"
    for h in range(n - 3, i - 1, -1):
        if words[h].lower() in _NAME_MODIFIERS:
            if all(_name_like(w, text) for w in words[h + 1 :]):
                return words[: h + 1], words[h + 1 :]
            break
    return words[:i], words[i:]


def used_in_lower_case(low: str, text: str) -> bool:
    """Whether ``text`` writes the word ``low`` in lower case somewhere ("industry", "open"):
    then a capitalised form of it is a common word, not part of a person's name.

    ``low`` stands alone there: not preceded by a letter or digit, not followed by a letter.
    In a text of :data:`_INDEX_WORDS_FROM` characters or more, a word of letters only is
    looked up in the set of the text's words (:func:`_standalone_words`, built once per
    text) instead of searched for: an article of megabytes asks this of tens of thousands of
    names, and each search that finds nothing reads the whole text (a test compares the two).
    """
    if len(text) >= _INDEX_WORDS_FROM and low.isalpha():
        return low in _standalone_words(text)
    n = len(low)
    i = text.find(low)
    while i >= 0:
        j = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalpha()):
            return True
        i = text.find(low, j)
    return False


#: Texts from this length on answer :func:`used_in_lower_case` from a set of their words;
#: shorter ones are searched, which is faster than building the set.
_INDEX_WORDS_FROM = 100_000
_NON_DECIMAL_ALNUM_RUN_RE = re.compile(r"[^\W\d_]+")  # letters, and numerals like "½", "²"


@functools.lru_cache(maxsize=1)  # the last text asked about (its hash is kept on the string)
def _standalone_words(text: str) -> frozenset[str]:
    """Every run of letters in ``text`` that :func:`used_in_lower_case` would find: a maximal
    run of letters (``str.isalpha``) not preceded by a letter or digit (``str.isalnum``).
    Remembered for the last text asked about.

    The regex finds maximal runs of letters and of numerals that are not decimal digits; a
    run of letters inside such a run (after a numeral) follows a digit and does not count,
    so only the leading letters of each run are candidates.
    """
    found = set()
    for m in _NON_DECIMAL_ALNUM_RUN_RE.finditer(text):
        i = m.start()
        if i and text[i - 1].isalnum():  # a decimal digit (or, never, a letter) before it
            continue
        run = m.group()
        if not run.isalpha():  # a numeral in it: keep the letters before the first one
            k = 0
            while run[k].isalpha():
                k += 1
            run = run[:k]
            if not run:
                continue
        found.add(run)
    return frozenset(found)


def _name_like(word: str, text: str | None = None) -> bool:
    """A word that may be part of a person's name: capitalised (or a particle or an initial's
    period), not a title, an organisation word or a word the article uses in lower case."""
    low = word.lower().rstrip(".")
    if word == "." or low in NAME_PARTICLES:
        return True
    if not word[:1].isupper() or word.endswith(("'s", "\u2019s")):
        return False
    if low in _titles_and_abbreviations() or low in ORG_WORDS or low in ORG_HEADS or low in _NAME_MODIFIERS:
        return False
    return text is None or not used_in_lower_case(low, text)


def _mention(toks: list[Tok], text: str, a: int, b: int, title: str = "") -> Mention:
    """Build a Mention from tokens ``a..b``; split off a title before a trailing name.

    A sentence adverb capitalised before the phrase ("Meanwhile Ann Lee") is not part of it.
    """
    while a < b and toks[a].cap and toks[a].low in SENTENCE_ADVERBS and toks[a].kind == "word":
        a += 1
    start, end = toks[a].start, toks[b].end
    raw = text[start:end]
    if b == a and toks[a].low in SUBJECT_PRONOUNS:
        return Mention(start, end, raw, raw, "pronoun", title)
    # trailing capitalised run = name
    i = b
    while i >= a and (_is_name_word(toks, i) or (toks[i].kind == "word" and toks[i].low == "-")):
        i -= 1
    run = list(range(i + 1, b + 1))
    if run and toks[b].cap:
        person = _person_of_org(toks, text, a, run[0])
        if person is not None:  # "John Smith of Reuters", "Sen. Jo Li of the Senate Committee on ..."
            name_start, name_end, lead = person
            ttl = "; ".join(x for x in (lead, text[name_end:end].strip(" ,"), title) if x)
            return Mention(start, end, raw, text[name_start:name_end], "name", ttl)
        words = [text[toks[j].start : toks[j].end] for j in run]
        lead, core = _strip_titles(words, text)
        if core and core[-1].lower().rstrip(".") not in _titles_and_abbreviations():
            name_start = toks[run[len(lead)]].start
            pre = text[start:name_start].strip(" ,")
            if toks[a].low in DETERMINERS and not lead and pre == toks[a].text:
                # "the New York Times": an organisation named with its article
                return Mention(start, end, raw, raw, "name", title)
            pw = pre.split()
            if pw and pw[-1].lower() in ("the", "a", "an"):
                pw = pw[:-1]  # "a spokesperson for the Home Office"
            if pw[-1:] in (["for"], ["to"]) and pw[-2:-1] and pw[-2].lower() in _FOR_TO_HEADS:
                return Mention(start, end, raw, raw, "description", title)  # "a spokesman for Trump"
            ttl = "; ".join(x for x in (pre, title) if x)
            return Mention(start, end, raw, text[name_start:end], "name", ttl)
    named = _name_before_role(toks, text, a, b, title)
    if named is not None:
        return named
    return Mention(start, end, raw, raw, "description", title)


def _name_before_role(toks: list[Tok], text: str, a: int, b: int, title: str) -> Mention | None:
    """A person's full name at the start of a phrase, then a lower-case role without a comma
    ("Dr Jo Watts head of exploration"): the name is the mention, the role its title."""
    if not toks[a].cap:
        return None
    x = a
    while x < b and (_is_name_word(toks, x) or toks[x].text == "-"):
        x += 1
    if x == a or x > b or toks[x].cap or toks[x].low not in titles() or toks[x].low in TITLE_MODIFIERS:
        return None
    inner = _mention(toks, text, a, x - 1, title)
    if inner.kind != "name" or " " not in inner.name:
        return None
    inner.title = "; ".join(p for p in (inner.title, text[toks[x].start : toks[b].end]) if p)
    return inner


_OF_AT_FROM = frozenset(("of", "at", "from"))


def _person_of_org(toks: list[Tok], text: str, a: int, r: int) -> tuple[int, int, str] | None:
    """A person's name before "of"/"at"/"from" and the name run starting at token ``r``
    ("John Smith of Reuters", "Sen. Jo Li of Ohio", "Ann Lee at the Bank of England"):
    ``(name start, name end, leading titles)`` offsets of the person, or None.

    The person is a capitalised run of two words or more (or one after a title) that does
    not end in an organisation's head noun ("Bank of England" stays one name).
    """
    p = r - 1
    if p > a and toks[p].low == "the" and not toks[p].cap:
        p -= 1
    if p <= a or toks[p].low not in _OF_AT_FROM or toks[p].cap:
        return None
    q = p - 1
    while q >= a and _is_name_word(toks, q):
        q -= 1
    first, last = q + 1, p - 1
    if last < first or toks[last].low in ORG_HEADS or not toks[last].cap:
        return None
    words = [text[toks[j].start : toks[j].end] for j in range(first, last + 1)]
    lead, core = _strip_titles(words)
    core_words = [w for w in core if w != "."]
    if not core_words or (len(core_words) < 2 and not lead):
        return None
    if all(w.lower().rstrip(".") in _titles_and_abbreviations() for w in core_words):
        return None  # "Former Secretary of State Jo Li": a title with "of", not a person
    if any(w.lower() in ORG_WORDS for w in core_words):
        return None  # "Harvard University of ...": an organisation, not a person
    first_core = first + (len(words) - len(core))
    return toks[first_core].start, toks[last].end, " ".join(lead)


def left_mention(toks: list[Tok], k: int, text: str, lo: int = 0) -> Mention | None:
    """The speaker phrase ending at token ``k`` (the token before the cue and auxiliaries).

    ``lo`` is the first token index that may belong to the phrase (the sentence start).
    """
    if k < lo:
        return None
    t = toks[k]
    if t.low in SUBJECT_PRONOUNS and t.kind == "word":
        m = _mention(toks, text, k, k)
        if t.low == "who":
            j = k - 1
            if j >= lo and toks[j].text == ",":
                j -= 1
            ante = left_mention(toks, j, text, lo) if j >= lo and toks[j].low not in SUBJECT_PRONOUNS else None
            if ante is None:
                return None
            m.antecedent = ante
            m.name = ante.name
            m.kind = ante.kind
            m.title = ante.title
        return m
    if t.text == ")":  # "Sen. Elizabeth Warren (D-Mass.) said"
        j = k - 1
        while j >= max(lo, k - 10) and toks[j].text != "(":
            j -= 1
        if j > lo and toks[j].text == "(":
            h = j - 1
            if toks[h].text in ("'", "\u2019") and h > lo and toks[h - 1].end == toks[h].start and toks[h - 1].low.endswith("s"):
                h -= 1  # "Incomes Data Services' (IDS) said": the possessive mark is not the name's end
            inner = left_mention(toks, h, text, lo)
            if inner is not None:
                inner.end = toks[k].end
                inner.text = text[inner.start : inner.end]
            elif k - j == 2 and toks[j + 1].cap and toks[j + 1].kind == "word":
                return _mention(toks, text, j + 1, j + 1)  # "... l'Audiovisuel (CSA)": the acronym
            return inner
        return None
    if t.text in (",", "\u2014", "\u2013", "--"):  # apposition: "NAME, TITLE, said", "NAME — TITLE — says"
        mark = t.text
        j = k - 1
        while j >= max(lo, k - 16) and (
            toks[j].text not in ",;:\"'()\u2014\u2013" or _possessive_mark(toks, j)
        ):
            j -= 1
        if j <= lo or toks[j].text != mark or j == k - 1:
            return None
        appos = text[toks[j + 1].start : toks[k - 1].end]
        if mark == "," and toks[j - 1].kind == "number" and j - 2 > lo and toks[j - 2].text == ",":
            j -= 2  # "Marley Anderson, 21, a junior from Las Vegas, said"
        first = toks[j + 1].low
        if first in ("who", "whose"):  # "NAME, who runs the NRA's lobbying arm, says"
            name = left_mention(toks, j - 1, text, lo)
            return name if name is not None and name.kind == "name" else None
        if first in _PREP_NOT_OF_AS_LIKE and toks[j - 1].cap:
            # "Trump, in Kentucky, said": a parenthetical phrase, not a title
            name = left_mention(toks, j - 1, text, lo)
            return name if name is not None and name.kind == "name" else None
        if first in CONJUNCTIONS or first in VERBISH or first in _PREP_NOT_OF:
            return None  # a clause or an adverbial, not an apposition
        if any(toks[x].low in VERBISH or toks[x].low in ("who", "which", "that") for x in range(j + 1, k)):
            return None
        name = left_mention(toks, j - 1, text, lo)
        if name is None:
            return None
        if name.kind != "name":
            # "Carter's press secretary, Peter Cook, told": the apposition is the name
            if all(toks[x].cap or toks[x].text in ".-" for x in range(j + 1, k)) and toks[k - 1].is_word:
                inner = _mention(toks, text, j + 1, k - 1)
                if inner.kind == "name":
                    inner.title = "; ".join(x for x in (inner.title, name.text) if x)
                    inner.np_start = name.start
                    return inner
            return None
        name.title = "; ".join(x for x in (name.title, appos) if x)
        return name
    if not t.is_word and t.kind != "clitic":
        return None
    object_end = (
        t.low in OBJECT_PRONOUNS and k - 2 >= lo and toks[k - 1].low in ("to", "for")
        and toks[k - 2].low in _FOR_TO_HEADS
    )  # "a source close to him", "a spokesman for her"
    if t.low in PRONOUN_DETERMINERS and t.kind == "word" and (k == lo or toks[k - 1].low not in DETERMINERS):
        # "many said", "another says", "most say": a determiner standing for a noun phrase
        a = k
        if k - 1 >= lo and toks[k - 1].low in ("the", "some", "many") and t.low in ("others", "most", "few", "rest"):
            a = k - 1
        return _mention(toks, text, a, k)
    if (t.low in STOP_WORDS or t.low in DETERMINERS or is_adverb(t)) and not object_end:
        return None
    i = k - 1 if object_end else k
    while i >= lo and k - i < 10:
        u = toks[i]
        if u.kind == "clitic":
            if u.low not in ("'s", "\u2019s"):
                break
        elif u.text == "." or u.text in ("-", "&"):
            if not (_is_name_word(toks, i) or (u.text in "-&" and i > lo and toks[i - 1].cap)):
                break
        elif u.text in ("'", "\u2019") and i > lo and toks[i - 1].end == u.start and toks[i - 1].low.endswith("s"):
            pass  # "Bernie Sanders' campaign"
        elif u.low == "to" and i > lo and toks[i - 1].low in _TO_HEADS and i < k:
            pass  # "aides to Clinton", "sources close to her campaign"
        elif u.low == "for" and i > lo and toks[i - 1].low in _FOR_HEADS and i < k:
            pass  # "a spokeswoman for the Clinton campaign"
        elif u.low == "in" and i > lo and (toks[i - 1].kind == "number" or toks[i - 1].low in _NUMBER_WORDS) and i < k and toks[i + 1].kind == "number":
            pass  # "six in 10 say"
        elif not u.is_word:
            break
        elif not u.cap and (u.low == "the" or u.low in _ORG_CONNECTORS) and i < k and _is_name_word(toks, i):
            pass  # inside an organisation's name: "Friends of the Earth", "Committee on Foreign Relations"
        elif u.low in ("at", "from") and i > lo and i < k and toks[i - 1].cap and toks[i - 1].is_word and (toks[i + 1].cap or toks[i + 1].low == "the"):
            pass  # "Ann Lee at Goldman Sachs said", "Jo Park from the Red Cross said"
        elif u.low in DETERMINERS:
            if u.low in ("that", "no", "this") and i < k and (toks[i + 1].cap or toks[i + 1].kind == "number"):
                break  # "said that Carter believes": a conjunction, not "that man"
            if i - 2 >= lo and toks[i - 1].low in ("for", "to") and toks[i - 2].low in _FOR_TO_HEADS:
                i -= 1  # "a spokeswoman for the campaign": go on to the head
                continue
            if u.low == "the" and i - 2 >= lo and toks[i - 1].low in _OF_AT_FROM and toks[i - 2].cap and i < k and toks[i + 1].cap:
                i -= 1  # "Paul Johnson of the Institute for Fiscal Studies": go on to the person
                continue
            i -= 1
            break
        elif u.cap and i == lo and u.low in STOP_WORDS:
            break
        elif u.cap and u.low in SENTENCE_ADVERBS and (i == lo or not toks[i - 1].is_word):
            break  # "Meanwhile Ann Lee said", "Perhaps Lee was right"
        elif u.cap and (u.low in WEEKDAYS or u.low in _MONTHS_NOT_NAMES):
            break
        elif not u.cap and (u.low in STOP_WORDS or is_adverb(u) or u.low in SUBJECT_PRONOUNS):
            break
        elif u.cap and u.low in _STOP_NOT_MODAL_APRIL and u.low not in titles():
            break
        i -= 1
    a = i + 1
    while a <= k and (toks[a].kind == "clitic" or toks[a].text in ".-&"):
        a += 1
    if a > k:
        return None
    np_start = toks[a].start
    # a lower-case word before a capitalised name that is not a title: keep the name only
    # ("reporters Trump said" -> "Trump"), unless the phrase is a possessive chain.
    if toks[k].cap:
        j = k
        while j >= a and (_is_name_word(toks, j) or toks[j].text == "-"):
            j -= 1
        x = j
        while x >= a and (
            toks[x].low in titles()
            or toks[x].kind == "clitic"
            or toks[x].cap
            or toks[x].low in DETERMINERS
            or (toks[x].low == "of" and x > a)
            or (toks[x].low in ("at", "from") and x > a and toks[x - 1].cap)
            or (toks[x].low == "to" and x > a and toks[x - 1].low in _TO_HEADS)
            or (toks[x].low in _TO_HEADS and x + 1 <= k and toks[x + 1].low == "to")
            or (toks[x].low == "for" and x > a and toks[x - 1].low in _FOR_HEADS)
            or (toks[x].low in _FOR_HEADS and x + 1 <= k and toks[x + 1].low == "for")
        ):
            x -= 1
        if x >= a:
            a = x + 1
    if a > k:
        return None
    if all(toks[x].low in DETERMINERS or toks[x].kind not in ("word", "number") for x in range(a, k + 1)):
        return None
    m = _mention(toks, text, a, k)
    m.np_start = np_start
    return m


def right_mention(toks: list[Tok], r: int, text: str, hi: int) -> tuple[Mention | None, int]:
    """The speaker phrase starting at token ``r`` ("said Smith", "said a spokesman for X").

    Returns the mention (or None) and the index of the first token after it and after an
    apposition (", president of NDN, a policy group").
    """
    if r >= hi:
        return None, r
    t = toks[r]
    if t.kind == "word" and t.low in _SUBJ_PERSONAL:
        return _mention(toks, text, r, r), r + 1
    if t.kind == "word" and t.low in ("him", "her", "them", "me", "us") and (r + 1 >= hi or not toks[r + 1].is_word):
        # "according to him,"
        return Mention(t.start, t.end, t.text, t.text, "pronoun"), r + 1
    if not t.is_word or (t.low in STOP_WORDS and not t.cap) or t.low in ("that", "to"):
        return None, r
    i = r
    seen_head = False
    while i < hi and i - r < 10:
        u = toks[i]
        if u.kind == "clitic":
            if u.low not in ("'s", "\u2019s"):
                break
        elif u.text == ".":
            if not _is_name_word(toks, i):
                break
        elif u.text in "-&" and seen_head:
            pass
        elif not u.is_word:
            break
        elif u.low in DETERMINERS:
            if seen_head and not (i - 2 >= r and toks[i - 1].low == "of" and toks[i - 2].low in PRONOUN_DETERMINERS):
                break
            if u.low in PRONOUN_DETERMINERS and i + 1 < hi and toks[i + 1].low == "of":
                seen_head = True  # "some of his rivals", "many of them"
        elif u.low == "of" or u.low == "for":
            if not seen_head or i + 1 >= hi or not toks[i + 1].is_word:
                break
        elif not u.cap and (u.low in STOP_WORDS or is_adverb(u) or u.low in SUBJECT_PRONOUNS):
            break
        elif u.cap and (u.low in WEEKDAYS or u.low in _STOP_NOT_MODAL):
            break
        else:
            seen_head = True
        i += 1
    b = i - 1
    while b >= r and (toks[b].low in ("of", "for") or toks[b].low in DETERMINERS or toks[b].text in "-&"):
        b -= 1
    if b < r or not seen_head:
        return None, r
    m = _mention(toks, text, r, b)
    nxt = b + 1
    # apposition ", president of NDN, a policy group" up to the sentence end or a comma
    if nxt < hi and toks[nxt].text == "," and m.kind == "name":
        j = nxt + 1
        while j < hi and toks[j].text not in ",;:\"'()" and toks[j].low not in ("who", "which", "that"):
            j += 1
        first = toks[nxt + 1]
        verb_like = (
            first.low in VERBISH or first.low in BE_FORMS or first.low in AUXILIARIES
            or first.low in PREPOSITIONS or (first.low.endswith(("ing", "ed")) and not first.cap)
        )  # ", according to Ms. Epstein, are 16 ...": the sentence goes on, not an apposition
        verb_like = verb_like or any(
            toks[x].kind == "word" and not toks[x].cap and (toks[x].low in _FINITE_WORDS) for x in range(nxt + 1, j)
        )  # ", the factory will close next year": a clause
        if j > nxt + 1 and (j >= hi or toks[j].text in ".,;") and first.low not in CONJUNCTIONS and not verb_like:
            appos_end = j
            # a second apposition piece ", a policy group" before the sentence end
            if j < hi and toks[j].text == ",":
                k = j + 1
                while k < hi and toks[k].text not in ",;:\"'()":
                    k += 1
                if k >= hi or (toks[k].text in "." and k == hi - 1):
                    appos_end = k
            piece = text[toks[nxt + 1].start : toks[appos_end - 1].end]
            if toks[nxt + 1].low in DETERMINERS or not toks[nxt + 1].cap or toks[nxt + 1].low in titles():
                m.title = "; ".join(x for x in (m.title, piece) if x)
                nxt = appos_end
    return m, nxt


# --- resolution -----------------------------------------------------------------------------
_CAP_RUN_RE = re.compile(
    r"(?<![\w.'-])(?:[A-Z][\w'-]*\.?|(?:de|van|von|bin|al|la|le|du|da|di|del|ibn)(?= [A-Z]))"
    r"(?:[ ](?:[A-Z][\w'-]*\.?|(?:de|van|von|bin|al|la|le|du|da|di|del|ibn)(?= [A-Z])))*"
)


# The same runs, two words or more (the only ones NameIndex keeps).
_CAP_RUNS_RE_PLAIN = re.compile(
    r"(?<![\w.'-])(?:[A-Z][\w'-]*\.?|(?:de|van|von|bin|al|la|le|du|da|di|del|ibn)(?= [A-Z]))"
    r"(?:[ ](?:[A-Z][\w'-]*\.?|(?:de|van|von|bin|al|la|le|du|da|di|del|ibn)(?= [A-Z])))+"
)
# _CAP_RUNS_RE_PLAIN written to start with a character class: re then skips ahead to the next
# capital or particle letter instead of trying the lookbehind at every position of the text
# (a third faster over an article). The first word's alternatives are the same, in the same
# order, each checked against the letter just read; the lookbehind moves one character on
# (that letter is never a newline, so "." covers it). Tests compare the matches of the two.
_CAP_RUNS_RE = re.compile(
    r"[A-Zabdilv](?<![\w.'-].)"
    r"(?:(?<=[A-Z])[\w'-]*\.?|(?<=d)(?:e|u|a|i|el)(?= [A-Z])|(?<=v)(?:an|on)(?= [A-Z])"
    r"|(?<=b)in(?= [A-Z])|(?<=a)l(?= [A-Z])|(?<=l)(?:a|e)(?= [A-Z])|(?<=i)bn(?= [A-Z]))"
    r"(?:[ ](?:[A-Z][\w'-]*\.?|(?:de|van|von|bin|al|la|le|du|da|di|del|ibn)(?= [A-Z])))+"
)


def _split_at_sentence_ends(
    start: int, words: list[str], tl: frozenset[str] | set[str]
) -> list[tuple[int, list[str]]]:
    """Cut a run of capitalised words after a full stop that ends a sentence.

    "Brown. She" is two runs; "Mr. Smith" and "John F. Kennedy" stay one (a title or an initial).
    Returns ``(offset, words)`` pieces.
    """
    pieces: list[tuple[int, list[str]]] = []
    current: list[str] = []
    offset = piece_start = start
    for w in words:
        if not current:
            piece_start = offset
        current.append(w)
        offset += len(w) + 1
        core = w[:-1]
        if w.endswith(".") and len(core) > 1 and "." not in core and core.lower() not in tl:
            pieces.append((piece_start, current))
            current = []
    if current:
        pieces.append((piece_start, current))
    return pieces


#: "Name Words (ACR)": an acronym in brackets right after a capitalised name.
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9&]{1,7})\)")
_ACRONYM_WORD_RE = re.compile(r"[A-Z][\w&.\-]*|of|for|on|and|the")
_ACRONYM_CONNECTORS = frozenset(("of", "for", "on", "and", "the"))
#: Every acronym :func:`acronym_aliases` can give (both patterns above and below).
_ALIAS_KEY_RE = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
#: A word of three to six capital letters: an acronym an article may use without defining it.
_ACRONYM_WORD_3_RE = re.compile(r"\b[A-Z]{3,6}\b")
#: Capitalised words joined by spaces and connectors: a long name ("Office for National Statistics").
_LONG_NAME_RE = re.compile(r"[A-Z][a-z]+(?: (?:(?:of|for|on|the) )*[A-Z][a-z]+){2,}")


def acronym_aliases(norm: str) -> dict[str, str]:
    """Acronyms an article defines in brackets after a name whose capitalised words they
    abbreviate: ``{"IDS": "Incomes Data Services", "CBI": "Confederation of British Industry"}``.

    Connectors (of, for, on, and, the) inside the name are kept but have no letter
    ("Office for National Statistics (ONS)"). An acronym whose letters are not the initials
    of the words before it ("Warren (D-Mass.)", "the deal (JCPOA)" after lower-case words) is
    not an alias.

    Examples:
        >>> acronym_aliases("A survey by Incomes Data Services' (IDS) said so. IDS said more.")
        {'IDS': 'Incomes Data Services'}
        >>> acronym_aliases("the Office for National Statistics (ONS) and Sen. Li (D-Ill.)")
        {'ONS': 'Office for National Statistics'}
    """
    aliases: dict[str, str] = {}
    if "(" in norm:
        _bracketed_aliases(norm, aliases)
    _initial_aliases(norm, aliases)
    return aliases


def _initial_aliases(norm: str, aliases: dict[str, str]) -> None:
    """Acronyms of three letters or more that the article uses without defining them, for
    the one name of three capitalised words or more whose initials they are ("ONS" for the
    "Office for National Statistics", "WTO" for the "World Trade Organization")."""
    acronyms = {m.group(0) for m in _ACRONYM_WORD_3_RE.finditer(norm)} - aliases.keys()
    if not acronyms:
        return
    found: dict[str, set[str]] = {}
    for m in _LONG_NAME_RE.finditer(norm):
        words = m.group(0).split()
        while words and words[0] in ("The", "A", "An"):
            words = words[1:]
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) < 3:
            continue
        for n in range(len(caps) - 2):  # "Britain's Office for National Statistics": a tail of it
            initials = "".join(w[0] for w in caps[n:])
            if initials in acronyms:
                first = words.index(caps[n])
                found.setdefault(initials, set()).add(" ".join(words[first:]))
    for acr, names in found.items():
        if len(names) == 1:  # two names with the same initials: no alias
            aliases[acr] = names.pop()


def _bracketed_aliases(norm: str, aliases: dict[str, str]) -> None:
    """The acronyms defined in brackets (see :func:`acronym_aliases`), into ``aliases``."""
    for m in _ACRONYM_RE.finditer(norm):
        acr = m.group(1)
        before = norm[max(0, m.start() - 120) : m.start()].rstrip()
        if before.endswith(("'", "\u2019")):
            before = before[:-1]
        words = before.split()
        run: list[str] = []
        for w in reversed(words):
            if not _ACRONYM_WORD_RE.fullmatch(w):
                break
            run.append(w)
        run.reverse()
        while run and run[0] in _ACRONYM_CONNECTORS:
            run = run[1:]
        caps = [i for i, w in enumerate(run) if w not in _ACRONYM_CONNECTORS]
        letters = [c for c in acr if c.isalpha()]
        for n in range(len(caps)):
            if len(caps) - n != len(letters):
                continue
            if all(run[caps[n + x]][0] == letters[x] for x in range(len(letters))):
                aliases.setdefault(acr, " ".join(run[caps[n]:]))
            break


def _run_name(words: list[str], tl: frozenset[str] | set[str], norm: str | None) -> tuple[str | None, bool]:
    """The name a capitalised run stands for (NameIndex.build), or None; and whether that
    holds whatever the article (``norm`` not read), so that it may be remembered across
    articles. ``words`` may be changed."""
    # drop leading function words and sentence adverbs capitalised at a sentence start
    # ("For Ann Lee", "Meanwhile Ann Lee"), what comes before a possessive ("Acme's Ann
    # Lee") and titles or roles ("Home Secretary Ann Lee", "Singer Ann Lee")
    while words and words[0].lower() in _NAME_RUN_LEAD:
        words = words[1:]
    for k in range(len(words) - 2, -1, -1):
        if words[k].endswith("'s"):
            words = words[k + 1 :]
            break
    if words and words[-1].endswith(("'s", "'")):
        words[-1] = words[-1][:-2] if words[-1].endswith("'s") else words[-1][:-1]
    # _strip_titles reads the article only past its first test (a title, role or nationality)
    own = _split_words().isdisjoint([w.lower().rstrip(".") for w in words])
    lead, words = _strip_titles(words, norm)
    while words and words[-1].lower().rstrip(".") in tl:
        words = words[:-1]
    if len(words) == 1 and lead and lead[0].lower().rstrip(".") in _PERSONAL_TITLES and words[0][:1].isupper():
        return words[0].rstrip("."), own  # "Mr. Comey": a person, named in full elsewhere
    if len(words) < 2 or (len(words) > 3 and all(w.isupper() for w in words)):
        return None, own  # one word, or a headline in capitals ("BEST THING FOR DEMOCRATS")
    lows = [w.lower() for w in words]
    if not ORG_WORDS.isdisjoint([w.rstrip(".") for w in lows]):
        return None, own
    if not _WEEKDAYS_MONTHS.isdisjoint(lows):
        return None, own
    return " ".join(words).rstrip("."), own


#: _run_name of the runs NameIndex.build met that do not depend on their article ("" for
#: None), by the run's text; emptied when it grows large.
_RUN_NAMES: dict[str, str] = {}


#: NameIndex remembers full_name and is_person per name, and build the names of runs that do
#: not depend on their article (_RUN_NAMES) (False: computed at each call, for the tests).
_MEMO_NAMES = True


@dataclass
class NameIndex:
    """Capitalised names of one article: full person names by their last word, and the
    acronyms it defines (:func:`acronym_aliases`)."""

    by_last: dict[str, str]
    positions: list[tuple[int, str]]  # (offset, full person name) of each 2+ word name
    _aliases: dict[str, str] | None = field(default=None, repr=False)  # None: not looked for yet
    _norm: str = field(default="", repr=False, compare=False)  # the article, for the acronyms
    # full_name and is_person of the names already asked about (an article names its speakers
    # again and again; both depend only on the index)
    _full: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _person: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    @property
    def aliases(self) -> dict[str, str]:
        """The acronyms the article defines (:func:`acronym_aliases`), found on first use:
        only a speaker written as an acronym ("IDS said") needs them, and looking for them
        costs about a third of :meth:`build`."""
        if self._aliases is None:
            norm = self._norm
            self._aliases = acronym_aliases(norm) if _ACRONYM_WORD_3_RE.search(norm) else {}
        return self._aliases

    @classmethod
    def build(cls, norm: str) -> NameIndex:
        positions: list[tuple[int, str]] = []
        tl = _titles_and_abbreviations()
        for run in _CAP_RUNS_RE.finditer(norm):  # runs of two words or more: one word is never a full name
            group = run.group(0)
            if "." in group:
                for start, words in _split_at_sentence_ends(run.start(), group.split(" "), tl):
                    cls._add(words, start, tl, positions, norm)
            elif _MEMO_NAMES:
                name = _RUN_NAMES.get(group)
                if name is None:
                    name, own = _run_name(group.split(" "), tl, norm)
                    if own:
                        if len(_RUN_NAMES) >= 50_000:
                            _RUN_NAMES.clear()
                        _RUN_NAMES[group] = name or ""
                if name:
                    positions.append((run.start(), name))
            else:
                cls._add(group.split(" "), run.start(), tl, positions, norm)
        full = [(pos, name) for pos, name in positions if " " in name]
        by_last = cls._by_last(full)
        if len(full) < len(positions):  # "Mr. Comey": a mention of the person named in full
            positions = [(pos, name if " " in name else by_last.get(name.lower(), name)) for pos, name in positions]
        return cls(by_last, positions, None, norm)

    @staticmethod
    def _by_last(positions: list[tuple[int, str]]) -> dict[str, str]:
        """The full name each last word stands for. Of several people who share it ("Jeb
        Bush", "George W. Bush"), the first one named that is named twice or more: news
        introduces its main subject first, and names a relative or namesake in full each
        time; a name seen only once (a headline's "Understated Bush") counts only when no
        other is seen twice. A shorter form counts for the longest name that contains its
        words ("Hillary Clinton" for "Hillary Rodham Clinton"), which is the name given."""
        names: dict[str, dict[str, list[int]]] = {}  # last word -> name -> [count, first offset]
        for pos, name in positions:
            seen = names.setdefault(name.split()[-1].lower().rstrip("."), {}).setdefault(name, [0, pos])
            seen[0] += 1
        by_last: dict[str, str] = {}
        for last, found in names.items():
            if len(found) == 1:
                by_last[last] = next(iter(found))
                continue
            wordsets = {n: frozenset(w.lower().rstrip(".") for w in n.split()) for n in found}
            longest_first = sorted(found, key=lambda n: (-len(n.split()), found[n][1]))
            totals: dict[str, list[int]] = {}  # longest form -> [count, first offset]
            for n in found:
                home = next((m for m in longest_first if wordsets[n] <= wordsets[m]), n)
                total = totals.setdefault(home, [0, found[n][1]])
                total[0] += found[n][0]
                total[1] = min(total[1], found[n][1])
            by_last[last] = min(totals, key=lambda n: (totals[n][0] < 2, totals[n][1], -len(n.split())))
        return by_last

    @staticmethod
    def _add(
        words: list[str], start: int, tl: frozenset[str] | set[str],
        positions: list[tuple[int, str]], norm: str | None = None,
    ) -> None:
        name = _run_name(words, tl, norm)[0]
        if name is not None:
            positions.append((start, name))

    def full_name(self, name: str) -> str:
        """The fullest known form of ``name`` (titles dropped), or ``name`` itself."""
        if not _MEMO_NAMES:
            return self._full_name(name)
        full = self._full.get(name)
        if full is None:
            full = self._full[name] = self._full_name(name)
        return full

    def _full_name(self, name: str) -> str:
        words = name.replace("\u2019", "'").split()
        _, core = _strip_titles(words)
        if not core:
            return name
        if len(core) == 1 or (len(core) == 2 and core[0].lower() == "the"):
            key = core[-1].rstrip(".,")
            # only a word that can be an acronym can be an alias (see aliases): the others
            # do not need them looked for
            alias = self.aliases.get(key) if _ALIAS_KEY_RE.fullmatch(key) else None
            if alias is not None:
                return alias  # "IDS said" -> "Incomes Data Services"
        last = core[-1].lower().rstrip(".")
        full = self.by_last.get(last)
        if full and len(full.split()) >= len(core):
            full_words = [w.lower() for w in full.split()]
            if all(w.lower().rstrip(".") in full_words or w.lower().rstrip(".") in _titles_and_abbreviations() for w in core):
                return full  # also "General Petraeus" (kept whole, like "General Motors")
        if len(core) < len(words):
            return " ".join(core)
        return name

    def is_person(self, name: str) -> bool:
        if not _MEMO_NAMES:
            return self._is_person(name)
        person = self._person.get(name)
        if person is None:
            person = self._person[name] = self._is_person(name)
        return person

    def _is_person(self, name: str) -> bool:
        words = name.split()
        if any(w.lower().rstrip(".'s") in ORG_WORDS for w in words):
            return False
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            return True
        return bool(words) and words[-1].lower().rstrip(".") in self.by_last

    def last_person_before(self, offset: int) -> str | None:
        best = None
        for pos, name in self.positions:
            if pos >= offset:
                break
            best = name
        return best
