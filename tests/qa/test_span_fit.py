"""The rules that set the reader's spans aside, in order (qa.span_fit)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.followup import Reading
from qa.reading import ReadSpan
from qa.span_fit import fitting_spans

TEXT = (
    "The strike hit a Hamas training camp in the Ain al-Hilweh refugee camp in southern "
    "Lebanon. The market leader, Stellan Telecom, is run by Anna Kowalczyk."
)
SENTENCES = split_sentences(TEXT)


def _span(answer: str, margin: float = 2.0) -> ReadSpan:
    start = TEXT.index(answer)
    position = 0 if start < SENTENCES[1].start else 1
    return ReadSpan(answer, start, start + len(answer), position, margin)


def _kept(reading: Reading, spans: list[ReadSpan]) -> list[str]:
    return [span.text for span in fitting_spans(spans, reading, TEXT, SENTENCES)]


def test_a_follow_up_is_not_answered_by_the_name_its_pronoun_stands_for() -> None:
    runs = Reading(
        "Who runs it?",
        "Who runs the market leader?",
        previous_answer="Stellan Telecom",
        resolved="Who runs the market leader?",
    )
    spans = [_span("Stellan Telecom"), _span("Anna Kowalczyk", -1.0)]
    assert _kept(runs, spans) == ["Anna Kowalczyk"]


def test_a_follow_up_is_answered_from_inside_a_sentence_given_as_the_last_answer() -> None:
    where = Reading(
        "Where was that?",
        "Where did it happen on November 19?",
        previous_answer=SENTENCES[0].text,
        resolved="Where did it happen on November 19?",
    )
    camp = _span("Ain al-Hilweh refugee camp in southern Lebanon")
    assert _kept(where, [camp]) == [camp.text]


def test_a_follow_up_is_not_answered_by_the_name_put_in_from_an_earlier_turn() -> None:
    # "Who runs it?" after "Which company leads the market?" / "Stellan Telecom" and a
    # turn that named nothing for "it": still not Stellan Telecom.
    runs = Reading(
        "Who runs it?",
        "Who runs the market leader?",
        resolved="Who runs the market leader?",
        referent="Stellan Telecom",
    )
    spans = [_span("Stellan Telecom"), _span("Anna Kowalczyk", -1.0)]
    assert _kept(runs, spans) == ["Anna Kowalczyk"]
    # A referent that is no name (a count, a clause) sets nothing aside.
    counted = Reading("Who runs it?", "Who runs it?", referent="4,300 acres")
    assert _kept(counted, spans) == ["Stellan Telecom", "Anna Kowalczyk"]
