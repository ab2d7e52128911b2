"""A clause recalling an earlier event answers about it (qa.recalled_events), and the
reader's spans there are no answer about the story (qa.reading)."""

from __future__ import annotations

from index.sentences import Sentence
from qa.reading import ReadSpan, _about_the_story
from qa.recalled_events import recalls_earlier_event

TEXT = (
    "A magnitude 7.2 earthquake struck southern Peru on Tuesday, killing at least 143 people. "
    "Tuesday's disaster is the deadliest earthquake in Peru since 2007, when a magnitude "
    "8.0 quake near Pisco killed more than 500 people."
)
FIRST_END = TEXT.index(" Tuesday's")
SENTENCES = [
    Sentence(0, TEXT[:FIRST_END], 0, FIRST_END),
    Sentence(1, TEXT[FIRST_END + 1 :], FIRST_END + 1, len(TEXT)),
]


def _span(text: str, position: int, margin: float = 5.0) -> ReadSpan:
    start = TEXT.index(text)
    return ReadSpan(text, start, start + len(text), position, margin)


def test_a_span_in_a_clause_recalling_an_earlier_year_is_about_that_year() -> None:
    asked = "What was the magnitude of Tuesday's earthquake?"
    assert recalls_earlier_event(asked, SENTENCES[1], TEXT.index("8.0"))
    assert not recalls_earlier_event(asked, SENTENCES[0], TEXT.index("7.2"))
    # The year itself is the story's comparison, and a question naming it asks about it.
    assert not recalls_earlier_event(asked, SENTENCES[1], TEXT.index("2007"))
    assert not recalls_earlier_event(
        "How many people died in the 2007 quake?", SENTENCES[1], TEXT.index("more than 500")
    )
    # "In 1998, when ..." is not a comparison: reference text tells its own story so.
    told = Sentence(0, "In 1998, when Wimbledon asked to move, the league agreed.", 0, 57)
    assert not recalls_earlier_event("Who asked to move?", told, told.text.index("Wimbledon"))


def test_the_spans_about_the_story_are_kept() -> None:
    spans = [_span("8.0", 1, 9.3), _span("7.2", 0, 8.3), _span("2007", 1, -4.0)]
    kept = _about_the_story(spans, "What was the magnitude of the earthquake?", SENTENCES)
    assert [span.text for span in kept] == ["7.2", "2007"]


def test_a_year_the_talk_named_is_asked_about() -> None:
    # "What else was destroyed?" after "When was the region last hit ...?" / "2007".
    spans = [_span("more than 500", 1, 3.0)]
    assert _about_the_story(spans, "How many were killed?", SENTENCES) == []
    kept = _about_the_story(spans, "How many were killed?", SENTENCES, talk="When? 2007")
    assert kept == spans


def test_the_last_one_of_its_kind_dated_is_an_earlier_event() -> None:
    text = "The last major cholera outbreak in the country, in 2017, killed 114 people."
    sentence = Sentence(0, text, 0, len(text))
    assert recalls_earlier_event("How many has the outbreak killed?", sentence, text.index("114"))
    assert not recalls_earlier_event(
        "How many did the 2017 outbreak kill?", sentence, text.index("114")
    )


def test_the_recalled_events_date_answers_only_when_an_earlier_time_is_asked() -> None:
    year = TEXT.index("2007")
    # The story's own event: its date is not the one recalled.
    assert recalls_earlier_event("When did the earthquake strike Peru?", SENTENCES[1], year)
    assert recalls_earlier_event("In what year did the quake happen?", SENTENCES[1], year)
    # An earlier time asked, or no when: the recalled date answers.
    assert not recalls_earlier_event(
        "When did Peru last suffer a deadlier quake?", SENTENCES[1], year
    )
    assert not recalls_earlier_event("When was the previous deadly quake?", SENTENCES[1], year)
    assert not recalls_earlier_event("Which year had a deadlier quake?", SENTENCES[1], year)


def test_the_date_since_which_a_state_holds_answers_when_it_began() -> None:
    text = (
        "A separatist movement has been active in Manipur since 1964, when the front was founded."
    )
    sentence = Sentence(0, text, 0, len(text))
    year = text.index("1964")
    assert not recalls_earlier_event("When did the separatist movement begin?", sentence, year)


def test_a_clause_the_question_asks_of_is_no_other_story() -> None:
    text = (
        "The site had been guarded since 2021, when investigators discovered that looters "
        "had removed at least 40 amphorae."
    )
    sentence = Sentence(0, text, 0, len(text))
    at = text.index("at least 40")
    assert not recalls_earlier_event("How many amphorae had looters removed?", sentence, at)
    assert recalls_earlier_event("How many amphorae were raised?", sentence, at)


def test_the_last_one_described_at_length_is_an_earlier_event_asked_of_by_last() -> None:
    text = (
        "Ardenza's last major earthquake, a magnitude 5.8 quake in 1976, killed 12 people "
        "and prompted a building code."
    )
    sentence = Sentence(0, text, 0, len(text))
    at = text.index("12")
    assert recalls_earlier_event("How many people were killed in the earthquake?", sentence, at)
    assert not recalls_earlier_event("How many died in the last major earthquake?", sentence, at)
    # Its year answers when the last one was, not when the story's was.
    year = text.index("1976")
    assert recalls_earlier_event("When did the Ardenza earthquake happen?", sentence, year)
    assert not recalls_earlier_event("When was the last major earthquake?", sentence, year)
    # "last year" is the story's own time.
    told = "Sales rose last year, and in 2024 they reached 40 million."
    own = Sentence(0, told, 0, len(told))
    assert not recalls_earlier_event("How much did sales reach?", own, told.index("40"))


def test_the_last_of_the_storys_own_is_no_earlier_event() -> None:
    text = "Each was automated in the late twentieth century, Skerrowan being the last in 1998."
    sentence = Sentence(0, text, 0, len(text))
    assert not recalls_earlier_event("When was Skerrowan automated?", sentence, text.index("1998"))


def test_an_earlier_event_named_by_its_kind_and_month_is_recalled() -> None:
    text = (
        "It would be the costliest event since the surge of February 2009, when water rose "
        "2.8 metres and insured losses reached 190 million euros."
    )
    told = Sentence(0, text, 0, len(text))
    asked = "What are the estimated insured losses from Storm Ingrid?"
    assert recalls_earlier_event(asked, told, text.index("190 million"))
    assert not recalls_earlier_event(
        "What were the insured losses in 2009?", told, text.index("190 million")
    )
