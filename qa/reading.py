"""Read the best retrieved windows with the extractive reader and pick the answer span.

Each of the best sentences is read with its neighbours, and windows that overlap or touch
are joined into one passage (cut at sentence ends only past the reader's token budget),
so the reader sees each candidate sentence once, behind one copy of the question. The
passage holding the best-ranked sentence is read first and alone; when its best span
leads "no answer" by the decisive margin and retrieval puts it ahead of the other
passages by the decisive lead (both fitted on the validation split with the rest of the
calibration, tools/calibration_fit.py), the other passages are not read at all.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from index.sentences import Sentence
from qa.casualties import asked_fate, clause_names, counts_others, fate_counts, nearest_fate
from qa.dates import PassageQuestion
from qa.recalled_events import recalls_earlier_event
from qa.retrieval import Ranking
from qa.scoring import normalize

# How many top sentences to read, each with `WINDOW_RADIUS` neighbours on each side: the
# answer often sits next to the sentence that matches the question.
WINDOWS_READ = 3
WINDOW_RADIUS = 1
# The reader was trained on passages of one to five sentences (tools/reader/windows.py):
# joined windows are cut to that length, where longer ones would be new to it.
PASSAGE_SENTENCES = 5


class SpanLike(Protocol):
    """A reader's span in one passage (read-only, like the reader's frozen Span)."""

    @property
    def passage(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def null_score(self) -> float: ...
    @property
    def log_norm(self) -> float: ...


class SpanReader(Protocol):
    """An extractive reader: the best span of each passage, or of each sentence of each
    passage when `segments` gives where the sentences start; best first (qa.reader.Reader).
    It also says how many tokens a text takes and how many a passage may have beside the
    question, so that passages are cut where it would otherwise truncate them."""

    def token_count(self, text: str) -> int: ...

    def passage_budget(self, question: str) -> int: ...

    def read(
        self,
        question: str,
        passages: list[str],
        segments: Sequence[Sequence[int]] | None = None,
    ) -> Sequence[SpanLike]: ...


@dataclass(frozen=True)
class ReadSpan:
    """An answer span located in the article."""

    text: str
    start: int  # character offsets in the article
    end: int
    position: int  # the sentence that holds the span
    margin: float  # reader: span score minus its no-answer score
    window: int = 0  # which of the windows read it came from
    probability: float = 0.0  # the reader's probability of exactly this span in its window
    # Where the reader gave it: the best span of the same sentence beside this one, worked
    # out when asked for (`beside`). Not kept in a pickled record.
    runner_up: Callable[[], ReadSpan | None] | None = field(default=None, compare=False, repr=False)

    def beside(self) -> ReadSpan | None:
        """The reader's best span of this span's sentence that does not overlap it, or
        None: what a rule setting this span aside may answer with instead."""
        return self.runner_up() if self.runner_up is not None else None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "runner_up": None}


def windows(ranking: Ranking, count: int, sentence_count: int) -> list[tuple[int, int]]:
    """Sentence ranges [first, last] around the best `count` sentences, without repeats."""
    ranges: list[tuple[int, int]] = []
    for candidate in ranking.candidates[:count]:
        first = max(0, candidate.position - WINDOW_RADIUS)
        last = min(sentence_count - 1, candidate.position + WINDOW_RADIUS)
        if (first, last) not in ranges:
            ranges.append((first, last))
    return ranges


def passage_ranges(
    ranking: Ranking,
    sentence_count: int,
    tokens: Callable[[int], int],
    budget: int,
    count: int = WINDOWS_READ,
) -> list[tuple[int, int]]:
    """The sentence ranges [first, last] to read, in reading order.

    The windows of the best `count` sentences, joined where they overlap or touch; a
    joined run longer than PASSAGE_SENTENCES sentences or `budget` tokens
    (`tokens(position)` per sentence) is cut at sentence ends. Passages are read in the
    order of the best sentence they hold; a piece cut off without a candidate sentence
    follows the pieces of its run that have one.
    """
    ranked = [c.position for c in ranking.candidates[:count]]
    runs: list[list[int]] = []  # [first, last], ascending, disjoint and not touching
    for first, last in sorted(windows(ranking, count, sentence_count)):
        if runs and first <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    pieces: list[tuple[float, int, int]] = []  # (reading order key, first, last)
    for run_first, run_last in runs:
        run_rank = min(r for r, p in enumerate(ranked) if run_first <= p <= run_last)
        # Runs longer than the reader's passages are cut into near-equal pieces (six
        # sentences: three and three, not five and one), then again where over budget.
        length = run_last - run_first + 1
        most = math.ceil(length / math.ceil(length / PASSAGE_SENTENCES))
        first, used = run_first, 0
        for position in range(run_first, run_last + 1):
            size = tokens(position)
            if position > first and (used + size > budget or position - first == most):
                pieces.append((_order(ranked, first, position - 1, run_rank), first, position - 1))
                first, used = position, 0
            used += size
        pieces.append((_order(ranked, first, run_last, run_rank), first, run_last))
    return [(first, last) for _, first, last in sorted(pieces)]


def _order(ranked: list[int], first: int, last: int, run_rank: int) -> float:
    """A piece's place: the rank of its best candidate, else just after its run's best."""
    held = [rank for rank, position in enumerate(ranked) if first <= position <= last]
    return float(min(held)) if held else run_rank + 0.5


def read_passages(
    reader: SpanReader,
    question: str,
    text: str,
    sentences: Sequence[Sentence],
    ranges: Sequence[tuple[int, int]],
    first_window: int = 0,
) -> list[ReadSpan]:
    """The reader's best span in each sentence of the passages `ranges`, read in one
    batch and located in the article; the spans' windows are numbered from `first_window`.

    Passages are exact slices of the article, so a span's offsets map straight back; a
    span never crosses a passage. The reader sees the whole passage (the answer's
    context) but proposes a span per sentence, so that retrieval can still prefer the
    sentence the question points at when the reader's favourite lies next to it (a
    date's sentence beside the answer's).
    """
    if not ranges:
        return []
    starts = [sentences[first].start for first, _ in ranges]
    passages = [text[sentences[first].start : sentences[last].end] for first, last in ranges]
    segments = [
        [sentences[i].start - sentences[first].start for i in range(first, last + 1)]
        for first, last in ranges
    ]
    sentence_starts = [s.start for s in sentences]

    def locate(span: SpanLike) -> ReadSpan:
        start = starts[span.passage] + span.start
        end = starts[span.passage] + span.end
        position = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        margin = span.score - span.null_score
        probability = math.exp(min(0.0, span.score - span.log_norm))
        window = first_window + span.passage
        beside = getattr(span, "runner_up", None)  # a reader's own; not every reader's
        runner_up = None if beside is None else functools.partial(_located, beside, locate)
        return ReadSpan(
            text[start:end], start, end, position, margin, window, probability, runner_up
        )

    return [locate(span) for span in reader.read(question, passages, segments)]


def _located(
    beside: Callable[[], SpanLike | None], locate: Callable[[SpanLike], ReadSpan]
) -> ReadSpan | None:
    """The reader's runner-up span (`beside`), located in the article, or None."""
    span = beside()
    return None if span is None else locate(span)


