"""An article's head: the headline, byline and dateline above its first sentence.

People paste and save articles as a page shows them::

    Ferry sinks off Crete
    By Jane Doe, Reuters
    March 3, 2026 11:42 AM GMT
    A ferry carrying 212 passengers sank ...

Those lines are about the article, not in it: left in, they would be indexed as sentence
0 ("Ferry sinks off Crete By Jane Doe March 3, 2026 11:42 AM GMT A ferry ..." when a
page's extraction runs them together), cited as evidence and put on the timeline.
`split_head` takes them off the top and returns them apart, so the title goes to the
picker, the byline to the article's metadata and the dateline grounds relative dates.

Only whole lines at the top are taken, and only lines that cannot be a sentence of the
story: a short unpunctuated first line (the headline), "By ..." with names, a time
stamp. A page's metadata (trafilatura's title and author) is also matched where the
extraction ran them into the first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.dates import HEAD_LINE_CHARS, is_time_stamp
from qa.dates.datelines import TIME_STAMP

HEAD_LINES = 4  # headline, byline, dateline, and one more (an "Updated" stamp)
TITLE_CHARS = 150
# A headline followed directly by the story (no blank line) is as short as the sentence
# splitter's headlines (index.sentences) and must not end like a wrapped line does.
_TIGHT_TITLE_WORDS = 12
_LOOSE_TITLE_WORDS = 25
_TIGHT_TITLE_SHARE = 0.8
_WRAP_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or",
    "that", "the", "to", "which", "who", "with",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.,;:][\"'”’)\]]*$")
_BYLINE = re.compile(r"(?:by|written\s+by|words\s+by)\s+(?P<names>.+)", re.IGNORECASE)
# Inside a byline: names, "and", agencies after a comma ("By Jane Doe and Omar Ali, Reuters").
_NAME_WORDS = {"and", "&", "de", "van", "von", "der", "da", "du", "la", "le", "bin", "al", "in"}
_BYLINE_WORDS = 12
_STAMP_AFTER_NAMES = re.compile(r"\s*[|·•—–]\s*|\s*,\s*(?=\S)|\s+(?=\d)")
_FIELD_BREAK = re.compile(r"\s+[|·•]\s+")
# A whole line in Markdown emphasis: "*...*", "_..._", "**...**".
_EMPHASIS = re.compile(r"^(?P<mark>\*{1,2}|_{1,2})(?P<inner>\S(?:.*\S)?)(?P=mark)$")
# A title run into the story is only trusted when it is this long (a one-word title
# could be the story's own first word).
_RUN_IN_TITLE_WORDS = 3


@dataclass(frozen=True)
class ArticleHead:
    """What the top of an article says about it; None for what it does not say."""

    title: str | None = None
    byline: str | None = None  # the names, without "By"
    dateline: str | None = None  # the time stamp as written


def _names(text: str) -> bool:
    """Whether `text` reads as a list of names and agencies, not as a clause."""
    words = text.replace(",", " ").split()
    if not 0 < len(words) <= _BYLINE_WORDS or _SENTENCE_END.search(text.rstrip(".")):
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_WORDS for word in words)


def byline_of(line: str, author: str | None = None) -> tuple[str, str | None] | None:
    """(names, time stamp or None) when `line` is a byline, else None.

    "By Jane Doe", "By Jane Doe and Omar Ali, Reuters", "By Jane Doe | March 3, 2026";
    a line that is just the page's known `author` counts too.
    """
    line = line.strip()
    if author and line.casefold() == author.strip().casefold():
        return author.strip(), None
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    names = match.group("names").strip()
    if _names(names):
        return names, None
    # "By Jane Doe | Stockholm | 4 June 2026": names, then fields set apart by bars or
    # dots, each a place or agency (dropped: not the author) or the one time stamp.
    fields = [field.strip() for field in _FIELD_BREAK.split(names)]
    if len(fields) > 1 and _names(fields[0]):
        stamps = [field for field in fields[1:] if is_time_stamp(field)]
        others = [field for field in fields[1:] if field not in stamps]
        if len(stamps) <= 1 and all(_names(field) for field in others):
            return fields[0], stamps[0] if stamps else None
    for gap in _STAMP_AFTER_NAMES.finditer(names):
        before, after = names[: gap.start()], names[gap.end() :]
        if _names(before) and is_time_stamp(after):
            return before.strip(), after.strip()
    return None


def _is_title(line: str, following: str, title: str | None) -> bool:
    """Whether the first line `line` is a headline, given the line after it ("" if blank)."""
    if title and line.casefold() == title.strip().casefold():
        return True
    if line.startswith("#"):
        return True
    words = line.split()
    if not words or len(line) > TITLE_CHARS or _SENTENCE_END.search(line):
        return False
    if is_time_stamp(line) or byline_of(line):
        return False
    if not following or byline_of(following) or is_time_stamp(following):
        return len(words) <= _LOOSE_TITLE_WORDS  # set apart: a headline even if it asks "?"
    # Straight above the story: not a hard-wrapped first line, which is as long as the
    # lines after it and ends anywhere, while a headline is shorter or in Title Case.
    capitalised = sum(word[:1].isupper() for word in words)
    return (
        len(words) <= _TIGHT_TITLE_WORDS
        and following[:1].isupper()
        and words[-1].lower() not in _WRAP_WORDS
        and line[-1:] not in "?!"
        and (len(line) <= _TIGHT_TITLE_SHARE * len(following) or capitalised > len(words) / 2)
    )


def _run_in(text: str, start: int, known: str | None, prefix: str = "") -> int | None:
    """Where `prefix + known` ends when `text` goes on with it at `start`, followed by
    more of the same line (an extraction ran the head into the story)."""
    if not known or not known.strip():
        return None
    wanted = (prefix + known.strip()).casefold()
    end = start + len(wanted)
    if text[start:end].casefold() != wanted or text[end : end + 1] not in (" ", "\t"):
        return None
    return end + len(text[end:]) - len(text[end:].lstrip(" \t"))


def _run_in_stamp(text: str, start: int) -> int | None:
    """Where a time stamp that opens the line at `start` ends, when a capitalised word
    (the story) follows it on that line."""
    line = text[start:].split("\n", 1)[0][:HEAD_LINE_CHARS]
    match = TIME_STAMP.match(line)
    if match is None or not line[match.end() : match.end() + 1].isspace():
        return None
    if not line[match.end() :].lstrip()[:1].isupper():
        return None
    return start + match.end() + len(line[match.end() :]) - len(line[match.end() :].lstrip())


def _split_run_in(text: str, title: str | None, author: str | None) -> tuple[ArticleHead, str]:
    """The page's own title, then maybe "By <author>" and a time stamp, run into the
    story's first line; no head when the text does not open with the title so."""
    start = len(text) - len(text.lstrip())
    cursor = _run_in(text, start, title)
    if cursor is None or not title or len(title.split()) < _RUN_IN_TITLE_WORDS:
        return ArticleHead(), text
    byline = None
    if after_author := _run_in(text, cursor, author, "By ") or _run_in(text, cursor, author):
        byline, cursor = (author or "").strip(), after_author
    dateline = None
    if (after_stamp := _run_in_stamp(text, cursor)) is not None:
        dateline, cursor = text[cursor:after_stamp].strip(), after_stamp
    if not text[cursor : cursor + 1].isupper():
        return ArticleHead(), text
    return ArticleHead(title.strip(), byline, dateline), text[cursor:]


