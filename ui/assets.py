"""The page's CSS and the article pane's script (highlight, scroll, citation clicks)."""

from __future__ import annotations

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
#article-pane .article-title { margin: 0 0 0.2rem 0; }
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
#timeline .timeline { margin: 0; padding-left: 1.2rem; }
#timeline .timeline li { margin: 0.15rem 0; }
#timeline .timeline-date { font-weight: 600; margin-right: 0.3rem; }
#status p { margin: 0; }
#suggestions button { white-space: normal; text-align: left; }
"""

# Runs once when the pane loads (Gradio's js_on_load: `element` is the pane, `watch`
# calls back after each new value). Citations in the chat and timeline dates are plain
# "#s-13" links; one capturing listener turns a click into highlight-and-scroll inside
# the pane instead of a jump of the whole page (Gradio may open chat links in a new tab).
PANE_JS = """
const paneBox = () => document.querySelector('#article-pane .article-text');

function scrollToSentence(sentence) {
  const box = paneBox();
  if (!box || !sentence) return;
  const offset = sentence.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTo({top: box.scrollTop + offset - box.clientHeight / 3});
}

function focusSentence(id) {
  const sentence = document.getElementById(id);
  if (!sentence || !sentence.classList.contains('sentence')) return false;
  document.querySelectorAll('#article-pane .sentence.focused')
    .forEach((other) => other.classList.remove('focused'));
  sentence.classList.add('focused');
  scrollToSentence(sentence);
  return true;
}

function showLead() {
  const lead = document.querySelector('#article-pane .sentence.lead');
  const box = paneBox();
  if (lead) scrollToSentence(lead);
  else if (box) box.scrollTop = 0;
}

if (!window.articleQaLinks) {
  window.articleQaLinks = true;
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#s-"]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    focusSentence(link.getAttribute('href').slice(1));
  }, true);
}
watch('value', () => requestAnimationFrame(showLead));
showLead();
"""