def set_aside(spans: Sequence[ReadSpan], unfit: Callable[[ReadSpan], bool]) -> list[ReadSpan]:
    """`spans` less those `unfit` to answer, each replaced by the reader's runner-up in its
    sentence (ReadSpan.beside) where the reader believed the one set aside (margin over
    0) and the runner-up is fit: the rules of qa.span_fit share this."""
    kept: list[ReadSpan] = []
    for span in spans:
        if not unfit(span):
            kept.append(span)
            continue
        beside = span.beside() if span.margin > 0 else None
        # A runner-up of only "the" or "a" says nothing: no answer.
        if beside is not None and normalize(beside.text) and not unfit(beside):
            kept.append(beside)
    return kept


def first_passage(spans: Sequence[ReadSpan]) -> list[ReadSpan]:
    """The spans read_spans found in its first passage (read alone): what an early stop keeps."""
    return [span for span in spans if span.window == 0]


def retrieval_lead(
    ranking: Ranking, ranges: Sequence[tuple[int, int]], count: int = WINDOWS_READ
) -> float:
    """How far the best of the top `count` sentences in the first passage of `ranges`
    leads the best of them outside it, in retrieval score (inf when none is outside,
    -inf when none is in, or there is no passage)."""
    if not ranges:
        return -math.inf
    first, last = ranges[0]
    top = ranking.candidates[:count]
    inside = [c.score for c in top if first <= c.position <= last]
    outside = [c.score for c in top if not first <= c.position <= last]
    if not inside:
        return -math.inf
    return max(inside) - max(outside) if outside else math.inf


