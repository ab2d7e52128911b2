"""The chat: its handler called directly as a generator, the page's chat without a server."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from typing import Any

import gradio as gr
import pytest

from qa import ArticleQA
from qa.answer import Answer, Evidence
from qa.collection import BUNDLED_ID
from tests.conftest import FakeEmbedder
from ui.app import ChatApp
from ui.chat_events import AskFunction, make_respond, replayed_history, replies
from ui.conversation import shown_chat
from ui.format import chat_answer_text, escape_markdown, render, render_chat, unescape_markdown
from ui.messages import MAYBE, NOT_FOUND, SOURCES, UNSURE

TEXT = "Israel and Lebanon held talks in Ras EnNakoura.\nOn November 23 an air strike hit Beirut.\n"
SPAN = Evidence("a", 13, "The target was the chief of staff of Hezbollah.", 200, 247, 0.9, 215, 246)
ANSWER = Answer(
    "the chief of staff of Hezbollah in the capital city",
    True,
    0.9,
    [SPAN, Evidence("a", 12, "On November 23 a strike hit Beirut.", 160, 195, 0.5)],
    "Reading as: Who said so (following: What was targeted on November 23?)",
    confident=True,
)
# The same answer given, but not confidently: shown marked, with its sentence.
UNSURE_ANSWER = dataclasses.replace(ANSWER, score=0.6, confident=False)


def fixed(answer: Answer) -> AskFunction:
    return lambda question, history: answer


def test_handler_streams_drafts_that_grow_into_the_answer() -> None:
    drafts = list(make_respond(fixed(ANSWER), delay=0)("Who said so?", []))
    assert len(drafts) > 2
    reading = "_↪ Reading as: Who said so \\(following: What was targeted on November 23?\\)_"
    assert drafts[0] == reading + "\n\n…"
    assert all(draft.endswith("…") for draft in drafts[:-1])
    assert all(len(a) < len(b) for a, b in zip(drafts, drafts[1:], strict=False))
    assert drafts[1].endswith("…") and "Sources" not in drafts[1]
    assert drafts[-1] == render_chat(ANSWER)


def test_final_message_ends_with_clickable_citations() -> None:
    message = render_chat(ANSWER)
    assert message.splitlines()[-1].startswith("Sources: [\\[13\\]](#s-13 ")
    assert "(#s-12 " in message
    assert "Reading as: Who said so" in message


def test_an_unsure_answer_is_marked_and_quotes_its_sentence() -> None:
    reading, unsure, answer, quote, sources = render_chat(UNSURE_ANSWER).split("\n\n")
    assert reading.startswith("_↪ Reading as: Who said so")
    assert unsure == f"**{escape_markdown(UNSURE)}**"
    assert answer == "the chief of staff of Hezbollah in the capital city"
    # The sentence holding the answer, quoted and linked to the article pane.
    assert quote.startswith("> [\\[13\\]](#s-13 ")
    assert quote.endswith(" The target was the chief of staff of Hezbollah\\.")
    assert sources.startswith(f"{SOURCES}: [\\[13\\]](#s-13 ")
    # A confident answer says neither.
    assert escape_markdown(UNSURE) not in render_chat(ANSWER) and "\n> " not in render_chat(ANSWER)


def test_two_unsure_answers_in_one_quote_both_sentences() -> None:
    other = Evidence("a", 12, "On November 23 a strike hit Beirut.", 160, 195, 0.5, 189, 195)
    both = replace(UNSURE_ANSWER, text="the chief of staff; Beirut", evidence=[SPAN, other])
    quotes = [line for line in render_chat(both).split("\n\n") if line.startswith("> ")]
    assert [quote[: len("> [\\[13\\]]")] for quote in quotes] == ["> [\\[13\\]]", "> [\\[12\\]]"]


def test_an_unsure_sentence_answer_is_not_quoted_twice() -> None:
    lead = UNSURE_ANSWER.evidence[0]
    whole = replace(UNSURE_ANSWER, text=lead.text, reading=None)
    unsure, answer, sources = render_chat(whole).split("\n\n")
    assert unsure == f"**{escape_markdown(UNSURE)}**"
    assert answer == escape_markdown(lead.text)
    assert sources.startswith(f"{SOURCES}: ")


def test_an_unsure_answer_streams_its_mark_first_and_reads_back_as_its_text() -> None:
    drafts = list(make_respond(fixed(UNSURE_ANSWER), delay=0)("Who said so?", []))
    mark = f"**{escape_markdown(UNSURE)}**"
    assert drafts[0].endswith(f"{mark}\n\n…")
    assert all(mark in draft for draft in drafts)
    assert all(len(a) < len(b) for a, b in zip(drafts, drafts[1:], strict=False))
    assert drafts[-1] == render_chat(UNSURE_ANSWER)
    # A follow-up after it (a /chat client replaying the chat) follows the answer shown.
    assert chat_answer_text(drafts[-1]) == UNSURE_ANSWER.text


def test_last_reply_carries_the_answer_for_the_article_pane() -> None:
    drafts = list(replies(fixed(ANSWER), "Who said so?", [], delay=0))
    assert [d.answer for d in drafts[:-1]] == [None] * (len(drafts) - 1)
    assert drafts[-1].answer is ANSWER


def test_handler_with_a_real_bot(fake_embedder: FakeEmbedder) -> None:
    bot = ArticleQA.from_text(TEXT, "Test", embedder=fake_embedder)
    drafts = list(make_respond(bot.ask, delay=0)("Where were the talks held?", []))
    assert "(#s-0 " in drafts[-1] or "(#s-1 " in drafts[-1]


def test_handler_turns_errors_into_one_message() -> None:
    def ask(question: str, history: list[dict[str, str]]) -> Answer:
        from qa.bot import check_question

        check_question(question)
        raise AssertionError("not reached")

    assert list(make_respond(ask, delay=0)("   ", [])) == ["⚠️ the question is empty"]


def test_history_parts_become_plain_text() -> None:
    history = [
        {"role": "user", "content": [{"type": "text", "text": "What happened?"}]},
        {"role": "assistant", "content": "A strike."},
        {"role": "system", "content": "ignored"},
    ]
    assert replayed_history(history) == [
        {"role": "user", "content": "What happened?"},
        {"role": "assistant", "content": "A strike."},
    ]


def test_a_replayed_chat_reply_becomes_its_answer_text() -> None:
    # A /chat client sends back the Markdown it got: read at the boundary, not in qa.
    assert chat_answer_text(render_chat(ANSWER)) == ANSWER.text
    tall = Answer("a *tall* <b> building", True, 0.9, [SPAN])
    assert chat_answer_text(render_chat(tall)) == "a *tall* <b> building"
    closest = Answer("", False, 0.1, [SPAN], "Reading as: x")
    assert chat_answer_text(render_chat(closest)) == ""
    assert chat_answer_text("⚠️ the question is empty") == ""
    history = [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": render_chat(tall)},
    ]
    assert replayed_history(history)[1] == {"role": "assistant", "content": tall.text}


def test_chat_text_is_escaped() -> None:
    evidence = Evidence("a", 0, "<script>alert(1)</script> said *so* [x](y).", 0, 10, 0.9)
    message = render_chat(Answer("<b>x</b> $5", True, 0.9, [evidence]))
    assert "<script>" not in message and "<b>" not in message
    assert "&lt;b&gt;x&lt;/b&gt; \\$5" in message
    assert '(#s-0 "&lt;script&gt;alert(1)&lt;/script&gt; said *so* [x](y).")' in message
    # The terminal is no browser: there the text is printed as written (tests/ui/test_terminal.py).
    assert "&lt;" not in render(Answer("<b>x</b>", True, 0.9, [evidence]))


@pytest.mark.parametrize("text", ["What *is* [this](x)?", "a\\b <i> & #1. $2 ~x~", ""])
def test_escaping_a_question_can_be_undone(text: str) -> None:
    assert unescape_markdown(escape_markdown(text)) == text


def test_not_found_offers_the_closest_sentences() -> None:
    closest = Evidence("a", 4, "Close sentence.", 0, 15, 0.2)
    message = render_chat(Answer("", False, 0.1, [closest]))
    assert f"**{NOT_FOUND}**" in message and MAYBE in message
    assert "- [\\[4\\]](#s-4 " in message and "Close sentence\\." in message


def test_app_handler_streams_then_highlights_the_citations(chat_app: ChatApp) -> None:
    outputs = list(
        chat_app.chat_events.on_message("What was targeted on November 23?", [], "bundled", {})
    )
    first_chat, question_box, first_pane, first_turns = outputs[0]
    assert first_chat[-1] == {"role": "assistant", "content": "…"} and question_box == ""
    assert first_pane == {"__type__": "update"}  # the pane waits for the answer
    assert first_turns == {"__type__": "update"}  # so does the conversation
    chat, _, pane, _ = outputs[-1]
    assert chat[0] == {"role": "user", "content": "What was targeted on November 23?"}
    assert "(#s-" in chat[-1]["content"]
    assert 'class="sentence ' in pane and (" cited" in pane or " closest" in pane)


def test_app_handler_keeps_follow_up_history(chat_app: ChatApp) -> None:
    on_message = chat_app.chat_events.on_message
    *_, (chat, _, _, chats) = on_message("What was targeted on November 23?", [], "bundled", {})
    # The conversation as qa reads it: the question as typed, the answer with its Answer.
    question, reply = chats["bundled"]
    assert question == {"role": "user", "content": "What was targeted on November 23?"}
    assert isinstance(reply["answer"], Answer) and reply["content"] == reply["answer"].text
    *_, (chat, _, _, chats) = on_message("Who said so?", chat, "bundled", chats)
    assert "Reading as: Who said so" in chat[-1]["content"]
    assert "following: What was targeted on November 23?" in chat[-1]["content"]
    turns = chats["bundled"]
    assert len(turns) == 4 and turns[-1]["answer"].reading is not None
    # The chat rebuilt from the turns (an article shown again) is the chat as it was shown.
    assert shown_chat(turns) == chat


def test_app_handler_with_an_unknown_article(chat_app: ChatApp) -> None:
    (chat, _, pane, chats), *rest = chat_app.chat_events.on_message("Why?", [], "0123456789ab", {})
    assert rest == [] and "no loaded article" in chat[-1]["content"]
    question, problem = chats["0123456789ab"]
    assert question == {"role": "user", "content": "Why?"}
    assert problem["content"] == "" and "no loaded article" in problem["problem"]
    assert shown_chat(chats["0123456789ab"]) == chat


class Recording:
    """The article's bot, recording each question and the history it was asked after."""

    def __init__(self, bot: Any) -> None:
        self.bot = bot
        self.asked: list[tuple[str, list[dict[str, Any]]]] = []

    def ask(self, question: str, history: list[dict[str, Any]]) -> Answer:
        self.asked.append((question, list(history)))
        return self.bot.ask(question, history)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.bot, name)


