"""What re-adding an article changes: its sentences diffed against the stored ones.

Unchanged sentences keep their ids (and vectors), so a saved citation still points at
the same sentence; only new or changed sentences are embedded.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from index.collection import (
    ArticleRow,
    ArticleWrite,
    CollectionStorage,
    KeptSentence,
    NewSentence,
)
from index.embedder import Embedder
from index.sentences import split_sentences
from qa.errors import ArticleQAError
from qa.ingest import ArticleRecord


@dataclass(frozen=True)
class Added:
    """What adding one article did: "added", "updated" or "unchanged", and sentence counts."""

    id: str
    outcome: str
    embedded: int  # sentences embedded (new or changed)
    kept: int  # sentences whose id and vector were kept
    removed: int


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def plan_write(
    storage: CollectionStorage,
    record: ArticleRecord,
    day: str | None,
    row: ArticleRow | None,
    embedder: Embedder,
    embedded: dict[str, np.ndarray],
) -> ArticleWrite:
    """The write that stores `record` (dated `day`) over the stored article `row`.

    `embedded` maps sentence texts to vectors already embedded (by an earlier attempt);
    the sentences it lacks are embedded and added to it.
    """
    sentences = split_sentences(record.text)
    if not sentences:
        raise ArticleQAError(f"{record.title}: the article has no sentences")
    stored = storage.stored_sentences(record.id)
    matcher = difflib.SequenceMatcher(
        a=[text for _, text in stored], b=[s.text for s in sentences], autojunk=False
    )
    keep: dict[int, int] = {}  # new position -> kept sentence id
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                keep[j1 + offset] = stored[i1 + offset][0]
    new = {k: sentence for k, sentence in enumerate(sentences) if k not in keep}
    missing = [s.text for s in new.values() if s.text not in embedded]
    if missing:
        embedded.update(zip(missing, embedder.embed(missing), strict=True))
    kept_ids = set(keep.values())
    return ArticleWrite(
        id=record.id,
        title=record.title,
        date=day,
        source=record.source,
        url=record.url,
        text=record.text,
        sha256=text_sha256(record.text),
        added=datetime.now(UTC).isoformat(timespec="seconds"),
        expected_sha256=row.sha256 if row is not None else None,
        model_id=embedder.model_id,
        removed=[sid for sid, _ in stored if sid not in kept_ids],
        kept=[KeptSentence(i, k, sentences[k].start, sentences[k].end) for k, i in keep.items()],
        fresh=[NewSentence(k, s.text, s.start, s.end) for k, s in new.items()],
        vectors=np.array(
            [embedded[s.text] for s in new.values()] or np.zeros((0, 0)), dtype=np.float32
        ),
    )
