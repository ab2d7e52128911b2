"""Build reader training windows from SQuAD-format data.

At run time the retriever hands the reader a question and a window of 1-5 consecutive
sentences of the article, so training uses exactly that shape: positives are the
sentence(s) holding the answer plus some neighbours, negatives are windows that do not
hold the answer (other sentences of the same paragraph, or a window of another
article). The data has no unanswerable questions, so negatives are made here; they
teach the reader to point at [CLS] ("no answer").

Those negatives are easy: the passage is about something else. Real unanswerable
questions (SQuAD 2.0's) are mostly near misses: the passage talks about the question's
topic but not the entity, number or polarity asked. "neg-swap" windows imitate them:
the positive's own passage with one name or number of the question swapped for another
from the same article, one word swapped for its opposite ("largest" for "smallest",
"before" for "after"), one content word swapped for another of the article's
("discovered" for "formed"), or the question negated.

Everything is deterministic given the seed: the same seed gives the same windows.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.sentences import Sentence, split_sentences

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "qa-train"

# About 4 characters per WordPiece token: 640 characters keep question + passage under
# the 192-token limit nearly always, so the answer is never truncated away.
DEFAULT_MAX_CHARS = 640
MAX_SENTENCES = 5


@dataclass(frozen=True)
class Paragraph:
    """One context paragraph, already split into sentences."""

    article: str  # "<file>/<title>": negatives from "another article" must differ here
    context: str
    sentences: tuple[Sentence, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Question:
    """A question with its (first) gold answer located in the paragraph context."""

    qid: str
    text: str
    answer_start: int
    answer_text: str
    all_answers: tuple[str, ...]


@dataclass(frozen=True)
class Window:
    """One training example: a question and a passage; answer_start is None for negatives.

    For positives ``passage[answer_start:answer_start + len(answer_text)] == answer_text``.
    """

    qid: str
    question: str
    passage: str
    answer_start: int | None
    answer_text: str
    # "pos"; "neg-same" (same paragraph), "neg-other" (another article), or "neg-swap"
    # (the positive's passage with the question changed so that the passage no longer
    # answers it)
    kind: str

    @property
    def answer_end(self) -> int | None:
        """Character offset just past the answer, or None for a negative."""
        if self.answer_start is None:
            return None
        return self.answer_start + len(self.answer_text)


def _open_json(path: Path) -> dict:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    return json.loads(path.read_text(encoding="utf-8"))


def data_files(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Path]:
    """The SQuAD JSON files (plain or gzipped) in data_dir, sorted for determinism."""
    d = Path(data_dir)
    files = sorted(list(d.glob("*.json")) + list(d.glob("*.json.gz")))
    if not files:
        raise FileNotFoundError(f"no *.json or *.json.gz SQuAD files in {d}")
    return files


def _locate_answer(context: str, text: str, start: int) -> tuple[int, str] | None:
    """Return a (start, text) that matches the context exactly, trimmed of outer spaces.

    A few crowd-sourced offsets are off by some characters; search near the given
    offset rather than trust it, and drop the answer if it cannot be found.
    """
    text = text.strip()
    if not text:
        return None
    if context[start : start + len(text)] == text:
        return start, text
    # The raw offset may point at leading whitespace that strip() removed.
    candidates = [i for i in range(max(0, start - 40), start + 40) if context.startswith(text, i)]
    if candidates:
        best = min(candidates, key=lambda i: abs(i - start))
        return best, text
    found = context.find(text)
    return (found, text) if found >= 0 else None


def load_paragraphs(files: Iterable[Path], limit: int | None = None) -> list[Paragraph]:
    """Parse SQuAD files into paragraphs with sentences and located answers.

    ``limit`` caps the number of questions (for smoke tests); paragraphs are read in
    file order so the cap is deterministic.
    """
    paragraphs: list[Paragraph] = []
    n_questions = 0
    for path in files:
        for article in _open_json(path)["data"]:
            title = f"{path.name}/{article.get('title', '')}"
            for para in article["paragraphs"]:
                context = para["context"]
                questions: list[Question] = []
                for qa in para["qas"]:
                    if qa.get("is_impossible") or not qa.get("answers"):
                        continue
                    first = qa["answers"][0]
                    located = _locate_answer(context, first["text"], int(first["answer_start"]))
                    if located is None:
                        continue
                    answers = tuple(a["text"].strip() for a in qa["answers"] if a["text"].strip())
                    questions.append(
                        Question(qa["id"], qa["question"].strip(), located[0], located[1], answers)
                    )
                if not questions:
                    continue
                if limit is not None and n_questions >= limit:
                    return paragraphs
                if limit is not None:
                    questions = questions[: limit - n_questions]
                n_questions += len(questions)
                sentences = tuple(split_sentences(context))
                paragraphs.append(Paragraph(title, context, sentences, tuple(questions)))
    return paragraphs


def _span_text(context: str, sentences: Sequence[Sentence], i: int, j: int) -> tuple[int, str]:
    """Character start and text of sentences i..j (inclusive), with original spacing."""
    start = sentences[i].start
    return start, context[start : sentences[j].end]


def _positive(q: Question, p: Paragraph, rng: random.Random, max_chars: int) -> Window | None:
    sents = p.sentences
    a_start, a_end = q.answer_start, q.answer_start + len(q.answer_text)
    # The sentences the answer touches (usually one; a few answers cross a boundary).
    hit = [k for k, s in enumerate(sents) if s.start < a_end and s.end > a_start]
    if not hit:
        return None
    lo, hi = hit[0], hit[-1]
    want = max(rng.randint(1, MAX_SENTENCES), hi - lo + 1)
    extra = want - (hi - lo + 1)
    # Put the answer sentence anywhere in the window, as the retriever's windows do.
    before = rng.randint(0, extra)
    i = max(0, lo - before)
    j = min(len(sents) - 1, hi + (extra - (lo - i)))
    # Shrink from the side farther from the answer until it fits the length budget.
    while j > hi or i < lo:
        if sents[j].end - sents[i].start <= max_chars:
            break
        if j > hi and (j - hi >= lo - i):
            j -= 1
        else:
            i += 1
    w_start, passage = _span_text(p.context, sents, i, j)
    if not (w_start <= a_start and a_end <= w_start + len(passage)):
        return None  # answer crosses the first/last sentence edge (splitter quirk)
    return Window(q.qid, q.text, passage, a_start - w_start, q.answer_text, "pos")


def _contains_answer(passage: str, q: Question) -> bool:
    low = passage.lower()
    return any(a.lower() in low for a in q.all_answers)


def _random_window(
    p: Paragraph, rng: random.Random, max_chars: int, avoid: tuple[int, int] | None = None
) -> str | None:
    """A window of 1-5 sentences of p that stays clear of sentence range ``avoid``."""
    sents = p.sentences
    allowed = [k for k in range(len(sents)) if avoid is None or not avoid[0] <= k <= avoid[1]]
    if not allowed:
        return None
    i = rng.choice(allowed)
    j = i
    want = rng.randint(1, MAX_SENTENCES)
    while (
        j - i + 1 < want
        and j + 1 < len(sents)
        and (avoid is None or not avoid[0] <= j + 1 <= avoid[1])
        and sents[j + 1].end - sents[i].start <= max_chars
    ):
        j += 1
    _, passage = _span_text(p.context, sents, i, j)
    if len(passage) > max_chars * 2:
        passage = passage[: max_chars * 2]  # one very long "sentence": keep a prefix
    return passage if passage.strip() else None


def _negative(
    q: Question,
    p: Paragraph,
    paragraphs: Sequence[Paragraph],
    rng: random.Random,
    max_chars: int,
) -> Window | None:
    """A window that does not hold the answer; None if none could be found."""
    a_start, a_end = q.answer_start, q.answer_start + len(q.answer_text)
    hit = [k for k, s in enumerate(p.sentences) if s.start < a_end and s.end > a_start]
    # Half from the same paragraph (hard: same topic, wrong sentences) when it has room.
    if hit and len(p.sentences) > hit[-1] - hit[0] + 1 and rng.random() < 0.5:
        passage = _random_window(p, rng, max_chars, avoid=(hit[0], hit[-1]))
        if passage is not None and not _contains_answer(passage, q):
            return Window(q.qid, q.text, passage, None, "", "neg-same")
    for _ in range(10):
        other = paragraphs[rng.randrange(len(paragraphs))]
        if other.article == p.article:
            continue
        passage = _random_window(other, rng, max_chars)
        if passage is not None and not _contains_answer(passage, q):
            return Window(q.qid, q.text, passage, None, "", "neg-other")
    return None


# A name (capitalised words, possibly joined by "of"/"the"/"de"...) or a number.
_ENTITY = re.compile(
    r"\b(?:[A-Z][\w'-]*(?:\s+(?:of|the|de|du|von|van|and|la|le)?\s*[A-Z][\w'-]*)*"
    r"|\d[\d,.]*\d|\d)\b"
)
NEGATE_SHARE = 0.25
_AUXILIARY = re.compile(r"\b(did|does|do|was|were|is|are|can|could|has|have|had|will|would)\b")

# Common English opposites that change what a factual question asks. About a fifth of
# SQuAD 2.0's unanswerable questions are made this way (Rajpurkar et al. 2018, "Know
# What You Don't Know"): "the largest" asked of a passage that only names the smallest.
_OPPOSITE_PAIRS = (
    "first last|largest smallest|biggest smallest|bigger smaller|larger smaller|"
    "highest lowest|higher lower|most least|more less|earliest latest|earlier later|"
    "before after|increase decrease|increased decreased|increases decreases|"
    "rise fall|rose fell|north south|northern southern|east west|eastern western|"
    "upper lower|inner outer|maximum minimum|major minor|longest shortest|"
    "longer shorter|oldest youngest|older younger|start end|started ended|"
    "began ended|opened closed|win lose|won lost|accepted rejected|allowed forbidden|"
    "success failure|successful unsuccessful|strongest weakest|stronger weaker|"
    "fastest slowest|faster slower|richest poorest|deepest shallowest|widest narrowest|"
    "top bottom|inside outside|above below|upstream downstream|import export|"
    "imported exported|buy sell|bought sold|private public|legal illegal|"
    "positive negative|common rare|ancient modern|domestic foreign|internal external|"
    "birth death|born died|supported opposed|support oppose|included excluded|"
    "minority majority|primary secondary|previous next|cheapest dearest|"
    "invaded defended|attack defend|hottest coldest"
)
OPPOSITES = {
    a: b
    for pair in _OPPOSITE_PAIRS.split("|")
    for x, y in [pair.split()]
    for a, b in ((x, y), (y, x))
}
_OPPOSABLE = re.compile(r"\b(" + "|".join(sorted(OPPOSITES, key=len, reverse=True)) + r")\b")


def _entities(text: str) -> list[str]:
    """Names and numbers in `text`, except the question's first word ("What", "In")."""
    return [m.group() for m in _ENTITY.finditer(text) if m.start() > 0]


