"""Answers are completed to the partner of a lone quotation mark beside them, or lose a
lone mark at their edge; apostrophes are not quotes."""

from __future__ import annotations

import pytest

from index.sentences import Sentence
from qa.answer_length import fit_answer
from qa.quotes import balance_quotes
from qa.reading import ReadSpan

LEAD = "Talks were held in Ras EnNakoura. "  # offsets in the article are not 0-based


def _answer(text: str, phrase: str) -> str:
    """balance_quotes of `phrase` in a sentence `text` (second in its article), checked
    to stay a true slice of the article."""
    article = LEAD + text
    sentence = Sentence(1, text, len(LEAD), len(article))
    start = article.index(phrase, sentence.start)
    span = ReadSpan(phrase, start, start + len(phrase), 1, margin=1.0)
    balanced = balance_quotes(span, sentence)
    assert article[balanced.start : balanced.end] == balanced.text
    assert sentence.start <= balanced.start <= balanced.end <= sentence.end
    return balanced.text


BUILDING = (
    "According to the Israeli press office, the target was a building believed to house "
    "the ‘chief of staff of Hezbollah,’ a high-ranking official."
)
ELEMENTS = "The IDF stated that the operation targeted ‘radical elements’ linked to Hamas."


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # An opening mark whose partner is beside the span's end (a comma between).
        (
            BUILDING,
            "a building believed to house the ‘chief of staff of Hezbollah",
            "a building believed to house the ‘chief of staff of Hezbollah,’",
        ),
        (ELEMENTS, "‘radical elements", "‘radical elements’"),
        # A closing mark whose partner is just before the span.
        (ELEMENTS, "radical elements’", "‘radical elements’"),
        # Partner too far away: the lone mark is left out instead.
        (ELEMENTS, "‘radical", "radical"),
        # A lone mark inside the span stays: its partner is words away.
        (ELEMENTS, "elements’ linked to Hamas", "elements’ linked to Hamas"),
        # Curly double quotes and straight ones.
        ("He called it “a breakthrough” today.", "“a breakthrough", "“a breakthrough”"),
        ('He called it "a breakthrough" today.', '"a breakthrough', '"a breakthrough"'),
        ('He called it "a breakthrough" today.', 'a breakthrough"', '"a breakthrough"'),
        ('He called it "a real breakthrough" today.', '"a real', "a real"),
    ],
)
def test_half_pairs_are_completed_or_left_out(text: str, phrase: str, expected: str) -> None:
    assert _answer(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # Apostrophes between letters are not quotation marks.
        ("It is Hezbollah’s armed presence that worries them.", "Hezbollah’s armed presence"),
        ("It is the Iran-backed Shi’ite militia.", "Iran-backed Shi’ite militia"),
        # Whole pairs, and no marks at all, are left as they are.
        (ELEMENTS, "‘radical elements’ linked to Hamas"),
        (BUILDING, "a building"),
    ],
)
def test_balanced_spans_are_unchanged(text: str, phrase: str) -> None:
    assert _answer(text, phrase) == phrase


def test_fit_answer_balances_every_kind_of_question() -> None:
    """A factoid (no widening) gets whole quotes too: the answer users see."""
    article = LEAD + BUILDING
    sentence = Sentence(1, BUILDING, len(LEAD), len(article))
    phrase = "the ‘chief of staff of Hezbollah"
    start = article.index(phrase)
    span = ReadSpan(phrase, start, start + len(phrase), 1, margin=1.0)
    fitted = fit_answer("Who lives in the building?", span, sentence)
    assert fitted.text == "the ‘chief of staff of Hezbollah,’"
    assert (fitted.start, fitted.end) == (start, start + len(fitted.text))
