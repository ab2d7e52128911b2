"""Answerability features: the signals qa.calibration weighs into P(answering is right).

Four families, each cheap (no model is loaded; every step is linear in the question, the
windows read, or the sentences ranked):

- retrieval: how well the best sentence matches, by how much it beats the next, how much
  of the question it and its neighbours cover, and how much of the question the article
  uses anywhere (a name or number it never mentions is the clearest "not here");
- the reader, across the windows it read: the chosen span's margin over "no answer", its
  probability, how far it leads the best span elsewhere, how many windows found a span,
  and whether the windows' own best spans agree with it;
- the answer's type against the question's ("who" wants a name, "when" a date, "how
  many" a number) from cues in the text;
- the question's words missing from the sentence that holds the answer, and its details
  (figures, days, names: qa.question_details) missing from that sentence's neighbourhood.

The coefficients are fitted on the validation split (tools/calibrate.py): a feature that
does not help there, or whose weight would point against its own evidence, gets 0, so
nothing here is weighed by hand.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from index.sentences import Sentence
from qa.cardinals import CARDINALS
from qa.dates.patterns import MONTH, WEEKDAYS
from qa.lexical import terms
from qa.question_details import details
from qa.reading import ReadSpan, best_in_window
from qa.retrieval import Ranking
from qa.shares import asks_amount, is_share

# A reader margin or gap is clipped to this: beyond it the answer is no surer, and a
# linear model should not be dragged by a rare -inf.
MARGIN_CLIP = 20.0
# The rank of the answer's sentence is looked up among this many best sentences.
RANKS_LOOKED_AT = 10

NUMBER, DATE, NAME = "number", "date", "name"
DURATION = "duration"  # "How long ...?": a number, not an ordinal
_NUMBER_NOUNS = (
    "percentage|percent|proportion|fraction|number|amount|population|size|share|age|"
    "price|cost|score|rate|temperature|distance|length|height|weight|speed|total"
)
_DATE_NOUNS = "year|years|date|day|month|century|decade|time|era|period"
_NAME_NOUNS = (
    "person|people|man|woman|men|women|company|companies|organi[sz]ation|group|team|"
    "party|country|countries|city|cities|state|states|nation|town|village|river|"
    "region|continent|island|king|queen|president|leader|author|writer|artist|band|"
    "university|school|city's|language|empire|ruler|emperor|general|brand"
)
# The question's first question word (with the noun after "what"/"which", the word after
# "how") says what kind of answer it wants. Cues, not a parser: typed questions too.
_WH = re.compile(r"\b(who|whom|whose|when|where|how\s+\w+|(?:what|which)\s+\w+)", re.IGNORECASE)
_HOW_NUMBER = re.compile(
    r"how\s+(many|much|long|old|far|big|large|tall|high|deep|wide|often|fast|heavy|few)$"
)
_WHAT_DATE = re.compile(rf"(?:what|which)\s+(?:{_DATE_NOUNS})$")
_WHAT_NUMBER = re.compile(rf"(?:what|which)\s+(?:{_NUMBER_NOUNS})$")
_WHAT_NAME = re.compile(rf"(?:what|which)\s+(?:{_NAME_NOUNS})$")

_NUMBER_WORDS = (
    rf"{CARDINALS}|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|"
    r"quarter|third|once|twice|single|double|triple|several|few|many|no"
)
_HAS_NUMBER = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_HAS_DATE = re.compile(
    rf"\d|\b(?:{MONTH}|{'|'.join(WEEKDAYS)}|centur(?:y|ies)|decades?|years?|ago|today|"
    r"yesterday|tomorrow|weeks?|months?|morning|evening|night|spring|summer|autumn|fall|"
    r"winter|era|ages?|period|dynasty|reign|war|bce?|ad|once|after|before|during|since|"
    r"until|when|later|earlier|first|last|recently|now|then)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")  # letters only: "1850" has no case
_ORDINAL = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|last)\b",
    re.IGNORECASE,
)


def answer_type(question: str) -> str | None:
    """What kind of answer the question asks for: NUMBER, DURATION, DATE, NAME, or None
    (no cue)."""
    match = _WH.search(question)
    if match is None:
        return None
    cue = " ".join(match.group(1).lower().split())
    if cue in ("who", "whom", "whose", "where") or _WHAT_NAME.match(cue):
        return NAME
    if cue == "when" or _WHAT_DATE.match(cue):
        return DATE
    if cue == "how long":
        return DURATION
    if _HOW_NUMBER.match(cue) or _WHAT_NUMBER.match(cue):
        return NUMBER
    return None


def fits_type(kind: str, answer: str, starts_sentence: bool) -> bool:
    """Whether `answer` has the cue of its kind: a number; a date word or a number
    ("season two", "1850"); a word with a capital ("iTunes"), where the first word of a
    longer answer that starts its sentence does not count ("The government")."""
    if kind == NUMBER:
        return _HAS_NUMBER.search(answer) is not None
    if kind == DURATION:
        # A length of time, not a point in it: "101st minute" tells when, not how long.
        return _HAS_NUMBER.search(_ORDINAL.sub("", answer)) is not None
    if kind == DATE:
        return _HAS_DATE.search(answer) is not None or _HAS_NUMBER.search(answer) is not None
    words = _WORD.findall(answer)
    if starts_sentence and len(words) > 1:
        words = words[1:]
    return any(not word.islower() for word in words)


def answer_fits(question: str) -> Callable[[str], bool] | None:
    """Whether an answer is of the kind `question` asks for (`fits_type`), or None where
    it names no kind: what makes a first passage's answer decisive (qa.reading)."""
    kind = answer_type(question)
    if kind is None:
        return None
    amount = asks_amount(question)  # a share is no count and no price (qa.shares)
    return lambda answer: (
        fits_type(kind, answer, starts_sentence=False) and not (amount and is_share(answer))
    )


