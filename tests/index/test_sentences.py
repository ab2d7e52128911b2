from __future__ import annotations

from index.sentences import split_sentences


def test_bundled_article_gives_exactly_its_lines(bundled_text: str) -> None:
    lines = [line for line in bundled_text.splitlines() if line.strip()]
    sentences = split_sentences(bundled_text)
    assert [s.text for s in sentences] == lines
    assert len(sentences) == 21
    assert [s.position for s in sentences] == list(range(21))


def test_offsets_point_at_the_text() -> None:
    text = "  First one.\n\nSecond, with “curly quotes.” Third?  \n"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_abbreviations_do_not_end_sentences() -> None:
    text = "The U.S. envoy met Mr. Smith on Nov. 23 in Beirut. Talks resumed later."
    assert [s.text for s in split_sentences(text)] == [
        "The U.S. envoy met Mr. Smith on Nov. 23 in Beirut.",
        "Talks resumed later.",
    ]


def test_curly_quotes_stay_with_their_sentence() -> None:
    text = "He said ‘radical elements’ were hit. “It is over,” she said. Done."
    texts = [s.text for s in split_sentences(text)]
    assert texts[0] == "He said ‘radical elements’ were hit."
    assert texts[-1] == "Done."
    assert len(texts) == 3


def test_blank_lines_and_trailing_whitespace() -> None:
    text = "\n\n  Headline of the day\n\nBody sentence one.   \n\n\nBody two.\t \n\n"
    assert [s.text for s in split_sentences(text)] == [
        "Headline of the day",
        "Body sentence one.",
        "Body two.",
    ]


def test_hard_wrapped_lines_join_into_one_sentence() -> None:
    text = "A sentence that was wrapped\nacross two lines. Another one."
    texts = [s.text for s in split_sentences(text)]
    assert texts == ["A sentence that was wrapped\nacross two lines.", "Another one."]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []
