"""Casualty counts by what befell those counted (qa.casualties)."""

from __future__ import annotations

import pytest

from index.sentences import Sentence
from qa.casualties import asked_fate, counts_others, fate_counts, nearest_fate, of_another_year
from tests.conftest import FakeEmbedder

TOLL = "Indeci said 611 people had been injured, after the quake killed at least 143 people."


def _counts_others(fate: str, sentence: str, number: str) -> bool:
    start = sentence.index(number)
    return counts_others(fate, Sentence(0, sentence, 0, len(sentence)), start, start + len(number))


@pytest.mark.parametrize(
    ("question", "fate"),
    [
        ("How many people died?", "dead"),
        ("What was the death toll?", "dead"),
        ("How many were injured?", "hurt"),
        ("How many people are still missing?", "missing"),
        ("How many residents were evacuated?", "moved"),
        ("How many miners were brought out alive?", "alive"),
        ("How many survived?", "alive"),
        ("how many miners rescued alive", "alive"),
        ("How many were killed or injured?", None),  # both
        ("Who died?", None),  # no count
        ("How many homes were destroyed?", None),
    ],
)
def test_the_fate_a_count_asks_about(question: str, fate: str | None) -> None:
    assert asked_fate(question) == fate


def test_a_count_of_the_injured_is_no_count_of_the_dead() -> None:
    assert _counts_others("dead", TOLL, "611")
    assert not _counts_others("hurt", TOLL, "611")
    # "killing at least 143 people": the fate before the number counts too.
    assert not _counts_others("dead", TOLL, "143")
    assert _counts_others("hurt", TOLL, "143")
    # A number with no fate beside it is left to the reader.
    assert not _counts_others("dead", "About 3,000 people live in the town.", "3,000")


MINE = (
    "Rescuers on Wednesday pulled the last of 14 surviving miners from a collapsed coal mine, "
    "but four others were confirmed dead and three remained missing."
)


def test_the_survivors_are_counted_apart_from_the_dead_and_the_missing() -> None:
    assert _counts_others("alive", MINE, "four")
    assert not _counts_others("alive", MINE, "14")
    assert _counts_others("dead", MINE, "14")
    assert _counts_others("missing", MINE, "14")
    assert not _counts_others("missing", MINE, "three")


def test_the_death_toll_of_an_event_is_asked_as_how_many_died_in_it() -> None:
    from qa.casualties import as_count_of_dead

    assert as_count_of_dead("ferry capsize death toll") == "How many died in the ferry capsize?"
    assert as_count_of_dead("What is the Dam release death toll?") == (
        "How many died in the dam release?"
    )
    assert as_count_of_dead("What was the death toll of the earthquake?") == (
        "How many died in the earthquake?"
    )
    # No event named: left to the reader as asked.
    assert as_count_of_dead("What is the death toll so far?") is None
    assert as_count_of_dead("How many died?") is None


def test_a_keyword_death_toll_is_answered_with_the_count() -> None:
    from qa.bot import ArticleQA

    text = (
        "Divers recovered two more bodies off Port Averill on Monday, raising the death "
        "toll from last Wednesday's capsizing of the passenger ferry Marisol Queen to 17, "
        "the coastguard said.\n"
        "Of the 286 passengers and 19 crew on board, 261 were rescued.\n"
        "In 1998 the Nordlys sank in a storm nearby and 41 people died.\n"
    )
    bot = ArticleQA.from_text(text)  # the real reader read the toll's clause as a phrase
    assert bot.ask("ferry capsize death toll").text == "17"


def _sentence(text: str) -> Sentence:
    return Sentence(0, text, 100, 100 + len(text))  # offsets in an article, not from 0


DERAILED = (
    "A passenger train carrying 412 people derailed near Harlow Bridge on Thursday, "
    "killing 9 people and injuring 87, officials said."
)


def test_the_fate_named_nearest_a_count_is_its_own() -> None:
    sentence = _sentence(DERAILED)
    at = {number: 100 + DERAILED.index(number) for number in ("412", "9 ", "87")}
    assert nearest_fate(sentence, at["412"], at["412"] + 3) is None
    assert nearest_fate(sentence, at["9 "], at["9 "] + 1) == "dead"  # "killing" before
    assert nearest_fate(sentence, at["87"], at["87"] + 2) == "hurt"


@pytest.mark.parametrize(
    ("text", "fate", "counts"),
    [
        (DERAILED, "dead", ["9 people"]),
        (DERAILED, "hurt", ["87"]),
        (
            "A magnitude 6.8 earthquake struck on Sunday, killing at least 142 people and "
            "injuring more than 900.",
            "hurt",
            ["more than 900"],
        ),
        ("Three soldiers were killed and 12 wounded.", "dead", ["Three soldiers"]),
        # A magnitude is no count, and a part of the dead is not the toll.
        ("A magnitude 6.2 earthquake struck.", "dead", []),
        ("At least 61 of the dead were from her village of about 1,800 people.", "dead", []),
    ],
)
def test_the_counts_of_a_fate_with_their_words(text: str, fate: str, counts: list[str]) -> None:
    sentence = _sentence(text)
    found = fate_counts(fate, sentence)
    assert [text[start - 100 : end - 100] for start, end in found] == counts


def test_a_sentence_opening_with_a_year_not_asked_tells_of_another_event() -> None:
    earlier = _sentence("In 1987, a magnitude 6.2 earthquake killed 210 people in the region.")
    assert of_another_year("How many people died?", earlier)
    assert not of_another_year("How many people died in 1987?", earlier)
    assert not of_another_year("How many people died?", _sentence(DERAILED))


def test_a_count_read_beside_the_asked_fate_is_replaced_by_the_fates_own() -> None:
    from qa.reading import ReadSpan, _counting_the_fate

    sentence = _sentence(DERAILED)

    def span(number: str) -> ReadSpan:
        start = 100 + DERAILED.index(number)
        return ReadSpan(number, start, start + len(number), 0, 5.0)

    assert _counting_the_fate(span("412"), "dead", sentence).text == "9 people"
    assert _counting_the_fate(span("87"), "dead", sentence).text == "9 people"
    assert _counting_the_fate(span("87"), "hurt", sentence) == span("87")
    # Two counts of the dead in one sentence: no telling which, so another fate's is
    # dropped and a count of no fate kept.
    two = _sentence("Of 40 passengers, 3 were killed on Monday and 2 died later, and 9 were hurt.")
    start = 100 + two.text.index("9 ")
    assert _counting_the_fate(ReadSpan("9", start, start + 1, 0, 5.0), "dead", two) is None
    start = 100 + two.text.index("40")
    assert _counting_the_fate(ReadSpan("40", start, start + 2, 0, 5.0), "dead", two).text == "40"


def test_retrieval_ranks_up_the_sentences_counting_the_asked_fate(
    fake_embedder: FakeEmbedder,
) -> None:
    from qa import ArticleQA

    text = (
        "The government said about 14,000 people had been left homeless.\n"
        "In 1987, an earthquake killed 210 people in the same region.\n"
        "A magnitude 6.8 earthquake struck on Sunday, killing at least 142 people.\n"
        "Rescuers worked through the night.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    scores = bot.retriever.fate_scores("How many people died?")
    assert list(scores) == [0.0, 0.0, 1.0, 0.0]  # not the earlier quake's toll
    assert list(bot.retriever.fate_scores("How many people died in 1987?")) == [0, 1, 1, 0]
    assert not bot.retriever.fate_scores("What happened on Sunday?").any()
    ranked = bot.retriever.rank("How many people died?").candidates
    assert ranked[0].fate == 1.0 and ranked[0].position == 2
