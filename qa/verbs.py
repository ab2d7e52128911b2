"""Verb forms a follow-up's rewriting needs: a past tense's base form ("died" -> "die"
for "Where did people die?") and whether a word is a past participle ("criticized" in
"Why was that criticized?", where "that" stands alone rather than before a noun).

Regular forms are checked against the English word list (qa.english); the irregular
participles are the common ones of English grammar, not words of any article.
"""

from __future__ import annotations

from qa.english import english_words

# Past participles that do not end in "-ed" (a closed class of English verbs): after "was"
# the last word is a verb ("Where were the talks held?") or a noun ("Where was the strike?").
IRREGULAR_PARTICIPLES = frozenset(
    "arisen awoken beaten become begun bent bet bid bitten blown born borne bought bound "
    "broken brought built burnt burst cast caught chosen come cost crept cut dealt done "
    "drawn dreamt driven drunk dug eaten fallen fed felt fought found fled flown forbidden "
    "forgiven forgotten frozen given gone got gotten grown hung had heard hidden hit held "
    "hurt kept knelt known laid led leant learnt left lent let lain lit lost made meant met "
    "mistaken overcome overtaken overthrown paid proven put quit read rid ridden risen run "
    "said seen sought sold sent set sewn shaken shed shone shot shown shrunk shut sung sunk "
    "sat slain slept slid spoken sped spent spilt split spoilt spread sprung stood stolen "
    "stuck stung struck strung sworn swept swum swung taken taught torn told thought thrown "
    "undergone understood undertaken undone upheld upset woken worn wound won withdrawn "
    "written".split()
)


def base_form(verb: str) -> str | None:
    """The base form of a regular past-tense verb, as the English word list spells it
    ("condemned" -> "condemn", "urged" -> "urge", "stopped" -> "stop"); None for any
    other word."""
    lower = verb.lower()
    if not lower.endswith("ed"):
        return None
    known = english_words()
    if lower.endswith("ied") and f"{lower[:-3]}y" in known:
        return f"{lower[:-3]}y"  # carried -> carry (not "car")
    for base in (lower[:-1], lower[:-2], lower[:-3]):  # urge(d), condemn(ed), stop(ped)
        if len(base) > 2 and base in known:
            return base
    return None


def is_participle(word: str) -> bool:
    """Whether `word` reads as a past participle: a regular "-ed" form of an English verb
    or one of the common irregular ones."""
    return word.lower() in IRREGULAR_PARTICIPLES or base_form(word) is not None
