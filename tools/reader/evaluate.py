"""Evaluate a reader (ONNX file or torch checkpoint) on SQuAD 2.0 Normans/Rhine dev.

    python -m tools.reader.evaluate --model qa/reader/model/reader.onnx

Each question is read against its gold paragraph, split (with split_sentences) into
consecutive windows of up to 5 sentences like the retriever's; the best span across
windows by score - null_score is the prediction. Reports, on answerable questions,
SQuAD F1/EM (max over gold answers) and the length of predicted vs gold answers (to
catch answers cut short); on all questions, the no-answer accuracy at the threshold
on score - null_score that maximises overall accuracy; and ms per question.
This file is evaluation only: nothing under /work/shared/eval is ever trained on.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import string
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.sentences import split_sentences
from qa.reader.onnx_reader import (
    DEFAULT_MODEL_PATH,
    DEFAULT_TOKENIZER_PATH,
    MAX_LENGTH,
    Reader,
    encode_pairs,
    load_tokenizer,
    pad_batch,
)

os.environ["HF_HUB_OFFLINE"] = "1"

DEFAULT_EVAL = Path("/work/shared/eval/squad2_dev_normans_rhine.json")
WINDOW_SENTENCES = 5
WINDOW_CHARS = 700


# --- SQuAD-style normalisation -------------------------------------------------------

_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize_answer(text: str) -> str:
    """NFKC, lowercase, drop unicode punctuation, drop a/an/the, squeeze whitespace."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(
        ch
        for ch in text
        if not unicodedata.category(ch).startswith("P") and ch not in string.punctuation
    )
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def f1_score(prediction: str, gold: str) -> float:
    """Token-overlap F1 of normalised strings."""
    p, g = normalize_answer(prediction).split(), normalize_answer(gold).split()
    if not p or not g:
        return float(p == g)
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def exact_match(prediction: str, gold: str) -> float:
    """1.0 when the normalised strings are equal."""
    return float(normalize_answer(prediction) == normalize_answer(gold))


# --- readers -------------------------------------------------------------------------


class TorchReader(Reader):
    """Same decoding as the ONNX Reader, with logits from a torch checkpoint."""

    def __init__(
        self, checkpoint_dir: Path | str, max_answer_tokens: int = 30, device: str = "cpu"
    ) -> None:
        import threading

        import torch
        from transformers import BertForQuestionAnswering

        torch.set_num_threads(2)
        self._torch = torch
        self._device = torch.device(device)
        model = BertForQuestionAnswering.from_pretrained(checkpoint_dir)
        self.model = torch.nn.Module.to(model, self._device).eval()
        self.max_length = MAX_LENGTH
        self.max_answer_tokens = max_answer_tokens
        self._tokenizer = load_tokenizer(DEFAULT_TOKENIZER_PATH, MAX_LENGTH)
        self._tok_lock = threading.Lock()

    def logits(self, question: str, passages: Sequence[str]) -> tuple[Any, np.ndarray, np.ndarray]:
        """Encodings and (start, end) logits from the torch model (fp32, on its device)."""
        encodings = encode_pairs(self._tokenizer, question, passages)
        feeds = {
            k: self._torch.from_numpy(v).to(self._device) for k, v in pad_batch(encodings).items()
        }
        with self._torch.no_grad():
            out = self.model(**feeds)
        start, end = out.start_logits.float().cpu(), out.end_logits.float().cpu()
        return encodings, start.numpy(), end.numpy()


def make_reader(model: Path, threads: int = 2, device: str = "cpu") -> Reader:
    """ONNX reader for a .onnx file, torch reader (on `device`) for a checkpoint directory."""
    if model.is_dir():
        return TorchReader(model, device=device)
    tokenizer = model.parent / "tokenizer.json"
    return Reader(model, tokenizer if tokenizer.is_file() else None, threads=threads)


# --- evaluation ----------------------------------------------------------------------


def paragraph_windows(context: str) -> list[str]:
    """Consecutive windows of <= 5 sentences (and ~700 chars) covering the paragraph."""
    windows: list[str] = []
    sents = split_sentences(context)
    i = 0
    while i < len(sents):
        j = i
        while (
            j + 1 < len(sents)
            and j + 1 - i < WINDOW_SENTENCES
            and sents[j + 1].end - sents[i].start <= WINDOW_CHARS
        ):
            j += 1
        windows.append(context[sents[i].start : sents[j].end])
        i = j + 1
    return windows or [context]


@dataclass
class Result:
    """One question's outcome."""

    answerable: bool
    margin: float
    prediction: str
    f1: float
    em: float
    pred_words: int
    gold_words: float


def validation_data() -> dict[str, Any]:
    """The validation side of tools.reader.split as one SQuAD-format dict (gold
    paragraphs; articles as tools.validation reads them), for choosing between readers:
    checkpoints are chosen on it, never on ../shared/eval."""
    from tools.validation import source_articles

    return {
        "data": [
            {
                "title": article.title,
                "paragraphs": [
                    {
                        "context": paragraph.context,
                        "qas": [
                            {
                                "id": qid,
                                "question": question,
                                "answers": [{"text": text} for text in answers],
                                "is_impossible": not answers,
                            }
                            for qid, question, answers in paragraph.questions
                        ],
                    }
                    for paragraph in article.paragraphs
                ],
            }
            for article in source_articles()
        ]
    }


