"""The validation questions, asked as the product asks: whole articles, held out of training.

    python -m tools.validation [--limit N]      # counts per source and kind of question

The articles are the validation side of tools.reader.split (every source in data/qa-train
and its squad/ folder), each paragraph joined to its article's others by blank lines as
qa.datasets does for the SQuAD dev file, so retrieval has a whole article to search:

- An article that appears in two files (the SQuAD 2.0 sample repeats SQuAD 1.1 articles)
  is one article: its paragraphs once, each question id once, the human unanswerables
  (is_impossible) kept.
- A single-article source (Reddit comments: independent paragraphs) becomes
  pseudo-articles of PARAGRAPHS_PER_PSEUDO_ARTICLE consecutive held-out paragraphs.
- An article over qa.limits' token limit is cut between paragraphs into parts that fit;
  each question stays with its paragraph's part.
- News stories (data/validation-news: invented news articles with questions, a quarter of
  them unanswerable, and 8 more unanswerables each written the way SQuAD 2.0's were, all
  written for this split) are held out of training by being nowhere else; each story
  is one article and all of them are taken whatever the `--limit`: the product reads
  news, and the SQuAD-format sources hold none.
- Unanswerables "made as in training": for a seeded share of the answerable questions, a
  near-miss twin (tools.reader.near_miss.swapped_question) with the whole article as the
  passage, so a swapped-in name or number, drawn from OTHER validation articles, is one
  the article never mentions.

Everything is seeded per article, so a `--limit` subset holds exactly the questions (and
twins) its articles hold in the full set. `--limit N` takes whole articles, stratified by
source, until about N of the split's questions are taken: indexing stays cheap.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qa.datasets import EvalQuestion, EvalSet
from qa.limits import MAX_ARTICLE_TOKENS
from tools.reader.near_miss import names_and_numbers, swapped_question
from tools.reader.split import side_of, split_files, validation_titles
from tools.reader.squad import DEFAULT_DATA_DIR, _open_json

SEED = 14
NEWS_DIR = Path(__file__).resolve().parents[1] / "data" / "validation-news"
NEWS_SOURCE = "validation_news"
# A story's questions, then its SQuAD 2.0-style unanswerables (a word changed, not a
# detail), written later by other writers (data/validation-news/README.md).
QUESTION_FILES = ("questions.jsonl", "adversarial.jsonl")
# A twin is drawn for half of the answerable questions; about two draws in three find
# something to swap, so about a quarter of the questions are unanswerable (SQuAD 2.0's
# training set: a third). Users ask mostly what the article says.
NEAR_MISS_SHARE = 0.5
PARAGRAPHS_PER_PSEUDO_ARTICLE = 20
# Names and numbers from other articles offered to each article's swaps: enough of both
# kinds, few enough that checking each against the article stays cheap.
ENTITY_POOL = 300
# A part's paragraphs are counted one by one; the joined text can count a few more.
PART_TOKENS = int(MAX_ARTICLE_TOKENS * 0.95)

ANSWERABLE = "answerable"
HUMAN_UNANSWERABLE = "unanswerable (human)"
NEAR_MISS = "unanswerable (near miss)"
KINDS = (ANSWERABLE, HUMAN_UNANSWERABLE, NEAR_MISS)


@dataclass
class _Paragraph:
    context: str
    questions: list[tuple[str, str, list[str]]]  # (id, question, answers: [] = unanswerable)


@dataclass
class SourceArticle:
    """One held-out article (or pseudo-article) as read from the files, before cutting."""

    source: str  # the file it first appears in, without extensions
    title: str
    paragraphs: list[_Paragraph] = field(default_factory=list)

    @property
    def stratum(self) -> str:
        """Its source, or the human-unanswerable stratum (few articles, many such)."""
        human = any(not answers for p in self.paragraphs for _, _, answers in p.questions)
        return "human unanswerables" if human else self.source

    @property
    def question_count(self) -> int:
        return sum(len(p.questions) for p in self.paragraphs)


@dataclass(frozen=True)
class ValidationSet(EvalSet):
    """An EvalSet of the split, with where each article came from and what each question is."""

    sources: dict[str, str]  # article key -> source file stem
    kinds: dict[str, str]  # question id -> one of KINDS


def _source_name(path: Path) -> str:
    return path.name.split(".json")[0]


def source_articles(data_dir: Path = DEFAULT_DATA_DIR) -> list[SourceArticle]:
    """The validation side's articles, merged across files, in file order."""
    files = split_files(data_dir)
    held = validation_titles(files)
    by_title: dict[str, SourceArticle] = {}
    paragraphs: dict[tuple[str, str], _Paragraph] = {}
    seen: set[str] = set()
    for path in files:
        articles = _open_json(path)["data"]
        single = len(articles) == 1
        for article in articles:
            title = article.get("title", "")
            kept = [
                p
                for p in article["paragraphs"]
                if side_of(title, p["context"], single, held) == "validation"
            ]
            for number, paragraph in enumerate(kept):
                # Independent paragraphs of one big "article" make pseudo-articles.
                key = f"{title} {number // PARAGRAPHS_PER_PSEUDO_ARTICLE + 1}" if single else title
                into = by_title.setdefault(key, SourceArticle(_source_name(path), key))
                context = paragraph["context"]
                if (key, context) not in paragraphs:
                    paragraphs[(key, context)] = _Paragraph(context, [])
                    into.paragraphs.append(paragraphs[(key, context)])
                for qa in paragraph["qas"]:
                    if qa["id"] in seen:
                        continue
                    seen.add(qa["id"])
                    answers = [] if qa.get("is_impossible") else _answers(qa)
                    if answers or qa.get("is_impossible"):
                        paragraphs[(key, context)].questions.append(
                            (qa["id"], qa["question"].strip(), answers)
                        )
    return [a for a in by_title.values() if a.question_count]