def decisive(
    spans: Sequence[ReadSpan],
    margin: float | None,
    lead: float = math.inf,
    needed_lead: float | None = None,
    fits: Callable[[str], bool] | None = None,
) -> bool:
    """Whether a span leads "no answer" by at least `margin` (None: never decisive) while
    its passage leads the others' retrieval scores by at least `needed_lead` (`lead`),
    and the reader's best span is of the kind the question asks for (`fits`, where the
    question names one: qa.answerability.answer_fits).

    The lead is what the reader cannot see: it reads one passage at a time, so a name in
    the best-ranked passage can look like a sure answer while a passage retrieval ranked
    nearly as high holds the one the question means. So can a span of the wrong kind:
    "How old is Ana Ferreira?" stopped at "Prime" (of "Prime Minister Ana Ferreira"),
    with "Ferreira, 54" two sentences on.
    """
    if margin is None or (needed_lead is not None and lead < needed_lead) or not spans:
        return False
    if fits is not None and not fits(max(spans, key=lambda span: span.margin).text):
        return False
    return any(span.margin >= margin for span in spans)


def reading_ranges(
    reader: SpanReader,
    question: str,
    sentences: Sequence[Sentence],
    ranking: Ranking,
    count: int = WINDOWS_READ,
) -> list[tuple[int, int]]:
    """The passages read_spans reads for `question`, in reading order (passage_ranges
    within the reader's token budget behind the question)."""
    budget = reader.passage_budget(question)
    return passage_ranges(
        ranking, len(sentences), lambda p: reader.token_count(sentences[p].text), budget, count
    )


def read_spans(
    reader: SpanReader,
    question: str,
    text: str,
    sentences: Sequence[Sentence],
    ranking: Ranking,
    decisive_margin: float | None = None,
    count: int = WINDOWS_READ,
    decisive_lead: float | None = None,
    asked_for: PassageQuestion | None = None,
    fits: Callable[[str], bool] | None = None,
    talk: str = "",
    settle: Callable[[list[ReadSpan]], list[ReadSpan]] | None = None,
) -> list[ReadSpan]:
    """The reader's best span in each sentence of the passages around the best `count`
    sentences (passage_ranges): the first passage alone, then, unless its answer is
    decisive (`decisive`: by `decisive_margin`, `decisive_lead` and `fits`), the others in one
    batch (one per question, where `asked_for` gives a passage [first, last] its own
    wording of the question: qa.dates.unstated). Spans that tell of something else than
    asked are left out (`_about_the_story`; `talk`: what a follow-up's chain has said).
    The first passage is judged by the spans `settle` keeps of it (the rules that set
    aside spans that cannot answer), where given.

    The first passage is read alone even when every passage will be read: the int8
    reader scales its activations per batch, so a passage's logits depend on its
    batch-mates, and the first passage must read the same whether the others follow.
    """
    ranges = reading_ranges(reader, question, sentences, ranking, count)
    first = _read_as_asked(reader, question, text, sentences, ranges[:1], 0, asked_for, fits)
    first = _about_the_story(first, question, sentences, talk)
    lead = retrieval_lead(ranking, ranges, count)
    judged = first if settle is None or decisive_margin is None else settle(first)
    if decisive(judged, decisive_margin, lead, decisive_lead, fits):
        return first
    rest = _read_as_asked(reader, question, text, sentences, ranges[1:], 1, asked_for, fits)
    return first + _about_the_story(rest, question, sentences, talk)


