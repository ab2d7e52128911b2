"""Yes or no, where a question asks for one (qa.polar)."""

from __future__ import annotations

from index.sentences import split_sentences
from qa.polar import NO, YES, asks_yes_or_no, verdict
from qa.reading import ReadSpan

ARTICLE = (
    "The union said it would comply with the court order. "
    "The ministry stopped short of offering public money, but it named a mediator. "
    "The company denied the report. "
    "Salgado declined to blame the red card. "
    "Witnesses heard explosions, though no immediate casualties were confirmed. "
    "The engine failed over the sea. "
    "The fire killed 87 people. "
    "There is only a faint red light from the LED. "
    "If a player does not meet the rules, the club may appeal. "
    "A memorial service was held on March 20, attended by 3,000 people, including Quist. "
    "Ostrowski was one of the three members who voted against approval."
)
SENTENCES = split_sentences(ARTICLE)


def _verdict(question: str, position: int, text: str) -> str | None:
    sentence = SENTENCES[position]
    start = sentence.start + sentence.text.index(text)
    return verdict(question, ReadSpan(text, start, start + len(text), position, 1.0), sentence)


def test_a_question_opening_with_an_auxiliary_asks_yes_or_no() -> None:
    assert asks_yes_or_no("Did the union say it would comply?")
    assert asks_yes_or_no("was the psalter stolen before")
    assert asks_yes_or_no("And will the museum reopen when the work ends?")
    assert not asks_yes_or_no("Was it early or late?")  # which of two
    assert not asks_yes_or_no("Can you tell me who the referee was?")  # a request
    assert not asks_yes_or_no("Does the article say who won?")  # asks who
    assert not asks_yes_or_no("Didn't he resign?")  # a yes there is ambiguous
    assert not asks_yes_or_no("Who won the cup?")


def test_the_clause_says_yes_or_no_by_a_negation_the_question_lacks() -> None:
    assert _verdict("Did the union say it would comply?", 0, "said it would comply") == YES
    offered = "stopped short of offering public money"
    assert _verdict("Did the ministry offer public money?", 1, offered) == NO
    # A negation in another clause of the sentence says nothing of this one.
    assert _verdict("Did the ministry name a mediator?", 1, "named a mediator") == YES
    assert _verdict("Did the company deny the report?", 2, "denied the report") == YES
    assert _verdict("Did Salgado blame the red card?", 3, "the red card") == NO
    assert _verdict("Were any casualties confirmed?", 4, "confirmed") == NO
    assert _verdict("Did the engine fail?", 5, "failed over the sea") == YES
    assert _verdict("Could the club appeal?", 8, "may appeal") == YES


def test_no_verdict_where_the_question_asks_none_or_the_clause_cannot_say() -> None:
    assert _verdict("Did more than 100 people die?", 6, "87 people") is None
    assert _verdict("Who said it would comply?", 0, "The union") is None
    # The sentence does not say what was asked ("strong"): no yes or no in it.
    assert _verdict("Is the light from the LED strong?", 7, "a faint red light") is None


def test_a_name_is_used_where_any_word_of_it_is() -> None:
    asked = "Did Transport Minister Amara Quist attend the memorial service?"
    assert _verdict(asked, 9, "including Quist") == YES
    # Not where none of the name's words is written.
    assert _verdict("Did Minister Amara Okafor attend the memorial service?", 9, "Quist") is None


def test_voting_against_is_no_vote_in_favour() -> None:
    against = "voted against approval"
    assert _verdict("Did Ostrowski vote in favour of approval?", 10, against) == NO
    assert _verdict("Did Ostrowski vote against approval?", 10, against) == YES


def test_an_answer_denying_the_asked_word_says_no_in_other_words() -> None:
    # The sentence lacks "defeat" (so restates nothing), but the answer denies blaming.
    blamed = "Salgado declined to blame the red card"
    assert _verdict("Did Salgado blame the red card for the defeat?", 3, blamed) == NO
    # Nothing denied in other words is no yes: the clause is given as read.
    assert (
        _verdict("Did the engine fail above the clouds at noon?", 5, "failed over the sea") is None
    )
    # A negation far from the asked words denies none of them.
    assert _verdict("Did the sea matter to the light?", 7, "only a faint red light") is None


def test_a_compound_opened_by_no_negates_nothing() -> None:
    sentences = split_sentences("Marchetti had survived an earlier no-confidence motion in March.")
    span_text = "Marchetti had survived an earlier no-confidence motion"
    span = ReadSpan(span_text, 0, len(span_text), 0, 1.0)
    question = "Had Marchetti faced a no-confidence motion before?"
    assert verdict(question, span, sentences[0]) == YES


def test_a_denial_in_other_words_is_of_the_asked_words_not_a_name_or_a_negated_question() -> None:
    sentences = split_sentences(
        "Two of them did not take part in the inaugural Premier League season."
    )
    text = "did not take part in the inaugural Premier League season"
    start = sentences[0].text.index(text)
    span = ReadSpan(text, start, start + len(text), 0, 1.0)
    asked = "Did many new teams in the Premier League have any difficulties in their first year?"
    assert verdict(asked, span, sentences[0]) is None
    sentences = split_sentences("Digimon do not die under normal circumstances.")
    text = "do not die under normal circumstances"
    span = ReadSpan(text, 8, 8 + len(text), 0, 1.0)
    assert (
        verdict("Is there a case in which a digimon cannot die early?", span, sentences[0]) is None
    )
