"""Run an evaluation set through ArticleQA and report SQuAD 2.0 style metrics."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from qa.answer import Answer
from qa.bot import ArticleQA
from qa.datasets import EvalQuestion, EvalSet
from qa.messages import NOT_FOUND
from qa.scoring import contains_answer, exact_match, token_f1


@dataclass(frozen=True)
class Outcome:
    """One question's answer and timing."""

    question: EvalQuestion
    answer: Answer
    seconds: float


def history_messages(bot: ArticleQA, turns: list[str]) -> list[dict[str, str]]:
    """Replay earlier user turns through ask(), as a chat would, to build the history."""
    messages: list[dict[str, str]] = []
    for turn in turns:
        reply = bot.ask(turn, messages)
        messages.append({"role": "user", "content": turn})
        messages.append({"role": "assistant", "content": reply.text or NOT_FOUND})
    return messages


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
        answer = bot.ask(question.question, history)
        outcomes.append(Outcome(question, answer, time.perf_counter() - started))
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
    }
