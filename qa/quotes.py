"""Answers with whole quotation marks: the reader cuts spans at tokens, so an answer can
open a quotation it does not close ("a building believed to house the ‘chief of staff of
Hezbollah") or close one it did not open ("radical elements’ linked to Hamas").

A span is completed to the mark that pairs with its lone one when that mark is right
beside it in the sentence (only a comma or full stop between: "Hezbollah,’"); otherwise
a lone mark at the span's edge is left out. A lone mark inside the span, whose partner is
words away, stays: completing it would add those words to the answer. Scoring is
unchanged: SQuAD normalisation drops punctuation.
"""

from __future__ import annotations

from dataclasses import replace

from index.sentences import Sentence
from qa.reading import ReadSpan

# Opening mark -> closing mark. A straight quote is its own pair.
_PAIRS = {"‘": "’", "“": "”", '"': '"'}
# What may sit between the end of a quoted phrase and its closing mark: "Hezbollah,’".
_BETWEEN = ",."
_NEAR = 2  # at most this many such characters


def _is_apostrophe(text: str, at: int) -> bool:
    """’ between two letters is an apostrophe ("Hezbollah’s", "Shi’ite"), not a quote."""
    return 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


def _unbalanced(text: str, start: int, end: int, opening: str, closing: str) -> int:
    """Openings minus closings of one pair in text[start:end]. A lone straight quote opens
    when a space or nothing comes before it in `text`, and closes otherwise."""
    if opening == closing:
        if text.count(opening, start, end) % 2 == 0:
            return 0
        last = text.rindex(opening, start, end)
        return 1 if last == 0 or text[last - 1].isspace() else -1
    text = text[start:end]
    closes = sum(1 for i, c in enumerate(text) if c == closing and not _is_apostrophe(text, i))
    return text.count(opening) - closes


def _closing_after(text: str, end: int, closing: str) -> int | None:
    """The offset just past `closing` when it follows `end` with at most _NEAR of
    _BETWEEN before it; None otherwise."""
    at = end
    while at < len(text) and at - end < _NEAR and text[at] in _BETWEEN:
        at += 1
    return at + 1 if at < len(text) and text[at] == closing else None


def balance_quotes(span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """`span` completed to the partner of its lone quotation mark where that is beside
    it in `sentence`, or with a lone mark at its edge left out. Stays in the sentence."""
    text = sentence.text
    start = min(max(span.start - sentence.start, 0), len(text))
    end = min(max(span.end - sentence.start, start), len(text))
    for opening, closing in _PAIRS.items():
        balance = _unbalanced(text, start, end, opening, closing)
        if balance > 0:  # opens a quotation it does not close
            past = _closing_after(text, end, closing)
            if past is not None:
                end = past
            elif text[start:end].startswith(opening):
                start += 1
        elif balance < 0:  # closes one it did not open
            if start > 0 and text[start - 1] == opening:
                start -= 1
            elif text[start:end].endswith(closing):
                end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if sentence.start + start == span.start and sentence.start + end == span.end:
        return span
    return replace(
        span, text=text[start:end], start=sentence.start + start, end=sentence.start + end
    )