# "In which city ...", "Which country's ambassador ...", "What kind of location ...": the
# noun after "which"/"what" names the kind of answer, which the answer's sentence need not
# use ("Beirut, the capital"). Not a noun: what follows "what" in "what did/is/else ...".
_ASKED_KIND = re.compile(
    r"\b(?:which|what)\s+(?:(kinds?|types?|sorts?)\s+of\s+)?([^\W\d_]+)", re.IGNORECASE
)
_NOT_A_KIND = frozenset(
    "is are was were be been am do does did has have had can could will would shall should "
    "may might must i you he she it we they this that these those the a an of about else "
    "if happened happens made caused".split()
)


def asked_kind(question: str) -> list[str]:
    """The stemmed words naming the kind of answer asked for: "city" in "In which city
    ...?", "kind" and "location" in "What kind of location ...?"; none in "What did ...?"."""
    match = _ASKED_KIND.search(question)
    if match is None:
        return []
    kind_of, noun = match.group(1), match.group(2)
    if noun.lower() in _NOT_A_KIND:
        return []
    return terms(" ".join(w for w in (kind_of, noun) if w))


class Lexical(Protocol):
    """What the features read of the article's words (qa.lexical.Lexicon)."""

    def coverage(self, query_terms: list[str], positions: list[int]) -> float: ...
    def known_share(self, query_terms: list[str]) -> float: ...


def around(position: int, sentence_count: int) -> list[int]:
    """The sentence and its neighbours: what the window coverage features count."""
    return [p for p in (position - 1, position, position + 1) if 0 <= p < sentence_count]


def asked_terms(question: str, ranking: Ranking, lexicon: Lexical) -> list[str]:
    """The question's words that the article should use: retrieval's, less the kind of
    answer asked for where the article never uses that word (asked_kind)."""
    kind = {t for t in asked_kind(question) if lexicon.known_share([t]) == 0.0}
    return [t for t in ranking.query_terms if t not in kind]


def retrieval_features(
    ranking: Ranking, lexicon: Lexical, sentence_count: int, query: list[str]
) -> dict[str, float]:
    """How well retrieval matched the question, from its best sentence and the article;
    `query` the question's words (asked_terms)."""
    top = ranking.candidates[0]
    second = ranking.candidates[1].score if len(ranking.candidates) > 1 else 0.0
    return {
        "top_score": top.score,
        "top_dense": top.dense,
        "coverage": lexicon.coverage(query, around(top.position, sentence_count)),
        "margin": top.score - second,
        "unknown_date": float(ranking.asks_unknown_date),
        "known_terms": lexicon.known_share(query),
    }


