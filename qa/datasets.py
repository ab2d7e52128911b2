"""Evaluation sets: the article dev JSONL and SQuAD 2.0 JSON, as one question shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from qa.article import BUNDLED_ARTICLE, BUNDLED_TITLE, read_article
from qa.errors import InvalidArticle


@dataclass(frozen=True)
class EvalQuestion:
    """One question: gold answers ([] = unanswerable), gold sentences if known, prior turns."""

    id: str
    question: str
    answers: list[str]
    article: str  # key into EvalSet.articles
    evidence: list[int] | None = None
    history: list[str] = field(default_factory=list)
    variant_of: str | None = None  # the id of the question this one rephrases


@dataclass(frozen=True)
class EvalSet:
    """Articles by key (title, text) and the questions asked of them."""

    name: str
    articles: dict[str, tuple[str, str]]
    questions: list[EvalQuestion]


def load_jsonl(path: Path, article: Path | None = None) -> EvalSet:
    """Questions over one article (the bundled one unless `article` is given)."""
    if article is None:
        key, text = BUNDLED_TITLE, BUNDLED_ARTICLE.read_text("utf-8")
    else:
        key, text = article.stem, read_article(article)
    questions = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InvalidArticle(f"{path} line {number} is not JSON: {exc}") from exc
        questions.append(
            EvalQuestion(
                id=str(row.get("id", number)),
                question=row["question"],
                answers=list(row.get("answers", [])),
                article=key,
                evidence=row.get("evidence"),
                history=list(row.get("history", [])),
                variant_of=row.get("variant_of"),
            )
        )
    return EvalSet(path.stem, {key: (key, text)}, questions)


def load_squad(path: Path) -> EvalSet:
    """SQuAD 2.0 JSON; each article's paragraphs joined by blank lines, asked as a whole."""
    data = json.loads(path.read_text("utf-8"))
    articles: dict[str, tuple[str, str]] = {}
    questions = []
    for entry in data["data"]:
        title = entry["title"]
        articles[title] = (title, "\n\n".join(p["context"] for p in entry["paragraphs"]))
        for paragraph in entry["paragraphs"]:
            for qa in paragraph["qas"]:
                golds = [] if qa.get("is_impossible") else [a["text"] for a in qa["answers"]]
                questions.append(EvalQuestion(qa["id"], qa["question"], golds, title))
    return EvalSet(path.stem, articles, questions)


def load_eval_set(path: str | Path, article: str | Path | None = None) -> EvalSet:
    """Either format, by extension (.jsonl or .json)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidArticle(f"dataset file not found: {path}")
    if path.suffix == ".jsonl":
        return load_jsonl(path, Path(article) if article else None)
    if path.suffix == ".json":
        return load_squad(path)
    raise InvalidArticle(f"unknown dataset format {path.suffix!r}: use .jsonl or SQuAD .json")
