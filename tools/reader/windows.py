"""Build reader training windows from SQuAD-format data.

At run time the retriever hands the reader a question and a window of 1-5 consecutive
sentences of the article, so training uses exactly that shape: positives are the
sentence(s) holding the answer plus some neighbours, negatives are windows that do not
hold the answer (other sentences of the same paragraph, or a window of another
article). The data has no unanswerable questions, so negatives are made here; they
teach the reader to point at [CLS] ("no answer").

Those negatives are easy: the passage is about something else. Real unanswerable
questions (SQuAD 2.0's) are mostly near misses, which "neg-swap" windows imitate: the
positive's own passage with its question changed so that the passage no longer answers
it (tools/reader/near_miss.py).

Everything is deterministic given the seed: the same seed gives the same windows.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from index.sentences import Sentence
from tools.reader.near_miss import (
    content_words,
    detail_swapped,
    in_passage_swapped,
    names_and_numbers,
    swapped_question,
    word_swapped,
)
from tools.reader.squad import Paragraph, Question

# About 4 characters per WordPiece token: 640 characters keep question + passage under
# the 192-token limit nearly always, so the answer is never truncated away.
DEFAULT_MAX_CHARS = 640
MAX_SENTENCES = 5


@dataclass(frozen=True)
class Window:
    """One training example: a question and a passage; answer_start is None for negatives.

    For positives ``passage[answer_start:answer_start + len(answer_text)] == answer_text``.
    """

    qid: str
    question: str
    passage: str
    answer_start: int | None
    answer_text: str
    # "pos"; "neg-same" (same paragraph), "neg-other" (another article), "neg-swap"
    # (the positive's passage with the question changed so that the passage no longer
    # answers it), or "neg-human" (a question written to have no answer in the passage)
    kind: str

    @property
    def answer_end(self) -> int | None:
        """Character offset just past the answer, or None for a negative."""
        if self.answer_start is None:
            return None
        return self.answer_start + len(self.answer_text)


def _span_text(context: str, sentences: Sequence[Sentence], i: int, j: int) -> tuple[int, str]:
    """Character start and text of sentences i..j (inclusive), with original spacing."""
    start = sentences[i].start
    return start, context[start : sentences[j].end]


def _answer_hits(q: Question, p: Paragraph) -> list[int]:
    """The sentences the answer touches (usually one; a few answers cross a boundary)."""
    a_start, a_end = q.answer_start, q.answer_start + len(q.answer_text)
    return [k for k, s in enumerate(p.sentences) if s.start < a_end and s.end > a_start]


def _positive(q: Question, p: Paragraph, rng: random.Random, max_chars: int) -> Window | None:
    sents = p.sentences
    a_start, a_end = q.answer_start, q.answer_start + len(q.answer_text)
    hit = _answer_hits(q, p)
    if not hit:
        return None
    lo, hi = hit[0], hit[-1]
    want = max(rng.randint(1, MAX_SENTENCES), hi - lo + 1)
    extra = want - (hi - lo + 1)
    # Put the answer sentence anywhere in the window, as the retriever's windows do.
    before = rng.randint(0, extra)
    i = max(0, lo - before)
    j = min(len(sents) - 1, hi + (extra - (lo - i)))
    # Shrink from the side farther from the answer until it fits the length budget.
    while j > hi or i < lo:
        if sents[j].end - sents[i].start <= max_chars:
            break
        if j > hi and (j - hi >= lo - i):
            j -= 1
        else:
            i += 1
    w_start, passage = _span_text(p.context, sents, i, j)
    if not (w_start <= a_start and a_end <= w_start + len(passage)):
        return None  # answer crosses the first/last sentence edge (splitter quirk)
    return Window(q.qid, q.text, passage, a_start - w_start, q.answer_text, "pos")


def _answer_sentences(q: Question, p: Paragraph) -> str:
    """The text of the sentence(s) the answer touches."""
    hit = _answer_hits(q, p)
    if not hit:
        return q.answer_text
    return p.context[p.sentences[hit[0]].start : p.sentences[hit[-1]].end]


def _contains_answer(passage: str, q: Question) -> bool:
    low = passage.lower()
    return any(a.lower() in low for a in q.all_answers)


def _random_window(
    p: Paragraph, rng: random.Random, max_chars: int, avoid: tuple[int, int] | None = None
) -> str | None:
    """A window of 1-5 sentences of p that stays clear of sentence range ``avoid``."""
    sents = p.sentences
    allowed = [k for k in range(len(sents)) if avoid is None or not avoid[0] <= k <= avoid[1]]
    if not allowed:
        return None
    i = rng.choice(allowed)
    j = i
    want = rng.randint(1, MAX_SENTENCES)
    while (
        j - i + 1 < want
        and j + 1 < len(sents)
        and (avoid is None or not avoid[0] <= j + 1 <= avoid[1])
        and sents[j + 1].end - sents[i].start <= max_chars
    ):
        j += 1
    _, passage = _span_text(p.context, sents, i, j)
    if len(passage) > max_chars * 2:
        passage = passage[: max_chars * 2]  # one very long "sentence": keep a prefix
    return passage if passage.strip() else None


def _negative(
    q: Question,
    p: Paragraph,
    paragraphs: Sequence[Paragraph],
    rng: random.Random,
    max_chars: int,
) -> Window | None:
    """A window that does not hold the answer; None if none could be found."""
    hit = _answer_hits(q, p)
    # Half from the same paragraph (hard: same topic, wrong sentences) when it has room.
    if hit and len(p.sentences) > hit[-1] - hit[0] + 1 and rng.random() < 0.5:
        passage = _random_window(p, rng, max_chars, avoid=(hit[0], hit[-1]))
        if passage is not None and not _contains_answer(passage, q):
            return Window(q.qid, q.text, passage, None, "", "neg-same")
    for _ in range(10):
        other = paragraphs[rng.randrange(len(paragraphs))]
        if other.article == p.article:
            continue
        passage = _random_window(other, rng, max_chars)
        if passage is not None and not _contains_answer(passage, q):
            return Window(q.qid, q.text, passage, None, "", "neg-other")
    return None


def build_windows(
    paragraphs: Sequence[Paragraph],
    seed: int = 13,
    neg_fraction: float = 1 / 3,
    max_chars: int = DEFAULT_MAX_CHARS,
    swap_fraction: float = 0.0,
    word_swap_share: float = 0.0,
    human_repeats: int = 1,
    in_passage_share: float = 0.0,
    detail_swap_share: float = 0.0,
) -> list[Window]:
    """One positive per question plus negatives making up ~neg_fraction of the total;
    besides, a "neg-swap" twin for about `swap_fraction` of the positives, of which about
    `word_swap_share` have a content word swapped (the rest as `swapped_question` says),
    and `human_repeats` windows of its own paragraph for each unanswerable question
    written by a person. About `in_passage_share` of the twins swap in a word the passage
    itself uses (near_miss.in_passage_swapped) before the other swaps are tried, and about
    `detail_swap_share` change a detail in kind first (near_miss.detail_swapped: a year
    moved, another weekday or month, "early" for "late", two names reversed).

    Deterministic for a given seed and paragraph list; the result is not shuffled.
    With word_swap_share 0 it draws exactly what it drew before word swaps existed, so
    models trained before then are reproduced.
    """
    rng = random.Random(seed)
    entities: dict[str, list[str]] = {}
    # article -> word kind -> its words, each once in first-seen order (dicts, not sets,
    # so that the order and hence the draws are the same in every run)
    words: dict[str, dict[str, dict[str, None]]] = {}
    if swap_fraction > 0:
        for p in paragraphs:
            entities.setdefault(p.article, []).extend(names_and_numbers(p.context))
            if word_swap_share > 0:
                kinds = words.setdefault(p.article, {})
                for q in p.questions:
                    for word, kind in content_words(q.text):
                        kinds.setdefault(kind, {})[word] = None
    word_pools = {a: {k: list(ws) for k, ws in kinds.items()} for a, kinds in words.items()}
    # neg / (pos + neg) = f  =>  neg per positive = f / (1 - f)
    neg_per_pos = neg_fraction / (1.0 - neg_fraction)
    windows: list[Window] = []
    for p in paragraphs:
        for q in p.questions:
            pos = _positive(q, p, rng, max_chars)
            if pos is not None:
                windows.append(pos)
                if swap_fraction > 0 and rng.random() < swap_fraction:
                    swapped = None
                    # Drawn only when asked for, so that earlier readers' draws are kept.
                    if detail_swap_share > 0 and rng.random() < detail_swap_share:
                        swapped = detail_swapped(q.text, pos.passage, rng)
                    if swapped is None and in_passage_share > 0 and rng.random() < in_passage_share:
                        swapped = in_passage_swapped(
                            q.text, pos.passage, _answer_sentences(q, p), rng
                        )
                    if swapped is None and word_swap_share > 0 and rng.random() < word_swap_share:
                        swapped = word_swapped(q.text, pos.passage, word_pools[p.article], rng)
                    if swapped is None:
                        swapped = swapped_question(q.text, pos.passage, entities[p.article], rng)
                    if swapped is not None:
                        windows.append(Window(q.qid, swapped, pos.passage, None, "", "neg-swap"))
            if rng.random() < neg_per_pos:
                neg = _negative(q, p, paragraphs, rng, max_chars)
                if neg is not None:
                    windows.append(neg)
        # Unanswerable questions written by people: a window of their own paragraph (on
        # topic, as retrieval would hand over) labelled no-answer. Data without them
        # draws nothing more, so earlier readers' windows are reproduced. They are a few
        # hundred among ~200k windows, so `human_repeats` > 1 reads each again beside
        # other sentences of its paragraph (1 draws what the readers before it drew).
        for qid, text in p.unanswerable:
            for _ in range(human_repeats):
                passage = _random_window(p, rng, max_chars)
                if passage is not None:
                    windows.append(Window(qid, text, passage, None, "", "neg-human"))
    return windows
