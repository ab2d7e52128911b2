"""An article's head (headline, byline, dateline) kept apart from its story."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences
from qa.article_head import ArticleHead, byline_of, split_head
from qa.dates import is_time_stamp, timeline

STORY = "A ferry carrying 212 passengers sank on Monday. On March 1 the crew had warned of it.\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Ferry sinks off Crete\nMarch 3, 2026 11:42 AM GMT\nBy Jane Doe\n",
            ArticleHead("Ferry sinks off Crete", "Jane Doe", "March 3, 2026 11:42 AM GMT"),
        ),
        (
            "Ferry sinks off Crete\n\n"
            "By Jane Doe and Omar Ali, Reuters | Tue 3 Mar 2026 11.42 GMT\n\n",
            ArticleHead(
                "Ferry sinks off Crete",
                "Jane Doe and Omar Ali, Reuters",
                "Tue 3 Mar 2026 11.42 GMT",
            ),
        ),
        ("# Ferry sinks off Crete\n\n", ArticleHead("Ferry sinks off Crete")),
        (
            # Markdown's italics around a stamp and a byline set apart by a dot.
            "# Ferry sinks off Crete\n\n*Published 3 March 2026 · By Jane Doe*\n\n",
            ArticleHead("Ferry sinks off Crete", "Jane Doe", "Published 3 March 2026"),
        ),
        ("Will the ferry sail again?\n\n", ArticleHead("Will the ferry sail again?")),
        (
            "Published: 2026-03-03T11:42:00Z\nUpdated 9:05 a.m. ET, March 4\n",
            ArticleHead(None, None, "Published: 2026-03-03T11:42:00Z"),
        ),
    ],
)
def test_head_lines_come_off_the_top(head: str, expected: ArticleHead) -> None:
    assert split_head(head + STORY) == (expected, STORY)


@pytest.mark.parametrize(
    "text",
    [
        STORY,  # the story from its first line
        # A hard-wrapped first line is no headline, though short and unpunctuated.
        "The ferry left Oban at noon on March 3 and it reached\nMull an hour later.\n",
        "By Monday, the army had withdrawn from the town.\nTalks resumed.\n",
        "March 3 was the day the ferry sank.\nAll were rescued.\n",
        "Ferry sinks off Crete\n",  # a headline alone: nothing would be left
    ],
)
def test_a_story_that_starts_at_once_keeps_its_first_line(text: str) -> None:
    assert split_head(text) == (ArticleHead(), text)


def test_a_known_title_and_author_run_into_the_story_come_off() -> None:
    text = "Ferry sinks off Crete By Jane Doe March 3, 2026 11:42 AM GMT A ferry sank. More.\n"
    head, body = split_head(text, title="Ferry sinks off Crete", author="Jane Doe")
    assert head == ArticleHead("Ferry sinks off Crete", "Jane Doe", "March 3, 2026 11:42 AM GMT")
    assert body == "A ferry sank. More.\n"
    # Without the page's metadata nothing is guessed inside a line.
    assert split_head(text) == (ArticleHead(), text)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ("Jane Doe", None)),
        ("BY JANE DOE", ("JANE DOE", None)),
        ("By Jane Doe — March 3, 2026", ("Jane Doe", "March 3, 2026")),
        # A place or an agency between bars is not the author; the stamp is the date.
        ("By Maria Lindqvist | Stockholm | 4 June 2026", ("Maria Lindqvist", "4 June 2026")),
        ("By Jane Doe · Reuters", ("Jane Doe", None)),
        ("By Jane Doe | the day after | 4 June 2026", None),
        ("By the way, nobody came.", None),
        ("By Monday the army had gone", None),
    ],
)
def test_bylines(line: str, names: tuple[str, str | None] | None) -> None:
    assert byline_of(line) == names


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("March 3, 2026 11:42 AM GMT", True),
        ("Published: Tue 3 Mar 2026 11.42 GMT", True),
        ("11:42 AM GMT, March 3, 2026", True),
        ("Published March 3, 2026 · Updated March 4, 2026", True),
        ("On March 3, 2026 the talks resumed.", False),
        ("March 3, 2026 11:42 AM GMT Negotiators met", False),
        ("may 3 be the day", False),
    ],
)
def test_time_stamps(line: str, stamp: bool) -> None:
    assert is_time_stamp(line) is stamp


def test_a_time_stamp_left_in_the_text_is_no_timeline_event() -> None:
    text = "Ferry sinks off Crete\nMarch 3, 2026 11:42 AM GMT\n" + STORY
    events = timeline(split_sentences(text))
    assert [(event.label, event.summary) for event in events] == [
        ("March 1", "On March 1 the crew had warned of it.")
    ]
