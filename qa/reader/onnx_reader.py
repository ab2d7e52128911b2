"""Extractive QA inference with onnxruntime and tokenizers only (no torch, no transformers).

The reader scores every passage it is given in one batched onnxruntime call and returns
the best answer span per passage (or per sentence of each passage, when told where the
sentences start), as character offsets into that passage, with the
span score and the "no answer" ([CLS]) score, so the caller can decide whether the
passage answers the question at all.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tokenizers import Encoding, Tokenizer

from index.onnx_cpu import CpuModel
from index.quotes import straight_quotes

os.environ.setdefault("HF_HUB_OFFLINE", "1")

MODEL_DIR = Path(__file__).resolve().parent / "model"
DEFAULT_MODEL_PATH = MODEL_DIR / "reader.onnx"
DEFAULT_TOKENIZER_PATH = MODEL_DIR / "tokenizer.json"
MAX_LENGTH = 192
COUNTED_TEXTS = 8192  # token counts of recent sentences and questions kept


@dataclass(frozen=True)
class Span:
    """The best answer span found in one passage (or in one sentence of it)."""

    passage: int  # index into the passages list given to read()
    start: int  # character offset of the span in that passage
    end: int
    text: str  # passage[start:end]
    score: float  # start_logit + end_logit of the span
    null_score: float  # start_logit + end_logit of [CLS] for that passage
    # log of the softmax normalisers of the start and the end logits over the passage's
    # tokens and [CLS]: exp(score - log_norm) is the span's probability.
    log_norm: float = 0.0
    # The best span of the same sentence that does not overlap this one, worked out when
    # asked for (qa.reading.ReadSpan.runner_up): a caller setting this span aside for
    # another kind of answer ("1,412" counts the whole asked "how many of them") may yet
    # find the answer beside it ("219").
    runner_up: Callable[[], Span | None] | None = field(default=None, compare=False, repr=False)

    @property
    def margin(self) -> float:
        """How much more the span is believed than "no answer"; > threshold means answer."""
        return self.score - self.null_score


def load_tokenizer(path: Path | str, max_length: int = MAX_LENGTH) -> Tokenizer:
    """The WordPiece tokenizer, set to truncate (passage first) and not to pad.

    Training (tools/reader/train.py) uses this same function, so run-time token offsets
    match the ones the model was trained on.
    """
    tok = Tokenizer.from_file(str(path))
    # longest_first trims the passage in practice (questions are short) and never raises
    # the "question too long" error that only_second does.
    tok.enable_truncation(max_length=max_length, strategy="longest_first")
    tok.no_padding()
    return tok


def encode_pairs(tok: Tokenizer, question: str, passages: Sequence[str]) -> list[Encoding]:
    """Encode (question, passage) pairs: [CLS] question [SEP] passage [SEP].

    One pair at a time: for the few passages of a question, encode_batch's thread pool
    costs more than it saves, and takes a core from questions asked meanwhile.
    """
    # Quotation marks as the reader learned them (index.quotes): written "Lebanon’s", the
    # reader took "Ras EnNakoura" for who hailed the talks; written "Lebanon's", the ministry.
    asked = straight_quotes(question.strip())
    return [tok.encode(asked, straight_quotes(passage)) for passage in passages]


def pad_batch(encodings: Sequence[Encoding]) -> dict[str, np.ndarray]:
    """int64 input_ids / attention_mask / token_type_ids padded to the longest row."""
    width = max(len(e.ids) for e in encodings)
    out = {
        name: np.zeros((len(encodings), width), dtype=np.int64)
        for name in ("input_ids", "attention_mask", "token_type_ids")
    }
    for row, e in enumerate(encodings):
        n = len(e.ids)
        out["input_ids"][row, :n] = e.ids
        out["attention_mask"][row, :n] = e.attention_mask
        out["token_type_ids"][row, :n] = e.type_ids
    return out


# A letter or a digit: what a span must hold to tell the user anything.
_WORDY = re.compile(r"[^\W_]")


def best_span(
    start_logits: np.ndarray,
    end_logits: np.ndarray,
    context_mask: np.ndarray,
    max_answer_tokens: int,
    wordy: np.ndarray | None = None,
) -> tuple[int, int, float]:
    """Best (start, end, score) with start <= end < start + max_answer_tokens, in context.

    Exhaustive over the (start, end) band, vectorised: passages are <= 192 tokens, so the
    192 x 30 band is tiny and beats a top-k heuristic that can miss the best pair. With
    `wordy` (each token: whether it holds a letter or a digit), a span must hold one: a
    lone quotation mark read as the answer to "What did Ilic say?" shows the user nothing.
    """
    neg = np.float32(-1e9)
    s = np.where(context_mask, start_logits, neg)
    e = np.where(context_mask, end_logits, neg)
    n = len(s)
    # words[k]: how many wordy tokens come before token k, so a span [i, j] holds one
    # where words[j + 1] > words[i].
    words = None if wordy is None else np.concatenate(([0], np.cumsum(wordy)))
    best = (0, 0, float("-inf"))
    for length in range(min(max_answer_tokens, n)):
        scores = s[: n - length] + e[length:]
        if words is not None:
            scores = np.where(words[length + 1 :] > words[: n - length], scores, neg)
        i = int(np.argmax(scores))
        if scores[i] > best[2]:
            best = (i, i + length, float(scores[i]))
    return best


def _log_sum_exp(logits: np.ndarray) -> float:
    top = float(np.max(logits))
    return top + float(np.log(np.sum(np.exp(logits - top))))


class Reader:
    """ONNX span extractor; thread-safe (index.onnx_cpu.CpuModel: every core for a question
    alone, one core per question when questions overlap, with the same logits either way).

    The passages given to one read() are read in one batch, padded to the longest. The
    int8 model scales its activations per batch, so a passage's logits depend on its
    batch-mates (read one by one, article dev F1 fell from 0.883 to 0.793 with a
    calibration fitted on batches; docs/measurements.md): qa.reading always reads a
    question's first passage alone and the rest together, and the calibration is fitted
    on exactly that.
    """

    def __init__(
        self,
        model_path: Path | str | None = None,
        tokenizer_path: Path | str | None = None,
        max_length: int = MAX_LENGTH,
        max_answer_tokens: int = 30,
        threads: int | None = None,
    ) -> None:
        self.model_path = Path(model_path) if model_path else DEFAULT_MODEL_PATH
        self.tokenizer_path = Path(tokenizer_path) if tokenizer_path else DEFAULT_TOKENIZER_PATH
        for p in (self.model_path, self.tokenizer_path):
            if not p.is_file():
                raise FileNotFoundError(
                    f"reader file missing: {p} (train with `python -m tools.reader.train`, "
                    "then `python -m tools.reader.export`, in the source checkout)"
                )
        self.max_length = max_length
        self.max_answer_tokens = max_answer_tokens
        # Every core for a question on its own, one each when questions overlap.
        self._model = CpuModel(self.model_path, threads)
        self._input_names = self._model.input_names
        self._tokenizer = load_tokenizer(self.tokenizer_path, max_length)
        # Tokenizer objects carry mutable truncation state; guard encoding with a lock.
        self._tok_lock = threading.Lock()
        # An article's sentences are counted again for every question that reads them.
        self._counted = functools.lru_cache(maxsize=COUNTED_TEXTS)(self._count)

    def token_count(self, text: str) -> int:
        """Tokens `text` takes in a passage (capped at max_length: the tokenizer truncates)."""
        return self._counted(text)

    def passage_budget(self, question: str) -> int:
        """Tokens a passage may have behind `question` before the reader truncates it:
        max_length less the question's tokens and [CLS], [SEP], [SEP]."""
        return max(1, self.max_length - self._counted(question.strip()) - 3)

    def _count(self, text: str) -> int:
        with self._tok_lock:
            return len(self._tokenizer.encode(text, add_special_tokens=False).ids)

    def logits(
        self, question: str, passages: Sequence[str]
    ) -> tuple[list[Encoding], np.ndarray, np.ndarray]:
        """Encodings and raw (start, end) logits for each passage, one batched call."""
        with self._tok_lock:
            encodings = encode_pairs(self._tokenizer, question, passages)
        feeds = {k: v for k, v in pad_batch(encodings).items() if k in self._input_names}
        start, end = self._model.run(["start_logits", "end_logits"], feeds)
        return encodings, np.asarray(start), np.asarray(end)

    def read(
        self,
        question: str,
        passages: list[str],
        segments: Sequence[Sequence[int]] | None = None,
    ) -> list[Span]:
        """Best span per passage (one batched onnxruntime call), best first by margin.

        With `segments` (for each passage, the character offsets where its sentences
        start), the best span of every sentence instead: the caller can then weigh the
        reader against what retrieval knows about each sentence, rather than see only the
        one span the reader liked best in the whole window.
        """
        if not passages:
            return []
        encodings, start_logits, end_logits = self.logits(question, passages)
        spans: list[Span] = []
        for k, enc in enumerate(encodings):
            n = len(enc.ids)
            context = np.array([sid == 1 for sid in enc.sequence_ids], dtype=bool)
            s_log, e_log = start_logits[k, :n], end_logits[k, :n]
            null_score = float(s_log[0] + e_log[0])
            answerable = context.copy()
            answerable[0] = True  # "no answer" is one of the outcomes normalised over
            log_norm = _log_sum_exp(s_log[answerable]) + _log_sum_exp(e_log[answerable])
            if not context.any():  # passage truncated away entirely (absurdly long question)
                spans.append(Span(k, 0, 0, "", float("-inf"), null_score, log_norm))
                continue
            token_starts = np.array([offset[0] for offset in enc.offsets])
            bounds = list(segments[k]) if segments is not None else [0]
            for first, after in zip(bounds, [*bounds[1:], len(passages[k]) + 1], strict=True):
                inside = context & (token_starts >= first) & (token_starts < after)
                if not inside.any():  # the sentence was truncated away
                    continue
                i, j, score = best_span(s_log, e_log, inside, self.max_answer_tokens)
                c_start, c_end = enc.offsets[i][0], enc.offsets[j][1]
                if _WORDY.search(passages[k], c_start, c_end) is None:
                    # A lone quotation mark: read again, where each span holds a word. The
                    # tokens' words are worked out only here, where they change the span.
                    wordy = np.array(
                        [_WORDY.search(passages[k], a, b) is not None for a, b in enc.offsets]
                    )
                    i, j, score = best_span(s_log, e_log, inside, self.max_answer_tokens, wordy)
                    c_start, c_end = enc.offsets[i][0], enc.offsets[j][1]
                text = passages[k][c_start:c_end]
                beside = functools.partial(
                    self._beside,
                    k,
                    passages[k],
                    enc,
                    s_log,
                    e_log,
                    inside,
                    ((i, j),),
                    (null_score, log_norm),
                )
                spans.append(Span(k, c_start, c_end, text, score, null_score, log_norm, beside))
        spans.sort(key=lambda sp: sp.score - sp.null_score, reverse=True)
        return spans

    def _beside(
        self,
        k: int,
        passage: str,
        enc: Encoding,
        s_log: np.ndarray,
        e_log: np.ndarray,
        inside: np.ndarray,
        taken: tuple[tuple[int, int], ...],
        scores: tuple[float, float],
    ) -> Span | None:
        """The best span of a sentence (its tokens: `inside`) overlapping none of the
        token ranges `taken`, where it holds a letter or a digit; None where there is
        none. `scores`: the passage's no-answer score and softmax normaliser (Span's).
        The span found has a runner-up of its own, beside it and all `taken`: a rule
        setting the runner-up aside too ("Ras EnNakoura" a place, then "Israel" what the
        talks were with) may answer with the one after it."""
        tokens = np.arange(len(inside))
        free = inside.copy()
        for first, last in taken:
            free &= (tokens < first) | (tokens > last)
        wordy = np.array([_WORDY.search(passage, a, b) is not None for a, b in enc.offsets])
        found: tuple[int, int, float] | None = None
        # Each run of free tokens alone, so that no span reaches across one taken.
        edges = np.flatnonzero(np.diff(np.concatenate(([0], free.astype(np.int8), [0]))))
        for first, after in zip(edges[::2], edges[1::2], strict=True):
            part = free & (tokens >= first) & (tokens < after)
            best = best_span(s_log, e_log, part, self.max_answer_tokens, wordy)
            if best[2] > -1e8 and (found is None or best[2] > found[2]):
                found = best
        if found is None:
            return None
        i, j, score = found
        c_start, c_end = enc.offsets[i][0], enc.offsets[j][1]
        after_it = functools.partial(
            self._beside, k, passage, enc, s_log, e_log, inside, (*taken, (i, j)), scores
        )
        return Span(k, c_start, c_end, passage[c_start:c_end], score, *scores, after_it)


_cached: Reader | None = None
_cache_lock = threading.Lock()


def load_reader() -> Reader:
    """The shipped reader (qa/reader/model/reader.onnx), built once and shared."""
    global _cached
    with _cache_lock:
        if _cached is None:
            _cached = Reader()
        return _cached
