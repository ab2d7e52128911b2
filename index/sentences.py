"""Split an article into sentences that keep their character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its 0-based position and where it sits in the text."""

    position: int
    text: str
    start: int
    end: int


# A line that ends like a sentence (terminal punctuation, maybe followed by closing
# quotes or brackets) ends one; a line that does not is a hard-wrapped sentence going on.
_LINE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_HEADLINE_WORDS = 12
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")


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
    return len(line.split()) <= _HEADLINE_WORDS and following.lstrip()[:1].isupper()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges that no sentence may cross: paragraphs and finished lines."""
    blocks: list[tuple[int, int]] = []
    cursor = 0
    for paragraph in _BLANK_LINES.split(text):
        p_start = text.index(paragraph, cursor) if paragraph else cursor
        cursor = p_start + len(paragraph)
        block_start = p_start
        offset = p_start
        lines = paragraph.splitlines(keepends=True)
        for i, line in enumerate(lines):
            offset += len(line)
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if _ends_sentence(line, following):
                blocks.append((block_start, offset))
                block_start = offset
        if block_start < cursor:
            blocks.append((block_start, cursor))
    return blocks


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; `text[s.start:s.end] == s.text` for every sentence.

    Blank lines and lines that end in terminal punctuation are hard boundaries, so an
    article written one sentence per line keeps exactly its lines; inside a block,
    pysbd decides (it knows "Nov.", "U.S." and friends).
    """
    sentences: list[Sentence] = []
    for b_start, b_end in _blocks(text):
        block = text[b_start:b_end]
        if not block.strip():
            continue
        cursor = 0
        # pysbd treats every newline as a boundary; inside a block they only wrap text.
        for piece in _segmenter().segment(block.replace("\n", " ")):
            stripped = piece.strip()
            if not stripped:
                continue
            found = block.replace("\n", " ").find(stripped, cursor)
            if found < 0:  # pysbd normalised something; fall back to the rest of the block
                found, stripped = cursor, block[cursor:].strip()
            start = b_start + found
            original = text[start : start + len(stripped)]
            sentences.append(Sentence(len(sentences), original, start, start + len(stripped)))
            cursor = found + len(stripped)
    return sentences
