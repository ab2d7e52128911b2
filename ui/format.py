"""Render an Answer as a chat message: the answer, then its numbered citations."""

from __future__ import annotations

import html

from qa.answer import Answer

NOT_FOUND = "That is not in the article."


def message_text(content: object) -> str:
    """The plain text of a chat message's content (Gradio may send a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text", ""))
    if isinstance(content, list):
        return " ".join(message_text(part) for part in content)
    return ""


def render(answer: Answer) -> str:
    """Markdown for one answer; article text is escaped so it shows as text, never as HTML."""
    lines = []
    if answer.reading:
        lines.append(f"_{html.escape(answer.reading)}_\n")
    if answer.found:
        lines.append(html.escape(answer.text))
        lines.append("\n**Sources**")
        for evidence in answer.evidence:
            lines.append(f"- [{evidence.position}] {html.escape(evidence.text)}")
    else:
        lines.append(f"**{NOT_FOUND}**")
        if answer.evidence:
            lines.append("\nYou may be looking for:")
            for evidence in answer.evidence:
                lines.append(f"- [{evidence.position}] {html.escape(evidence.text)}")
    return "\n".join(lines)
