"""A story of its own, asked with the real models: words shortened as chat shortens them
(qa.spelling) and a name the answering sentence calls by its kind (qa.called_by_kind)."""

from __future__ import annotations

import pytest

from qa.bot import ArticleQA

pytestmark = pytest.mark.slow

STORY = "\n".join(
    [
        "The regional medicines board approved the drug talvaprine on March 3, 2025.",
        "The drug was developed by Corvane Biologics, a small biotechnology company founded"
        " in 2009 and based in the port city of Hessle.",
        "Talvaprine slowed the loss of lung function in a trial of 410 patients.",
        "The company has set a list price of 52,000 euros per patient per year.",
        "Insurers said the price was too high and asked for a review.",
        "Mira Sollen, who founded Corvane in 2009, said the company would not lower it.",
        "The evacuation of the trial site was ordered at 6 a.m. after a chemical leak, and no"
        " one was hurt.",
        "The Transport Minister, Ewan Darrow, said the new rail link to Hessle would open in"
        " the autumn of 2027.",
        "If the rail link opens on time, exports could double, he said.",
    ]
)


@pytest.fixture(scope="module")
def bot() -> ArticleQA:
    return ArticleQA.from_text(STORY)


def test_a_word_shortened_gets_the_answer(bot: ArticleQA) -> None:
    # "evac" was mended into the English "eva", and the reader saw no answer (0.05).
    answer = bot.ask("when was the evac ordered")
    assert answer.found and answer.text == "6 a.m."


def test_a_name_the_sentence_calls_by_its_kind_gets_the_answer(bot: ArticleQA) -> None:
    answer = bot.ask("What price has Corvane Biologics set for the drug?")
    assert answer.found and "52,000 euros" in answer.text
    assert answer.evidence[0].position == 3  # "The company has set a list price ..."


def test_a_date_asked_is_answered_by_a_date(bot: ArticleQA) -> None:
    answer = bot.ask("When will the rail link to Hessle open?")
    assert answer.found and "2027" in answer.text
