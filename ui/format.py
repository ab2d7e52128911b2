"""Render an Answer as text: for the terminal (`render`) and as a chat message (`render_chat`).

Three outcomes: a confident answer is shown as it is; an answer given but not confident
opens with "Not certain - the closest the article comes:" and shows the sentence it
comes from; not found offers the closest sentences.

`chat_answer_text` reads a chat message back: what a /chat client's replayed history answered.

In the chat, article and answer text is escaped: an article containing <script> shows it
as text, never as HTML, and Markdown characters in it stay literal. On the terminal it
is plain text, printed as written, its control characters blanked.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Iterator

from qa.answer import Answer, Evidence
from ui.messages import MAYBE, NOT_FOUND, SOURCES, THINKING, UNSURE, WARNING

# Backslash-escaped in chat Markdown; <, >, &, and quotes become HTML entities instead.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~$])")
_READING = "↪"
# C0 and C1 controls but newline and tab: ESC, BEL, backspace, carriage return, ...
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_STYLES = {"bold": "\x1b[1m", "dim": "\x1b[2m", "cyan": "\x1b[36m"}
_RESET = "\x1b[0m"


def message_text(content: object) -> str:
    """The plain text of a chat message's content (Gradio may send a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text", ""))
    if isinstance(content, list):
        return " ".join(message_text(part) for part in content)
    return ""


def colour_wanted() -> bool:
    """ANSI colour on a terminal only, and never under NO_COLOR (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def terminal_text(text: str) -> str:
    """`text` safe to print: control characters (an article's own escape sequences could
    recolour or rewrite the terminal) become spaces; newlines and tabs stay."""
    return _CONTROLS.sub(" ", text)


def styled(text: str, style: str, colour: bool) -> str:
    """`text` in an ANSI style ("bold", "dim", "cyan") when `colour`, else as it is."""
    return f"{_STYLES[style]}{text}{_RESET}" if colour else text


def cited(evidence: Evidence, colour: bool = False) -> str:
    """One source line for the terminal: "  [13] (2025-11-23) The target was ..."."""
    when = f"({', '.join(evidence.dates)}) " if evidence.dates else ""
    where = f"{evidence.article}: " if evidence.article_id else ""  # from a collection
    number = styled(f"[{evidence.position}]", "cyan", colour)
    return f"  {number} {terminal_text(where + when + evidence.text)}"


def render(answer: Answer, colour: bool = False) -> str:
    """One answer as plain text for the terminal: the answer, then its sources.

    No Markdown and no HTML entities: the text is printed as the article wrote it (its
    control characters blanked). `colour`: ANSI styles, for a terminal only.
    """
    lines = []
    if answer.reading:
        lines.append(styled(f"{_READING} {terminal_text(answer.reading)}", "dim", colour) + "\n")
    if answer.found:
        if not answer.confident:  # its sentence leads the sources below
            lines.append(styled(UNSURE, "dim", colour))
        lines.append(styled(terminal_text(answer.text), "bold", colour))
        if answer.evidence:  # the byline and the date come from no sentence
            lines.append("\n" + styled(SOURCES, "dim", colour))
    else:
        lines.append(styled(NOT_FOUND, "bold", colour))
        if answer.evidence:
            lines.append("\n" + styled(MAYBE, "dim", colour))
    lines.extend(cited(evidence, colour) for evidence in answer.evidence)
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """`text` as literal chat Markdown: no formatting, no HTML, no LaTeX from article text."""
    return html.escape(_MARKDOWN_SPECIALS.sub(r"\\\1", text))


def unescape_markdown(text: str) -> str:
    """Undo escape_markdown: the text as it was before it went into the chat."""
    return _ESCAPED.sub(r"\1", html.unescape(text))


def sentence_anchor(position: int) -> str:
    """The id of a sentence's element in the article pane (citations link to it)."""
    return f"s-{position}"


def citation_link(evidence: Evidence) -> str:
    """A clickable "[13]" that highlights sentence 13 in the article pane; hover shows it."""
    when = f"({', '.join(evidence.dates)}) " if evidence.dates else ""
    title = html.escape(when + evidence.text.replace("\n", " "), quote=True)
    return f'[\\[{evidence.position}\\]](#{sentence_anchor(evidence.position)} "{title}")'


def reading_line(answer: Answer) -> str | None:
    """How a follow-up was read, as an italic line, so a wrong reading is visible."""
    return f"_{_READING} {escape_markdown(answer.reading)}_" if answer.reading else None


_UNSURE_LINE = f"**{escape_markdown(UNSURE)}**"


def unsure_line(answer: Answer) -> str | None:
    """The bold line that opens an answer given but not confident; None otherwise."""
    return _UNSURE_LINE if answer.found and not answer.confident else None


def _head(answer: Answer) -> list[str]:
    """What comes before the answer's words: how it was read, and whether it is unsure."""
    return [line for line in (reading_line(answer), unsure_line(answer)) if line]


def render_chat(answer: Answer) -> str:
    """The chat message for one answer: reading, answer, then clickable citations.

    An answer given but not confident is marked so, and quotes the sentence it comes from
    (the one holding its span; each one's, for two answers in one) before the citations.
    """
    parts = _head(answer)
    if answer.found:
        parts.append(escape_markdown(answer.text))
        if answer.evidence and not answer.confident:
            # The sentence holding the span; each one's, for two questions typed as one.
            spans = [e for e in answer.evidence if e.answer_start is not None]
            for lead in spans or answer.evidence[:1]:
                if lead.text.strip() != answer.text.strip():  # a sentence answer: quoted once
                    parts.append(f"> {citation_link(lead)} {escape_markdown(lead.text)}")
        if answer.evidence:
            parts.append(f"{SOURCES}: " + " ".join(citation_link(e) for e in answer.evidence))
    else:
        parts.append(f"**{NOT_FOUND}**")
        if answer.evidence:
            closest = [f"- {citation_link(e)} {escape_markdown(e.text)}" for e in answer.evidence]
            parts.append(MAYBE + "\n\n" + "\n".join(closest))
    return "\n\n".join(parts)


def stream_chat(answer: Answer, words_per_step: int = 3) -> Iterator[str]:
    """Growing drafts of render_chat(answer), ending with the whole message.

    The reading (and the "not certain" line) comes first, then the answer a few words at a
    time, then the citations. Every draft but the last ends in "…", so a reader (or a test)
    can tell it is unfinished.
    """
    head = _head(answer)
    if head:
        yield "\n\n".join([*head, THINKING])
    if answer.found:
        words = answer.text.split()
        for end in range(words_per_step, len(words), words_per_step):
            yield "\n\n".join([*head, f"{escape_markdown(' '.join(words[:end]))} {THINKING}"])
    yield render_chat(answer)


def chat_answer_text(message: str) -> str:
    """The plain answer text in a chat message that render_chat made; "" when it gave none
    (not found, a warning, the placeholder): the inverse of render_chat's answer line.
    An answer marked "not certain" was still given: its text is read back too."""
    paragraphs = message.split("\n\n")
    if paragraphs[0].startswith(f"_{_READING} "):
        paragraphs = paragraphs[1:]
    if paragraphs and paragraphs[0] == _UNSURE_LINE:
        paragraphs = paragraphs[1:]
    first = paragraphs[0].strip() if paragraphs else ""
    if first in (f"**{NOT_FOUND}**", THINKING) or first.startswith(WARNING):
        return ""
    return unescape_markdown(first).strip()
