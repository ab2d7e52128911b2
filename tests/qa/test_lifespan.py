"""One end of a life's span (qa.lifespan)."""

from __future__ import annotations

import pytest

from qa.lifespan import one_end
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