def news_articles(folder: Path | None = NEWS_DIR) -> list[SourceArticle]:
    """The news stories of `folder` (vNN/<slug>/article.txt and QUESTION_FILES), each one
    article of one paragraph: its whole text, blank lines and all. None: no stories."""
    if folder is None:
        return []
    articles = []
    for story in sorted(p.parent for p in folder.glob("*/*/questions.jsonl")):
        name = f"{story.parent.name}/{story.name}"
        rows = [row for file in QUESTION_FILES for row in _rows(story / file)]
        questions = [
            (f"news/{name}/{row['id']}", row["question"].strip(), list(row["answers"]))
            for row in rows
        ]
        text = (story / "article.txt").read_text("utf-8").strip()
        articles.append(SourceArticle(NEWS_SOURCE, f"news {name}", [_Paragraph(text, questions)]))
    return articles


def _rows(path: Path) -> list[dict]:
    """The JSON lines of `path`; none when the story has no such file."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _answers(qa: dict) -> list[str]:
    """The distinct gold answer texts, in order."""
    texts = (a["text"].strip() for a in qa.get("answers", []))
    return list(dict.fromkeys(t for t in texts if t))


def stratified(articles: list[SourceArticle], limit: int | None) -> list[SourceArticle]:
    """Whole articles, about `limit` questions in all, each stratum in its share of the
    split (at least one article each); all of them without a limit. Seeded."""
    if limit is None:
        return articles
    total = sum(a.question_count for a in articles)
    strata: dict[str, list[SourceArticle]] = {}
    for article in articles:
        strata.setdefault(article.stratum, []).append(article)
    chosen: set[str] = set()
    for stratum, members in sorted(strata.items()):
        share = limit * sum(a.question_count for a in members) / total
        order = sorted(members, key=lambda a: a.title)
        random.Random(f"{SEED}:{stratum}").shuffle(order)
        taken = 0
        for article in order:
            if taken and taken >= share:
                break
            chosen.add(article.title)
            taken += article.question_count
    return [a for a in articles if a.title in chosen]


def _parts(article: SourceArticle) -> list[tuple[str, list[_Paragraph]]]:
    """The article cut between paragraphs into parts within the token limit."""
    from index.tokens import count_tokens

    parts: list[tuple[str, list[_Paragraph]]] = []
    current: list[_Paragraph] = []
    tokens = 0
    for paragraph in article.paragraphs:
        size = count_tokens(paragraph.context)
        if current and tokens + size > PART_TOKENS:
            parts.append(("", current))
            current, tokens = [], 0
        current.append(paragraph)
        tokens += size
    parts.append(("", current))
    if len(parts) == 1:
        return [(article.title, current)]
    return [(f"{article.title} (part {n})", ps) for n, (_, ps) in enumerate(parts, 1)]


def _entity_pool(articles: list[SourceArticle]) -> list[str]:
    """Every name and number of the split's articles, once each, sorted."""
    found: set[str] = set()
    for article in articles:
        for paragraph in article.paragraphs:
            found.update(names_and_numbers(paragraph.context))
    return sorted(found)