@pytest.fixture
def recording(chat_app: ChatApp, monkeypatch: pytest.MonkeyPatch) -> Recording:
    bot = Recording(chat_app.library.answerer(BUNDLED_ID))
    monkeypatch.setattr(chat_app.library, "answerer", lambda article: bot)
    return bot


def asked_twice(chat_app: ChatApp) -> tuple[list[Any], dict[str, Any]]:
    """The chat and conversations after a question and its follow-up."""
    on_message = chat_app.chat_events.on_message
    *_, (chat, _, _, chats) = on_message("What was targeted on November 23?", [], BUNDLED_ID, {})
    *_, (chat, _, _, chats) = on_message("Who said so?", chat, BUNDLED_ID, chats)
    return chat, chats


def test_an_empty_question_is_ignored(chat_app: ChatApp, recording: Recording) -> None:
    skipped = {"__type__": "update"}
    for empty in ("", "   \n"):
        outputs = list(chat_app.chat_events.on_message(empty, [], BUNDLED_ID, {}))
        assert outputs == [(skipped, skipped, skipped, skipped)]  # no blank message
    assert recording.asked == []


def test_retry_works_the_answer_out_again_after_the_same_turns(
    chat_app: ChatApp, recording: Recording
) -> None:
    chat, chats = asked_twice(chat_app)
    retried = gr.RetryData(None, {"index": 2, "value": chat[2]["content"]})
    *_, (again, _, pane, kept) = chat_app.chat_events.on_retry(retried, chat, BUNDLED_ID, chats)
    assert len(recording.asked) == 3 and recording.asked[2] == recording.asked[1]
    assert recording.asked[2][0] == "Who said so?" and len(recording.asked[2][1]) == 2
    assert again == chat and kept[BUNDLED_ID][:2] == chats[BUNDLED_ID][:2]
    assert len(kept[BUNDLED_ID]) == 4 and " lead" in pane  # its citations marked