def _split_lines(text: str, title: str | None, author: str | None) -> tuple[ArticleHead, str]:
    """Whole head lines at the top: the headline first, then bylines and time stamps."""
    lines = text.splitlines(keepends=True)
    found: dict[str, str] = {}
    offset = index = taken = 0
    while index < len(lines) and taken < HEAD_LINES:
        line = lines[index].strip()
        if line:
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if not _take(line, following, found, title, author, first=taken == 0):
                break
            taken += 1
        offset += len(lines[index])
        index += 1
    body = text[offset:].lstrip()
    if not found or not body:
        return ArticleHead(), text
    return ArticleHead(found.get("title"), found.get("byline"), found.get("dateline")), body


def _take(
    line: str,
    following: str,
    found: dict[str, str],
    title: str | None,
    author: str | None,
    first: bool,
) -> bool:
    """Whether `line` is part of the head; what it says goes into `found`."""
    line = _EMPHASIS.sub(r"\g<inner>", line)  # "*Published 14 May 2026*": Markdown italics
    if first and _is_title(line, following, title):
        found["title"] = line.lstrip("#").strip()
        return True
    if "byline" not in found and (byline := byline_of(line, author)) is not None:
        found["byline"] = byline[0]
        if byline[1]:
            found.setdefault("dateline", byline[1])
        return True
    if is_time_stamp(line):
        found.setdefault("dateline", line.rstrip("."))  # a second one: "Updated ..."
        return True
    # "Published 14 May 2026 · By Tom Reed": a time stamp and a byline set apart.
    fields = [field.strip() for field in _FIELD_BREAK.split(line)]
    stamps = [field for field in fields if is_time_stamp(field)]
    names = [byline_of(field, author) for field in fields if field not in stamps]
    if len(fields) > 1 and len(stamps) == 1 and len(names) == 1 and names[0] is not None:
        if "byline" not in found:
            found["byline"] = names[0][0]
        found.setdefault("dateline", stamps[0].rstrip("."))
        return True
    return False


def split_head(
    text: str, title: str | None = None, author: str | None = None
) -> tuple[ArticleHead, str]:
    """The head at the top of `text` and the body after it, from its first sentence on
    (unchanged); no head and `text` itself when the top is already the story.

    Args:
        text: the article as extracted.
        title: the page's own title, when its metadata gives one (HTML).
        author: the page's author, likewise.
    """
    head, body = _split_run_in(text, title, author)
    if head.title is not None:
        return head, body
    return _split_lines(text, title, author)