def _about_the_story(
    spans: list[ReadSpan], question: str, sentences: Sequence[Sentence], talk: str = ""
) -> list[ReadSpan]:
    """The spans less those that tell of something else than asked: in a clause recalling
    an earlier event ("... since 2007, when a magnitude 8.0 quake ...":
    qa.recalled_events), or counting people another fate befell ("611 people had been
    injured" for "How many people died?": qa.casualties). A year the talk before a
    follow-up named (`talk`) is asked about too ("What else was destroyed?" after "When
    was the region last hit by a storm this deadly?" / "1998")."""
    fate = asked_fate(question)
    named = f"{question} {talk}"
    kept = []
    for span in spans:
        sentence = sentences[span.position]
        if recalls_earlier_event(named, sentence, span.start):
            continue
        if fate is not None:
            counted = _counting_the_fate(span, fate, sentence)
            if counted is None:
                continue
            span = counted
        kept.append(span)
    return kept


def _counting_the_fate(span: ReadSpan, fate: str, sentence: Sentence) -> ReadSpan | None:
    """`span`, for a question counting people whom `fate` befell: as it is where the
    fate named nearest it is that one, or its clause names that fate and no other nearer
    ("raising the death toll ... to 17"); else the one count of it in its sentence ("9
    people" for "412" in "A train carrying 412 people derailed ..., killing 9 people and
    injuring 87"); else as it is, or None where it counts people another fate befell
    ("87")."""
    nearest = nearest_fate(sentence, span.start, span.end)
    if nearest == fate or (nearest is None and clause_names(fate, sentence, span.start, span.end)):
        return span
    counts = [c for c in fate_counts(fate, sentence) if not (c[0] <= span.start < c[1])]
    if len(counts) == 1:
        start, end = counts[0]
        text = sentence.text[start - sentence.start : end - sentence.start]
        return replace(span, text=text, start=start, end=end)
    return None if counts_others(fate, sentence, span.start, span.end) else span


def _read_as_asked(
    reader: SpanReader,
    question: str,
    text: str,
    sentences: Sequence[Sentence],
    ranges: Sequence[tuple[int, int]],
    first_window: int,
    asked_for: PassageQuestion | None,
    fits: Callable[[str], bool] | None = None,
) -> list[ReadSpan]:
    """read_passages, with the passages asked the same question read in one batch, and
    the spans best first by margin as one batch gives them; a part of a passage asked
    otherwise (_asked_apart) is read again its own way where the passage's best span lies
    in it or the passage read whole finds no answer (then only its spans of the kind
    asked count: `fits`)."""
    if asked_for is None:
        return read_passages(reader, question, text, sentences, ranges, first_window)
    whole = _read_in_batches(reader, text, sentences, list(enumerate(ranges)), asked_for)
    # Where a passage's best span read whole lies in a part of it asked another way
    # (_asked_apart), the reader points there but reads it with the date its sentences
    # only inherit (or a name as they word it shorter, qa.passage_names): that part is
    # read again its own way. So is a part of a passage that finds no answer read whole
    # (its best span's margin below 0): news states a day once and goes on about it ("on
    # November 23, the IDF confirmed another air strike ... the target was a building
    # ..."), and a reader taught that a condition its sentence does not state makes a
    # question unanswerable finds the day missing beside the answer.
    # The parts are read in batches of their own: the int8 reader's logits depend on a
    # passage's batch-mates, and the whole passages must read as they do without them.
    best = best_in_window(whole)
    parts, unanswered = [], []
    for k, run in enumerate(ranges):
        if k not in best:
            continue
        for first, last in _asked_apart(run, asked_for):
            if first <= best[k].position <= last:
                parts.append((k, (first, last)))
            elif best[k].margin < 0:
                unanswered.append((k, (first, last)))
    again = _read_in_batches(reader, text, sentences, parts, asked_for)
    # A part read without the day finds what its own sentences offer, of any kind ("a
    # building" for "Where was what was targeted?"): where the question names the kind
    # of answer, only a span of that kind may outdo what the whole passage read.
    again += [
        span
        for span in _read_in_batches(reader, text, sentences, unanswered, asked_for)
        if fits is None or fits(span.text)
    ]
    spans = whole + _as_far_as_asked(again, whole)
    spans = [replace(span, window=first_window + span.window) for span in spans]
    return sorted(spans, key=lambda span: span.margin, reverse=True)


