"""The article pane: the article's sentences as HTML, the latest answer's citations marked.

Every piece of article text goes through html.escape: an article containing <script>
shows it as text. Each sentence is a span with id "s-<position>" so chat citations and
timeline entries can link to it.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence

from index.sentences import Sentence
from qa.answer import Answer
from qa.dates import DatedEvent
from ui.format import sentence_anchor

_renders = itertools.count()


def _marked(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]], mark: str = "answer-span"
) -> str:
    """Escaped `text` (which sits at start..end in the article) with the parts of `spans`
    it holds each in a <mark> of class `mark`."""
    parts = []
    cursor = 0
    for first, last in sorted(spans):
        if last <= start or first >= end:
            continue
        left = max(first - start, cursor)
        right = min(last, end) - start
        if right <= left:
            continue
        parts.append(html.escape(text[cursor:left]))
        parts.append(f'<mark class="{mark}">{html.escape(text[left:right])}</mark>')
        cursor = right
    return "".join(parts) + html.escape(text[cursor:])


def _answer_spans(answer: Answer | None) -> list[tuple[int, int]]:
    """The answer spans' article offsets, where the reader found one (two for two
    questions typed as one: qa.compound)."""
    if answer is None or not answer.found:
        return []
    return [
        (evidence.answer_start, evidence.answer_end)
        for evidence in answer.evidence
        if evidence.answer_start is not None and evidence.answer_end is not None
    ]


def render_article(
    title: str,
    text: str,
    sentences: Sequence[Sentence],
    answer: Answer | None = None,
    note: str | None = None,
) -> str:
    """The whole article as HTML, with `answer`'s cited sentences and span highlighted.

    Args:
        title: shown above the text.
        text: the article; sentences carry offsets into it.
        sentences: the article's sentences, in order.
        answer: the latest answer; its evidence is highlighted (as "closest" when not found;
            an answer given but not confident has its span marked "unsure").
        note: a line under the title (e.g. where the article came from).
    """
    cited = [e.position for e in answer.evidence] if answer else []
    kind = "cited" if answer is not None and answer.found else "closest"
    spans = _answer_spans(answer)
    unsure = answer is not None and answer.found and not answer.confident
    mark = "answer-span unsure" if unsure else "answer-span"
    lead = cited[0] if cited else None
    parts = []
    cursor = 0
    for sentence in sentences:
        parts.append(html.escape(text[cursor : sentence.start]))
        classes = ["sentence"]
        if sentence.position in cited:
            classes.append(kind)
            if sentence.position == lead:
                classes.append("lead")
        parts.append(
            f'<span class="{" ".join(classes)}" id="{sentence_anchor(sentence.position)}"'
            f' data-position="{sentence.position}">'
            f'<sup class="sentence-number">{sentence.position}</sup>'
            f"{_marked(sentence.text, sentence.start, sentence.end, spans, mark)}</span>"
        )
        cursor = sentence.end
    parts.append(html.escape(text[cursor:].rstrip()))
    summary = f"{len(sentences)} sentences"
    if answer is not None and cited:
        summary += " · " + ("cited" if kind == "cited" else "closest")
        summary += " (not certain): " if unsure else ": "
        summary += ", ".join(str(position) for position in cited)
    meta = html.escape(" · ".join(part for part in (note, summary) if part))
    # data-render changes on every render, so the pane scrolls even when the same
    # sentence is cited twice in a row.
    return (
        f'<div class="article-pane" data-render="{next(_renders)}"'
        f' data-lead="{"" if lead is None else lead}">'
        f'<h3 class="article-title">{html.escape(title)}</h3>'
        f'<p class="article-meta">{meta}</p>'
        f'<div class="article-text">{"".join(parts)}</div></div>'
    )


def render_timeline(events: Sequence[DatedEvent]) -> str:
    """The article's dated events as a list, each date linking to its sentence."""
    if not events:
        return '<p class="timeline-empty">No dated events found in this article.</p>'
    items = []
    for event in events:
        anchor = sentence_anchor(event.position)
        items.append(
            f'<li><a class="timeline-date" href="#{anchor}" title="sentence {event.position}">'
            f"{html.escape(event.label)}</a> "
            f'<span class="timeline-event">{html.escape(event.summary)}</span></li>'
        )
    return f'<ol class="timeline">{"".join(items)}</ol>'