def test_an_edited_question_is_asked_in_its_place(chat_app: ChatApp, recording: Recording) -> None:
    chat, chats = asked_twice(chat_app)
    # The edit box starts from the question as shown (escaped Markdown); later turns go.
    edited = gr.EditData(
        None, {"index": 0, "value": "What happened on Nov\\. 19?", "previous_value": chat[0]}
    )
    *_, (after, _, _, kept) = chat_app.chat_events.on_edit(edited, chat, BUNDLED_ID, chats)
    assert recording.asked[-1] == ("What happened on Nov. 19?", [])
    assert [m["role"] for m in after] == ["user", "assistant"]
    assert kept[BUNDLED_ID][0] == {"role": "user", "content": "What happened on Nov. 19?"}
    assert len(kept[BUNDLED_ID]) == 2


def test_clearing_the_chat_forgets_it_and_unmarks_the_article(chat_app: ChatApp) -> None:
    _, chats = asked_twice(chat_app)
    pane, kept = chat_app.chat_events.on_clear(BUNDLED_ID, {**chats, "other": []})
    assert kept == {"other": []}
    assert "sentence cited" not in pane and "closest" not in pane and "cited:" not in pane
    # The next question is asked afresh: nothing to follow.
    *_, (chat, _, _, _) = chat_app.chat_events.on_message("Who said so?", [], BUNDLED_ID, kept)
    assert "Reading as" not in chat[-1]["content"]


