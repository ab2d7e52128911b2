"""Yes or no, where a question asks for one.

"Did the ministry offer public money to close the pay gap?" was answered "The ministry
stopped short of offering public money": the right sentence, but the user asked yes or
no and had to work it out. A question that opens with an auxiliary ("Did ...", "Was
...", "Will ...") and asks neither which of two things ("... early or late?": one of
them is the answer) nor anything else ("Do you know who ...?", "Does it say who won?")
is answered "Yes" or "No", by whether the clause the reader chose says the asked thing
with a negation ("not", "no", "never", "declined to", "stopped short of", ...) that the
question does not use ("Did the company deny it?" / "The company denied it": yes). Where
the sentence says it in other words, only a denial is read: the answer chosen negating a
word the question asks about ("Will the psalter be on display when the museum reopens?" /
"will not go back on display": no); a sentence in other words says no yes. The
answer's sentence is cited with the clause marked, so the user sees why; whether to
answer at all is decided as for any answer. Where the question holds a number its
sentence lacks ("Did more than 100 die?" / "87 died"), the clause cannot say yes or no,
and is given as read.
"""

from __future__ import annotations

import re

from index.sentences import Sentence
from qa.lexical import terms
from qa.reading import ReadSpan
from qa.referring import AUXILIARIES

YES, NO = "Yes", "No"

# An auxiliary that opens a question ("be", "been", "being" open none).
_AUXILIARY = "|".join(sorted(AUXILIARIES - {"be", "been", "being"}))
# "Did ...?", "And was ...?"; not "Didn't ...?" (a yes there is ambiguous), nor a request
# ("Can you tell me ...", "Do you know ..."), which asks for what follows.
_POLAR = re.compile(rf"^\W*(?:(?:and|so|but|then)\s+)?(?:{_AUXILIARY})\s+(?!not\b|you\b)", re.I)
_NEGATED_AUXILIARY = re.compile(rf"^\W*(?:{_AUXILIARY})n['’]t\b", re.IGNORECASE)
# "... early or late?" asks which; "Does the article say who won?" asks who.
_ASKS_WHAT = re.compile(
    r"\bor\b|\banother\b|\b(?:say|says|said|know|knows|tell|tells|mention|mentions|state|states|explain|"
    r"explains|show|shows|reveal|reveals)\s+(?:who|whom|whose|what|when|where|which|why|how)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A negation word (a question about a "failure" holds none); one opening a compound
# negates nothing ("a no-confidence motion").
_NOT_WORDS = r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b(?!-)|n['’]t\b"
_NOT = re.compile(_NOT_WORDS, re.IGNORECASE)
# Words that say the clause's deed did not happen: a negation word, or a verb of refusal,
# which counts only where the question does not use it itself ("Did the company deny
# it?"). ("no longer" is read as its "no".)
_NEGATION = re.compile(
    rf"{_NOT_WORDS}"
    r"|\b(?:declin|refus|fail|den[iy]|reject|unabl)\w*|\bstop(?:ped|s)?\s+short\b"
    r"|\brule[ds]?\s+out\b",
    re.IGNORECASE,
)
# Where a clause opens: what came before it in the sentence is another clause's ("If a
# player does not meet them, the club may appeal": the club may).
_CLAUSE_BREAK = re.compile(r"[;:,]\s|[—–]")


def asks_yes_or_no(question: str) -> bool:
    """Whether `question` asks yes or no (see the module's note)."""
    return (
        _POLAR.match(question) is not None
        and _NEGATED_AUXILIARY.match(question) is None
        and _ASKS_WHAT.search(question) is None
    )


def verdict(question: str, span: ReadSpan, sentence: Sentence) -> str | None:
    """ "Yes" or "No" to `question` by the clause of `sentence` up to the end of `span`
    (the answer chosen), or None where the question asks no such thing or the clause
    cannot say."""
    if not asks_yes_or_no(question):
        return None
    if any(number not in sentence.text for number in _NUMBER.findall(question)):
        return None
    if not _restates(question, sentence.text):
        # The sentence says it in other words; the answer chosen may still deny the
        # asked deed outright ("Did Salgado blame the red card for the defeat?" /
        # "Salgado declined to blame the red card").
        return NO if _denies(question, span.text) else None
    end = span.end - sentence.start
    start = min(span.start - sentence.start, end)
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(sentence.text, 0, start)]
    clause = sentence.text[breaks[-1] if breaks else 0 : end]
    asked = set(terms(question))
    negated = any(not (set(terms(found.group())) & asked) for found in _NEGATION.finditer(clause))
    # "Did Ostrowski vote in favour of approval?" / "voted against approval": the other side.
    other_side = _FOR.search(question) is not None and _AGAINST.search(clause) is not None
    return NO if negated or other_side else YES


# How near a negation must come before the asked word it denies, in content words
# ("deny any involvement in the theft": the second).
_DENIED_WITHIN = 3


def _denies(question: str, answer: str) -> bool:
    """Whether `answer` negates, within a few words, a word the question asks about
    ("not affect the spectrometer" for "Did the glitch affect the spectrometer?"), by a
    negation the question does not use itself. Not a name: "did not take part in the
    inaugural Premier League season" says nothing of the league's new teams. Nor where
    the question holds a negation ("... under which a digimon cannot be reborn?")."""
    if _NOT.search(question):
        return False
    asked = set(terms(_NAME.sub(" ", question)))
    for found in _NEGATION.finditer(answer):
        if set(terms(found.group())) & asked:
            continue
        if set(terms(answer[found.end() :])[:_DENIED_WITHIN]) & asked:
            return True
    return False


# Being for something, and against it.
_FOR = re.compile(r"\bin\s+favou?r\b|\bvot\w*\s+for\b|\bsupport\w*", re.IGNORECASE)
_AGAINST = re.compile(r"\bagainst\b|\boppos\w*", re.IGNORECASE)


# A name with its title, as a question writes it: "Transport Minister Amara Quist".
_NAME = re.compile(r"(?<!^)(?<![.?!]\s)\b(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*")


def _restates(question: str, sentence: str) -> bool:
    """Whether `sentence` uses the question's words, all but one at most and never
    without the last: where it does not ("Is the light from the LED strong?" / "there is
    only a faint red light"), what it says is no yes or no to what was asked. A name is
    used where any word of it is ("Quist" for "Transport Minister Amara Quist")."""
    asked = terms(question)
    if not asked:
        return False
    said = set(terms(sentence))
    for name in _NAME.findall(question.strip()):
        named = terms(name)
        if set(named) & said:
            said |= set(named)
    missing = [term for term in asked if term not in said]
    return len(missing) <= 1 and asked[-1] in said