def _entity_swapped(
    question: str, passage: str, article_entities: Sequence[str], rng: random.Random
) -> str | None:
    """One of the question's names or numbers replaced by another of the same kind from
    the article that the passage never mentions."""
    present = [e for e in _entities(question) if e in passage]
    if not present:
        return None
    old = rng.choice(present)
    numeric = old[0].isdigit()
    pool = [
        e
        for e in article_entities
        if e[0].isdigit() == numeric and e != old and e not in passage and e not in question
    ]
    return question.replace(old, rng.choice(pool), 1) if pool else None


def _uses(lowered: str, word: str) -> bool:
    """Whether lower-cased text uses `word` as a whole word (not inside another word)."""
    return re.search(rf"\b{word}\b", lowered) is not None


def _opposite_swapped(question: str, passage: str, rng: random.Random) -> str | None:
    """One word of the question replaced by its opposite, when the passage never uses the
    opposite (else the passage might answer the new question)."""
    words = passage.lower()
    found = [
        m for m in _OPPOSABLE.finditer(question.lower()) if not _uses(words, OPPOSITES[m.group()])
    ]
    if not found:
        return None
    m = rng.choice(found)
    opposite = OPPOSITES[m.group()]
    if question[m.start()].isupper():
        opposite = opposite.capitalize()
    return question[: m.start()] + opposite + question[m.end() :]


