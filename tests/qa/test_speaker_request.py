"""Who said what the last answer says (qa.speaker_request); no models here."""

from __future__ import annotations

import pytest

from qa.question_form import tidy
from qa.speaker_request import asks_speaker, named_speaker, speaker


@pytest.mark.parametrize(
    ("typed", "asks"),
    [
        ("Who said so?", True),
        ("who said that", True),
        ("According to whom?", True),
        ("says who", True),
        ("Which agency reported it?", True),
        ("Who said Israel struck Beirut?", False),  # a claim of its own, for the reader
        ("Who is he?", False),
    ],
)
def test_requests_for_who_said_it_are_recognised(typed: str, asks: bool) -> None:
    assert asks_speaker(tidy(typed)) is asks


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "According to the Israeli press office, the target was a building.",
            "the Israeli press office",
        ),
        (
            '"I fear the number will rise," said Carmen Villanueva, the head of operations.',
            "Carmen Villanueva",
        ),
        (
            "Government spokeswoman Lidia Venn said the army would halt air operations.",
            "Government spokeswoman Lidia Venn",
        ),
        (
            "Prosecutors opened an inquiry, a spokesman for the prosecutor's office said.",
            "a spokesman for the prosecutor's office",
        ),
        (
            "In a report, an NMSA inspector, Ewa Kowalczyk, warned that the supports were worn.",
            "Ewa Kowalczyk",
        ),
        ("But witnesses reported hearing explosions near a commercial district.", "witnesses"),
        (
            "That round is expected to start in April, although no date is set, Tamimi said.",
            "Tamimi",
        ),
    ],
)
def test_the_sentence_names_who_says_it(sentence: str, who: str) -> None:
    found = speaker(sentence)
    assert found is not None and sentence[found[0] : found[1]] == who


def test_a_pronoun_or_no_verb_of_saying_names_no_one() -> None:
    assert speaker("He said the collapse was caused by a rock burst.") is None
    assert speaker("The strike sparked condemnation from Lebanese authorities.") is None


def test_the_speaker_nearest_the_answer_is_taken() -> None:
    sentence = "Kadek said the talks would resume, while Orsic said the army would withdraw."
    near_the_end = speaker(sentence, sentence.index("the army"))
    assert near_the_end is not None and sentence[near_the_end[0] : near_the_end[1]] == "Orsic"
    at_the_start = speaker(sentence, sentence.index("the talks"))
    assert at_the_start is not None and sentence[at_the_start[0] : at_the_start[1]] == "Kadek"


def test_the_speaker_named_is_the_name_before_its_description() -> None:
    sentence = (
        "Dr. Mairi Lindqvist, a marine biologist at the Institute of Ocean Research in "
        "Bergen, said the institute's advice had been a cut of 30 percent."
    )
    found = named_speaker(sentence, sentence.index("30 percent"))
    assert found is not None and sentence[found[0] : found[1]] == "Dr. Mairi Lindqvist"
    plain = "Government spokeswoman Lidia Venn said the army would withdraw."
    assert named_speaker(plain) == speaker(plain)
    # A clause before "according to" is no name the source's description follows.
    reported = "Sales fell 18 percent last year, according to a report by ArtMetric."
    assert named_speaker(reported) == speaker(reported)
