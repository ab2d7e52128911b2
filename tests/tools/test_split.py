"""The validation split: whole articles held out, from every source, the same every time."""

from __future__ import annotations

from tools.reader.split import (
    SQUAD2_SAMPLE,
    WRITTEN_FOR_TRAINING,
    count,
    held_out,
    side_of,
    split_files,
    validation_titles,
)
from tools.reader.squad import _open_json, load_paragraphs


def test_validation_holds_thousands_of_questions_and_human_unanswerables() -> None:
    rows = [row for row in count(split_files()) if row.side == "validation"]
    assert sum(row.questions for row in rows) >= 10_000
    assert sum(row.unanswerable for row in rows) >= 100  # written by people
    # Every source gives the validation side some questions, but the one written for the
    # training side.
    assert all(row.questions > 0 for row in rows if row.source != WRITTEN_FOR_TRAINING), rows
    assert [row.questions for row in rows if row.source == WRITTEN_FOR_TRAINING] == [0]


def test_an_article_is_on_one_side_in_every_file() -> None:
    files = split_files()
    held = validation_titles(files)
    sample = {
        a["title"] for a in _open_json(next(f for f in files if f.name == SQUAD2_SAMPLE))["data"]
    }
    squad11 = next(f for f in files if f.name == "squad11_train.json.gz")
    for article in _open_json(squad11)["data"]:
        sides = {
            side_of(article["title"], p["context"], False, held) for p in article["paragraphs"]
        }
        assert len(sides) == 1
        if article["title"] in sample & held:
            assert sides == {"validation"}  # the sample's held-out articles, in 1.1 too


def test_the_split_is_stable_and_keeps_the_evaluation_articles_out() -> None:
    assert validation_titles(split_files()) == validation_titles(split_files())
    assert held_out("Normans") == held_out("Normans")  # a hash, not a draw
    titles = {a["title"] for f in split_files() for a in _open_json(f)["data"]}
    assert not titles & {"Normans", "Rhine", "Computational_complexity_theory"}


def test_the_unanswerables_written_for_training_sit_on_training_paragraphs() -> None:
    files = split_files()
    held = validation_titles(files)
    written = next(f for f in files if f.name == WRITTEN_FOR_TRAINING)
    squad11 = next(f for f in files if f.name == "squad11_train.json.gz")
    contexts = {p["context"] for a in _open_json(squad11)["data"] for p in a["paragraphs"]}
    articles = _open_json(written)["data"]
    questions = [q for a in articles for p in a["paragraphs"] for q in p["qas"]]
    assert len(questions) >= 400 and len({q["id"] for q in questions}) == len(questions)
    assert all(q["is_impossible"] and not q["answers"] for q in questions)
    for article in articles:
        assert article["title"] not in held
        assert all(p["context"] in contexts for p in article["paragraphs"])
    # The trainer reads them as unanswerables written by people, beside their paragraph.
    read = load_paragraphs([written])
    assert sum(len(p.unanswerable) for p in read) == len(questions)
