"""ArticleQA: one article, indexed, answering questions with cited sentences."""

from __future__ import annotations

import threading
from pathlib import Path

from index.embedder import Embedder, default_embedder
from index.persist import open_index
from qa.answer import Answer, Evidence
from qa.article import check_article_text, read_article
from qa.calibration import Calibration
from qa.errors import InvalidQuestion
from qa.followup import Reading, read_question
from qa.retrieval import Ranking, Retriever

MAX_QUESTION_CHARS = 2000
EVIDENCE_COUNT = 3


def check_question(question: object) -> str:
    """Return the stripped question, or raise InvalidQuestion naming the problem."""
    if not isinstance(question, str):
        raise InvalidQuestion(f"the question must be text, got {type(question).__name__}")
    stripped = question.strip()
    if not stripped:
        raise InvalidQuestion("the question is empty")
    if len(stripped) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"the question is {len(stripped):,} characters; the limit is {MAX_QUESTION_CHARS:,}"
        )
    return stripped


class ArticleQA:
    """Questions over one article. Thread-safe: the index is read-only once built."""

    def __init__(
        self,
        text: str,
        title: str | None = None,
        *,
        embedder: Embedder | None = None,
        index_dir: Path | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.text = check_article_text(text)
        self.title = title or self.text.strip().splitlines()[0][:80]
        self.embedder = embedder or default_embedder()
        self.index, self.index_note = open_index(index_dir, self.text, self.embedder)
        self.retriever = Retriever(self.index, self.embedder)
        self.calibration = calibration or Calibration.load()

    @classmethod
    def from_text(cls, text: str, title: str | None = None, **options: object) -> ArticleQA:
        """Index an article given as text."""
        return cls(text, title, **options)  # type: ignore[arg-type]

    @classmethod
    def from_file(cls, path: str | Path, title: str | None = None, **options: object) -> ArticleQA:
        """Index a UTF-8 text file; the title defaults to the file name."""
        return cls(read_article(path), title or Path(path).stem, **options)  # type: ignore[arg-type]

    @property
    def sentences(self) -> list:
        return self.index.sentences

    def features(self, ranking: Ranking) -> dict[str, float]:
        """The signals the calibration turns into a probability of being answerable."""
        top = ranking.candidates[0]
        second = ranking.candidates[1].score if len(ranking.candidates) > 1 else 0.0
        return {
            "top_score": top.score,
            "top_dense": top.dense,
            "coverage": self.retriever.coverage(ranking, top.position),
            "margin": top.score - second,
            "unknown_date": float(ranking.asks_unknown_date),
        }

    def evidence(self, ranking: Ranking, count: int = EVIDENCE_COUNT) -> list[Evidence]:
        """The best `count` sentences as citations."""
        cited = []
        for candidate in ranking.candidates[:count]:
            sentence = self.index.sentences[candidate.position]
            cited.append(
                Evidence(
                    article=self.title,
                    position=sentence.position,
                    text=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                    score=round(candidate.score, 4),
                )
            )
        return cited

    def read(self, question: str, history: list[dict[str, str]] | None = None) -> Reading:
        """How `question` will be understood given the chat so far."""
        return read_question(check_question(question), history)

    def inspect(
        self, question: str, history: list[dict[str, str]] | None = None
    ) -> tuple[Reading, Ranking, dict[str, float]]:
        """The reading, the ranking and the abstention features for a question."""
        reading = self.read(question, history)
        ranking = self.retriever.rank(reading.query)
        return reading, ranking, self.features(ranking)

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> Answer:
        """Answer `question` from the article, citing sentences; abstains when unsupported."""
        reading, ranking, features = self.inspect(question, history)
        probability = self.calibration.probability(features)
        found = probability >= self.calibration.threshold
        evidence = self.evidence(ranking)
        return Answer(
            text=evidence[0].text if found else "",
            found=found,
            score=round(probability, 4),
            evidence=evidence,
            reading=reading.note,
        )


_bundled: ArticleQA | None = None
_bundled_lock = threading.Lock()


def bundled() -> ArticleQA:
    """The bundled article's ArticleQA, built once on first use."""
    global _bundled
    with _bundled_lock:
        if _bundled is None:
            from qa.article import BUNDLED_ARTICLE, BUNDLED_TITLE
            from qa.storage import bundled_index_dir

            _bundled = ArticleQA.from_text(
                BUNDLED_ARTICLE.read_text("utf-8"), BUNDLED_TITLE, index_dir=bundled_index_dir()
            )
        return _bundled


def ask(question: str, history: list[dict[str, str]] | None = None) -> Answer:
    """Ask the bundled article a question (see ArticleQA.ask)."""
    return bundled().ask(question, history)
