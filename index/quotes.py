"""Curly quotation marks written straight, for the models that read the text.

MiniLM's WordPiece tokenizer keeps "’" and "“" tokens of their own, and the text both
models learned from (SQuAD for the reader, mostly web text for the embedder) writes them
straight: "Lebanon’s" read as a different word from "Lebanon's" moved the reader's span
and the embedder's neighbours. One character is replaced by one, so token offsets still
index the text as given and everything shown keeps the article's own marks.
"""

from __future__ import annotations

_STRAIGHT = str.maketrans("‘’‚‛“”„‟", "''''" + '""""')


def straight_quotes(text: str) -> str:
    """`text` with curly quotation marks written straight, character for character."""
    return text.translate(_STRAIGHT)
