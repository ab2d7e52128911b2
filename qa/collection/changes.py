"""What re-adding an article changes: its sentences diffed against the stored ones.

Unchanged sentences keep their ids (and vectors), so a saved citation still points at
the same sentence; only new or changed sentences are embedded.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import deque
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
from qa.errors import ArticleQAError
from qa.ingest import ArticleRecord
from qa.limits import check_article_tokens, indexable_sentences


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


# difflib's matcher takes time up to the product of the two lengths (5,000 sentences of
# one repeated text, changed in one place, took seconds); past this product the middle
# is matched in one pass instead.
_DIFF_PRODUCT = 1_000_000


def matching(old: list[str], new: list[str]) -> dict[int, int]:
    """Which old sentence each unchanged new one is (new position -> old position).

    The common start and end are matched first, in one pass: an article edited in one
    place keeps every other sentence. Between them, difflib finds the longest matching
    runs; when that could take long, each new sentence instead takes the first unused old
    one with its text after the last one taken (in order, as citations expect).
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0  # sentences in common at the end, not overlapping the start
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    kept = {k: k for k in range(start)}
    kept.update({len(new) - 1 - k: len(old) - 1 - k for k in range(end)})
    old_middle, new_middle = old[start : len(old) - end], new[start : len(new) - end]
    if len(old_middle) * len(new_middle) <= _DIFF_PRODUCT:
        matcher = difflib.SequenceMatcher(a=old_middle, b=new_middle, autojunk=False)
        for tag, i1, i2, j1, _ in matcher.get_opcodes():
            if tag == "equal":
                kept.update({start + j1 + k: start + i1 + k for k in range(i2 - i1)})
        return kept
    unused: dict[str, deque[int]] = {}
    for i, text in enumerate(old_middle):
        unused.setdefault(text, deque()).append(i)
    last = -1
    for j, text in enumerate(new_middle):
        candidates = unused.get(text)
        while candidates and candidates[0] <= last:
            candidates.popleft()
        if candidates:
            last = candidates.popleft()
            kept[start + j] = start + last
    return kept


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
    check_article_tokens(record.text, record.title)  # a record need not come from qa.ingest
    sentences = indexable_sentences(record.text, record.title)
    if not sentences:
        raise ArticleQAError(f"{record.title}: the article has no sentences")
    stored = storage.stored_sentences(record.id)
    matched = matching([text for _, text in stored], [s.text for s in sentences])
    keep = {k: stored[i][0] for k, i in matched.items()}  # new position -> kept sentence id
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