# Function words, question words and verbs too general to change what is asked.
_PLAIN_WORDS = frozenset(
    """about above after again also among another around because been before being
    between both called came come could does doing done during each either from given
    have having into just known like made make many more most much must name named
    near other over same should since some such than that their them then there these
    they this those through under until upon used using very were what when where
    which while whom whose with within would year years""".split()
)
_CONTENT_WORD = re.compile(r"\b([a-z][a-z-]{3,})\b(?!')")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|these|those|of)\s+$")


def _word_kind(word: str, before: str) -> str:
    """A crude part-of-speech stand-in, so that a swap keeps the question's grammar (a
    past verb for a past verb, a noun after "the" for another); "" when unsure."""
    for suffix in ("ed", "ing", "tion"):
        if word.endswith(suffix):
            return suffix
    plural = word.endswith("s") and not word.endswith("ss")
    if _DETERMINER.search(before):
        return "noun-s" if plural else "noun"
    return "s" if plural else ""


def content_words(text: str) -> list[tuple[str, str]]:
    """(word, kind) for the lower-case words of `text` that carry its meaning and whose
    kind is known (not names, not function words, not "doesn" of "doesn't")."""
    found = []
    for m in _CONTENT_WORD.finditer(text):
        word = m.group(1)
        kind = _word_kind(word, text[: m.start()])
        if word not in _PLAIN_WORDS and kind:
            found.append((word, kind))
    return found


