"""Splitting stays linear on any shape of text, and no sentence outgrows its bound."""

from __future__ import annotations

import pytest

import index.sentences as sentences_module
from index.sentences import MAX_SENTENCE_CHARS, PYSBD_CHARS, split_sentences
from tests.growth import Step, assert_linear, cold
from tools.adversarial import SHAPES, _news_sentence

TEXT_SHAPES = {shape.name: shape.make for shape in SHAPES if shape.kind == "text"}
# Units of each shape for the smaller input (the larger is 4x): enough that splitting it
# takes tens of milliseconds, so that scheduling noise on a shared machine stays small.
UNITS = {
    "one-long-line": 128,
    "one-word-sentences": 1024,
    "date-dense": 128,
    "no-punctuation": 65536,
    "tiny-paragraphs": 8192,
    "right-to-left": 256,
    "combining-marks": 256,
}


def _pysbd(block: str) -> list[str]:
    return [piece.strip() for piece in sentences_module._segmenter().segment(block) if piece]


def _wrapped_paragraph(units: int) -> str:
    # Hard-wrapped lines that never end a sentence: one block, no sentence end at all.
    return "the talks went on and on\n" * units


@pytest.mark.parametrize("name", sorted(UNITS))
def test_splitting_four_times_the_text_takes_about_four_times_as_long(name: str) -> None:
    make = TEXT_SHAPES[name]

    def step(units: int) -> Step:
        text = make(units)
        return cold(lambda: split_sentences(text))

    assert_linear(step, UNITS[name])


def test_a_hard_wrapped_paragraph_splits_in_linear_time() -> None:
    def step(units: int) -> Step:
        text = _wrapped_paragraph(units)
        return lambda: split_sentences(text)

    assert_linear(step, 4000)


def _check_offsets(text: str) -> list[str]:
    found = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in found)
    assert [s.position for s in found] == list(range(len(found)))
    return [s.text for s in found]


def test_a_run_without_sentence_ends_is_cut_at_spaces() -> None:
    text = " ".join(f"word{i}" for i in range(1000))
    pieces = _check_offsets(text)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert " ".join(pieces) == text  # cut between words, never inside one


def test_a_run_without_spaces_is_cut_where_the_bound_falls() -> None:
    text = "x" * (2 * MAX_SENTENCE_CHARS + 500)
    assert [len(piece) for piece in _check_offsets(text)] == [
        MAX_SENTENCE_CHARS,
        MAX_SENTENCE_CHARS,
        500,
    ]


def test_splitting_with_a_limit_stops_one_sentence_past_it() -> None:
    text = "".join(f"Line {n} ends here.\n" for n in range(200))
    everything = split_sentences(text)
    assert len(everything) == 200
    assert split_sentences(text, limit=10) == everything[:11]


def test_a_paragraph_longer_than_pysbd_reads_keeps_its_sentences() -> None:
    # (Not ending in "on July 1.": pysbd reads " 1." as a numbered list, wherever it is.)
    written = [_news_sentence(i).replace(".", " again.") for i in range(120)]
    text = " ".join(written)
    assert len(text) > 3 * PYSBD_CHARS
    assert _check_offsets(text) == written


@pytest.mark.parametrize(
    "line",
    [
        "Lebanon and Israel: talks resume",
        "By Jane Doe, Beirut",
        "He said it was over.",
        "“It is over,” she said, and left!",
        "The talks, which began on Monday, went on; they ended in a deal:",
        "Officials — speaking on condition of anonymity — confirmed it?",
    ],
)
def test_a_block_with_no_sentence_end_inside_is_one_sentence_without_pysbd(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pysbd(line) == [line]  # what pysbd would have said
    monkeypatch.setattr(sentences_module, "_segmenter", _no_pysbd)
    assert _check_offsets(line) == [line]


def _no_pysbd() -> None:
    raise AssertionError("pysbd was asked about a block with no sentence end inside")


@pytest.mark.parametrize(
    "block",
    [
        "Choose (a) tea or (b) coffee and then 1) sit 2) drink",
        'She said "no" (twice) "and never" again',
        "It ended -' Then it began again",
        "The U.S. envoy met Mr. Smith on Nov. 23 in Beirut. Talks resumed later.",
    ],
)
def test_a_block_with_a_possible_sentence_end_inside_is_split_by_pysbd(block: str) -> None:
    assert _check_offsets(block) == _pysbd(block)


def test_a_long_wrapped_paragraph_is_cut_into_bounded_sentences() -> None:
    text = _wrapped_paragraph(200)
    pieces = _check_offsets(text)
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert " ".join(pieces).split() == text.split()  # every word kept, none broken
