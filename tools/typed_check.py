"""Questions typed as people type them, on the validation split: does each get the answer
its clean form gets? The dev set has twelve such variants; this asks thousands.

    python -m tools.typed_check [--limit 1500] [--show 10]

Each question of the split's SQuAD-format articles (answerable or written unanswerable by
a person; the near-miss twins are left out, being made-up already) is asked clean and in
six typed forms, over its whole article as the product asks:

- casual: lowercase, no question mark ("what was targeted on november 23");
- shortened: contractions and short month names where the question has them ("what's",
  "who's", "nov. 23", "sept"); questions with none are not counted;
- typo: one letter dropped, doubled, swapped with the next, or struck as the key beside
  it, in one word of five or more letters (seeded by the question's id), as a hurried
  typist does;
- opening: one slip in the question word the question opens with ("wat", "wen",
  "hw"), the first letter kept; questions opening otherwise are not counted;
- polite: asked of someone ("can you tell me what ...", "do you know ..."), after a
  greeting ("hi, what ...?"), or ending ", please?" (one of the three, seeded);
- sourced: naming the article ("according to the article, who ...?", "... in the
  article?") or ending in thanks ("...? Thanks").

It measures; nothing is chosen by it. Same answer means both withheld, or both given with
the same normalised text (qa.evaluation.same_answer, as `article-qa eval` counts the dev
set's variants).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

from qa.datasets import EvalQuestion, EvalSet
from qa.evaluation import Outcome, metrics, run, same_answer, same_answers
from qa.spelling import QUESTION_WORDS
from tools.validation import HUMAN_UNANSWERABLE, NEAR_MISS, load_validation, positive_int

DEFAULT_LIMIT = 1500
_MONTHS = {
    "january": "jan.",
    "february": "feb.",
    "march": "mar.",
    "april": "apr.",
    "june": "jun.",
    "july": "jul.",
    "august": "aug.",
    "september": "sept",
    "october": "oct.",
    "november": "nov.",
    "december": "dec.",
}
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_CONTRACTION = re.compile(r"\b(what|who|where|when|how|that|there|it) is\b", re.IGNORECASE)
_LONG_WORD = re.compile(r"[A-Za-z]{5,}")
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def beside(letter: str) -> list[str]:
    """The keys left and right of `letter` on a QWERTY keyboard."""
    for row in _KEY_ROWS:
        at = row.find(letter.lower())
        if at >= 0:
            return [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
    return []


def casual(question: str, rng: random.Random) -> str | None:
    """Lowercase, no question mark."""
    return question.strip().rstrip("?").strip().lower()


def shortened(question: str, rng: random.Random) -> str | None:
    """Contractions and short month names; None when the question has neither."""
    typed = _CONTRACTION.sub(lambda m: f"{m.group(1)}'s", question)
    typed = _MONTH.sub(lambda m: _MONTHS[m.group(1).lower()], typed)
    return typed if typed != question else None


def _slip(letters: str, at: int, rng: random.Random) -> str:
    """`letters` with one slip at `at`: the letter dropped, doubled, swapped with the next,
    or struck as the key beside it (swapped where no key is beside it; dropped where a
    swap would change nothing or has no next letter)."""
    slip = rng.choice(("drop", "double", "swap", "key"))
    keys = beside(letters[at])
    if slip == "key" and keys:
        return letters[:at] + rng.choice(keys) + letters[at + 1 :]
    if slip == "double":
        return letters[: at + 1] + letters[at:]
    if slip != "drop" and at + 1 < len(letters) and letters[at] != letters[at + 1]:
        return letters[:at] + letters[at + 1] + letters[at] + letters[at + 2 :]
    return letters[:at] + letters[at + 1 :]


def typo(question: str, rng: random.Random) -> str | None:
    """One slip of the finger in one word of five or more letters; None without one."""
    words = list(_LONG_WORD.finditer(question))
    if not words:
        return None
    word = rng.choice(words)
    letters = word.group(0)
    at = rng.randrange(1, len(letters) - 2)  # the first and last letters stay, as in slips
    return question[: word.start()] + _slip(letters, at, rng) + question[word.end() :]


def opening(question: str, rng: random.Random) -> str | None:
    """One slip in the question word that opens the question ("wat", "wen", "hw"), the
    first letter kept; None when the question opens with no question word."""
    first = re.match(r"[A-Za-z]+", question)
    if first is None or first.group(0).lower() not in QUESTION_WORDS:
        return None
    letters = first.group(0)
    return _slip(letters, rng.randrange(1, len(letters)), rng) + question[first.end() :]


# How people wrap a question in a chat: asked of someone, with a greeting or a "please".
_ASKING = ("can you tell me ", "could you tell me ", "do you know ", "I want to know ", "tell me ")
_GREETINGS = ("hi, ", "so ", "ok, ", "hello! ")


def polite(question: str, rng: random.Random) -> str | None:
    """The question asked of someone ("can you tell me what ..."), after a greeting
    ("hi, what ..."), or with ", please" at the end; lowercase, without its question mark
    after a wrapper (as typed in one go)."""
    plain = question.strip().rstrip("?").strip()
    lowered = plain[:1].lower() + plain[1:]
    wrap = rng.randrange(3)
    if wrap == 0:
        return rng.choice(_ASKING) + lowered
    if wrap == 1:
        return rng.choice(_GREETINGS) + lowered + "?"
    return plain + ", please?"


_SOURCES = ("according to the article, ", "in the text, ")
_AFTER = (" according to the article?", " in the article?", "? Thanks", "? thx :)")


def sourced(question: str, rng: random.Random) -> str | None:
    """The question naming its source ("according to the article, who ...", "... in the
    article?") or ending in thanks ("...? Thanks"), one of them, seeded."""
    plain = question.strip().rstrip("?").strip()
    if rng.randrange(2) == 0:
        return rng.choice(_SOURCES) + plain[:1].lower() + plain[1:] + "?"
    return plain + rng.choice(_AFTER)


FORMS: dict[str, Callable[[str, random.Random], str | None]] = {
    "casual": casual,
    "shortened": shortened,
    "typo": typo,
    "polite": polite,
    "opening": opening,
    "sourced": sourced,
}


def typed_set(clean: EvalSet) -> EvalSet:
    """The clean questions followed by their typed forms (`variant_of` the clean id)."""
    typed: list[EvalQuestion] = []
    for question in clean.questions:
        for name, form in FORMS.items():
            text = form(question.question, random.Random(f"{question.id}:{name}"))
            if text is not None and text != question.question:
                tag = f"{question.id}~{name}"
                typed.append(replace(question, id=tag, question=text, variant_of=question.id))
    return replace(clean, questions=[*clean.questions, *typed])


def report(outcomes: list[Outcome], show: int) -> list[str]:
    """Lines of the table: per form, same answer and F1 against the clean questions."""
    clean = [o for o in outcomes if o.question.variant_of is None]
    by_id = {o.question.id: o for o in clean}
    lines = [
        "| form | questions | same answer | F1 clean | F1 typed |",
        "|---|---|---|---|---|",
        f"| clean | {len(clean)} | | {metrics(clean)['f1']} | |",
    ]
    for name in FORMS:
        variants = [o for o in outcomes if o.question.id.endswith(f"~{name}")]
        if not variants:
            continue
        same, total = same_answers(variants, clean)
        originals = [by_id[o.question.variant_of or ""] for o in variants]
        lines.append(
            f"| {name} | {total} | {same / total:.3f} ({same}) | "
            f"{metrics(originals)['f1']} | {metrics(variants)['f1']} |"
        )
    differing = [
        (by_id[o.question.variant_of], o)
        for o in outcomes
        if o.question.variant_of and not same_answer(o.answer, by_id[o.question.variant_of].answer)
    ]
    for original, o in differing[:show]:
        lines.append(
            f"- {original.question.question!r} -> {_said(original)!r}; "
            f"{o.question.question!r} -> {_said(o)!r}"
        )
    return lines


def _said(outcome: Outcome) -> str:
    return outcome.answer.text if outcome.answer.found else "(not found)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.typed_check", description=__doc__)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    parser.add_argument("--show", type=int, default=10, help="typed questions answered otherwise")
    args = parser.parse_args(argv)

    from index.embedder import default_embedder
    from qa.bot import ArticleQA

    # The split's SQuAD-format articles: the news stories' typed forms are written by
    # people in data/stories (tools.story_check), and these figures stay comparable.
    validation = load_validation(args.limit, news_dir=None)
    asked = [q for q in validation.questions if validation.kinds[q.id] != NEAR_MISS]
    clean = EvalSet(validation.name, validation.articles, asked)
    embedder = default_embedder()
    outcomes = run(
        typed_set(clean),
        lambda title, text: ArticleQA.from_text(
            text, title, embedder=embedder, index_seconds=3600.0, answer_seconds=600.0
        ),
    )
    humans = sum(validation.kinds[q.id] == HUMAN_UNANSWERABLE for q in asked)
    print(f"{validation.name}: {len(asked)} questions ({humans} unanswerable, human-written)")
    print("\n".join(report(outcomes, args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
