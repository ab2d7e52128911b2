"""The page's CSS, and the phones' tab bar; the script is ui.pane_script's."""

from __future__ import annotations

# Gradio puts every selector here under its container (".gradio-container .contain X"):
# state the page's script sets lives on elements inside it (#panes[data-tab]), never on body.
CSS = """
#article-pane .article-text {
  white-space: pre-wrap;
  max-height: 62vh;
  overflow-y: auto;
  line-height: 1.65;
  padding: 0.6rem 0.8rem;
  border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-lg);
}
#article-pane .article-title { margin: 0 0 0.2rem 0; scroll-margin-top: 0.75rem; }
#article-pane .article-meta { margin: 0 0 0.5rem 0; color: var(--body-text-color-subdued); }
#article-pane .sentence { border-radius: 3px; transition: background-color 0.3s; }
#article-pane .sentence-number {
  color: var(--body-text-color-subdued);
  font-size: 0.68em;
  margin-right: 2px;
  user-select: none;
}
#article-pane .sentence.cited { background: rgba(250, 204, 21, 0.30); }
#article-pane .sentence.cited.lead { background: rgba(250, 204, 21, 0.50); }
#article-pane .sentence.closest { background: rgba(96, 165, 250, 0.22); }
#article-pane .sentence.focused, #article-pane .sentence:target {
  outline: 2px solid #f59e0b;
  background: rgba(245, 158, 11, 0.40);
}
#article-pane mark.answer-span {
  background: #f59e0b;
  color: #111;
  font-weight: 600;
  padding: 0 2px;
  border-radius: 2px;
}
/* An answer given but not confident (Answer.confident false): outlined, not filled. */
#article-pane mark.answer-span.unsure {
  background: rgba(245, 158, 11, 0.25);
  outline: 2px dashed #f59e0b;
}
#timeline .timeline { margin: 0; padding-left: 1.2rem; }
#timeline .timeline li { margin: 0.15rem 0; }
#timeline .timeline-date { font-weight: 600; margin-right: 0.3rem; }
#status p { margin: 0; }
#suggestions button { white-space: normal; text-align: left; }
#chat .citation-quote {
  margin-top: 0.6rem;
  padding: 0.45rem 0.7rem;
  border-left: 3px solid #f59e0b;
  background: rgba(245, 158, 11, 0.12);
  border-radius: 4px;
}
#chat .citation-quote blockquote { margin: 0 0 0.35rem 0; padding: 0; border: 0; }
#chat .citation-quote .show-in-article {
  font-weight: 600;
  color: var(--link-text-color);
  text-decoration: underline;
}
#citation-preview {
  position: fixed;
  z-index: 1000;
  padding: 0.5rem 0.75rem;
  background: var(--background-fill-primary);
  color: var(--body-text-color);
  border: 1px solid #f59e0b;
  border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  line-height: 1.45;
  pointer-events: none;
}
#citation-preview[hidden] { display: none; }
#phone-tabs { display: none; }
.phone-tabs { display: flex; gap: 0.4rem; }
.phone-tabs button {
  flex: 1;
  padding: 0.5rem;
  font-weight: 600;
  border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-lg);
  background: var(--button-secondary-background-fill);
  color: var(--button-secondary-text-color);
}
.phone-tabs button[aria-selected="true"] {
  background: var(--button-primary-background-fill);
  color: var(--button-primary-text-color);
}
/* Phones: the chat and the article share the screen as two tabs. */
@media (max-width: 800px) {
  #phone-tabs {  /* a tab bar at the bottom of the screen, in reach of a thumb */
    display: block;
    position: fixed;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 50;
    padding: 0.5rem 1rem calc(0.5rem + env(safe-area-inset-bottom));
    background: var(--body-background-fill);
    border-top: 1px solid var(--border-color-primary);
  }
  #panes { padding-bottom: 4rem; }
  #panes:not([data-tab="article"]) #article-column { display: none !important; }
  #panes[data-tab="article"] #chat-column { display: none !important; }
  #chat { height: 58vh !important; }
  #question-row { flex-wrap: nowrap; }
  #article-pane .article-text { max-height: 70vh; }
}
"""

# The phones' tab bar (shown under 800 px only; PANE_JS switches the tabs).
PHONE_TABS = """<div class="phone-tabs" role="tablist" aria-label="Show">
<button type="button" role="tab" data-tab="chat" aria-selected="true">Chat</button>
<button type="button" role="tab" data-tab="article" aria-selected="false">Article</button>
</div>"""