class Fixed:
    """The article's bot, giving one Answer to every question."""

    def __init__(self, bot: Any, answer: Answer) -> None:
        self.bot = bot
        self.answer = answer

    def ask(self, question: str, history: list[dict[str, Any]]) -> Answer:
        return self.answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.bot, name)


@pytest.mark.parametrize("confident", [False, True])
def test_the_page_marks_an_unsure_answer_in_chat_and_pane(
    chat_app: ChatApp, monkeypatch: pytest.MonkeyPatch, confident: bool
) -> None:
    bot = chat_app.library.answerer(BUNDLED_ID)
    lead = bot.sentences[13]
    cited = Evidence(bot.title, 13, lead.text, lead.start, lead.end, 0.8, lead.start, lead.end)
    given = Answer(lead.text, True, 0.6, [cited], confident=confident)
    monkeypatch.setattr(chat_app.library, "answerer", lambda article: Fixed(bot, given))
    *_, (chat, _, pane, chats) = chat_app.chat_events.on_message("What?", [], BUNDLED_ID, {})
    assert chat[-1]["content"] == render_chat(given)
    assert (escape_markdown(UNSURE) in chat[-1]["content"]) is not confident
    # Still highlighted in the article, as unsure when it is.
    mark = "answer-span" if confident else "answer-span unsure"
    assert f'<mark class="{mark}">' in pane and 'class="sentence cited lead" id="s-13"' in pane
    assert shown_chat(chats[BUNDLED_ID]) == chat  # the chat shown again is the same
