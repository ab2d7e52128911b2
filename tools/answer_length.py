"""How long should answers be? Measured on the reader's validation split:
`python -m tools.answer_length [--control N] [--limit N]`.

qa/answer_length.py widens the reader's span for questions that ask for an event, a
reason, a reaction or what someone said. This tool is how its WIDTH table and
MOST_OF_SENTENCE were chosen: for every validation question of a candidate kind (and a
sample of factoid questions, as a control), the reader reads the window of three
sentences around the gold answer, per sentence as qa/reading.py reads a window, and the
SQuAD token F1 of its best span is compared with that of the span widened each way,
widening every span or only spans of at most 1, 2, 3 or 5 words. A kind is widened only
where a widening does not lower its F1. The split is tools/reader/split.py's: whole
articles the reader never trained on; ../shared/eval is never read here.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from qa.answer_length import WIDTH, Width, question_kind, widen
from qa.reading import ReadSpan, SpanReader
from qa.scoring import token_f1
from tools.reader.squad import Paragraph, Question

# The widenings compared: (how far, the share of its sentence from which a clause is
# given as the whole sentence; above 1, never).
WIDENINGS: dict[str, tuple[Width, float]] = {
    "clause-end": ("clause-end", 1.01),
    "clause-end/.8": ("clause-end", 0.8),
    "clause": ("clause", 1.01),
    "clause/.8": ("clause", 0.8),
    "sentence": ("sentence", 1.0),
}
# Widen only spans of at most this many words (None: every span).
GATES: tuple[int | None, ...] = (1, 2, 3, 5, None)
FACTOID = "(factoid)"  # the control: questions of no candidate kind


@dataclass
class Scores:
    """One kind's questions: the reader's span F1 and, per widening, each question's F1
    when widened and the span's length in words (to apply the gates afterwards)."""

    span: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    widened: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    changed: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))

    def gated(self, label: str, gate: int | None) -> tuple[float, int]:
        """Mean F1 when spans of at most `gate` words are widened by `label`, and how
        many answers that changed."""
        total, changed = 0.0, 0
        for i, words in enumerate(self.words):
            if gate is None or words <= gate:
                total += self.widened[label][i]
                changed += self.changed[label][i]
            else:
                total += self.span[i]
        return total / max(1, len(self.span)), changed


def read_gold_window(reader: SpanReader, paragraph: Paragraph, question: Question) -> ReadSpan:
    """The reader's best span in the gold sentence and its neighbours, one window, read
    per sentence as qa/reading.py reads (offsets and position in the paragraph)."""
    sentences = paragraph.sentences
    starts = [s.start for s in sentences]
    gold = max(0, bisect.bisect_right(starts, question.answer_start) - 1)
    first, last = max(0, gold - 1), min(len(sentences) - 1, gold + 1)
    base = sentences[first].start
    passage = paragraph.context[base : sentences[last].end]
    segments = [[sentences[i].start - base for i in range(first, last + 1)]]
    best = reader.read(question.text, [passage], segments)[0]
    start, end = base + best.start, base + best.end
    position = max(0, bisect.bisect_right(starts, start) - 1)
    text = paragraph.context[start:end]
    return ReadSpan(text, start, end, position, best.score - best.null_score)