def _as_far_as_asked(again: list[ReadSpan], whole: Sequence[ReadSpan]) -> list[ReadSpan]:
    """The spans of parts read again, each reaching as far as the whole passage's span
    that starts where it does in its sentence, where that one is longer.

    A part is read again so that a condition its sentences only inherit does not make the
    reader find no answer: the reading again says whether the answer is there. How far
    the answer reaches is the question's as asked: read without "on November 23", "What
    was targeted?" may stop at "a building", where the whole passage's reading goes on to
    "a building believed to house the 'chief of staff of Hezbollah,'"."""
    read_whole = {(span.window, span.position): span for span in whole}
    kept = []
    for span in again:
        longer = read_whole.get((span.window, span.position))
        if longer is not None and longer.start == span.start and longer.end > span.end:
            span = replace(span, text=longer.text, end=longer.end, runner_up=longer.runner_up)
        kept.append(span)
    return kept


def _read_in_batches(
    reader: SpanReader,
    text: str,
    sentences: Sequence[Sentence],
    pieces: Sequence[tuple[int, tuple[int, int]]],
    asked_for: PassageQuestion,
) -> list[ReadSpan]:
    """read_passages of each (window, passage) piece, the pieces asked the same question
    in one batch; each span numbered with its piece's window."""
    batches: dict[str, list[int]] = {}
    for i, (_, (first, last)) in enumerate(pieces):
        batches.setdefault(asked_for(first, last), []).append(i)
    spans = []
    for asked, members in batches.items():
        read = read_passages(reader, asked, text, sentences, [pieces[i][1] for i in members])
        spans += [replace(span, window=pieces[members[span.window]][0]) for span in read]
    return spans


def _asked_apart(run: tuple[int, int], asked_for: PassageQuestion) -> list[tuple[int, int]]:
    """The stretches of `run` whose sentences are asked otherwise than the whole is: a
    passage that tells of the asked day without stating it and then states another ("...
    damage to nearby homes. ... on November 23, the IDF confirmed ...") is read whole with
    the date, and its first part may be read again without the date its sentences
    already match (qa.dates.unstated)."""
    first, last = run
    whole = asked_for(first, last)
    apart, start = [], None
    for p in range(first, last + 2):
        differs = p <= last and asked_for(p, p) != whole
        if differs and start is None:
            start = p
        elif not differs and start is not None:
            apart.append((start, p - 1))
            start = None
    return apart


def best_in_window(spans: Sequence[ReadSpan]) -> dict[int, ReadSpan]:
    """Each window's span with the best margin (the first of equals), by window."""
    best: dict[int, ReadSpan] = {}
    for span in spans:
        kept = best.get(span.window)
        if kept is None or span.margin > kept.margin:
            best[span.window] = span
    return best


