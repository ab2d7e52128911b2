"""Split an article into sentences that keep their character offsets, in linear time.

pysbd decides where sentences end inside a block of text (it knows "Nov.", "U.S." and
friends), but it costs about 0.2 ms a call and grows quadratically with the block it is
given (64,000 characters of one-word sentences on one line took 16 s). So it never sees
more than `PYSBD_CHARS` at once, and a block with nowhere inside it to end a sentence
skips it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import pysbd


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its 0-based position and where it sits in the text."""

    position: int
    text: str
    start: int
    end: int


# A run with no sentence end is cut at a space after this many characters: the embedder
# reads about this much (256 tokens) of any one text, and an answer or a citation is one
# sentence, so neither grows with an article that has no punctuation.
MAX_SENTENCE_CHARS = 1_000
# The most pysbd reads at once: it runs at 7-18 us a character on up to 2,000, and at
# 23-28 on 4,000 (prose; one-word sentences). Of the 6,175 paragraphs and articles of the
# eval sets and the reader's training data, cutting at 2,000 changes the sentences of two.
PYSBD_CHARS = 2_000

# A line that ends like a sentence (terminal punctuation, maybe followed by closing
# quotes or brackets) ends one; a line that does not is a hard-wrapped sentence going on.
_LINE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_HEADLINE_WORDS = 12
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_NON_SPACE = re.compile(r"\S")
# pysbd ends sentences only at terminal punctuation (its own list: . ! ? and their
# full-width forms), a line break, a list item ("a)", "(ii)", "3)"), parentheses between
# quotes, or a dash and a quote before a capital ("-' The"). A block with none of these
# before its closing punctuation is one sentence as it stands, and pysbd is skipped (a
# fuzz of 60,000 such blocks found pysbd different only where it split a closing quote
# off as a sentence of its own, as in 'He asked why?”': here the quote stays).
_INNER_BREAK = re.compile(r"[.!?…。．！？)\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]|-[\"'“”]\s")
_CLOSING = ".!?…\"'”’]"  # what may close a sentence after its last word
# Where a long block is cut for pysbd: after terminal punctuation and a space, before a
# capital (possibly behind an opening quote or bracket).
_LIKELY_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z])")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # char_span=False: pysbd's own span finder mis-locates repeated sentences, so we
    # locate each sentence ourselves with a forward search.
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _ends_sentence(line: str, following: str) -> bool:
    """Whether a line break ends a sentence rather than wrapping one."""
    line = line.rstrip()
    if not line or _LINE_END.search(line):
        return True
    # A short unpunctuated line before a capitalised one is a headline or a byline.
    short = len(line.split(maxsplit=_HEADLINE_WORDS)) <= _HEADLINE_WORDS
    return short and following.lstrip()[:1].isupper()


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges between blank lines."""
    start = 0
    for blank in _BLANK_LINES.finditer(text):
        yield start, blank.start()
        start = blank.end()
    yield start, len(text)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges that no sentence may cross: paragraphs and finished lines."""
    for p_start, p_end in _paragraphs(text):
        block_start = offset = p_start
        lines = text[p_start:p_end].splitlines(keepends=True)
        for i, line in enumerate(lines):
            offset += len(line)
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if _ends_sentence(line, following):
                yield block_start, offset
                block_start = offset
        if block_start < p_end:
            yield block_start, p_end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The range without the whitespace at either end (empty when it is all whitespace)."""
    piece = text[start:end]
    kept = piece.strip()
    if not kept:
        return start, start
    first = start + piece.index(kept[0])
    return first, first + len(kept)


def _chunks(flat: str) -> Iterator[tuple[int, int]]:
    """Ranges of at most PYSBD_CHARS, cut at a likely sentence end, else at a space.

    A cut is only taken in the back half of a range, so each range moves on by at least
    half of PYSBD_CHARS and the whole block is scanned a bounded number of times.
    """
    start = 0
    while len(flat) - start > PYSBD_CHARS:
        limit = start + PYSBD_CHARS
        half = start + PYSBD_CHARS // 2
        cut = -1
        for match in _LIKELY_END.finditer(flat, half, limit):
            cut = match.end()
        if cut < 0:
            space = flat.rfind(" ", half, limit)
            cut = space + 1 if space >= 0 else limit
        yield start, cut
        start = cut
    yield start, len(flat)


def _block_sentences(text: str, b_start: int, b_end: int) -> Iterator[tuple[int, int]]:
    """Sentence ranges in one block, as pysbd splits it."""
    # pysbd treats every newline as a boundary; inside a block they only wrap text.
    flat = text[b_start:b_end].replace("\n", " ")
    first, last = _stripped(flat, 0, len(flat))
    if first == last:
        return
    if not _INNER_BREAK.search(flat, first, len(flat.rstrip().rstrip(_CLOSING))):
        yield b_start + first, b_start + last
        return
    for c_start, c_end in _chunks(flat):
        cursor = c_start
        for piece in _segmenter().segment(flat[c_start:c_end]):
            stripped = piece.strip()
            if not stripped:
                continue
            found = flat.find(stripped, cursor, c_end)
            if found < 0:  # pysbd normalised something: the rest of the chunk is one
                s_start, s_end = _stripped(flat, cursor, c_end)
                if s_start < s_end:
                    yield b_start + s_start, b_start + s_end
                break
            cursor = found + len(stripped)
            yield b_start + found, b_start + cursor


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The range, cut at spaces into pieces of at most MAX_SENTENCE_CHARS."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = max(text.rfind(blank, start + 1, limit) for blank in " \n\t")
        cut = space if space > start else limit
        yield _stripped(text, start, cut)
        following = _NON_SPACE.search(text, cut, end)  # `end` ends a word: found
        start = following.start() if following else end
    yield start, end


def _ranges(text: str) -> Iterator[tuple[int, int]]:
    for b_start, b_end in _blocks(text):
        for s_start, s_end in _block_sentences(text, b_start, b_end):
            for piece in _capped(text, s_start, s_end):
                if piece[0] < piece[1]:
                    yield piece


def split_sentences(text: str, limit: int | None = None) -> list[Sentence]:
    """Split text into sentences; `text[s.start:s.end] == s.text` for every sentence.

    Blank lines and lines that end in terminal punctuation are hard boundaries, so an
    article written one sentence per line keeps exactly its lines; inside a block,
    pysbd decides. A run longer than MAX_SENTENCE_CHARS is cut at spaces.

    Args:
        text: the article.
        limit: stop after `limit + 1` sentences (enough to tell that there are too many),
            so that refusing a text with far too many sentences takes no longer than
            splitting the first of them.
    """
    ranges = _ranges(text) if limit is None else islice(_ranges(text), limit + 1)
    return [
        Sentence(position, text[start:end], start, end)
        for position, (start, end) in enumerate(ranges)
    ]
