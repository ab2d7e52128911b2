"""An actor named in a hyphenated compound ("the Iran-backed militia") answers "Who backs
...?", and the name the compound describes "Which militia is backed by Iran?"
(qa.hyphen_agent); ArticleQA answers with them where the question asks so."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.hyphen_agent import agent, asked_action, asked_thing, described
from tests.conftest import FakeEmbedder

MILITIA = (
    "The talks covered the disarmament of Hezbollah, the Iran-backed Shi'ite militia "
    "that has long fought Israel."
)
NEWS = (
    "The Saudi-led coalition struck the port on Monday. "
    "The US-brokered ceasefire held until noon. "
    "The state-run broadcaster said nothing."
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which country backs Hezbollah?", ("back", "Hezbollah")),
        ("who backs hezbollah", ("back", "hezbollah")),
        ("what country backs hezbollah", ("back", "hezbollah")),
        ("What group leads the coalition?", ("lead", "the coalition")),
        ("Name the country that backs Hezbollah.", ("back", "Hezbollah")),
        ("identify the Arab country which backs the rebels", ("back", "the rebels")),
        ("Which Arab country backs the rebels?", ("back", "the rebels")),
        ("What did the discussions focus on?", None),
        ("Who is Hezbollah backed by?", ("back", "Hezbollah")),
        ("By whom is the coalition led?", ("lead", "the coalition")),
        # The doer asked for where a clause would name it.
        ("By which country is Hezbollah backed?", ("back", "Hezbollah")),
        ("Hezbollah is backed by which country?", ("back", "Hezbollah")),
        ("hezbollah is backed by who", ("back", "hezbollah")),
        ("What was founded by which king?", None),
        ("Who led the coalition?", ("lead", "the coalition")),
        ("Who is the president?", None),
        ("Who called the talks a breakthrough?", None),
        # The progressive, as typed ("who's" is read as "who is" before this).
        ("Who is backing Hezbollah?", ("back", "Hezbollah")),
        ("which group was running the camp", ("run", "the camp")),
        ("Who is making the decision?", ("make", "the decision")),
        ("Who is being blamed?", None),
    ],
)
def test_a_question_asking_who_does_something_to_a_thing(
    question: str, asked: tuple[str, str] | None
) -> None:
    assert asked_action(question) == asked


@pytest.mark.parametrize(
    ("question", "sentence", "actor"),
    [
        ("Which country backs Hezbollah?", MILITIA, "Iran"),  # in the phrase beside it
        ("Who leads the coalition?", NEWS, "Saudi"),  # right before it, not "The"
        ("Who brokered the ceasefire?", NEWS, "US"),
    ],
)
def test_the_actor_is_the_compounds_named_part(question: str, sentence: str, actor: str) -> None:
    found = agent(question, sentence)
    assert found is not None and sentence[found[0] : found[1]] == actor


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Who runs the broadcaster?", NEWS),  # "state-run": no name
        ("Who struck the port?", NEWS),  # no compound of that verb
        ("Who backs Hamas?", MILITIA),  # the compound describes another thing
    ],
)
def test_no_actor_without_a_named_compound_describing_the_thing(
    question: str, sentence: str
) -> None:
    assert agent(question, sentence) is None


def test_ask_answers_with_the_actor_and_cites_its_sentence(fake_embedder: FakeEmbedder) -> None:
    text = f"Officials met in Beirut on Monday.\n{MILITIA}\nThe talks ended late.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    decision = bot.decide("Which country backs Hezbollah?")
    assert decision.candidate == "Iran"
    assert decision.answer.evidence[0].position == 1
    assert bot.decide("Who backs Hamas?").candidate != "Iran"
    assert bot.decide("hezbollah backed by?").candidate == "Iran"  # a keyword query
    assert bot.decide("hezbollah backed by who").candidate == "Iran"
    assert bot.decide("Hezbollah is backed by which country?").candidate == "Iran"


def test_only_a_compound_with_a_named_first_part_counts() -> None:
    from qa.hyphen_agent import has_named_compound

    assert has_named_compound(MILITIA) and has_named_compound("the US-brokered truce")
    assert not has_named_compound("the state-run broadcaster and a well-known site")


def test_a_follow_up_is_answered_as_spelled_out(fake_embedder: FakeEmbedder) -> None:
    text = f"Officials met in Beirut on Monday.\n{MILITIA}\nThe talks ended late.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    history = [
        {"role": "user", "content": "What is Hezbollah?"},
        {"role": "assistant", "content": "the Iran-backed Shi'ite militia"},
    ]
    answer = bot.ask("who backs it?", history)
    assert answer.text == "Iran" and answer.reading is not None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Which militia is backed by Iran?", ("back", "Iran")),
        # Requested: the reader gave "Shi'ite", confident.
        ("name the militia backed by Iran", ("back", "Iran")),
        ("Name the militia that is backed by Iran.", ("back", "Iran")),
        ("name the militia iran backs", ("back", "iran")),
        ("Name the militia that Iran backs.", ("back", "Iran")),
        ("What militia does Iran back?", ("back", "Iran")),
        ("who does iran back", ("back", "iran")),
        ("What group is Iran-backed?", ("back", "Iran")),
        ("what militia is iran backed", ("back", "iran")),
        ("What is the Iran-backed militia called?", ("back", "Iran")),
        ("Which coalition was led by Saudi Arabia?", ("lead", "Saudi Arabia")),
        ("Which country backs Hezbollah?", None),  # asks for the actor
        ("What did Israel do?", None),
        ("Who is the president?", None),
    ],
)
def test_a_question_asking_what_an_actor_does_something_to(
    question: str, asked: tuple[str, str] | None
) -> None:
    assert asked_thing(question) == asked


@pytest.mark.parametrize(
    ("question", "sentence", "name"),
    [
        ("Which militia is backed by Iran?", MILITIA, "Hezbollah"),  # the phrase beside it
        ("What government does the US back?", "The US-backed Kyiv government fell.", None),
        ("Who does the US back?", "He met the US-backed Ahmed Rashid, who spoke.", "Ahmed Rashid"),
        ("Which militia is backed by Iran?", NEWS, None),  # no compound of Iran
        ("Which coalition is backed by Iran?", "The Iran-led coalition, Axis, met.", None),
    ],
)
def test_the_name_the_compound_describes(question: str, sentence: str, name: str | None) -> None:
    found = described(question, sentence)
    assert (sentence[found[0] : found[1]] if found else None) == name


def test_ask_answers_with_the_name_and_cites_its_sentence(fake_embedder: FakeEmbedder) -> None:
    text = f"Officials met in Beirut on Monday.\n{MILITIA}\nThe talks ended late.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    decision = bot.decide("Which militia is backed by Iran?")
    assert decision.candidate == "Hezbollah"
    assert decision.answer.evidence[0].position == 1
    assert bot.decide("Which militia is backed by Syria?").candidate != "Hezbollah"
