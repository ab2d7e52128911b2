"""The article pane's HTML: every sentence addressable, citations marked, all text escaped."""

from __future__ import annotations

import re

from index.sentences import split_sentences
from qa.answer import Answer, Evidence
from qa.dates import chronology
from ui.article_pane import render_article, render_timeline

TEXT = (
    "Engineers wrote <script>alert(1)</script> on the hull & left.\n"
    "On March 3 the ferry left Oban at noon.\n"
    "It reached Mull an hour later.\n"
)
SENTENCES = split_sentences(TEXT)


def evidence(position: int, span: tuple[int, int] | None = None) -> Evidence:
    s = SENTENCES[position]
    start, end = span if span else (None, None)
    return Evidence("t", position, s.text, s.start, s.end, 0.5, start, end)


def test_every_sentence_is_a_numbered_anchor_and_text_is_escaped() -> None:
    pane = render_article("<i>Title</i>", TEXT, SENTENCES)
    for sentence in SENTENCES:
        assert f'id="s-{sentence.position}" data-position="{sentence.position}"' in pane
    assert "<script>" not in pane and "&lt;script&gt;alert(1)&lt;/script&gt;" in pane
    assert "&amp; left." in pane and "&lt;i&gt;Title&lt;/i&gt;" in pane
    assert "cited" not in pane and 'data-lead=""' in pane
    # Stripped of its markup the pane reads as the article (numbers aside).
    plain = re.sub(r"<sup[^>]*>\d+</sup>", "", pane)
    plain = re.sub(r"<[^>]+>", "", plain.split('class="article-text">', 1)[1])
    assert plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == TEXT.rstrip()


def test_cited_sentences_and_the_answer_span_are_marked() -> None:
    start = TEXT.index("Oban")
    cited = [evidence(1, (start, start + 4)), evidence(2)]
    answer = Answer("Oban", True, 0.9, cited, confident=True)
    pane = render_article("T", TEXT, SENTENCES, answer)
    assert 'class="sentence cited lead" id="s-1"' in pane
    assert 'class="sentence cited" id="s-2"' in pane
    assert '<mark class="answer-span">Oban</mark> at noon.' in pane
    assert 'data-lead="1"' in pane and "cited: 1, 2" in pane


def test_an_unsure_answer_is_still_marked_but_as_unsure() -> None:
    start = TEXT.index("Oban")
    answer = Answer("Oban", True, 0.6, [evidence(1, (start, start + 4)), evidence(2)])
    pane = render_article("T", TEXT, SENTENCES, answer)
    assert 'class="sentence cited lead" id="s-1"' in pane
    assert '<mark class="answer-span unsure">Oban</mark> at noon.' in pane
    assert "cited (not certain): 1, 2" in pane


def test_a_span_across_two_sentences_is_marked_in_both() -> None:
    start, end = TEXT.index("noon"), TEXT.index("Mull") + 4
    answer = Answer("noon. It reached Mull", True, 0.9, [evidence(1, (start, end))], None, True)
    pane = render_article("T", TEXT, SENTENCES, answer)
    assert '<mark class="answer-span">noon.</mark>' in pane
    assert '<mark class="answer-span">It reached Mull</mark>' in pane


def test_two_answers_in_one_are_both_marked() -> None:
    oban, mull = TEXT.index("Oban"), TEXT.index("Mull")
    cited = [evidence(1, (oban, oban + 4)), evidence(2, (mull, mull + 4))]
    pane = render_article("T", TEXT, SENTENCES, Answer("Oban; Mull", True, 0.9, cited))
    assert '<mark class="answer-span unsure">Oban</mark>' in pane
    assert '<mark class="answer-span unsure">Mull</mark>' in pane


def test_not_found_marks_the_closest_sentences_without_a_span() -> None:
    answer = Answer("", False, 0.1, [evidence(2), evidence(0)])
    pane = render_article("T", TEXT, SENTENCES, answer)
    assert 'class="sentence closest lead" id="s-2"' in pane
    assert "closest: 2, 0" in pane and "<mark" not in pane


def test_each_render_is_new_so_the_pane_scrolls_again() -> None:
    first = render_article("T", TEXT, SENTENCES)
    assert first != render_article("T", TEXT, SENTENCES)


def test_timeline_links_each_date_to_its_sentence() -> None:
    html = render_timeline(chronology(SENTENCES, None))
    assert '<a class="timeline-date" href="#s-1" title="sentence 1">March 3</a>' in html
    assert "The ferry left Oban at noon." in html or "the ferry left Oban" in html
    assert "No dated events" in render_timeline([])