def chosen(paragraphs: Sequence[Paragraph], control: int) -> list[tuple[str, Paragraph, Question]]:
    """(kind, paragraph, question) for every question of a candidate kind, plus every
    n-th factoid question so that about `control` of them are measured."""
    kinds: list[tuple[str, Paragraph, Question]] = []
    factoids: list[tuple[str, Paragraph, Question]] = []
    for paragraph in paragraphs:
        for question in paragraph.questions:
            kind = question_kind(question.text)
            (kinds if kind else factoids).append((kind or FACTOID, paragraph, question))
    if control <= 0:
        return kinds
    return kinds + factoids[:: max(1, len(factoids) // control)][:control]


def measure(
    reader: SpanReader, asked: Sequence[tuple[str, Paragraph, Question]]
) -> dict[str, Scores]:
    """Each kind's F1s: the reader's span, and every widening in WIDENINGS."""
    scores: dict[str, Scores] = defaultdict(Scores)
    for kind, paragraph, question in asked:
        golds = list(question.all_answers)
        span = read_gold_window(reader, paragraph, question)
        sentence = paragraph.sentences[span.position]
        row = scores[kind]
        row.span.append(token_f1(span.text, golds))
        row.words.append(len(span.text.split()))
        for label, (width, most) in WIDENINGS.items():
            text = widen(span, sentence, width, most).text
            row.widened[label].append(token_f1(text, golds))
            row.changed[label].append(text != span.text)
    return dict(scores)


def _gate_name(gate: int | None) -> str:
    return "any span" if gate is None else f"<={gate} words"


def best_widening(scores: Scores) -> tuple[str, int | None, float] | None:
    """The (widening, gate, F1) with the highest F1 that changes some answer and is no
    lower than the reader's span's; None when every widening lowers F1."""
    span_f1 = sum(scores.span) / max(1, len(scores.span))
    best = None
    for label in WIDENINGS:
        for gate in GATES:
            f1, changed = scores.gated(label, gate)
            if changed and f1 >= span_f1 and (best is None or f1 > best[2]):
                best = (label, gate, f1)
    return best


def tables(scores: dict[str, Scores]) -> list[str]:
    """Markdown: F1 per kind, widening and gate (answers changed in brackets), then each
    kind's best choice beside what qa/answer_length.py's WIDTH does today."""
    order = sorted(scores, key=lambda k: (k == FACTOID, -len(scores[k].span)))
    lines = [
        "| kind | n | span F1 | widening | " + " | ".join(map(_gate_name, GATES)) + " |",
        "|---|---:|---:|---|" + "---:|" * len(GATES),
    ]
    for kind in order:
        row = scores[kind]
        span_f1 = sum(row.span) / max(1, len(row.span))
        for label in WIDENINGS:
            cells = [scores[kind].gated(label, gate) for gate in GATES]
            lines.append(
                f"| {kind} | {len(row.span)} | {span_f1:.3f} | {label} | "
                + " | ".join(f"{f1:.3f} ({changed})" for f1, changed in cells)
                + " |"
            )
    lines += ["", "| kind | n | span F1 | best widening that does not lower F1 | WIDTH |"]
    lines.append("|---|---:|---:|---|---|")
    for kind in order:
        row = scores[kind]
        best = best_widening(row)
        choice = f"{best[0]}, {_gate_name(best[1])}: {best[2]:.3f}" if best else "none (keep)"
        today = WIDTH.get(kind)  # type: ignore[call-overload]
        shipped = f"{today.width}, {_gate_name(today.up_to_words)}" if today else "span"
        span_f1 = sum(row.span) / max(1, len(row.span))
        lines.append(f"| {kind} | {len(row.span)} | {span_f1:.3f} | {choice} | {shipped} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Measure on the validation split and print the tables."""
    parser = argparse.ArgumentParser(prog="python -m tools.answer_length", description=__doc__)
    parser.add_argument("--control", type=int, default=300, help="factoid questions measured")
    parser.add_argument("--limit", type=int, default=None, help="questions read (smoke runs)")
    args = parser.parse_args(argv)
    if args.control < 0 or (args.limit is not None and args.limit < 1):
        parser.error("--control must be 0 or more and --limit 1 or more")
    from qa.reader import load_reader
    from tools.reader.split import side_keep, split_files
    from tools.reader.squad import load_paragraphs

    files = split_files()
    if not files:
        print("error: no training data in data/qa-train (see its README)", file=sys.stderr)
        return 2
    paragraphs = load_paragraphs(files, keep=side_keep(files, "validation"))
    asked = chosen(paragraphs, args.control)[: args.limit]
    print(f"validation split: {len(paragraphs)} paragraphs, {len(asked)} questions read")
    print("SQuAD token F1 against the gold answers; (answers the widening changed)")
    print("\n".join(tables(measure(load_reader(), asked))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
