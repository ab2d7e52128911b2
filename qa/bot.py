"""ArticleQA: one article, indexed, answering questions with cited sentences."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any

from index.budget import (
    ANSWER_SECONDS,
    ANSWERING,
    INDEX_SECONDS,
    INDEXING,
    Budget,
    check_seconds,
    checkpoint,
)
from index.embedder import Embedder, default_embedder
from index.lazy import in_background
from index.persist import open_index
from index.sentences import Sentence
from qa.ages import age_beside, person_aged, role_aged
from qa.answer import Answer, Evidence
from qa.answer_length import fit_answer, fit_span
from qa.answerability import DATE, NAME, answer_fits, answer_type, fits_type
from qa.answerability import features as answerability
from qa.apposition import (
    apposition,
    called_before,
    held_by_someone,
    held_elsewhere,
    kind_head,
    kind_named,
    name_beside,
    role_asked,
    role_name_asked,
    thing_described,
    word_described,
)
from qa.article import check_article_text
from qa.article_facts import AUTHOR, PUBLISHED, asks_title, fact_asked, names_author
from qa.calibration import Calibration
from qa.casualties import as_count_of_dead
from qa.compound import both_answered, split_compound
from qa.continuation import asks_more, asks_next, next_event, next_position
from qa.date_request import asks_date, tells_own_time
from qa.dates import article_date, chronology, passage_question, stating
from qa.dates.chronology import DatedEvent
from qa.earlier_question import described_thing
from qa.errors import InvalidArticle, InvalidQuestion
from qa.extract import article_title, extract_article, read_local_file
from qa.followup import Reading, answer_text, asks_something, exchanges, last_cited, read_question
from qa.headline import headline_subject, it_as_subject
from qa.hyphen_agent import agent, asked_action, asked_thing, described, has_named_compound
from qa.keyword_query import as_question
from qa.kind_names import kind_asked, names_of_kind, of_kind
from qa.kind_names import locate as locate_name
from qa.lede_event import led_by, lede_asked
from qa.lexical import terms
from qa.lifespan import life_told
from qa.limits import MAX_QUESTION_CHARS, indexable_sentences
from qa.married import as_married
from qa.messages import (
    AT_THE_END,
    AUTHOR_OF_ARTICLE,
    DATE_OF_LAST,
    DATE_OF_LEDE,
    FROM_BYLINE,
    FROM_DATELINE,
    FROM_HEADLINE,
    GOING_ON,
    IN_ORDER,
    NO_DATES,
    NOT_FOUND,
    SOURCE_OF_LAST,
    SPEAKER_OF_LAST,
    TIMELINE,
)
from qa.order_request import OrderRequest, asked_order
from qa.overview import asks_overview, overview
from qa.passage_names import passage_names
from qa.person_nouns import may_be_someone
from qa.polar import verdict
from qa.quoted_replies import Quote, quoted_in
from qa.reading import (
    ReadSpan,
    SpanReader,
    choose_span,
    not_again,
    other_than,
    past_the_deed,
    read_spans,
)
from qa.referring import DETERMINERS, refers_back
from qa.retrieval import Candidate, Ranking, Retriever
from qa.role_holder import holder, holds_another, is_the_owner, owns_the_role, restates_role
from qa.said_about import quotation_about, said_about, without_trailing_comma
from qa.small_talk import small_talk
from qa.source_request import asks_source
from qa.span_fit import fitting_spans
from qa.speaker_request import asks_speaker, named_speaker
from qa.spelling import ArticleWords
from qa.time_of_day import asks_time_of_day, by_the_clock, fitting_the_day
from qa.timeline_request import asks_timeline
from qa.topic_request import introduces, requested_topic, topic_alone
from qa.unicode import check_unicode
from qa.verbs import is_verb_form

EVIDENCE_COUNT = 3
# The most dated events "Give me a timeline" lists (the chat's pane lists all).
TIMELINE_EVENTS = 8
# The messages of a chat the second of two questions typed as one is read after.
RECENT_MESSAGES = 8


def check_question(question: object) -> str:
    """Return the stripped question, or raise InvalidQuestion naming the problem."""
    if not isinstance(question, str):
        raise InvalidQuestion(f"the question must be text, got {type(question).__name__}")
    check_unicode(question, "the question", InvalidQuestion)
    stripped = question.strip()
    if not stripped:
        raise InvalidQuestion("the question is empty")
    if len(stripped) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"the question is {len(stripped):,} characters; the limit is {MAX_QUESTION_CHARS:,}"
        )
    return stripped


@dataclass(frozen=True)
class Analysis:
    """Everything worked out for one question before deciding whether to answer."""

    reading: Reading
    ranking: Ranking
    spans: list[ReadSpan]  # the reader's best span in each window read (reader on)
    span: ReadSpan | None  # the one chosen as the answer
    features: dict[str, float]  # the signals the calibration turns into a probability


@dataclass(frozen=True)
class Decision:
    """One question decided: what ask() returns, and the text it would answer with."""

    answer: Answer
    candidate: str  # the answer's text had it been given (also when withheld)


# Words that may follow a thing's name as a clause goes on ("The Kestrel was built ...").
_AFTER_A_THING = frozenset("is was are were has had have will would could can may".split())


class ArticleQA:
    """Questions over one article. Thread-safe: the index is read-only once built."""

    def __init__(
        self,
        text: str,
        title: str | None = None,
        *,
        embedder: Embedder | None = None,
        index_dir: Path | None = None,
        reader: SpanReader | None | bool = True,
        calibration: Calibration | None = None,
        date: str | Date | None = None,
        byline: str | None = None,
        answer_seconds: float = ANSWER_SECONDS,
        index_seconds: float = INDEX_SECONDS,
    ) -> None:
        """Index `text`. `reader`: True for the shipped reader, False/None for sentences only.

        `date` is the article's publication date (metadata); without it a dateline is
        looked for. Dates in the text ("November 23", "two days later") are resolved
        against it and shown in citations. `byline` names who wrote it ("Who wrote this
        article?"). Indexing stops after `index_seconds`, and each ask() after
        `answer_seconds`, with index.budget.Stopped (an ArticleQAError).
        """
        # A bad value fails here, not at the first question.
        self.answer_seconds = check_seconds(answer_seconds, ANSWERING)
        self.text = check_article_text(text)
        given = check_unicode(title, "the title", InvalidArticle) if title else None
        self.title = given or self.text.strip().splitlines()[0][:80]
        # The shipped reader loads on another thread while the embedder loads and the
        # article is indexed: a cold `article-qa ask` spends most of its time opening the
        # two models, and two cores open them side by side. (Imported here, on this thread:
        # two threads importing at once can wait on each other's module locks.)
        shipped_reader = None
        if reader is True:
            from qa.reader import load_reader

            shipped_reader = in_background(load_reader)
        self.embedder = embedder or default_embedder()
        with Budget(index_seconds, INDEXING).applied():
            self.index, self.index_note = open_index(
                index_dir, self.text, self.embedder, indexable_sentences
            )
        self.date = article_date(self.text, date)
        self.byline = check_unicode(byline, "the byline", InvalidArticle) if byline else None
        # What the headline is about ("Ferry sinks off Crete": "the ferry"), for "it" in
        # a first question (qa.headline).
        self.subject = headline_subject(self.title, self.text) if self.headlined() else None
        # Whether any compound names an actor ("Iran-backed"): by_compound looks no further.
        self.named_compounds = has_named_compound(self.text)
        self.retriever = Retriever(self.index, self.embedder, article_day=self.date)
        # The headline and byline are the article's words too: "who is morag campbell" was
        # mended to "moral" where only the sentences were counted.
        self.words = ArticleWords(
            (sentence.text for sentence in self.sentences),
            self.retriever.stated_days,
            head=[text for text in (self.title, self.byline) if text],
        )
        self.reader: SpanReader | None
        if shipped_reader is not None:
            self.reader = shipped_reader()
        elif reader is None or isinstance(reader, bool):  # False (True is handled above)
            self.reader = None
        else:
            self.reader = reader
        self.calibration = calibration or Calibration.load(self.reader is not None)
        # Sentence answers ("Tell me about Hezbollah") are scored as without the reader.
        self.sentence_calibration = (
            self.calibration if self.reader is None else Calibration.load(with_reader=False)
        )

    @classmethod
    def from_text(cls, text: str, title: str | None = None, **options: Any) -> ArticleQA:
        """Index an article given as text."""
        return cls(text, title, **options)

    @classmethod
    def from_file(cls, path: str | Path, title: str | None = None, **options: Any) -> ArticleQA:
        """Index an article file (.txt, .md, .html or .pdf), read as the chat reads an
        upload (qa.extract): its headline is the title and its dateline the date, unless
        `title` or `date=` are given; without a headline, the title is its first line."""
        extracted = extract_article(read_local_file(path), Path(path).name)
        options.setdefault("date", extracted.date)
        options.setdefault("byline", extracted.byline)
        title = title or article_title(extracted.text, extracted.title)
        return cls(extracted.text, title, **options)

    @property
    def sentences(self) -> list[Sentence]:
        return self.index.sentences

    def read(self, question: str, history: list[dict[str, Any]] | None = None) -> Reading:
        """How `question` will be understood given the chat so far, read as its clean form
        ("nov. 23", "who's", typos: spelled as the article spells them, qa.spelling)."""
        words = self.words
        cleaned = words.clean(check_question(question))
        reading = read_question(cleaned, words.clean_history(history), words.has_phrase)
        married = as_married(reading.reader_question, words.__contains__)
        if married is not None:  # "Who was Baird's wife?" where it tells whom he married
            reading = replace(reading, query=married, resolved=married)
        tolled = as_count_of_dead(reading.reader_question)
        if tolled is not None:  # "ferry capsize death toll": how many died in it
            reading = replace(reading, query=tolled, resolved=tolled)
        if reading.context is not None or self.subject is None or exchanges(history):
            return reading
        # Asked first, "where did it sink" points at what the headline is about.
        told = it_as_subject(reading.reader_question, self.subject)
        return reading if told is None else replace(reading, query=told, resolved=told)

    def inspect(
        self,
        question: str,
        history: list[dict[str, Any]] | None = None,
        retrieval_weight: float | None = None,
    ) -> Analysis:
        """Retrieve (and read) for a question, and compute the abstention features."""
        return self.inspect_reading(self.read(question, history), retrieval_weight)

    def inspect_reading(self, reading: Reading, retrieval_weight: float | None = None) -> Analysis:
        """`inspect` for a question already read (`read`)."""
        checkpoint("before ranking the sentences")
        # "When was Thomas Baird born?": the sentence bracketing his life, searched first.
        told = self.life_told(reading)
        ranking = self.retriever.rank(reading.query, self.focus(reading, told))
        checkpoint("before reading the best passages")
        # "What happened on Corliss Avenue on Wednesday?": the opening sentence read first.
        read_order = led_by(ranking, self.read_first(reading, told))
        spans = self.settled(reading, self.read_spans(reading, read_order, told), told)
        if retrieval_weight is None:
            retrieval_weight = self.calibration.retrieval_weight
        return self.analyse(reading, ranking, spans, retrieval_weight)

    def read_unfocused(
        self, reading: Reading, analysis: Analysis, concluded: Decision
    ) -> tuple[Analysis, Decision]:
        """A follow-up the focus on the last answer's sentences left unanswered, read again
        as its own words rank the article; the surer of the two readings is kept.

        The focus ranks the cited sentences and their neighbours first, so the first
        passage is wider than the question alone would make it, and its answer may be read
        less surely or not be in it ("Who said that?" after "What do scientists think
        caused the stranding?" / "unclear": 0.20 focused, "Professor Alan Mercer" at 0.42
        on its own ranking). Reading both only where the focused one withholds keeps a
        follow-up the focus answers at one read (the stories: 128 of 464 focused follow-ups
        read twice; docs/measurements.md).
        """
        if not reading.focus_in(self.title):
            return analysis, concluded
        again = self.inspect_reading(replace(reading, focus=()))
        surer = self.conclude(again)
        if surer.answer.score > concluded.answer.score:
            return again, surer
        return analysis, concluded

    def _shown(self, reading: Reading) -> Callable[[ReadSpan], str]:
        """A span as it would be shown for the reading's question (qa.answer_length)."""
        question = reading.reader_question
        return lambda span: fit_answer(question, span, self.sentences[span.position]).text

    def focus(self, reading: Reading, told: int | None = None) -> tuple[int, ...]:
        """The sentences a follow-up searches first: those the last answer cited, and,
        where it asks when ("When did that happen?"), first the one stating the date they
        tell of, which the cited sentences may only inherit (qa.dates.sentences). A
        question asking when someone named was born or died searches first the sentence
        that brackets their life (`told`: life_told)."""
        focus = reading.focus_in(self.title)
        if not focus:  # "When was Thomas Baird born?": his life's brackets (`told`)
            return () if told is None else (told,)
        if focus[0] >= len(self.sentences):
            return focus  # retrieval skips positions past the end (another version's)
        if answer_type(reading.reader_question) != DATE:
            return focus
        dated = stating(self.retriever.dated, focus[0])
        if dated is None or dated == focus[0]:
            return focus
        return (dated, *(p for p in focus if p != dated))

    def read_first(self, reading: Reading, told: int | None) -> set[int]:
        """The sentences a first question reads before the rest (none where `told`, the
        sentence bracketing a life asked of, leads the ranking): the opening sentence
        where it asks the event that sentence names (qa.lede_event), the sentences
        telling a clock time where it asks a time of day (qa.time_of_day)."""
        if told is not None or reading.focus_in(self.title):
            return set()
        question = reading.reader_question
        if asks_time_of_day(question, self.text):
            return by_the_clock([sentence.text for sentence in self.sentences])
        lede = lede_asked(question, self.sentences)
        return set() if lede is None else {lede}

    def life_told(self, reading: Reading) -> int | None:
        """The sentence bracketing the life of whoever a first question asks the birth or
        death date of (qa.lifespan.life_told), or None."""
        if reading.focus_in(self.title) or answer_type(reading.reader_question) != DATE:
            return None
        return life_told(reading.reader_question, [s.text for s in self.sentences])

    def settled(
        self, reading: Reading, spans: list[ReadSpan], told: int | None = None
    ) -> list[ReadSpan]:
        """The reader's `spans` less those that cannot answer `reading` (`told`: the
        sentence bracketing the life asked of, life_told)."""
        # The deed first: after "What did she do?" the deed is the last answer, which
        # `other_than` would drop rather than read on past ("... and asked for aid").
        if reading.deed is not None:  # "What else did she do?" after "Who declared ...?"
            spans = past_the_deed(spans, reading.deed, self.text)
        for answer in reading.other_than:  # "What else ...?": not an answer given again
            spans = other_than(spans, answer, self._shown(reading))
        # A fragment read joined to the question before ("On which glacier?" after "Who
        # first measured the speed of glaciers?" / "Louis Agassiz"): the reader, reading
        # both, gave the last answer again, which the user has already.
        # Nor "And the stock market?" after "How did the currency react?" / "quickly".
        if (reading.joined or reading.varies) and reading.previous_answer:
            spans = not_again(spans, reading.previous_answer)
        # Spans of another kind than asked, or that say nothing asked, set aside.
        return fitting_spans(spans, reading, self.text, self.sentences, told)

    def read_spans(
        self, reading: Reading, ranking: Ranking, told: int | None = None
    ) -> list[ReadSpan]:
        """The reader's spans for a ranked question (qa.reading.read_spans), stopping
        where the calibration's decisive margin and lead say of the first passage's spans
        that can answer (`settled`); none without the reader."""
        if self.reader is None:
            return []
        question = reading.reader_question
        return read_spans(
            self.reader,
            question,
            self.text,
            self.sentences,
            ranking,
            self.calibration.decisive_margin,
            decisive_lead=self.calibration.decisive_lead,
            # Where a passage is in the asked date's scope without stating it, its date is
            # read as already matched (qa.dates.unstated); where it names what the
            # question names shorter, as the passage names it (qa.passage_names).
            asked_for=passage_names(
                question,
                self.text,
                self.sentences,
                passage_question(question, self.retriever.dates),
            ),
            fits=fitting_the_day(answer_fits(question), question, self.text),
            talk=reading.talk,
            # A first passage whose answer a rule sets aside ("8,100" of "has fallen from
            # about 8,100" for "What is the population?") decides nothing: read on. The
            # calibration's record judges the first passage by these spans too.
            settle=functools.partial(self.settled, reading, told=told),
        )

    def analyse(
        self,
        reading: Reading,
        ranking: Ranking,
        spans: list[ReadSpan],
        retrieval_weight: float,
        with_reader: bool | None = None,
    ) -> Analysis:
        """Choose the span and compute the features (cheap; calibration re-runs it).

        `with_reader=False` analyses as if there were no reader (the calibration tool
        fits both models from one reading).
        """
        if with_reader is None:
            with_reader = self.reader is not None
        span = choose_span(spans, ranking, retrieval_weight) if with_reader else None
        read = spans if with_reader else None
        lexicon = self.retriever.lexicon
        features = answerability(reading.question, ranking, read, span, lexicon, self.sentences)
        return Analysis(reading, ranking, spans, span, features)

    def evidence(self, analysis: Analysis, count: int = EVIDENCE_COUNT) -> list[Evidence]:
        """The cited sentences, best first: the one holding the answer span leads."""
        positions = [c.position for c in analysis.ranking.candidates]
        scores = {c.position: c.score for c in analysis.ranking.candidates}
        span = analysis.span
        if span is not None:
            positions.remove(span.position)
            positions.insert(0, span.position)
        held = span.position if span is not None else None
        return [
            self.cite(position, scores[position], span if position == held else None)
            for position in positions[:count]
        ]

    def cite(self, position: int, score: float, span: ReadSpan | None = None) -> Evidence:
        """Sentence `position` as a citation with its score, and the answer `span` it holds."""
        sentence = self.sentences[position]
        return Evidence(
            article=self.title,
            position=position,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            score=round(score, 4),
            answer_start=span.start if span else None,
            answer_end=span.end if span else None,
            dates=self.retriever.dated[position].labels(),
        )

    def answer_from(self, analysis: Analysis) -> Answer:
        """The answer we would give if we answer at all (found=True, score unset)."""
        # A span as long as the question wants ("What happened ...?": a clause): the text
        # and the evidence's answer offsets both come from it.
        fitted = fit_span(analysis.reading.reader_question, analysis.span, self.sentences)
        analysis = replace(analysis, span=fitted)
        evidence = self.evidence(analysis)
        text = analysis.span.text if analysis.span else evidence[0].text
        if analysis.span is not None:  # "Did ...?": yes or no, the clause marked (qa.polar)
            question, span = analysis.reading.reader_question, analysis.span
            text = verdict(question, span, self.sentences[span.position]) or text
        return Answer(text, True, 1.0, evidence, analysis.reading.note)

    def ask(self, question: str, history: list[dict[str, Any]] | None = None) -> Answer:
        """Answer `question` from the article, citing sentences; abstains when unsupported.

        `history`: the earlier turns, oldest first, as {"role", "content"} messages. An
        assistant turn's content is its answer's text; it may also carry its Answer (or
        Answer.to_dict()) under "answer", as the chat keeps it (qa.followup). Stops
        with index.budget.Stopped after `answer_seconds`, or when a budget in force (the
        server's, when the client leaves) is cancelled.
        """
        return self.decide(question, history).answer

    def decide(
        self, question: str, history: list[dict[str, Any]] | None = None, split: bool = True
    ) -> Decision:
        """ask()'s answer, with the answer it would give were it sure enough (for scoring
        `Answer.score` on answers withheld too: qa.evaluation). `split`: two questions
        typed as one are asked in turn (qa.compound); each half is asked whole, so that a
        question of many "and who ..." costs two reads, not one per "and"."""
        cleaned = self.words.clean(check_question(question))
        readings = self.words.openings(cleaned)
        if readings:
            # "Wh does it rain": "who" or "why", as likely slips both; the answer the
            # article supports best, each asked as it would be typed right.
            decided = [self.decide(reading, history, split) for reading in readings]
            return max(decided, key=lambda decision: decision.answer.score)
        history = self.cite_quoted(history)
        # "hi", "thanks", "help"; as typed too: tidying drops the thanks of "great, thanks".
        talk = small_talk(question) or small_talk(cleaned)
        if talk is not None:
            return Decision(Answer(talk, True, 1.0, [], confident=True), talk)
        both = split_compound(cleaned) if split else None
        if both is not None:
            return self.decide_both(both, history)
        # Nothing asked before: "What happened?" asks for the gist, "What about X?" about X.
        first = not any(map(asks_something, exchanges(history)))
        if asks_overview(cleaned, first):
            gist = self.gist()
            return Decision(gist, gist.text)
        if asks_timeline(cleaned):
            listed = self.chronicle()
            return Decision(listed, listed.text)
        ordered = asked_order(cleaned)
        placed = self.in_order(ordered) if ordered is not None else None
        if placed is not None:
            return Decision(placed, placed.text)
        topic = requested_topic(cleaned) or (topic_alone(cleaned) if first else None)
        if topic is not None and not refers_back(topic):
            return self.describe(topic)
        if asks_more(cleaned):
            more = self.go_on(history, asks_next(cleaned))
            return Decision(more, more.text)
        source = self.source_of_last(history) if asks_source(cleaned) else None
        if source is not None:
            return Decision(source, source.text)
        dated = self.date_of_last(history, first) if asks_date(cleaned) else None
        if dated is not None:
            return Decision(dated, dated.text)
        told = self.about_article(cleaned, history)
        if told is not None:
            return Decision(told, told.text)
        # A follow-up as spelled out: "who backs it?" after "Who is Hezbollah?", "Who is
        # he?" after "What was targeted?" ("Who is the chief of staff of Hezbollah?"; read
        # once, for the reader too).
        reading = self.read(question, history) if refers_back(cleaned) else None
        note = reading.note if reading is not None else None
        # "Who said so?": who the last answer's sentence says claims it, where it names them.
        claimed = self.speaker_of_last(history, note) if asks_speaker(cleaned) else None
        if claimed is not None:
            return Decision(claimed, claimed.text)
        spelled = reading.resolved if reading is not None else None
        described = self.by_apposition(spelled or cleaned) if reading is None or spelled else None
        if described is not None:
            answer = replace(described.answer, reading=note or described.answer.reading)
            return Decision(answer, described.candidate)
        # "How old is Helmut Brandauer?": the age the article sets beside his name.
        aged = self.by_age(spelled or cleaned) if reading is None or spelled else None
        if aged is not None:
            return replace(aged, answer=replace(aged.answer, reading=note or aged.answer.reading))
        # A keyword query as the question it stands for ("hezbollah backed by?").
        asked = reading.reader_question if reading is not None else as_question(cleaned)
        compounded = self.by_compound(asked or cleaned)
        if compounded is not None:
            answer = replace(compounded.answer, reading=note or compounded.answer.reading)
            return Decision(answer, compounded.candidate)
        with Budget(self.answer_seconds, ANSWERING).applied():
            # A follow-up was read above; a question that stands alone is read here.
            analysis = self.inspect_reading(reading or self.read(question, history))
            concluded = self.conclude(analysis)
            if reading is not None and not concluded.answer.found:
                analysis, concluded = self.read_unfocused(reading, analysis, concluded)
            checkpoint("before deciding whether to answer")
        as_read = spelled or asked or cleaned
        named = role_name_asked(as_read)
        role = role_asked(as_read) or named
        if role is None:
            # "What did Denise Okafor say about weekends?": her words, as quoted; "Which
            # dam released the water?": the one dam the article names, where the answer
            # names no dam (qa.kind_names).
            return (
                self._quoted(as_read, concluded)
                or self._named_kind(as_read, analysis, concluded)
                or concluded
            )
        # A name asked for is one: "the target" is no one's (answerability.fits_type); and
        # a person's role is held by someone: "Who was the judge at the sentencing?" is
        # not answered "Marlow County Superior Court" (qa.person_nouns.may_be_someone).
        text = concluded.answer.text
        # Nor is the role described again ("ambassador to Lebanon", where the article
        # names no ambassador: qa.role_holder.restates_role).
        unnamed = (
            (named is not None and not fits_type(NAME, text, False))
            or (held_by_someone(role) and not may_be_someone(text))
            or restates_role(text, role)
            # Nor by a word the article also writes in small letters: "Tavorenib" (of
            # "Tavorenib was Halvern's most advanced product"; "tavorenib" elsewhere) is
            # a drug's name, as no one's is written so; nor by one it writes after "the"
            # or "a": "Kestrel" of "The Kestrel was built by ..." is a plane.
            or (held_by_someone(role) and self._a_thing(text))
        )
        # Nor by the owner itself: "Who runs HCT?" is not "Halvik Container Terminals",
        # nor the skipper of "The Silver Petrel's skipper, Graham Tully" the yacht.
        owned = is_the_owner(text, role) or owns_the_role(text, role, self.sentences)
        if (
            concluded.answer.found
            and not unnamed
            and not owned
            and not self._holds_another(analysis, role)
        ):
            # Without the reader the answer is its whole sentence: the name the article
            # sets beside the role there says who, where it sets one.
            sentence_only = self.reader is None and self._role_held(role, note)
            return sentence_only or concluded
        if concluded.answer.found:
            withheld = replace(concluded.answer, text="", found=False, score=0.0, confident=False)
            concluded = Decision(withheld, concluded.candidate)
        # "Who was the referee of the final?" withheld: the name the article sets beside
        # the role ("the referee, Paul Hendry"). Only then: where the reader answers, it
        # answers as surely as it did (name_beside's score is the topic's).
        return self._role_held(role, note) or concluded

    def _a_thing(self, answer: str) -> bool:
        """Whether the article writes `answer`, a capitalised word or name, in small
        letters too, or after "the" or "a", as no person's name is written."""
        name = answer.strip()
        lower = name.lower()
        if not lower or lower == name:
            return False
        if re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", self.text) is not None:
            return True
        # Then a verb or a stop: not "the Trump administration", a name used as a noun's.
        determined = re.compile(
            rf"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+{re.escape(name)}(?![\w’'-])\s*(?P<next>[\w’'-]*)"
        )
        return any(
            not found["next"]
            or found["next"].lower() in _AFTER_A_THING
            or is_verb_form(found["next"])
            for found in determined.finditer(self.text)
        )

    def _role_held(self, role: str, note: str | None) -> Decision | None:
        """The name the article sets beside `role` (qa.role_holder), scored as the topic
        is; None where it sets none or the article is not found to tell of it."""
        found = holder(role, self.sentences)
        if found is None:
            return None
        locate = found.locate

        def of_the_owner(text: str) -> tuple[int, int] | None:
            # Not a name holding the role for another owner: "Velmoran Foreign Minister
            # Anton Ruzic" for Astrania's, where "Its foreign minister, Leyla Marand" is.
            at = locate(text)
            return None if at is not None and held_elsewhere(role, text, *at) else at

        held = self._phrase_about(found.role, of_the_owner)
        if held is None:
            return None
        # A follow-up says how it was read ("Who runs it?" after "Stellan Telecom").
        return replace(held, answer=replace(held.answer, reading=note or held.answer.reading))

    def _named_kind(
        self, question: str, analysis: Analysis, concluded: Decision
    ) -> Decision | None:
        """The answer to "Which dam ...?" where the article names one dam ("the Kessel
        Ridge Dam"), in any sentence, and the answer names none: that name, cited in the
        best-ranked sentence naming it and scored as the sentence answer to the question
        is (withheld where that is). None where the question asks no such kind or the
        article names none or several."""
        kind = kind_asked(question)
        if kind is None or (concluded.answer.found and of_kind(kind, concluded.answer.text)):
            return None
        names = names_of_kind(kind, [s.text for s in self.sentences])
        if len(names) != 1:
            return None
        # The article's one dam, wherever it names it: often only in its opening ("...
        # when the Kessel Ridge Dam opened its gates"), which the question need not match.
        for candidate in analysis.ranking.candidates:
            sentence = self.sentences[candidate.position]
            found = locate_name(names[0], sentence.text)
            if found is not None:
                alone = self.analyse(analysis.reading, analysis.ranking, [], 0.0, with_reader=False)
                decision = self.conclude(alone, self.sentence_calibration)
                named = self._answered_in(decision, candidate, sentence, found)
                if decision.answer.found:
                    return named
                # Withheld, as the question's best sentence is not found to answer it.
                return Decision(replace(named.answer, text="", found=False), named.candidate)
        return None

    def _holds_another(self, analysis: Analysis, role: str) -> bool:
        """Whether the reader's answer holds a role other than the one asked
        (qa.role_holder.holds_another)."""
        span = analysis.span
        if span is None:
            return False
        sentence = self.sentences[span.position]
        start, end = span.start - sentence.start, span.end - sentence.start
        return holds_another(role, self.sentences, sentence, start, end)

    def by_apposition(self, question: str) -> Decision | None:
        """The answer to "What is Hezbollah?" where the article sets a phrase beside the
        name ("Hezbollah, the Iran-backed Shi'ite militia ...": qa.apposition), in the
        sentence naming it that ranks best; scored as "Tell me about Hezbollah" is. None
        where the question asks something else, no sentence does so, or the article is
        not found to tell of it (the reader reads the question then)."""
        # A name typed alone ("Hezbollah?") asks what it is (qa.keyword_query).
        kind = kind_named(question)
        if kind is not None:  # "What is the company called?": the name set beside it
            named = self._phrase_about(kind, lambda text: name_beside(kind, text))
            # "the stolen sculpture", where the article names one sculpture ("The
            # sculpture, "The Heron Dancer," ..."): its noun alone.
            head = kind_head(kind)
            if named is None and head is not None and self._names_one(head):
                named = self._phrase_about(head, lambda text: name_beside(head, text))
            if named is not None:
                return named
        asked = as_question(question) or question
        thing = described_thing(asked) or word_described(asked) or thing_described(asked)
        if thing is None:
            return None
        return self._phrase_about(
            thing,
            lambda text: apposition(thing, text),
            # Only where no sentence sets a phrase after the name (qa.apposition).
            lambda text: called_before(thing, text),
        )

    def _names_one(self, kind: str) -> bool:
        """Whether the article sets one name, and one only, beside `kind` ("the sculpture")."""
        names = set()
        for sentence in self.sentences:
            at = name_beside(kind, sentence.text)
            if at is not None:
                names.add(sentence.text[at[0] : at[1]])
        return len(names) == 1

    def by_age(self, question: str) -> Decision | None:
        """The answer to "How old is Helmut Brandauer?" where the article sets an age
        beside the name ("Helmut Brandauer, 61, who ...": qa.ages.age_beside), in the
        sentence naming him that ranks best; scored as "Tell me about Helmut Brandauer"
        is. None where the question asks something else or no sentence gives one (the
        reader reads the question then)."""
        name = person_aged(question) or self._holder_named(role_aged(question))
        if name is None:
            return None
        return self._phrase_about(name, lambda text: age_beside(name, text))

    def _quoted(self, question: str, concluded: Decision) -> Decision | None:
        """The answer to "What did Denise Okafor say about weekends?": the quoted sentence
        the article gives her that shares most words with "weekends" (qa.said_about),
        citing its sentence; scored as "Tell me about Denise Okafor" is. None where the
        question asks something else, no quotation of hers shares a word with it, or the
        answer found is part of that quotation ("in the boardroom" of "The problems at
        this club start in the boardroom, ...")."""
        asked = said_about(question)
        quoted = quotation_about(*asked, self.sentences) if asked is not None else None
        if asked is None or quoted is None:
            return None
        sentence = self.sentences[quoted.position]
        start, end = sentence.start + quoted.start, sentence.start + quoted.end
        cited = concluded.answer.evidence[0] if concluded.answer.evidence else None
        within = (
            cited is not None
            and cited.answer_start is not None
            and start <= cited.answer_start
            and (cited.answer_end or 0) <= end
        )
        if concluded.answer.found and within:
            return None
        decision, ranking = self._topic_scored(asked[0])
        if not decision.answer.found:
            return None
        candidate = next(c for c in ranking.candidates if c.position == quoted.position)
        found = without_trailing_comma(sentence.text, quoted.start, quoted.end)
        return self._answered_in(decision, candidate, sentence, found)

    def _holder_named(self, asked: str | None) -> str | None:
        """The name of the holder of the role `asked` ("the prime minister"), where the
        article sets one beside it (qa.role_holder): the first it names, as news names
        the one it is about first ("Prime Minister Anton Kessler's government")."""
        role = role_asked(f"Who is {asked}?") if asked else None
        found = holder(role, self.sentences) if role else None
        if found is None:
            return None
        for sentence in self.sentences:
            at = found.locate(sentence.text)
            if at is not None:
                return re.sub(r"[’']s$", "", sentence.text[at[0] : at[1]])
        return None

    def by_compound(self, question: str) -> Decision | None:
        """The answer to "Which country backs Hezbollah?" where the article names the actor
        in a compound describing the thing ("Hezbollah, the Iran-backed Shi'ite militia":
        qa.hyphen_agent), in the sentence naming the thing that ranks best; scored as
        "Tell me about Hezbollah" is. And to "Which militia is backed by Iran?": the name
        the compound describes, scored as "Tell me about Iran". None where the question
        asks something else, no sentence names one, or the article is not found to tell
        of the thing."""
        if not self.named_compounds:
            return None  # no "Iran-backed" in the article: nothing to look for
        asked = asked_action(question)
        if asked is not None:
            return self._phrase_about(asked[1], lambda text: agent(question, text))
        # The other way round: "Which militia is backed by Iran?" -> "Hezbollah".
        acted = asked_thing(question)
        if acted is not None:
            return self._phrase_about(acted[1], lambda text: described(question, text))
        return None

    def _phrase_about(
        self, topic: str, *locators: Callable[[str], tuple[int, int] | None]
    ) -> Decision | None:
        """The answer found by the first of `locators` (offsets in a sentence's text, or
        None) that finds one in any sentence naming `topic`, in the best-ranked such
        sentence, scored as "Tell me about <topic>" is; None where no sentence has one or
        the article is not found to tell of the topic."""
        decision, ranking = self._topic_scored(topic)
        naming = [c for c in ranking.candidates if c.lexical > 0]
        located = (
            (candidate, self.sentences[candidate.position], found)
            for locate in locators
            for candidate in naming
            if (found := locate(self.sentences[candidate.position].text)) is not None
        )
        first = next(located, None)
        if first is None:
            return None
        candidate, sentence, found = first
        if not decision.answer.found:
            return None
        return self._answered_in(decision, candidate, sentence, found)

    def _answered_in(
        self, decision: Decision, candidate: Candidate, sentence: Sentence, found: tuple[int, int]
    ) -> Decision:
        """`decision` answered with sentence[found] instead, citing that sentence first."""
        start, end = sentence.start + found[0], sentence.start + found[1]
        span = ReadSpan(self.text[start:end], start, end, candidate.position, 0.0)
        cited = self.cite(candidate.position, candidate.score, span)
        evidence = [cited] + [e for e in decision.answer.evidence if e.position != cited.position]
        answer = replace(decision.answer, text=span.text, evidence=evidence[:EVIDENCE_COUNT])
        return Decision(answer, answer.text)

    def describe(self, topic: str) -> Decision:
        """The answer to "Tell me about <topic>": the sentence retrieval finds for the
        topic, quoted whole and scored as sentence answers are (qa.topic_request)."""
        decision, ranking = self._topic_scored(topic)
        if decision.answer.found and self.never_names(topic):
            # "anything about the US?" quoted the sentence nearest in meaning (0.42): a
            # name the article never uses is no topic it tells of.
            unnamed = replace(decision.answer, text="", found=False, confident=False)
            return Decision(unnamed, decision.candidate)
        # Of the sentences that name the topic, the one describing it where it does is
        # what "Tell me about Hezbollah" asks for ("Hezbollah, the Iran-backed Shi'ite
        # militia ..."); the best match by words may only mention it ("... threats to
        # Israel"). Whether the article tells of the topic is scored as ranked.
        named = [c for c in ranking.candidates if c.lexical > 0]
        described = [c for c in named if introduces(topic, self.sentences[c.position].text)]
        if not decision.answer.found or not described or described[0] is ranking.candidates[0]:
            return decision
        first = described[0]
        evidence = [self.cite(first.position, first.score)] + [
            e for e in decision.answer.evidence if e.position != first.position
        ]
        answer = replace(decision.answer, text=evidence[0].text, evidence=evidence[:EVIDENCE_COUNT])
        return Decision(answer, answer.text)

    def headlined(self) -> bool:
        """Whether the title is a headline of its own, not the first sentence's words (a
        text with no head is titled by its first line)."""
        opening = self.sentences[0].text if self.sentences else ""
        return not opening.startswith(self.title.rstrip("…").rstrip())

    def never_names(self, topic: str) -> bool:
        """Whether `topic` holds a name (a word with a capital, not "The") that the
        article never uses, in any case ("the US", "Iran's army" of an article without
        them; a typo is mended before: qa.spelling)."""
        words = re.findall(r"[^\W\d_][\w-]*", topic)
        names = [w for w in words if w[:1].isupper() and w.lower() not in DETERMINERS]
        return any(name not in self.words for name in names)

    def _topic_scored(self, topic: str) -> tuple[Decision, Ranking]:
        """The sentence answer for `topic`, scored as sentence answers are, with the
        ranking it came from (what describe and by_apposition choose their sentence in)."""
        with Budget(self.answer_seconds, ANSWERING).applied():
            reading = Reading(topic, topic)
            ranking = self.retriever.rank(topic)
            analysis = self.analyse(reading, ranking, [], 0.0, with_reader=False)
        return self.conclude(analysis, self.sentence_calibration), ranking

    def last_positions(self, history: list[dict[str, Any]] | None) -> tuple[int, ...]:
        """The sentences of this article the last answer came from, its own first (those
        it cited: qa.followup.cited, a plain-text reply cited by `cite_quoted` first);
        () when it cited none of this article."""
        last = last_cited(history)
        # A history from another version of the article may cite past its end.
        inside = last.article == self.title and bool(last.positions)
        inside = inside and last.positions[0] < len(self.sentences)
        return tuple(p for p in last.positions if p < len(self.sentences)) if inside else ()

    def cite_quoted(self, history: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        """`history` with each plain-text reply that quotes the article given the Answer
        the chat would have kept with it (qa.quoted_replies): the sentence holding the
        quote, cited. Where the article says it more than once ("Beirut"), the last reply's
        sentence is the one its question ranks first; an earlier reply's, only a quote
        the article holds once. The caller's messages are left as they are."""
        turns = exchanges(history)  # validated: a malformed history is rejected here
        if history is None or not turns:
            return history
        cited = list(history)
        for turn in turns:
            reply = turn.reply
            if reply is None or reply.get("answer") is not None:
                continue
            text = answer_text(reply)
            quotes = quoted_in(text, self.text, self.sentences)
            if len(quotes) > 1:
                last = turn is turns[-1]
                quotes = self._ranked_among(turn.question, quotes) if last else []
            if not quotes:
                continue
            quote = quotes[0]
            span = ReadSpan(text, quote.start, quote.end, quote.position, 0.0)
            answer = Answer(text, True, 1.0, [self.cite(quote.position, 1.0, span)])
            cited[turn.number - 1] = {**reply, "answer": answer}
        return cited

    def _ranked_among(self, question: str, quotes: list[Quote]) -> list[Quote]:
        """The one of `quotes` in the sentence `question` ranks highest."""
        held = {quote.position: quote for quote in quotes}
        ranking = self.retriever.rank(self.words.clean(question))
        return [next(held[c.position] for c in ranking.candidates if c.position in held)]

    def go_on(self, history: list[dict[str, Any]] | None, next_day: bool = False) -> Answer:
        """The answer to "Tell me more": the sentence after the last answer's own one,
        quoted whole (qa.continuation); the article's gist where no earlier answer cited
        this article. `next_day` ("What happened next?"): the sentence of the next day
        the article dates, where the last answer's sentence is dated."""
        positions = self.last_positions(history)
        if not positions:
            return self.gist()
        event = next_event(positions, chronology(self.sentences, self.date)) if next_day else None
        position = event.position if event else next_position(positions, len(self.sentences))
        if position is None:
            return Answer("", False, 0.0, [], AT_THE_END)
        evidence = self.cite(position, 1.0)
        return Answer(evidence.text, True, 1.0, [evidence], GOING_ON, confident=True)

    def source_of_last(self, history: list[dict[str, Any]] | None) -> Answer | None:
        """The answer to "Where does it say that?": the last answer's own sentence,
        quoted whole (qa.source_request); None where no earlier answer cited this article,
        and the question is read as any other ("What is the source?" of a river)."""
        positions = self.last_positions(history)
        if not positions:
            return None
        evidence = self.cite(positions[0], 1.0)
        return Answer(evidence.text, True, 1.0, [evidence], SOURCE_OF_LAST, confident=True)

    def speaker_of_last(
        self, history: list[dict[str, Any]] | None, note: str | None
    ) -> Answer | None:
        """The answer to "Who said so?": who the last answer's own sentence says claims
        it (qa.speaker_request), nearest the answer where it names several; None where
        the last answer was withheld, cited no sentence of this article, or its sentence
        names no one (the question is then read as any other). `note`: how the follow-up
        was read."""
        turns = exchanges(history)
        said = answer_text(turns[-1].reply) if turns and turns[-1].reply else ""
        positions = self.last_positions(history) if said else ()
        if not positions:
            return None  # nothing claimed: a withheld answer's sentences claim nothing
        sentence = self.sentences[positions[0]]
        near = sentence.text.find(said)
        found = named_speaker(sentence.text, max(near, 0))
        if found is None:
            return None
        start, end = sentence.start + found[0], sentence.start + found[1]
        span = ReadSpan(self.text[start:end], start, end, positions[0], 0.0)
        evidence = [self.cite(positions[0], 1.0, span)]
        return Answer(span.text, True, 1.0, evidence, note or SPEAKER_OF_LAST, confident=True)

    def date_of_last(
        self, history: list[dict[str, Any]] | None, first: bool = False
    ) -> Answer | None:
        """The answer to "When was that?": the one date the last answer's sentence tells
        of, as the sentence stating it writes it (qa.date_request); None where no earlier
        answer cited this article or its sentence is about no single date, and the
        question is read as any other. `first`: asked with nothing before it ("When did it
        happen?"), where the opening sentence, which tells what the story is about, takes
        the last answer's place (it was read with "it" standing for nothing: the ferry
        story's "Monday" withheld at 0.10).

        A date the sentence states itself is sure; one it inherits from a sentence
        before is as likely as that sentence's hold on it (qa.dates.sentences: fading
        with distance), and is shown unsure with the sentence stating it."""
        last = self.last_positions(history)
        positions = last or ((0,) if first and self.sentences else ())
        if not positions:
            return None
        own = positions[0]
        position = stating(self.retriever.dated, own)
        if position is None or (position != own and tells_own_time(self.sentences[own].text)):
            return None  # the reader reads "In 2010, ..." and "by 2029" for itself
        values = self.retriever.dated[position].values
        if len(values) != 1:
            return None  # two dates or more: which one the event was on, the reader says
        day = values[0]
        span = ReadSpan(self.text[day.start : day.end], day.start, day.end, position, 0.0)
        strength = self.retriever.dated[own].strength
        evidence = [self.cite(position, 1.0, span)]
        if own != position:
            evidence.append(self.cite(own, 1.0))
        sure = strength == 1.0
        told = DATE_OF_LAST if last else DATE_OF_LEDE
        return Answer(span.text, True, round(strength, 4), evidence, told, confident=sure)

    def about_article(
        self, question: str, history: list[dict[str, Any]] | None = None
    ) -> Answer | None:
        """The answer to "Who wrote this article?" (its byline), "Who is <the byline's
        name>?" or "When was it published?" (its date), from its head, which no sentence cites
        (qa.article_facts); None for any other question, or where the head does not say."""
        asked = exchanges(history)
        earlier = self.words.clean(asked[-1].question) if asked else None
        fact = fact_asked(question, earlier, self.words.__contains__)
        if asks_title(question):
            return Answer(self.title, True, 1.0, [], FROM_HEADLINE, confident=True)
        if fact == AUTHOR and self.byline:
            return Answer(self.byline, True, 1.0, [], FROM_BYLINE, confident=True)
        # "Who is Pieter de Vries?" where only the byline names him.
        named = names_author(question, self.byline)
        if named is not None and not self.words.has_phrase(named):
            return Answer(AUTHOR_OF_ARTICLE, True, 1.0, [], FROM_BYLINE, confident=True)
        if fact == PUBLISHED and self.date is not None:
            day = f"{self.date:%B} {self.date.day}, {self.date.year}"
            return Answer(day, True, 1.0, [], FROM_DATELINE, confident=True)
        return None

    def gist(self) -> Answer:
        """The answer to "What is this article about?": its lede and the sentences of
        the dates it tells of, quoted whole (qa.overview), each cited."""
        cited = [self.cite(position, 1.0) for position in overview(self.sentences)]
        text = " ".join(evidence.text for evidence in cited)
        return Answer(text, True, 1.0, cited, confident=True)

    def chronicle(self) -> Answer:
        """The answer to "Give me a timeline": each date the article states and what
        happened then, in calendar order, each cited (qa.dates.chronology); at most
        TIMELINE_EVENTS of them (the chat's pane lists all)."""
        events = chronology(self.sentences, self.date)[:TIMELINE_EVENTS]
        if not events:
            return Answer("", False, 0.0, [], NO_DATES)
        text = "; ".join(f"{event.label}: {event.summary.rstrip(' .')}" for event in events)
        cited: dict[int, Evidence] = {}
        for event in events:
            cited.setdefault(event.position, self.cite(event.position, 1.0))
        return Answer(text, True, 1.0, list(cited.values()), TIMELINE, confident=True)

    def in_order(self, asked: OrderRequest) -> Answer | None:
        """The answer to "Which strike happened first?" (qa.order_request) from the
        article's chronology: among the dated events whose sentence names the thing
        asked about, or the two the question names, the one in the place asked for; its
        date for "When ...?", else what happened then (or the option named), citing its
        sentence. Scored as "Tell me about <the thing>" is. None where fewer than two
        such events are dated (the reader reads the question then)."""
        events = chronology(self.sentences, self.date)
        if asked.options is not None:
            dated = {event.position: event for event in events}
            one, other = (self._dated_event(option, dated) for option in asked.options)
            if one is None or other is None or one is other:
                return None
            named_pair = [(one, asked.options[0]), (other, asked.options[1])]
            pair = sorted(named_pair, key=lambda named: named[0].first)
            event, text = pair[0] if asked.rank == 0 else pair[-1]
            topic = " ".join(asked.options)
        else:
            wanted = set(terms(asked.noun or ""))
            named = [e for e in events if wanted and wanted <= set(terms(e.sentence))]
            if len(named) < 2:
                return None
            event = named[asked.rank]
            text = event.label if asked.asks_when else event.summary.rstrip(" .")
            topic = asked.noun or ""
        decision, _ = self._topic_scored(topic)
        if not decision.answer.found:
            return None
        cited = self.cite(event.position, decision.answer.score)
        return replace(decision.answer, text=text, evidence=[cited], reading=IN_ORDER)

    def _dated_event(self, phrase: str, dated: dict[int, DatedEvent]) -> DatedEvent | None:
        """The dated event `phrase` names ("the Beirut strike"): of the sentences
        retrieval finds for it, the best one that states a date (`dated`: the events by
        their sentence), or the one next before it that does (its date the sentence
        inherits); None where none does."""
        for position in self.retriever.find(phrase)[:EVIDENCE_COUNT]:
            for at in (position, position - 1):
                if at in dated:
                    return dated[at]
        return None

    def decide_both(
        self, questions: tuple[str, str], history: list[dict[str, Any]] | None
    ) -> Decision:
        """Two questions typed as one (qa.compound), asked in turn, the second as a
        follow-up of the first; answered together where either is found."""
        first = self.decide(questions[0], history, split=False)
        turn: list[dict[str, Any]] = [
            {"role": "user", "content": questions[0]},
            {
                "role": "assistant",
                "content": first.answer.text or NOT_FOUND,
                "answer": first.answer,
            },
        ]
        # The last exchanges are what a follow-up reads; all of a long chat and this turn
        # could pass the history's limits.
        second = self.decide(
            questions[1], [*(history or [])[-RECENT_MESSAGES:], *turn], split=False
        )
        return Decision(
            both_answered(first.answer, second.answer, questions),
            "; ".join(d.candidate for d in (first, second) if d.candidate),
        )

    def conclude(self, analysis: Analysis, calibration: Calibration | None = None) -> Decision:
        """Answer, unsure or abstain, as the calibration (the bot's own unless given) says
        for these features."""
        calibration = calibration or self.calibration
        probability = calibration.probability(analysis.features)
        candidate = self.answer_from(analysis)
        found = probability >= calibration.threshold
        answer = replace(
            candidate,
            text=candidate.text if found else "",
            found=found,
            score=round(probability, 4),
            confident=found and probability >= calibration.confident_threshold,
        )
        return Decision(answer, candidate.text)


_bundled: dict[bool, ArticleQA] = {}
_bundled_lock = threading.Lock()


def bundled(reader: bool = True) -> ArticleQA:
    """The bundled article's ArticleQA (with or without the reader), built once on first use."""
    with _bundled_lock:
        if reader not in _bundled:
            from index.paths import bundled_index_dir
            from qa.article import BUNDLED_ARTICLE, BUNDLED_TITLE

            _bundled[reader] = ArticleQA.from_text(
                BUNDLED_ARTICLE.read_text("utf-8"),
                BUNDLED_TITLE,
                index_dir=bundled_index_dir(),
                reader=reader,
            )
        return _bundled[reader]


def ask(question: str, history: list[dict[str, Any]] | None = None) -> Answer:
    """Ask the bundled article a question (see ArticleQA.ask)."""
    return bundled().ask(question, history)
