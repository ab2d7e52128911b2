"""Run an evaluation set through ArticleQA and report SQuAD 2.0 style metrics, and how
well `Answer.score` tells right answers from the rest (AUC, reliability table)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from qa.answer import Answer
from qa.bot import ArticleQA
from qa.datasets import EvalQuestion, EvalSet
from qa.messages import NOT_FOUND
from qa.scoring import contains_answer, exact_match, normalize, token_f1

# Answering is "right" when the answer is worth at least this SQuAD token F1.
RIGHT_F1 = 0.5
RELIABILITY_BINS = 10


@dataclass(frozen=True)
class Outcome:
    """One question's answer, the text it would have answered with, and timing."""

    question: EvalQuestion
    answer: Answer
    seconds: float
    candidate: str = ""  # the answer's text had it been given (also when withheld)

    @property
    def right_to_answer(self) -> bool:
        """Whether answering was right: the candidate scores F1 >= RIGHT_F1 against a gold
        answer (an unanswerable question is never right to answer)."""
        golds = self.question.answers
        return bool(golds) and token_f1(self.candidate, golds) >= RIGHT_F1


def history_messages(bot: ArticleQA, turns: list[str]) -> list[dict[str, Any]]:
    """Replay earlier user turns through ask(), as a chat would, to build the history:
    each reply's text, and its Answer under "answer" as the chat keeps it."""
    messages: list[dict[str, Any]] = []
    for turn in turns:
        reply = bot.ask(turn, messages)
        messages.append({"role": "user", "content": turn})
        messages.append({"role": "assistant", "content": reply.text or NOT_FOUND, "answer": reply})
    return messages


def same_answer(answer: Answer, original: Answer) -> bool:
    """Both withheld, or both given with the same normalised text."""
    return answer.found == original.found and (
        not answer.found or normalize(answer.text) == normalize(original.text)
    )


def same_answers(variants: list[Outcome], originals: list[Outcome]) -> tuple[int, int]:
    """How many variants (questions with `variant_of`) got their original's answer
    (same_answer), and how many were compared."""
    by_id = {o.question.id: o.answer for o in originals}
    same = total = 0
    for outcome in variants:
        original = by_id.get(outcome.question.variant_of or "")
        if original is None:
            continue
        total += 1
        same += same_answer(outcome.answer, original)
    return same, total


def run(
    eval_set: EvalSet,
    make_bot: Callable[[str, str], ArticleQA],
    progress: Callable[[int, int], None] | None = None,
) -> list[Outcome]:
    """Ask every question of its article; `make_bot(title, text)` builds each article once."""
    bots = {key: make_bot(title, text) for key, (title, text) in eval_set.articles.items()}
    for bot in bots.values():  # warm up so latency measures a warm ask()
        bot.ask("warm up")
    outcomes = []
    for number, question in enumerate(eval_set.questions, 1):
        bot = bots[question.article]
        history = history_messages(bot, question.history)
        started = time.perf_counter()
        decision = bot.decide(question.question, history)
        seconds = time.perf_counter() - started
        outcomes.append(Outcome(question, decision.answer, seconds, decision.candidate))
        if progress:
            progress(number, len(eval_set.questions))
    return outcomes


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def metrics(outcomes: list[Outcome]) -> dict[str, float | int | None]:
    """EM, F1, has-answer F1, no-answer accuracy, evidence hit@1/@3, latency."""
    em, f1, has_f1, no_acc, found_rate, hit1, hit3, top_has = [], [], [], [], [], [], [], []
    for o in outcomes:
        golds, prediction = o.question.answers, o.answer.text if o.answer.found else ""
        em.append(exact_match(prediction, golds))
        f1.append(token_f1(prediction, golds))
        if golds:
            has_f1.append(token_f1(prediction, golds))
            found_rate.append(float(o.answer.found))
            positions = [e.position for e in o.answer.evidence]
            if o.question.evidence:
                hit1.append(float(positions[:1] != [] and positions[0] in o.question.evidence))
                hit3.append(float(any(p in o.question.evidence for p in positions[:3])))
            top = o.answer.evidence[0].text if o.answer.evidence else ""
            top_has.append(float(contains_answer(top, golds)))
        else:
            no_acc.append(float(not o.answer.found))
    latencies = sorted(o.seconds for o in outcomes)
    return {
        "questions": len(outcomes),
        "exact_match": _mean(em),
        "f1": _mean(f1),
        "has_answer_f1": _mean(has_f1),
        "answerable_found": _mean(found_rate),
        "no_answer_accuracy": _mean(no_acc),
        "evidence_hit@1": _mean(hit1),
        "evidence_hit@3": _mean(hit3),
        "top_sentence_has_answer": _mean(top_has),
        "median_latency_ms": round(1000 * statistics.median(latencies), 2) if latencies else None,
        **confidence(outcomes),
    }


def confidence(outcomes: list[Outcome]) -> dict[str, float | int | None]:
    """The score's AUC for "answering is right", and the answers of each outcome."""
    scores = [o.answer.score for o in outcomes]
    area = auc(scores, [o.right_to_answer for o in outcomes])
    found = [o.answer for o in outcomes if o.answer.found]
    return {
        "score_auc": None if area is None else round(area, 4),
        "confident": sum(a.confident for a in found),
        "unsure": sum(not a.confident for a in found),
        "not_found": len(outcomes) - len(found),
    }


def auc(scores: ArrayLike, labels: ArrayLike) -> float | None:
    """The area under the ROC curve: the chance that a random positive scores above a
    random negative, ties counting half. None when either class is empty."""
    score = np.asarray(scores, dtype=float)
    label = np.asarray(labels, dtype=bool)
    positives, negatives = int(label.sum()), int((~label).sum())
    if not positives or not negatives:
        return None
    # Ranks from 1, ascending; tied scores share their mean rank.
    _, group, counts = np.unique(score, return_inverse=True, return_counts=True)
    mean_rank = np.cumsum(counts) - (counts - 1) / 2
    wins = mean_rank[group][label].sum() - positives * (positives + 1) / 2
    return float(wins / (positives * negatives))


def reliability(
    scores: ArrayLike, right: ArrayLike, bins: int = RELIABILITY_BINS
) -> list[tuple[str, int, float, float]]:
    """Score bins with questions in them: (bin, questions, mean score, share right)."""
    score = np.asarray(scores, dtype=float)
    label = np.asarray(right, dtype=bool)
    edges = np.linspace(0.0, 1.0, bins + 1)
    rows = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (score >= low) & ((score < high) | (high == 1.0))
        if inside.any():
            rows.append(
                (
                    f"{low:.1f}-{high:.1f}",
                    int(inside.sum()),
                    round(float(score[inside].mean()), 3),
                    round(float(label[inside].mean()), 3),
                )
            )
    return rows


def reliability_table(rows: list[tuple[str, int, float, float]]) -> str:
    """The reliability rows as a Markdown table."""
    lines = ["| score | questions | mean score | right (F1 >= 0.5) |", "|---|---|---|---|"]
    lines += [f"| {band} | {count} | {mean} | {share} |" for band, count, mean, share in rows]
    return "\n".join(lines)


def outcome_reliability(outcomes: list[Outcome]) -> list[tuple[str, int, float, float]]:
    """The reliability rows of an evaluation run."""
    return reliability([o.answer.score for o in outcomes], [o.right_to_answer for o in outcomes])
