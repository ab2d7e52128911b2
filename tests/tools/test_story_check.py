"""Scoring the news stories (tools.story_check) with a bot that answers from a table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qa.answer import Answer
from qa.bot import Decision
from tools.story_check import changed, check, row_f1, story_folders, summary

ANSWERS = {"Who runs the port?": "Marit Ekholm", "Who owns the port?": "the city"}


class TableBot:
    """Answers what ANSWERS holds and withholds the rest."""

    def ask(self, question: str, history: Any = None) -> Answer:
        return self.decide(question, history).answer

    def decide(self, question: str, history: Any = None) -> Decision:
        text = ANSWERS.get(question, "")
        return Decision(Answer(text, bool(text), 0.9 if text else 0.1, []), text)


def _story(root: Path) -> None:
    folder = root / "h01" / "port"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Marit Ekholm runs the port.\n", "utf-8")
    rows = [
        {"id": "q01", "question": "Who runs the port?", "answers": ["Marit Ekholm"]},
        {"id": "q02", "question": "How old is she?", "answers": []},
        {"id": "q03", "question": "Who owns the port?", "answers": []},
    ]
    (folder / "questions.jsonl").write_text("\n".join(map(json.dumps, rows)), "utf-8")
    chat = [{"id": "c01", "question": "Who runs the port?", "answers": ["Ekholm"], "history": []}]
    (folder / "conversation.jsonl").write_text(json.dumps(chat[0]), "utf-8")


def test_a_withheld_unanswerable_scores_one_and_an_answered_one_zero() -> None:
    assert row_f1([], "") == 1.0 and row_f1([], "the city") == 0.0
    assert row_f1(["Marit Ekholm"], "") == 0.0 and row_f1(["Marit Ekholm"], "Ekholm") > 0.5


def test_every_story_is_scored_by_set_and_kind(tmp_path: Path) -> None:
    _story(tmp_path)
    assert [p.name for p in story_folders(tmp_path)] == ["port"]
    record = check(tmp_path, lambda text, title: TableBot())
    assert record["h01/port/questions/q01"]["f1"] == 1.0
    assert record["h01/port/questions/q02"]["f1"] == 1.0  # withheld, as it should be
    assert record["h01/port/questions/q03"]["f1"] == 0.0  # answered, unanswerable
    totals = summary(record)
    assert totals["all"]["questions"] == (round(2 / 3, 3), 3)
    assert totals["h01"]["conversation"][1] == 1
    later = {**record, "h01/port/questions/q03": {**record["h01/port/questions/q03"], "f1": 1.0}}
    assert [key for _, key, *_ in changed(record, later)] == ["h01/port/questions/q03"]


def test_the_shipped_stories_are_all_readable() -> None:
    from qa.datasets import load_jsonl
    from tools.story_check import DEFAULT_STORIES, KINDS

    folders = story_folders(DEFAULT_STORIES)
    assert len(folders) == 98
    for folder in folders:
        for kind in KINDS:
            questions = load_jsonl(folder / f"{kind}.jsonl", folder / "article.txt").questions
            assert questions, f"{folder.name}/{kind} is empty"
            text = (folder / "article.txt").read_text("utf-8")
            for question in questions:  # every gold answer copied from the article
                assert all(a in text for a in question.answers), (folder.name, question.id)
