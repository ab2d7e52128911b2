"""The real models on the bundled article: a question typed as people type it ranks and
reads as its clean form does (qa.question_form, qa.spelling). Whether the answer is
*found* is the calibration's call; the sentence and the span are compared here."""

from __future__ import annotations

import pytest

from qa.bot import ArticleQA

pytestmark = pytest.mark.slow


def _outcome(bot: ArticleQA, question: str) -> tuple[int, str | None, list[tuple]]:
    """The first ranked sentence, the reader's span, and the cited evidence."""
    analysis = bot.inspect(question)
    answer = bot.ask(question)
    cited = [(e.position, e.answer_start, e.answer_end) for e in answer.evidence]
    return analysis.ranking.candidates[0].position, getattr(analysis.span, "text", None), cited


@pytest.mark.parametrize(
    "typed",
    [
        "what was targeted on nov. 23",
        "What was targeted on Nov. 23?",
        "What was targeted on November 23",
        "what was targeted on 11/23",
        "What was targeted on 23/11?",
    ],
)
def test_a_date_typed_any_way_gets_the_clean_questions_answer(
    bundled_bot: ArticleQA, typed: str
) -> None:
    clean = "What was targeted on November 23?"
    assert bundled_bot.read(typed).question == clean
    expected = _outcome(bundled_bot, clean)
    assert expected[0] == 13 and expected[1] and "chief of staff" in expected[1]
    assert _outcome(bundled_bot, typed) == expected


def test_typos_rank_the_clean_questions_sentences_first(bundled_bot: ArticleQA) -> None:
    def ranked(question: str) -> list[int]:
        return [c.position for c in bundled_bot.inspect(question).ranking.candidates[:3]]

    # As typed, "contry" and "hezbolah" match nothing and the third sentence drifts;
    # "Hezbollah" is mended from the article, "contry" from the English word list.
    assert (
        bundled_bot.read("which contry backs hezbolah").question == "Which country backs Hezbollah?"
    )
    assert ranked("which contry backs hezbolah") == ranked("Which country backs Hezbollah?")


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        (
            "how do israeli oficials see hezbollahs armed presence",
            "How do Israeli officials see Hezbollah's armed presence?",
        ),
        (
            "where did the nov 23rd air strike take place",
            "Where did the November 23 air strike take place?",
        ),
    ],
)
def test_typed_and_clean_read_alike(bundled_bot: ArticleQA, typed: str, clean: str) -> None:
    # The apostrophe as the article writes it ("Hezbollah’s"), typed or not.
    assert bundled_bot.read(typed).question == clean.replace("'", "’")
    assert bundled_bot.read(clean).question == clean.replace("'", "’")
    assert _outcome(bundled_bot, typed) == _outcome(bundled_bot, clean)


@pytest.mark.parametrize(
    ("query", "whole"),
    [
        # As typed the reader took one word ("neutral") or the whole apposition.
        ("talks location", "neutral location along the disputed border"),
        ("chief of staff responsibilities", "military modernization"),
        # As typed: "hearing explosions".
        ("any casualties?", "no immediate casualties"),
    ],
)
def test_a_keyword_query_gets_the_answer_its_question_gets(
    bundled_bot: ArticleQA, query: str, whole: str
) -> None:
    analysis = bundled_bot.inspect(query)
    assert analysis.reading.reader_question.startswith(("What is the ", "Were there any "))
    assert analysis.span is not None and analysis.span.text.rstrip(".") in (
        whole,
        f"a {whole}",
        f"the group’s {whole}",
    )


def test_an_opening_as_likely_who_as_how_is_asked_both_ways(bundled_bot: ArticleQA) -> None:
    # "ho": "who" or "how" with a letter dropped, and "do" goes with both. Read as typed,
    # the reader gave a shorter span at 0.42; asked both ways, the "how" question's
    # answer is the one the article supports best, and the clean question's.
    typed = "ho do Israeli officials see Hezbollah’s armed presence"
    clean = "How do Israeli officials see Hezbollah’s armed presence?"
    assert bundled_bot.words.openings(bundled_bot.words.clean(typed)) == [
        "Who do Israeli officials see Hezbollah’s armed presence?",
        clean,
    ]
    answer, expected = bundled_bot.ask(typed), bundled_bot.ask(clean)
    assert answer.found and answer.text == expected.text
    assert answer.score == expected.score
