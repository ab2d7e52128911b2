"""Keyword queries ("cleaning time", "Alstom acquisition price") on the validation split:
read as typed, or as the question they stand for (qa.keyword_query)?

    python -m tools.keyword_check

The split has no keyword queries of its own (its questions are written as questions), so
tools/data/keyword_queries.tsv holds 57 written by hand for split questions, before either
reading was run, scored by those questions' answers. Each is asked over its whole article,
as the product asks, both ways; it prints each pair of answers and the F1 both ways (as if
answered, and as delivered: 0 where withheld). It measures; nothing is chosen by it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import qa.followup
from qa.bot import ArticleQA
from qa.keyword_query import as_question
from qa.scoring import token_f1
from tools.validation import load_validation

QUERIES = Path(__file__).parent / "data" / "keyword_queries.tsv"
# The articles the queries ask about are all in this much of the split.
LIMIT = 4000
READINGS = {"as typed": lambda query: None, "as a question": as_question}


def queries(path: Path = QUERIES) -> list[tuple[str, str, str]]:
    """(article key, query, question id) rows of the file, comments left out."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, query, qid = line.split("\t")
            rows.append((article, query, qid))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    from index.embedder import default_embedder

    validation = load_validation(LIMIT, news_dir=None)  # its queries are for these articles
    golds = {q.id: q.answers for q in validation.questions}
    embedder = default_embedder()
    bots: dict[str, ArticleQA] = {}
    totals = {name: [0.0, 0.0] for name in READINGS}
    rows = queries()
    for article, query, qid in rows:
        if article not in bots:
            title, text = validation.articles[article]
            bots[article] = ArticleQA.from_text(
                text, title, embedder=embedder, index_seconds=3600.0, answer_seconds=600.0
            )
        bot = bots[article]
        said = []
        for name, reading in READINGS.items():
            # The one switch: how a question that stands alone is read (qa.followup).
            qa.followup.as_question = reading  # type: ignore[assignment]
            answer = bot.ask(query)
            text = bot.answer_from(bot.inspect(query)).text
            f1 = token_f1(text, golds[qid])
            totals[name][0] += f1
            totals[name][1] += f1 if answer.found else 0.0
            said.append(f"{name}: {text[:40]!r} {f1:.2f}{'' if answer.found else ' (withheld)'}")
        print(f"{query} | {golds[qid][0][:30]} | " + " | ".join(said), flush=True)
    qa.followup.as_question = as_question  # type: ignore[assignment]
    for name, (answered, delivered) in totals.items():
        print(
            f"{name}: F1 if answered {answered / len(rows):.3f}, "
            f"delivered {delivered / len(rows):.3f} ({len(rows)} queries)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
