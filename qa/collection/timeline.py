""" "Give me a timeline" asked of a whole collection: the dates its articles state, from
every article the filters allow (the newest few), merged in calendar order.

Asked of one article at a time, the request was answered from whichever article ranked
first for the words "give me a timeline", which say nothing about any article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from index.collection import ArticleFilter, ArticleRow, StoredArticle
from qa.answer import Answer
from qa.bot import TIMELINE_EVENTS, ArticleQA
from qa.collection.answering import cite_sentence
from qa.dates.chronology import DatedEvent, chronology
from qa.messages import NO_DATES, TIMELINE

# The newest articles read for a collection's timeline: each is loaded (its sentence
# index too), so a collection of thousands is not read whole for one request.
TIMELINE_ARTICLES = 12


def allowed(articles: Sequence[StoredArticle], where: ArticleFilter) -> list[StoredArticle]:
    """The articles the filter allows (these ids; dated in [since, until], where an
    undated article is left out when a bound is given), newest first by date, then by
    when they were added."""
    kept = [a for a in articles if where.allows(a.id, a.date)]
    return sorted(kept, key=lambda a: (a.date or "", a.added), reverse=True)


def collection_timeline(
    articles: Sequence[StoredArticle],
    where: ArticleFilter,
    bot_of: Callable[[str], tuple[ArticleRow, ArticleQA] | None],
    sentence_ids: Callable[[str], list[int]],
    limit: int = TIMELINE_EVENTS,
) -> Answer:
    """Each date the allowed articles state (the newest TIMELINE_ARTICLES of them) and
    what happened then, in calendar order, each naming its article and cited with its
    stable sentence id; at most `limit` of them, the earliest."""
    dated: list[tuple[DatedEvent, ArticleRow, ArticleQA]] = []
    for stored in allowed(articles, where)[:TIMELINE_ARTICLES]:
        found = bot_of(stored.id)
        if found is None:  # removed meanwhile
            continue
        row, bot = found
        dated += [(event, row, bot) for event in chronology(bot.sentences, bot.date)]
    if not dated:
        return Answer("", False, 0.0, [], NO_DATES)
    dated.sort(key=lambda item: item[0].first)
    lines, evidence = [], []
    ids: dict[str, list[int]] = {}
    for event, row, bot in dated[:limit]:
        lines.append(f"{event.label}: {event.summary.rstrip(' .')} ({row.title})")
        if row.id not in ids:
            ids[row.id] = sentence_ids(row.id)
        evidence.append(cite_sentence(bot.cite(event.position, 1.0), row, ids[row.id]))
    return Answer("; ".join(lines), True, 1.0, evidence, TIMELINE, confident=True)
