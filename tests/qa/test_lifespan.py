"""One end of a life's span (qa.lifespan)."""

from __future__ import annotations

import pytest

from qa.lifespan import from_the_life, life_told, one_end
from qa.reading import ReadSpan


def _span(text: str, start: int = 100) -> ReadSpan:
    return ReadSpan(text, start, start + len(text), 0, 0.0)


@pytest.mark.parametrize(
    ("question", "text", "answer"),
    [
        ("When was Henrike Salvay born?", "12 March 1831 – 4 November 1902", "12 March 1831"),
        ("When did she die?", "12 March 1831 – 4 November 1902", "4 November 1902"),
        ("What year did he pass away?", "1831–1902", "1902"),
        ("What is her date of birth?", "c. 1050 - 1098", "c. 1050"),
        # Neither end asked, both, or no life's span: as read.
        ("When did she live?", "1831–1902", "1831–1902"),
        ("When was she born and when did she die?", "1831–1902", "1831–1902"),
        ("When was she born?", "12 March 1831", "12 March 1831"),
        (
            "When was the Kessel-Brandt works born?",
            "the Kessel-Brandt works",
            "the Kessel-Brandt works",
        ),
    ],
)
def test_the_end_of_a_lifes_span_asked_for(question: str, text: str, answer: str) -> None:
    fitted = one_end(question, _span(text))
    assert fitted.text == answer
    assert fitted.end - fitted.start == len(answer)
    assert text[fitted.start - 100 : fitted.end - 100] == answer  # offsets follow the text


_BIOGRAPHY = [
    "Thomas Kerrigan Baird (14 March 1811 – 2 November 1879) was a Scottish engineer.",
    "He was born in Arbroath, the son of a carpenter.",
    "The board named a tender, the MV Thomas Baird, after him in 1984.",
]


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("When was Thomas Baird born?", 0),  # the name in the brackets has more words
        ("When did Baird die?", 0),
        ("What year did Thomas Kerrigan Baird pass away?", 0),
        # No one named, someone else, or someone's.
        ("When was he born?", None),
        ("When did Robert Gilmour die?", None),
        ("When was Baird's wife born?", None),
        # Neither end of the life asked.
        ("When did Baird build the tender?", None),
    ],
)
def test_the_sentence_bracketing_a_named_life(question: str, told: int | None) -> None:
    assert life_told(question, _BIOGRAPHY) == told


def test_a_life_asked_is_read_from_its_brackets_where_the_reader_reads_them() -> None:
    brackets = ReadSpan("14 March 1811 – 2 November 1879", 23, 54, 0, 2.0)
    tender = ReadSpan("1984", 300, 304, 2, 9.0)
    assert from_the_life([tender, brackets], 0) == [brackets]
    assert from_the_life([tender, brackets], None) == [tender, brackets]
    doubted = ReadSpan("14 March 1811", 23, 36, 0, -1.0)  # no answer, by the reader
    assert from_the_life([tender, doubted], 0) == [tender, doubted]
