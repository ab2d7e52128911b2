"""The page's script: the article pane's highlight and scroll, citations, phone tabs.

It runs in the browser (ui.page gives it to the article pane as Gradio's js_on_load);
the ids and classes it uses are ui.page's, ui.article_pane's and Gradio's Chatbot's.
"""

from __future__ import annotations

# Runs once when the pane loads (Gradio's js_on_load: `element` is the pane, `watch`
# calls back after each new value). Citations in the chat and timeline dates are plain
# "#s-13" links; one capturing listener turns a click into highlight-and-scroll inside
# the pane instead of a jump of the whole page (Gradio may open chat links in a new tab).
# On a phone a citation in the chat opens its sentence under the answer instead, with
# "Show in article"; on a desktop pointing at one shows its sentence beside the answer.
PANE_JS = """
const PHONE = window.matchMedia('(max-width: 800px)');
const paneBox = () => document.querySelector('#article-pane .article-text');
const chatScroller = () => document.querySelector('#chat .bubble-wrap');
// Where each tab was scrolled to when a phone switched away from it.
const savedScroll = {};

function scrollToSentence(sentence) {
  const box = paneBox();
  if (!box || !sentence) return;
  const offset = sentence.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTo({top: box.scrollTop + offset - box.clientHeight / 3});
}

function focusSentence(id) {
  const sentence = document.getElementById(id);
  if (!sentence || !sentence.classList.contains('sentence')) return null;
  document.querySelectorAll('#article-pane .sentence.focused')
    .forEach((other) => other.classList.remove('focused'));
  sentence.classList.add('focused');
  scrollToSentence(sentence);
  return sentence;
}

function showLead() {
  const lead = document.querySelector('#article-pane .sentence.lead');
  const box = paneBox();
  if (lead) scrollToSentence(lead);
  else if (box) box.scrollTop = 0;
}

// The sentence's words as the pane shows them, without its number.
function quoteOf(id, link) {
  const sentence = document.getElementById(id);
  if (!sentence) return link.dataset.title || link.title || '';
  const copy = sentence.cloneNode(true);
  copy.querySelectorAll('.sentence-number').forEach((number) => number.remove());
  return copy.textContent.trim();
}

// A new question, and its answer as it arrives, scroll into view even when the chat was
// scrolled up; when the answer is taller than the chat, its question stays at the top.
const follow = {asked: '', on: false};
function followNewQuestion() {
  const scroller = chatScroller();
  if (!scroller) return;
  const questions = scroller.querySelectorAll('.message-row.user-row');
  const question = questions[questions.length - 1];
  const asked = `${questions.length}:${question ? question.textContent : ''}`;
  if (asked !== follow.asked) {
    follow.asked = asked;
    follow.on = Boolean(question);
  }
  if (!follow.on || !scroller.clientHeight) return;  // hidden: a phone shows the article
  const top = question.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  const bottom = scroller.scrollHeight - scroller.clientHeight;
  scroller.scrollTop = Math.min(bottom, scroller.scrollTop + top - 8);
  const answers = scroller.querySelectorAll('.message-row.bot-row');
  const answer = answers[answers.length - 1];
  const after = answer
    && question.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING;
  if (after && !answer.textContent.trim().endsWith('…')) follow.on = false;
}

function watchChat() {
  const chat = document.getElementById('chat');
  if (!chat) return setTimeout(watchChat, 100);
  const options = {childList: true, subtree: true, characterData: true};
  new MutationObserver(followNewQuestion).observe(chat, options);
  // Scrolling by hand while an answer arrives stops the following.
  const stop = () => { follow.on = false; };
  chat.addEventListener('wheel', stop, {passive: true});
  chat.addEventListener('touchmove', stop, {passive: true});
  followNewQuestion();
}

// Phones: show the chat or the article, each scrolled where it was left.
function showTab(tab) {
  const scrollers = {chat: chatScroller(), article: paneBox()};
  const panes = document.getElementById('panes');
  const current = panes.dataset.tab || 'chat';
  if (current !== tab && scrollers[current]) savedScroll[current] = scrollers[current].scrollTop;
  panes.dataset.tab = tab;
  document.querySelectorAll('#phone-tabs [data-tab]').forEach((button) => {
    button.setAttribute('aria-selected', String(button.dataset.tab === tab));
  });
  const shown = scrollers[tab];
  if (shown && savedScroll[tab] !== undefined) shown.scrollTop = savedScroll[tab];
  else if (tab === 'article') showLead();
  if (tab === 'chat') followNewQuestion();
}

// Phones: a tapped citation opens its sentence in the answer, under the line it is on.
function toggleQuote(link, id) {
  const answer = link.closest('[data-testid="bot"]');
  if (!answer) return;
  const line = link.closest('li, p') || link;
  const open = answer.querySelector('.citation-quote');
  if (open) open.remove();
  if (open && open.dataset.sentence === id) return;
  const quote = document.createElement('div');
  quote.className = 'citation-quote';
  quote.dataset.sentence = id;
  const words = document.createElement('blockquote');
  words.textContent = quoteOf(id, link);
  const show = document.createElement('button');
  show.type = 'button';
  show.className = 'show-in-article';
  show.dataset.sentence = id;
  show.textContent = 'Show in article';
  quote.append(words, show);
  line.after(quote);
  quote.scrollIntoView({block: 'nearest'});
}

function showInArticle(id) {
  savedScroll.article = undefined;
  showTab('article');
  const sentence = focusSentence(id);
  if (sentence) sentence.scrollIntoView({block: 'center'});
}

// Desktops: pointing at a citation shows its sentence beside the answer.
function preview(link) {
  let card = document.getElementById('citation-preview');
  if (!card) {
    card = document.createElement('div');
    card.id = 'citation-preview';
    card.setAttribute('role', 'tooltip');
    // Inside Gradio's container, where ui.assets' CSS reaches.
    (document.querySelector('.gradio-container .contain') || document.body).append(card);
  }
  if (link.title) {  // the card replaces the browser's own tooltip
    link.dataset.title = link.title;
    link.removeAttribute('title');
  }
  card.textContent = quoteOf(link.getAttribute('href').slice(1), link);
  card.hidden = false;
  const answer = (link.closest('[data-testid="bot"]') || link).getBoundingClientRect();
  const at = link.getBoundingClientRect();
  const room = window.innerWidth - answer.right - 24;
  const beside = room >= 240;
  card.style.maxWidth = `${Math.min(beside ? room : answer.width, 440)}px`;
  card.style.left = `${beside ? answer.right + 12 : Math.max(8, at.left)}px`;
  const top = beside ? at.top - 8 : at.bottom + 6;
  card.style.top = `${Math.max(8, Math.min(top, window.innerHeight - card.offsetHeight - 8))}px`;
}

function hidePreview() {
  const card = document.getElementById('citation-preview');
  if (card) card.hidden = true;
}

const citationIn = (event) => event.target.closest && event.target.closest('#chat a[href^="#s-"]');

if (!window.articleQaLinks) {
  window.articleQaLinks = true;
  document.addEventListener('click', (event) => {
    if (!event.target.closest) return;
    const tab = event.target.closest('#phone-tabs [data-tab]');
    if (tab) return showTab(tab.dataset.tab);
    const show = event.target.closest('.citation-quote .show-in-article');
    const link = event.target.closest('a[href^="#s-"]');
    if (!show && !link) return;
    event.preventDefault();
    event.stopPropagation();
    if (show) return showInArticle(show.dataset.sentence);
    const id = link.getAttribute('href').slice(1);
    if (PHONE.matches && link.closest('#chat')) toggleQuote(link, id);
    else focusSentence(id);
  }, true);
  for (const shows of ['mouseover', 'focusin']) {
    document.addEventListener(shows, (event) => {
      const link = citationIn(event);
      if (link && !PHONE.matches) preview(link);
    });
  }
  for (const hides of ['mouseout', 'focusout']) {
    document.addEventListener(hides, (event) => {
      const link = citationIn(event);
      if (link && !link.contains(event.relatedTarget)) hidePreview();
    });
  }
  document.addEventListener('scroll', hidePreview, true);
  watchChat();
}

// A new value: the answer's lead sentence in view; an article newly shown (added, or
// picked) brought into view itself, its title at the top. The "Add an article" panel
// closes in an update of its own, after the pane's: for a moment, each change of the
// column's size brings the new title back into view.
let shownTitle = null;
let newTitle = null;
function showNewTitle() {
  if (!newTitle || !newTitle.isConnected || !newTitle.offsetParent) return;
  const at = newTitle.getBoundingClientRect();
  if (at.top < 0 || at.bottom > window.innerHeight) newTitle.scrollIntoView({block: 'start'});
}
function onNewValue() {
  const box = paneBox();
  if (box && !box.clientHeight) savedScroll.article = undefined;  // hidden on a phone
  else showLead();
  const title = document.querySelector('#article-pane .article-title');
  const text = title ? title.textContent : '';
  if (title && shownTitle !== null && text !== shownTitle) {
    newTitle = title;
    showNewTitle();
    setTimeout(() => { if (newTitle === title) newTitle = null; }, 1000);
  }
  shownTitle = text;
}
watch('value', () => requestAnimationFrame(onNewValue));
const column = document.getElementById('article-column');
if (column) new ResizeObserver(showNewTitle).observe(column);
shownTitle = (document.querySelector('#article-pane .article-title') || {}).textContent || '';
showLead();
"""