def other_than(
    spans: Sequence[ReadSpan], answer: str, shown: Callable[[ReadSpan], str] | None = None
) -> list[ReadSpan]:
    """The spans that do not give `answer` again (in whole or in part, any case or
    punctuation), read as the reader gave them or as they would be shown (`shown`: the
    span fitted to the question, qa.answer_length): what "What else ...?" may be
    answered with. ("what else did he say" had been answered with the same quotation,
    widened from a span that ran past its end.)"""
    given = f" {normalize(answer)} "

    def repeats(text: str) -> bool:  # word for word, in either direction
        text = f" {normalize(text)} "
        return bool(text.strip()) and (text in given or given in text)

    if not given.strip():
        return list(spans)
    # A span given already leaves the reader's next best in its sentence ("Anything
    # else?" after "$1.5 million" of "prize money of $1.5 million and a place in ...").
    return set_aside(
        spans, lambda span: repeats(span.text) or (shown is not None and repeats(shown(span)))
    )


def not_again(spans: Sequence[ReadSpan], answer: str) -> list[ReadSpan]:
    """The spans other than `answer` word for word (any case or punctuation): a part of
    it may still answer ("Greenland" after "Jakobshavn Isbræ on the west coast of
    Greenland"). A span giving it again leaves the reader's next best in its sentence
    (ReadSpan.beside), at the margin the reader gave that one.

    Unlike `set_aside`, also where the reader doubted the span given again: read joined
    to the last question, the reader points at the last answer's sentence but answers
    the last question there ("and the Israeli delegates?" after "What did Lebanese
    officials emphasize?" read "the potential for joint infrastructure projects" again,
    beside "stabilizing the volatile area" in the same sentence), so how much it believed
    that answer says nothing of the new question; the next best competes by its own
    margin."""
    given = normalize(answer)
    kept: list[ReadSpan] = []
    for span in spans:
        if normalize(span.text) != given:
            kept.append(span)
            continue
        beside = span.beside()
        if beside is not None and normalize(beside.text) != given:
            kept.append(beside)
    return kept


# After a span of the deed already named: "declared a major incident and opened the town's
# sports hall as an emergency shelter" -> the other deed, to the clause's end.
# A short phrase of when or where may come between ("... for the county on Wednesday and
# asked for federal aid").
_AND_THEN = re.compile(
    r"(?:\s+(?:on|in|at|by|from|for|to|with|after|before|during)\s+[^,.;]{1,30}?)?"
    r"\s*,?\s+and\s+(?P<rest>[^.;,]*[^\s.;,])"
)


def past_the_deed(spans: Sequence[ReadSpan], deed: str, text: str) -> list[ReadSpan]:
    """The spans less the deed a who-question named (`deed`, "declared a major incident"):
    a span that does it again (it opens with the deed's verb) is the deed the same
    sentence goes on to join to it with "and", or is left out. For "What else did she
    do?", which the reader answered with the deed asked about."""
    verb = normalize(deed).partition(" ")[0]
    kept: list[ReadSpan] = []
    for span in spans:
        if normalize(span.text).partition(" ")[0] != verb:
            kept.append(span)
            continue
        then = _AND_THEN.match(text, span.end)
        if then is not None:
            start, end = then.span("rest")
            kept.append(replace(span, text=text[start:end], start=start, end=end))
    return kept


def choose_span(
    spans: list[ReadSpan], ranking: Ranking, retrieval_weight: float
) -> ReadSpan | None:
    """The span with the best reader margin plus weighted retrieval score of its sentence.

    The reader sees one window at a time and does not know that the question's date or
    topic points at another window; retrieval does, so its score breaks close calls.
    """
    if not spans:
        return None
    retrieval = {c.position: c.score for c in ranking.candidates}
    return max(spans, key=lambda s: s.margin + retrieval_weight * retrieval[s.position])
