"""Verb forms a follow-up's rewriting needs: a past tense's base form ("died" -> "die"
for "Where did people die?") and whether a word is a past participle ("criticized" in
"Why was that criticized?", where "that" stands alone rather than before a noun).

Regular forms are checked against the English word list (qa.spelling); the irregular
participles are the common ones of English grammar, not words of any article.
"""

from __future__ import annotations

from qa.english import english_words

# Irregular past participles a question puts after "was"/"is" ("Why was that done?").
_IRREGULAR_PARTICIPLES = frozenset(
    """been begun bitten blown broken brought built bought caught chosen come cut dealt
    done drawn driven eaten fallen felt fought found forgotten frozen given gone grown
    heard held hidden hit hurt kept known laid led left lent lost made meant met paid put
    read ridden risen run said seen sent set shaken shot shown shut sold sought spent
    spoken spread stolen struck sung sunk taken taught thrown told thought understood
    won woken worn written""".split()
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
    return word.lower() in _IRREGULAR_PARTICIPLES or base_form(word) is not None