def _word_swapped(
    question: str, passage: str, article_words: Mapping[str, Sequence[str]], rng: random.Random
) -> str | None:
    """One of the question's content words that the passage uses replaced by a word of
    the same kind (`article_words`: kind -> the article's words) that the passage never
    uses.

    The commonest unanswerable questions the opposite and name swaps miss ask about
    another action or thing on the same topic: "When was the lagoon *discovered*?"
    of a passage that says when it *formed*.
    """
    lowered = passage.lower()
    present = [
        (w, k)
        for w, k in content_words(question)
        if any(x != w for x in article_words.get(k, ())) and _uses(lowered, w)
    ]
    if not present:
        return None
    old, kind = rng.choice(present)
    pool = [w for w in article_words[kind] if w != old]
    for _ in range(8):  # a few tries: most of the pool is absent from one passage
        new = rng.choice(pool)
        if new not in question and not _uses(lowered, new):
            return re.sub(rf"\b{old}\b", new, question, count=1)
    return None


def _swapped_question(
    question: str, passage: str, article_entities: Sequence[str], rng: random.Random
) -> str | None:
    """`question` made unanswerable from `passage`: a name or number swapped, a word
    turned into its opposite, or else negated; None when none applies. When both swaps
    apply, either is drawn, so both kinds are learnt."""
    swaps = [
        swap
        for swap in (
            _entity_swapped(question, passage, article_entities, rng),
            _opposite_swapped(question, passage, rng),
        )
        if swap is not None
    ]
    if swaps:
        return rng.choice(swaps)
    match = _AUXILIARY.search(question)
    # Negating by inserting "not" is clumsy English more often than not; keep it rare.
    if match and rng.random() < NEGATE_SHARE and " not " not in question and "n't" not in question:
        return question[: match.end()] + " not" + question[match.end() :]
    return None


def build_windows(
    paragraphs: Sequence[Paragraph],
    seed: int = 13,
    neg_fraction: float = 1 / 3,
    max_chars: int = DEFAULT_MAX_CHARS,
    swap_fraction: float = 0.0,
    word_swap_share: float = 0.0,
) -> list[Window]:
    """One positive per question plus negatives making up ~neg_fraction of the total;
    besides, a "neg-swap" twin for about `swap_fraction` of the positives, of which about
    `word_swap_share` have a content word swapped (the rest as `_swapped_question` says).

    Deterministic for a given seed and paragraph list; the result is not shuffled.
    With word_swap_share 0 it draws exactly what it drew before word swaps existed, so
    models trained before then are reproduced.
    """
    rng = random.Random(seed)
    entities: dict[str, list[str]] = {}
    # article -> word kind -> its words, each once in first-seen order (dicts, not sets,
    # so that the order and hence the draws are the same in every run)
    words: dict[str, dict[str, dict[str, None]]] = {}
    if swap_fraction > 0:
        for p in paragraphs:
            entities.setdefault(p.article, []).extend(_entities(p.context))
            if word_swap_share > 0:
                kinds = words.setdefault(p.article, {})
                for q in p.questions:
                    for word, kind in content_words(q.text):
                        kinds.setdefault(kind, {})[word] = None
    word_pools = {a: {k: list(ws) for k, ws in kinds.items()} for a, kinds in words.items()}
    # neg / (pos + neg) = f  =>  neg per positive = f / (1 - f)
    neg_per_pos = neg_fraction / (1.0 - neg_fraction)
    windows: list[Window] = []
    for p in paragraphs:
        for q in p.questions:
            pos = _positive(q, p, rng, max_chars)
            if pos is not None:
                windows.append(pos)
                if swap_fraction > 0 and rng.random() < swap_fraction:
                    swapped = None
                    if word_swap_share > 0 and rng.random() < word_swap_share:
                        swapped = _word_swapped(q.text, pos.passage, word_pools[p.article], rng)
                    if swapped is None:
                        swapped = _swapped_question(q.text, pos.passage, entities[p.article], rng)
                    if swapped is not None:
                        windows.append(Window(q.qid, swapped, pos.passage, None, "", "neg-swap"))
            if rng.random() < neg_per_pos:
                neg = _negative(q, p, paragraphs, rng, max_chars)
                if neg is not None:
                    windows.append(neg)
    return windows
