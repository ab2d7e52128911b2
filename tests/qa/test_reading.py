"""Picking the answer span from the reader's output, with a scripted fake reader."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pytest

from qa import ArticleQA
from qa.answerability import answer_fits
from qa.calibration import Calibration
from qa.reading import (
    ReadSpan,
    choose_span,
    decisive,
    not_again,
    other_than,
    passage_ranges,
    past_the_deed,
    read_spans,
    retrieval_lead,
)
from qa.retrieval import Candidate, Ranking

TEXT = (
    "Talks were held in Ras EnNakoura.\n"
    "On November 23 an air strike hit Beirut.\n"
    "The target was a building believed to house a commander.\n"
    "Witnesses heard explosions.\n"
)


@dataclass(frozen=True)
class FakeSpan:
    passage: int
    start: int
    end: int
    text: str
    score: float
    null_score: float
    log_norm: float = 10.0


class PhraseReader:
    """Answers with `phrase` wherever it occurs; other passages get no answer."""

    def __init__(self, phrase: str) -> None:
        self.phrase = phrase
        self.passages: list[str] = []  # every passage read, over all calls
        self.segments: list[Sequence[int]] | None = None
        self.calls: list[list[str]] = []

    def token_count(self, text: str) -> int:
        return len(text.split())

    def passage_budget(self, question: str) -> int:
        return 512

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[FakeSpan]:
        self.calls.append(passages)
        self.passages = [*self.passages, *passages]
        self.segments = [*(self.segments or []), *(segments or [])]
        spans = []
        for number, passage in enumerate(passages):
            at = passage.find(self.phrase)
            if at >= 0:
                spans.append(FakeSpan(number, at, at + len(self.phrase), self.phrase, 9.0, 1.0))
            else:
                spans.append(FakeSpan(number, 0, 4, passage[:4], 0.0, 5.0))
        return sorted(spans, key=lambda s: s.null_score - s.score)


def test_span_offsets_point_into_the_article(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    ranking = bot.retriever.rank("What was targeted on November 23?")
    reader = PhraseReader("a building believed to house a commander")
    spans = read_spans(reader, "What was targeted?", TEXT, bot.sentences, ranking)
    span = choose_span(spans, ranking, retrieval_weight=0.0)
    assert span is not None
    assert TEXT[span.start : span.end] == span.text == reader.phrase
    assert span.position == 2
    assert span.margin == 8.0
    # The reader's probability of the span in its window: exp(score - log_norm).
    assert span.probability == pytest.approx(math.exp(9.0 - 10.0))
    assert reader.passages[span.window].find(reader.phrase) >= 0
    # Each passage is an exact slice of the article: a sentence and its neighbours.
    assert all(passage in TEXT for passage in reader.passages)
    # The reader is told where each sentence of a window starts, to propose one span each.
    sentence_texts = {s.text for s in bot.sentences}
    assert reader.segments is not None
    for passage, starts in zip(reader.passages, reader.segments, strict=True):
        pieces = [passage[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        assert starts[0] == 0 and all(piece in sentence_texts for piece in pieces)


def test_the_sentence_holding_the_span_is_cited_first(fake_embedder) -> None:
    reader = PhraseReader("Ras EnNakoura")
    # Retrieval weight 0: the reader alone picks the span, whatever retrieval ranks first.
    calibration = Calibration({}, intercept=0.0, threshold=0.5, retrieval_weight=0.0)
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=reader, calibration=calibration)
    answer = bot.ask("Where was the air strike on November 23?")
    best = answer.evidence[0]
    assert best.position == 0
    assert (best.answer_start, best.answer_end) == (19, 32)
    assert TEXT[best.answer_start : best.answer_end] == "Ras EnNakoura"
    assert all(e.answer_start is None for e in answer.evidence[1:])


def test_retrieval_weight_breaks_close_calls_towards_the_better_sentence(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    ranking = bot.retriever.rank("Where did the air strike on November 23 hit?")
    top = ranking.candidates[0].position
    other = ranking.candidates[-1].position
    spans = [
        ReadSpan("x", 0, 1, other, margin=2.0),
        ReadSpan("y", 0, 1, top, margin=1.9),
    ]
    assert choose_span(spans, ranking, retrieval_weight=0.0).position == other
    assert choose_span(spans, ranking, retrieval_weight=16.0).position == top


def _ranking(*positions: int) -> Ranking:
    """Candidates at `positions`, best first."""
    return Ranking(
        [Candidate(p, 1.0 - i / 10, 0.0, 0.0, 0.0, 0.0) for i, p in enumerate(positions)], [], False
    )


@pytest.mark.parametrize(
    ("ranked", "budget", "expected"),
    [
        # Windows 4-6 and 5-7 overlap: one passage; 19-21 apart, read after it.
        ((5, 6, 20), 1000, [(4, 7), (19, 21)]),
        ((20, 5, 6), 1000, [(19, 21), (4, 7)]),
        # 4-6 and 8-10 leave sentence 7 between them: apart; 4-6 and 7-9 touch.
        ((5, 9, 20), 1000, [(4, 6), (8, 10), (19, 21)]),
        ((5, 7), 1000, [(4, 8)]),
        # Longer than the reader's passages (five sentences): near-equal pieces.
        ((5, 8), 1000, [(4, 6), (7, 9)]),
        ((5, 7, 9), 1000, [(4, 7), (8, 10)]),
        # Past the budget a run is cut at sentence ends; the piece with the best sentence leads.
        ((5, 6), 25, [(4, 5), (6, 7)]),
        ((6, 5), 25, [(6, 7), (4, 5)]),
        # A piece with no candidate follows its run's pieces that have one.
        ((5, 20), 15, [(5, 5), (4, 4), (6, 6), (20, 20), (19, 19), (21, 21)]),
        # At the article's ends the windows are shorter.
        ((0, 29), 1000, [(0, 1), (28, 29)]),
    ],
)
def test_passages_join_the_windows_and_read_each_sentence_once(
    ranked: tuple[int, ...], budget: int, expected: list[tuple[int, int]]
) -> None:
    ranges = passage_ranges(_ranking(*ranked), 30, lambda position: 10, budget)
    assert ranges == expected
    covered = [p for first, last in ranges for p in range(first, last + 1)]
    assert len(covered) == len(set(covered))


def test_a_decisive_first_passage_ends_the_reading(fake_embedder) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    ranking = _ranking(2, 0)  # windows 1-3 and 0-1 touch: one passage
    assert passage_ranges(ranking, 4, lambda p: 10, 1000) == [(0, 3)]
    far = Ranking([*_ranking(3).candidates, *_ranking(0).candidates], [], False)
    # Sentence 3's window (2-3) and sentence 0's (0-1) touch as well; cut them apart.
    assert passage_ranges(far, 4, lambda p: 10, 20) == [(2, 3), (0, 1)]

    def reading(margin: float | None, phrase: str) -> PhraseReader:
        reader = PhraseReader(phrase)
        reader.passage_budget = lambda question: 20  # type: ignore[method-assign]
        read_spans(reader, "What was targeted?", TEXT, bot.sentences, far, margin)
        return reader

    # The first passage (sentences 2-3) holds the phrase with margin 8: decisive at 8.
    phrase = "a building believed to house a commander"
    assert len(reading(8.0, phrase).calls) == 1
    assert len(reading(8.5, phrase).calls) == 2
    # Never decisive without a margin; the first passage is still read on its own.
    calls = reading(None, phrase).calls
    assert [len(c) for c in calls] == [1, 1]
    # Not in the first passage: the rest is read, whatever the margin.
    assert len(reading(1.0, "Ras EnNakoura").calls) == 2


def _scored(*scored: tuple[int, float]) -> Ranking:
    """Candidates (position, retrieval score), best first."""
    return Ranking([Candidate(p, s, 0.0, 0.0, 0.0, 0.0) for p, s in scored], [], False)


def test_the_retrieval_lead_is_the_first_passages_best_over_the_best_outside() -> None:
    ranking = _scored((3, 0.7), (2, 0.65), (0, 0.6), (1, 0.5))
    # Only the top three count: sentence 1 (0.5) is not read for itself.
    assert retrieval_lead(ranking, [(2, 3), (0, 1)]) == pytest.approx(
        0.1
    )  # 0.7 over sentence 0's 0.6
    assert retrieval_lead(ranking, [(3, 3)]) == pytest.approx(0.05)  # 0.7 over sentence 2's 0.65
    assert retrieval_lead(ranking, [(0, 3)]) == math.inf  # every top sentence is inside
    assert retrieval_lead(ranking, [(1, 1)]) == -math.inf  # none is
    assert retrieval_lead(ranking, []) == -math.inf  # nothing to read


def test_a_confident_first_passage_reads_on_when_another_ranked_nearly_as_high(
    fake_embedder,
) -> None:
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    phrase = "a building believed to house a commander"

    def calls(ranking: Ranking, lead: float | None) -> int:
        reader = PhraseReader(phrase)
        reader.passage_budget = lambda question: 20  # type: ignore[method-assign]
        read_spans(
            reader, "What was targeted?", TEXT, bot.sentences, ranking, 8.0, decisive_lead=lead
        )
        return len(reader.calls)

    # Passages (2-3) then (0-1), as in the test above; the phrase leads "no answer" by 8.
    close, clear = _scored((3, 0.7), (0, 0.66)), _scored((3, 0.7), (0, 0.4))
    assert calls(close, None) == 1  # no lead asked for: the margin decides alone
    assert calls(close, 0.1) == 2  # 0.04 ahead: the other passage is read too
    assert calls(clear, 0.1) == 1  # 0.3 ahead: decisive
    assert decisive([ReadSpan("x", 0, 1, 0, 9.0)], 8.0, 0.3, 0.1)
    assert not decisive([ReadSpan("x", 0, 1, 0, 9.0)], 8.0, 0.05, 0.1)
    assert not decisive([ReadSpan("x", 0, 1, 0, 9.0)], None, math.inf, None)


def test_a_first_passage_whose_best_span_is_not_the_kind_asked_for_is_not_decisive() -> None:
    # "How old is Ana Ferreira?" stopped at "Prime" ("Prime Minister Ana Ferreira").
    fits = answer_fits("How old is Ana Ferreira?")
    assert fits is not None
    prime = [ReadSpan("Prime", 0, 5, 0, 2.5), ReadSpan("1985", 9, 13, 1, -7.0)]
    assert decisive(prime, -2.0) and not decisive(prime, -2.0, fits=fits)
    assert decisive([ReadSpan("54", 0, 2, 0, 9.0)], -2.0, fits=fits)
    assert answer_fits("What did she promise?") is None  # no kind named: the margin decides


class AskedReader(PhraseReader):
    """A PhraseReader that also keeps the question each batch was read with."""

    def __init__(self, phrase: str) -> None:
        super().__init__(phrase)
        self.asked: list[tuple[str, list[str]]] = []

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[FakeSpan]:
        self.asked.append((question, passages))
        return super().read(question, passages, segments)


def test_each_passage_is_read_with_its_own_wording_of_the_question(fake_embedder) -> None:
    text = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\nNine.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    ranking = _ranking(0, 4, 8)  # three passages apart: 0-1, 3-5, 7-8
    reader = AskedReader("Nine")
    reader.passage_budget = lambda question: 20  # type: ignore[method-assign]

    def asked_for(first: int, last: int) -> str:  # sentences 3-5 read "short"
        return "short" if 3 <= first and last <= 5 else "long"

    spans = read_spans(reader, "long", text, bot.sentences, ranking, asked_for=asked_for)
    # The first passage alone, then one batch per wording, in reading order.
    assert reader.asked == [
        ("long", ["One.\nTwo."]),
        ("short", ["Four.\nFive.\nSix."]),
        ("long", ["Eight.\nNine."]),
    ]
    # Each span keeps its passage's place in the reading order; after the first
    # passage's, the best margin first, as one batch gives them.
    # (The fake reader gives one span a passage.)
    first, *rest = spans
    assert first.window == 0
    assert [(span.text, span.window, span.position) for span in rest] == [
        ("Nine", 2, 8),
        ("Four", 1, 3),
    ]
    assert [span.margin for span in rest] == sorted((span.margin for span in rest), reverse=True)


def test_the_part_of_a_passage_asked_otherwise_is_read_again_its_own_way(
    fake_embedder,
) -> None:
    text = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\nNine.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    reader = AskedReader("Five")
    reader.passage_budget = lambda question: 20  # type: ignore[method-assign]

    def asked_for(first: int, last: int) -> str:  # only sentences 3 and 4 read "short"
        return "short" if 3 <= first and last <= 4 else "long"

    ranking = _ranking(4, 0, 8)  # the first passage, 3-5, is partly asked "short"
    spans = read_spans(reader, "long", text, bot.sentences, ranking, asked_for=asked_for)
    # The whole first passage alone, as without the part; then the part on its own.
    assert reader.asked[:2] == [("long", ["Four.\nFive.\nSix."]), ("short", ["Four.\nFive."])]
    # Spans from both readings belong to the first passage (window 0): the early stop
    # and the features count passages, not readings.
    assert {span.window for span in spans if span.position in (3, 4, 5)} == {0}
    assert sum(span.text == "Five" for span in spans) == 2
    # Passages asked one way throughout are read once, together, as before.
    assert reader.asked[2:] == [("long", ["One.\nTwo.", "Eight.\nNine."])]


class UndatedReader(AskedReader):
    """Finds its phrase only where asked "short" (the question without the date its
    sentences inherit); asked "long", it finds no answer anywhere, as a reader taught that
    a condition its sentence does not state makes a question unanswerable."""

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[FakeSpan]:
        spans = super().read(question, passages, segments)
        if question == "short":
            return spans
        return [FakeSpan(s.passage, 0, 4, passages[s.passage][:4], 0.0, 5.0) for s in spans]


def _read_undated(embedder, fits=None) -> tuple[UndatedReader, list]:
    text = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\nNine.\n"
    bot = ArticleQA.from_text(text, embedder=embedder, reader=False)
    reader = UndatedReader("Five")
    reader.passage_budget = lambda question: 20  # type: ignore[method-assign]

    def asked_for(first: int, last: int) -> str:  # sentences 4 and 5 inherit the date
        return "short" if 4 <= first and last <= 5 else "long"

    ranking = _ranking(4, 0, 8)  # the first passage, 3-5, states the date in sentence 3
    spans = read_spans(reader, "long", text, bot.sentences, ranking, asked_for=asked_for, fits=fits)
    return reader, spans


def test_a_passage_that_finds_no_answer_has_its_undated_part_read_without_the_date(
    fake_embedder,
) -> None:
    # The best span read whole ("no answer", in sentence 3) lies outside the part, but the
    # passage finds no answer: the part that inherits the date is read without it.
    reader, spans = _read_undated(fake_embedder)
    assert reader.asked[:2] == [("long", ["Four.\nFive.\nSix."]), ("short", ["Five.\nSix."])]
    best = max(spans, key=lambda span: span.margin)
    assert (best.text, best.position, best.window) == ("Five", 4, 0)
    assert best.margin > 0


def test_a_part_read_because_its_passage_found_nothing_offers_only_the_kind_asked(
    fake_embedder,
) -> None:
    # Read without the date, a part offers whatever its sentences hold ("a building" for
    # "Where was what was targeted?"): where the question names a kind, a span not of it
    # is dropped, and the whole passage's reading stands.
    reader, spans = _read_undated(fake_embedder, fits=lambda text: text != "Five")
    assert ("short", ["Five.\nSix."]) in reader.asked
    assert all(span.text != "Five" for span in spans)
    assert max(span.margin for span in spans) < 0


class ExtentReader(AskedReader):
    """Asked "long" (with the date), finds the long phrase but below its no-answer score;
    asked "short" (without it), finds only its first words, confidently."""

    LONG = "a building believed to house a commander"

    def read(
        self, question: str, passages: list[str], segments: Sequence[Sequence[int]] | None = None
    ) -> list[FakeSpan]:
        self.asked.append((question, passages))
        spans = []
        for number, passage in enumerate(passages):
            at = passage.find(self.LONG)
            if at < 0:
                spans.append(FakeSpan(number, 0, 4, passage[:4], 0.0, 5.0))
            elif question == "long":
                spans.append(FakeSpan(number, at, at + len(self.LONG), self.LONG, 4.0, 5.0))
            else:
                spans.append(FakeSpan(number, at, at + 10, passage[at : at + 10], 9.0, 1.0))
        return sorted(spans, key=lambda s: s.null_score - s.score)


def test_a_part_read_again_answers_as_far_as_the_whole_passage_read_it(fake_embedder) -> None:
    # Read without the date, "What was targeted?" stops at "a building"; how far the
    # answer reaches is the question's as asked, so the whole passage's extent is kept
    # with the margin the reading again gave.
    text = (
        "One.\nTwo.\nThree.\nOn November 23 a strike hit.\n"
        "The target was a building believed to house a commander.\nSix.\nSeven.\nEight.\nNine.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    reader = ExtentReader(ExtentReader.LONG)
    reader.passage_budget = lambda question: 40  # type: ignore[method-assign]

    def asked_for(first: int, last: int) -> str:  # sentences 4 and 5 inherit the date
        return "short" if 4 <= first and last <= 5 else "long"

    ranking = _ranking(4, 0, 8)
    spans = read_spans(reader, "long", text, bot.sentences, ranking, asked_for=asked_for)
    assert ("short", [text[text.index("The target") : text.index("Six.") + 4]]) in reader.asked
    best = max(spans, key=lambda span: span.margin)
    assert best.text == text[best.start : best.end] == ExtentReader.LONG
    assert (best.margin, best.position) == (8.0, 4)
    # A part's span that starts elsewhere, or reaches further, is its own.
    assert sum(span.text == "a building" for span in spans) == 0


def test_what_else_leaves_out_spans_that_give_the_last_answer_again() -> None:
    spans = [
        ReadSpan(text, 0, len(text), position, 1.0)
        for position, text in enumerate(
            ["economic collaboration", "fostering economic collaboration", "trade", "Economic."]
        )
    ]
    kept = other_than(spans, "Economic collaboration.")
    assert [span.text for span in kept] == ["trade"]
    # Word for word: "Israel" is not part of "Israeli military".
    assert other_than([ReadSpan("Israel", 0, 6, 0, 1.0)], "Israeli military") != []
    assert other_than(spans, "") == spans
    # A span shown otherwise (widened to the quotation it ran past) is read as shown.
    quoted = ReadSpan("growth, said Tomas Berger", 0, 25, 0, 1.0)
    said = "This was a clear signal that the bank is more worried about inflation than about growth"
    assert other_than([quoted], said) == [quoted]
    assert other_than([quoted], said, lambda span: said) == []
    # The next best the reader read in its sentence stands in for a span given already.
    place = ReadSpan("a place in the Champions League", 50, 81, 0, -2.0)
    prize = ReadSpan("$1.5 million", 30, 42, 0, 3.0, runner_up=lambda: place)
    assert other_than([prize], "$1.5 million") == [place]


def test_a_fragment_follow_up_is_not_given_the_last_answer_again() -> None:
    spans = [
        ReadSpan(text, 0, len(text), position, 1.0)
        for position, text in enumerate(["Louis Agassiz", "Unteraar Glacier", "Greenland"])
    ]
    assert [span.text for span in not_again(spans, "louis agassiz.")] == [
        "Unteraar Glacier",
        "Greenland",
    ]
    # Only word for word: a part of the last answer may answer the follow-up.
    assert not_again(spans, "Jakobshavn Isbræ on the west coast of Greenland") == spans


def test_a_follow_up_given_the_last_answer_again_gets_the_next_best_of_its_sentence() -> None:
    # "and the Israeli delegates?" after "What did Lebanese officials emphasize?": read
    # joined, the reader answered the last question again, doubting it; what the
    # delegates wanted stands beside it in the same sentence.
    delegates = ReadSpan("stabilizing the volatile area", 90, 119, 2, -4.0)
    again = ReadSpan("joint infrastructure projects", 40, 69, 2, -0.7, runner_up=lambda: delegates)
    other = ReadSpan("economic collaboration", 10, 32, 1, -9.9)
    assert not_again([again, other], "joint infrastructure projects") == [delegates, other]
    # Nothing beside it, or only the last answer again: nothing from that sentence.
    alone = ReadSpan("joint infrastructure projects", 40, 69, 2, -0.7)
    assert not_again([alone, other], "joint infrastructure projects") == [other]
    twice = replace(
        again, runner_up=lambda: replace(delegates, text="Joint infrastructure projects.")
    )
    assert not_again([twice, other], "joint infrastructure projects") == [other]


def test_what_else_after_a_who_question_reads_past_the_deed_it_named() -> None:
    text = (
        "Mayor Helen Price declared a major incident and opened the sports hall as a shelter. "
        "She declared it closed."
    )
    deed = ReadSpan("declared a major incident", 18, 43, 0, 5.0)
    other = ReadSpan("volunteers", 0, 10, 1, 1.0)
    kept = past_the_deed([deed, other], "declared a major incident", text)
    assert [span.text for span in kept] == ["opened the sports hall as a shelter", "volunteers"]
    assert text[kept[0].start : kept[0].end] == kept[0].text
    assert kept[0].margin == 5.0
    # The deed with nothing joined to it is left out; other verbs' spans are kept.
    again = ReadSpan("declared it closed", text.index("declared it"), len(text) - 1, 1, 2.0)
    assert past_the_deed([again, other], "declared a major incident", text) == [other]
    # A short phrase of when or where may come before the "and".
    text = "Governor Lydia Marsh declared a state of emergency on Wednesday and asked for aid."
    start = text.index("declared")
    deed = ReadSpan("declared a state of emergency", start, start + 29, 0, 5.0)
    kept = past_the_deed([deed], "declared a state of emergency", text)
    assert [span.text for span in kept] == ["asked for aid"]


def test_a_read_span_pickles_without_what_is_beside_it() -> None:
    import pickle

    beside = ReadSpan("219", 40, 43, 0, -1.0)
    span = ReadSpan("1,412", 7, 12, 0, 7.1, runner_up=lambda: beside)
    assert span.beside() == beside
    copied = pickle.loads(pickle.dumps(span))
    assert copied == span and copied.beside() is None
    assert ReadSpan("219", 40, 43, 0, -1.0).beside() is None


def test_a_span_set_aside_gives_way_to_its_runner_up_where_believed() -> None:
    from qa.reading import set_aside

    reason = ReadSpan("his son drowned", 50, 65, 0, -0.5)
    believed = ReadSpan("wool merchant", 10, 23, 0, 9.0, runner_up=lambda: reason)
    doubted = ReadSpan("a merchant", 8, 18, 1, -1.0, runner_up=lambda: reason)
    fit = ReadSpan("1590", 90, 94, 2, 1.0)
    unfit = {"wool merchant", "a merchant"}
    kept = set_aside([believed, doubted, fit], lambda span: span.text in unfit)
    assert kept == [reason, fit]
    # A runner-up unfit too is left out with the span.
    assert set_aside([believed], lambda span: True) == []


def test_a_runner_up_of_only_a_determiner_is_no_answer() -> None:
    from qa.reading import set_aside

    the = ReadSpan("the", 0, 3, 0, 1.0)
    believed = ReadSpan("Coastal Research Institute", 10, 36, 0, 4.9, runner_up=lambda: the)
    assert set_aside([believed], lambda span: span is believed) == []


def test_a_first_passage_whose_answer_a_rule_sets_aside_is_not_decisive(fake_embedder) -> None:
    # "What is the population of Vessford?" stopped at "8,100" of "has fallen from about
    # 8,100", which qa.shares sets aside after reading: the rest is read (stories h35-h38).
    bot = ArticleQA.from_text(TEXT, embedder=fake_embedder, reader=False)
    far = Ranking([*_ranking(3).candidates, *_ranking(0).candidates], [], False)
    phrase = "a building believed to house a commander"

    def calls(settle) -> int:
        reader = PhraseReader(phrase)
        reader.passage_budget = lambda question: 20  # type: ignore[method-assign]
        read_spans(reader, "What was targeted?", TEXT, bot.sentences, far, 8.0, settle=settle)
        return len(reader.calls)

    assert calls(None) == 1
    assert calls(lambda spans: spans) == 1  # kept: decisive as before
    assert calls(lambda spans: []) == 2  # set aside: read on
