"""The timeline of dated events: calendar order, each linked to the sentence stating it."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.dates import summarize, timeline


def test_bundled_article_timeline(bundled_text: str) -> None:
    events = timeline(split_sentences(bundled_text))
    assert [(e.label, e.position) for e in events] == [("November 19", 8), ("November 23", 12)]
    assert "strike on a Hamas training camp in the Ain al-Hilweh" in events[0].summary
    assert events[1].summary.startswith("The IDF confirmed another air strike in Beirut")
    assert "November 23" in events[1].sentence


def test_events_sort_by_date_not_by_position() -> None:
    text = (
        "On March 9 the bridge reopened.\n"
        "Work had started on 2 February, when engineers closed the road to all traffic.\n"
        "Nobody was hurt.\n"
    )
    events = timeline(split_sentences(text))
    assert [(e.month, e.day, e.position) for e in events] == [(2, 2, 1), (3, 9, 0)]
    assert events[0].summary == "Engineers closed the road to all traffic."


def test_a_sentence_with_two_dates_gives_two_events() -> None:
    events = timeline(split_sentences("Talks ran from May 4 to May 6 in Geneva.\n"))
    assert [e.label for e in events] == ["May 4", "May 6"]
    assert {e.position for e in events} == {0}


def test_no_dates_no_events() -> None:
    assert timeline(split_sentences("The ferry left Oban at noon.\n")) == []


def test_summary_falls_back_to_the_sentence_and_stays_short() -> None:
    assert summarize("The talks ended on November 30.") == "The talks ended on November 30."
    long = "On May 1, " + " ".join(f"word{i}" for i in range(40)) + "."
    summary = summarize(long)
    assert summary.endswith("…") and len(summary.split()) <= 25


def test_an_event_told_in_the_dates_own_clause_keeps_its_sentence() -> None:
    # "founded" is the event of 1998; what follows the clause is another one.
    sentence = "Veltrix, founded in 1998 in Taipei, had revenue of $11.3 billion last year."
    assert summarize(sentence, "1998") == sentence
    # Linked ("..., when ...") or after little but the date, what follows is the event.
    assert summarize("The work had started on October 13, when a lorry struck the pier.") == (
        "A lorry struck the pier."
    )
    assert summarize("Just days later, on November 23, the IDF confirmed a strike.") == (
        "The IDF confirmed a strike."
    )