def near_miss_twin(
    question: str, article_text: str, pool: Sequence[str], rng: random.Random
) -> str | None:
    """Maybe (NEAR_MISS_SHARE of the draws) a near-miss twin of an answerable question.

    The passage is the whole article, so that nothing swapped in is mentioned anywhere
    in what the product searches; the twin is dropped when it equals the question.
    """
    if rng.random() >= NEAR_MISS_SHARE:
        return None
    twin = swapped_question(question, article_text, pool, rng)
    return twin if twin and twin.strip() != question.strip() else None


def load_validation(
    limit: int | None = None,
    data_dir: Path = DEFAULT_DATA_DIR,
    news_dir: Path | None = NEWS_DIR,
) -> ValidationSet:
    """The split's questions over whole articles (see the module docstring); with the news
    stories of `news_dir` (all of them) unless it is None."""
    every = source_articles(data_dir)
    # Twins swap in names and numbers of the SQuAD-format articles only, so adding stories
    # leaves every other article's twins as they were.
    entities = _entity_pool(every)
    articles: dict[str, tuple[str, str]] = {}
    sources: dict[str, str] = {}
    kinds: dict[str, str] = {}
    questions: list[EvalQuestion] = []
    for article in stratified(every, limit) + news_articles(news_dir):
        rng = random.Random(f"{SEED}:near-miss:{article.title}")
        own = set(names_and_numbers(" ".join(p.context for p in article.paragraphs)))
        # Other articles' names and numbers only: the article's own might answer a twin.
        pool = [e for e in rng.sample(entities, min(ENTITY_POOL, len(entities))) if e not in own]
        for key, paragraphs in _parts(article):
            text = "\n\n".join(p.context for p in paragraphs)
            articles[key] = (key, text)
            sources[key] = article.source
            for paragraph in paragraphs:
                for qid, question, answers in paragraph.questions:
                    questions.append(EvalQuestion(qid, question, answers, key))
                    kinds[qid] = ANSWERABLE if answers else HUMAN_UNANSWERABLE
                    twin = near_miss_twin(question, text, pool, rng) if answers else None
                    if twin:
                        questions.append(EvalQuestion(f"{qid}/near-miss", twin, [], key))
                        kinds[f"{qid}/near-miss"] = NEAR_MISS
    name = "validation split" + (f" (about {limit} questions)" if limit else "")
    return ValidationSet(name, articles, questions, sources, kinds)


def counts(validation: ValidationSet) -> list[tuple[str, int, dict[str, int]]]:
    """(source, articles, questions per kind) for each source, sorted by source."""
    articles = Counter(validation.sources.values())
    per_kind: dict[str, Counter[str]] = {source: Counter() for source in articles}
    for question in validation.questions:
        per_kind[validation.sources[question.article]][validation.kinds[question.id]] += 1
    return [(s, articles[s], dict(per_kind[s])) for s in sorted(articles)]


def print_counts(validation: ValidationSet) -> None:
    """A table of articles and questions of each kind per source, with the totals."""
    print(f"{validation.name}:")
    print(f"{'source':36} {'articles':>8} " + " ".join(f"{k:>24}" for k in KINDS))
    totals: Counter[str] = Counter()
    for source, article_count, kinds in counts(validation):
        totals.update(kinds)
        cells = " ".join(f"{kinds.get(k, 0):24d}" for k in KINDS)
        print(f"{source:36} {article_count:8d} {cells}")
    cells = " ".join(f"{totals.get(k, 0):24d}" for k in KINDS)
    print(f"{'all':36} {len(validation.articles):8d} {cells}")


def positive_int(value: str) -> int:
    """argparse type: a whole number above 0, with a one-line error otherwise."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Print the validation set's counts per source and kind of question."""
    parser = argparse.ArgumentParser(prog="python -m tools.validation", description=__doc__)
    parser.add_argument("--limit", type=positive_int, help="about this many split questions")
    args = parser.parse_args(argv)
    print_counts(load_validation(args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