def answer_features(
    question: str,
    answer: str,
    position: int,
    starts_sentence: bool,
    query: list[str],
    lexicon: Lexical,
    sentence_count: int,
) -> dict[str, float]:
    """The answer against the question: its type, and the question's words and details
    its sentence lacks.

    `answer` is the span (or, without the reader, the sentence) held by sentence
    `position`; `starts_sentence` whether it begins that sentence; `query` the question's
    words (asked_terms).
    """
    kind = answer_type(question)
    fits = kind is not None and fits_type(kind, answer, starts_sentence)
    return {
        "type_expected": float(kind is not None),
        "type_fits": float(fits),
        "answer_coverage": lexicon.coverage(query, [position]),
        "answer_window_coverage": lexicon.coverage(query, around(position, sentence_count)),
        # A changed detail ("in 2015" where the sentence says 2019) weighs as one word
        # among many in the coverages above; counted alone it says "not this sentence".
        "details_covered": lexicon.coverage(details(question), around(position, sentence_count)),
    }


def _clip(value: float) -> float:
    return max(-MARGIN_CLIP, min(MARGIN_CLIP, value))


def _no_answer_probability(span: ReadSpan) -> float:
    """The reader's probability of "no answer" in the span's window: the span's
    probability over exp(margin), as both share the window's normaliser."""
    if span.probability <= 0.0:
        return 1.0
    return math.exp(min(0.0, math.log(span.probability) - span.margin))


def _overlaps(a: ReadSpan, b: ReadSpan) -> bool:
    return a.start < b.end and b.start < a.end


def reader_features(
    spans: Sequence[ReadSpan], span: ReadSpan | None, ranking: Ranking
) -> dict[str, float]:
    """The reader's signals across the windows it read, about the chosen `span`."""
    if span is None:  # no span at all is the strongest "no answer"
        return {
            "reader_margin": -MARGIN_CLIP,
            "span_probability": 0.0,
            "no_answer_probability": 1.0,
            "span_lead": -MARGIN_CLIP,
            "windows_answering": 0.0,
            "windows_agreeing": 0.0,
            "span_rank": 0.0,
            "span_behind": 1.0,
        }
    best = best_in_window(spans)
    windows = max(len(best), 1)
    elsewhere = [s.margin for s in spans if not _overlaps(s, span)]
    top = ranking.candidates[:RANKS_LOOKED_AT]
    rank = next((i for i, c in enumerate(top) if c.position == span.position), len(top))
    span_score = next((c.score for c in ranking.candidates if c.position == span.position), 0.0)
    return {
        "reader_margin": _clip(span.margin),
        "span_probability": span.probability,
        "no_answer_probability": _no_answer_probability(span),
        "span_lead": _clip(span.margin - max(elsewhere, default=-MARGIN_CLIP)),
        "windows_answering": sum(s.margin > 0 for s in best.values()) / windows,
        "windows_agreeing": sum(_overlaps(s, span) for s in best.values()) / windows,
        "span_rank": 1.0 / (1.0 + rank),
        "span_behind": ranking.candidates[0].score - span_score,
    }


def features(
    question: str,
    ranking: Ranking,
    spans: Sequence[ReadSpan] | None,
    span: ReadSpan | None,
    lexicon: Lexical,
    sentences: Sequence[Sentence],
) -> dict[str, float]:
    """Every feature of one question: `spans` is None without the reader (the answer is
    then the best sentence), else the spans read and `span` the one chosen."""
    query = asked_terms(question, ranking, lexicon)
    found = retrieval_features(ranking, lexicon, len(sentences), query)
    if span is not None:
        sentence = sentences[span.position]
        starts = span.start <= sentence.start
        found |= answer_features(
            question, span.text, span.position, starts, query, lexicon, len(sentences)
        )
    else:
        top = ranking.candidates[0].position
        found |= answer_features(
            question, sentences[top].text, top, True, query, lexicon, len(sentences)
        )
    if spans is not None:
        found |= reader_features(spans, span, ranking)
    return found