def sampled(data: dict[str, Any], every: int) -> dict[str, Any]:
    """Every `every`-th paragraph of each article: a smaller set with every source in it."""
    return {
        "data": [
            {"title": a["title"], "paragraphs": a["paragraphs"][::every]}
            for a in data["data"]
            if a["paragraphs"][::every]
        ]
    }


def evaluate(reader: Reader, data: dict[str, Any], limit: int | None = None) -> dict[str, Any]:
    """Run the reader over SQuAD-format data and compute the metrics (see module docstring)."""
    results: list[Result] = []
    elapsed = 0.0
    for article in data["data"]:
        for para in article["paragraphs"]:
            windows = paragraph_windows(para["context"])
            for qa in para["qas"]:
                if limit is not None and len(results) >= limit:
                    break
                t = time.perf_counter()
                spans = reader.read(qa["question"], windows)
                elapsed += time.perf_counter() - t
                best = spans[0]
                golds = [a["text"] for a in qa.get("answers", [])]
                answerable = not qa.get("is_impossible", False) and bool(golds)
                f1 = max((f1_score(best.text, g) for g in golds), default=0.0)
                em = max((exact_match(best.text, g) for g in golds), default=0.0)
                gold_words = float(np.mean([len(g.split()) for g in golds])) if golds else 0.0
                results.append(
                    Result(
                        answerable,
                        best.score - best.null_score,
                        best.text,
                        f1,
                        em,
                        len(best.text.split()),
                        gold_words,
                    )
                )
    ans = [r for r in results if r.answerable]
    unans = [r for r in results if not r.answerable]
    # Threshold on the margin that maximises overall has-answer/no-answer accuracy;
    # candidates are the observed margins (plus -inf: "always answer").
    best_t, best_acc = float("-inf"), -1.0
    for t in [float("-inf")] + sorted(r.margin for r in results):
        acc = (sum(r.margin > t for r in ans) + sum(r.margin <= t for r in unans)) / len(results)
        if acc > best_acc:
            best_t, best_acc = t, acc
    # SQuAD 2.0 style F1 at that threshold: abstaining scores 1 on unanswerable, 0 otherwise.
    f1_at_t = [
        (r.f1 if r.margin > best_t else 0.0) if r.answerable else float(r.margin <= best_t)
        for r in results
    ]
    return {
        "questions": len(results),
        "answerable": len(ans),
        "unanswerable": len(unans),
        "f1": 100 * float(np.mean([r.f1 for r in ans])) if ans else 0.0,
        "em": 100 * float(np.mean([r.em for r in ans])) if ans else 0.0,
        "pred_words_mean": float(np.mean([r.pred_words for r in ans])) if ans else 0.0,
        "gold_words_mean": float(np.mean([r.gold_words for r in ans])) if ans else 0.0,
        "threshold": best_t,
        "has_ans_accuracy": 100 * best_acc,
        "no_answer_accuracy": (
            100 * float(np.mean([r.margin <= best_t for r in unans])) if unans else 0.0
        ),
        "answerable_kept": 100 * float(np.mean([r.margin > best_t for r in ans])) if ans else 0.0,
        "squad2_f1_at_threshold": 100 * float(np.mean(f1_at_t)),
        # Threshold-free: how well the margin ranks answerable above unanswerable (0.5 =
        # chance), the fairest comparison of two readers' no-answer skill.
        "no_answer_auc": margin_auc(ans, unans),
        "ms_per_question": 1000 * elapsed / max(1, len(results)),
    }


def margin_auc(answerable: Sequence[Result], unanswerable: Sequence[Result]) -> float:
    """P(an answerable question's margin > an unanswerable one's), ties counting half."""
    if not answerable or not unanswerable:
        return 0.0
    a = np.array([r.margin for r in answerable])[:, None]
    u = np.array([r.margin for r in unanswerable])[None, :]
    return float(np.mean((a > u) + 0.5 * (a == u)))


def main(argv: list[str] | None = None) -> int:
    """CLI: print the metrics as JSON."""
    p = argparse.ArgumentParser(
        prog="python -m tools.reader.evaluate", description=__doc__.split("\n")[0]
    )
    p.add_argument(
        "--model",
        type=Path,
        default=DEFAULT_MODEL_PATH,
        help="reader .onnx file or torch checkpoint dir",
    )
    p.add_argument("--data", type=Path, default=DEFAULT_EVAL)
    p.add_argument("--limit", type=int, default=None, help="first N questions only")
    p.add_argument(
        "--validation",
        type=int,
        default=0,
        metavar="EVERY",
        help="evaluate on every EVERY-th gold paragraph of the validation split "
        "(tools.reader.split) instead of --data: the set readers are chosen on",
    )
    p.add_argument("--threads", type=int, default=2, help="onnxruntime intra-op threads")
    p.add_argument("--device", default="cpu", help="torch device for a checkpoint dir (cuda)")
    args = p.parse_args(argv)
    reader = make_reader(args.model, threads=args.threads, device=args.device)
    if args.validation:
        data, source = sampled(validation_data(), args.validation), "validation split"
    else:
        data, source = json.loads(args.data.read_text(encoding="utf-8")), str(args.data)
    metrics = evaluate(reader, data, args.limit)
    metrics["model"] = str(args.model)
    metrics["data"] = source
    print(json.dumps(metrics, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
