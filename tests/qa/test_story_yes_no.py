"""A story of its own, asked with the real models: yes or no where a question asks it
(qa.polar), and who said something is not what was said (qa.not_the_speaker)."""

from __future__ import annotations

import pytest

from qa.bot import ArticleQA
from qa.evaluation import history_messages

pytestmark = pytest.mark.slow

STORY = "\n".join(
    [
        "A medieval manuscript stolen from the Wexmoor County Museum has been recovered.",
        "It was made by monks at Wexmoor Abbey in about 1270.",
        "Detective Inspector Samuel Okafor, who led the investigation, said the raid had"
        ' been "carefully planned".',
        "The manuscript was found in a lock-up garage in the coastal town of Sallow Bay.",
        'Okafor said the manuscript had been recovered "largely intact".',
        "The museum's director, Alan Greaves, said the manuscript would not go back on"
        " display until the spring.",
        "The union said it would comply with the court order.",
        "The ministry stopped short of offering public money to close the pay gap.",
        "The raid took place at night, and no one was injured.",
    ]
)


@pytest.fixture(scope="module")
def bot() -> ArticleQA:
    return ArticleQA.from_text(STORY)


def test_a_yes_or_no_question_is_answered_yes_or_no(bot: ArticleQA) -> None:
    said = bot.ask("Did the union say it would comply with the court order?")
    assert said.found and said.text == "Yes"
    offered = bot.ask("Did the ministry offer public money to close the pay gap?")
    assert offered.found and offered.text == "No"
    # The sentence is cited with the clause that says no marked.
    cited = offered.evidence[0]
    assert cited.position == 7 and cited.answer_start is not None
    assert "stopped short" in STORY[cited.answer_start : cited.answer_end]


def test_a_follow_up_after_yes_or_no_reads_the_marked_clause(bot: ArticleQA) -> None:
    history = history_messages(bot, ["Was anyone injured during the raid?"])
    assert history[1]["answer"].text == "No"
    when = bot.ask("When did that happen?", history)
    assert when.found and "at night" in when.text


def test_who_said_it_is_not_what_was_said(bot: ArticleQA) -> None:
    made = bot.ask("Who made the manuscript?")
    assert "Okafor" not in made.text
    # Asked about the speaker, the speaker is the answer.
    led = bot.ask("Who led the investigation?")
    assert led.found and "Okafor" in led.text
