"""The keyword queries tools.keyword_check asks: each is one (qa.keyword_query reads it as
a question unless it is too long) and names a question of the validation split, never one
of ../shared/eval."""

from __future__ import annotations

import json
from pathlib import Path

from qa.keyword_query import MAX_QUERY_WORDS, REQUESTS, as_question
from qa.referring import WORD
from tools.keyword_check import queries

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def test_every_query_is_a_keyword_query_for_a_split_question() -> None:
    rows = queries()
    assert len(rows) == 57
    for article, query, qid in rows:
        assert article and qid
        # Written before the rule was: one is longer than it takes, two start with a
        # word that is also a request ("state GDP 2011"); they are read as typed.
        words = [w.lower() for w in WORD.findall(query)]
        typed = len(words) > MAX_QUERY_WORDS or words[0] in REQUESTS
        assert (as_question(query) is None) == typed, query


def test_no_query_names_an_evaluation_question() -> None:
    ids = {qid for _, _, qid in queries()}
    squad = json.loads((EVAL / "squad2_dev_normans_rhine.json").read_text(encoding="utf-8"))
    eval_ids = {q["id"] for a in squad["data"] for p in a["paragraphs"] for q in p["qas"]}
    assert eval_ids and not ids & eval_ids
