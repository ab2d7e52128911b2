"""Keyword queries ("Nov 23 target?", "talks location") put as the question they stand for.

People type a search box's few words into a chat too. The reader was trained on questions
("What was the target ...?"): given "November 23 target?" it answered "the IDF confirmed
another air strike in Beirut", given "What is the November 23 target?" "a building". A
query of a few words with no question word, no verb among the closed-class ones a
question needs (is, did, can ...) and not a request ("Name the ...", "Describe ...")
is read as "What is <the query>?" ("What was ...?" where it names a day: news tells of
the past; "any casualties?": "Were there any casualties?"); a
day alone ("November 19?") as "What happened on November 19?"; one that ends in "by"
("hezbollah backed by?", "hezbollah backed by who") as "Who is the hezbollah backed by?".
Retrieval searches that question too (searched as typed, "Nov 23 target?" ranked the
sentence before the answer's first, and the passage read first held no answer the reader
believed), and the user sees the question they typed.

Only English function words decide (qa.referring's lists and the request verbs below);
nothing is keyed to an article. The reader is uncased (MiniLM), so capitals are left as
typed.
"""

from __future__ import annotations

from qa.dates import date_phrases, only_a_day
from qa.dates.patterns import WEEKDAYS
from qa.earlier_question import looks_plural
from qa.person_nouns import names_a_role
from qa.referring import AUXILIARIES, DETERMINERS, LEADING_CONJUNCTIONS, PREPOSITIONS, WH, WORD
from qa.verbs import is_participle

# Longer text without a question word is a statement or a cloze ("This state grew at a
# rapid pace during the Porfiriato."), not a keyword query.
MAX_QUERY_WORDS = 6
# Imperatives that ask for something: they are questions already, and the reader reads
# them as such ("Name the original Digimon anime.").
REQUESTS = frozenset(
    "name list give tell describe explain define cite state identify summarize summarise "
    "show compare mention provide find outline".split()
)
# Words a noun phrase may start with, after which "the" would be one too many.
_OWN_DETERMINERS = DETERMINERS | frozenset(
    "this that these those its his her their our my your some each every".split()
)
# "any casualties?" asks whether there were any: "Were there any casualties?" finds "no
# immediate casualties were confirmed", where "What is any casualties?" found "hearing
# explosions". (News tells of the past; the uncased reader is no stickler for tense.)
_WHETHER = "any"
# "anyone hurt", "anybody arrested": whether someone was.
_SOMEONE = frozenset("anyone anybody someone somebody anything something".split())
# "... backed by?": the query ends where the doer would be named.
_AGENT = "by"
_ASKED_AGENT = frozenset({"who", "whom"})
# Words that make a few words a sentence or a yes/no question, not a query.
_NOT_QUERY = WH | AUXILIARIES | frozenset("yes no please".split())
# A fragment ("on November 19?", "and Hezbollah?") varies the last question (qa.referring),
# and alone names nothing to ask "what" of.
_NOT_FIRST = REQUESTS | PREPOSITIONS | LEADING_CONJUNCTIONS
# "homes lost", "Lebanese civilians killed": things and what was done to them.
_COUNTED_WORDS = 4
_MASS_NOUNS = frozenset("news press business series species".split())


def as_question(question: str) -> str | None:
    """The question a keyword query stands for ("What is the November 23 target?"), or
    None when `question` is not one (it has a question word or a closed-class verb, is a
    request or a fragment, or is too long to be a query)."""
    day = only_a_day(question)
    if day is not None:  # "November 19?", "on nov. 19": what happened then
        return f"What happened on {day}?"
    words = [w.lower() for w in WORD.findall(question)]
    body = question.strip().rstrip("?.! ")
    if len(words) > 3 and words[-2] == _AGENT and words[-1] in _ASKED_AGENT:
        # "hezbollah backed by who": the doer asked for where it would be named, as
        # "hezbollah backed by?" asks it ("who" made it no query: "Shi'ite militia").
        words, body = words[:-1], body[: body.lower().rindex(words[-1])].rstrip()
    if not words or len(words) > MAX_QUERY_WORDS:
        return None
    counting = words[0] == "number" and is_participle(words[-1])  # "number of people killed"
    if len(words) > 2 and words[0] in _OF_ASKED and words[1] == "of" and not counting:
        # "name of missing ski instructor": an attribute of a thing, not the imperative
        # "Name the ..."; asked as "date", "name" ... ending a query is.
        thing = body.split(None, 2)[2]
        if words[2] not in _OWN_DETERMINERS:
            thing = f"the {thing}"
        return f"What {'was' if _dated(body, words) else 'is'} the {words[0]} of {thing}?"
    if words[0] in _NOT_FIRST or any(w in _NOT_QUERY for w in words):
        return None
    if words[0] == _WHETHER:
        return f"Were there {body[0].lower()}{body[1:]}?"
    if words[0] in _SOMEONE and len(words) > 1 and is_participle(words[1]):
        # "anyone hurt": whether anyone was ("What is the anyone hurt?" asked nothing).
        return f"Was {body[0].lower()}{body[1:]}?"
    if words[0] == "number" and len(words) > 1 and is_participle(words[-1]):
        # "number injured", "number of people killed": how many were.
        counted = " ".join(w for w in words[1:-1] if w != "of")
        return f"How many {counted + ' ' if counted else ''}were {words[-1]}?"
    if _counted_done_to(words):
        # "homes lost", "people evacuated": how many were. "What is the homes lost?" read
        # "wind-driven wildfire".
        return f"How many {body[: body.lower().rindex(words[-1])].rstrip()} were {words[-1]}?"
    article = "" if words[0] in _OWN_DETERMINERS else "the "
    if names_a_role(body):
        # "lead researcher", "ravenport manager": who holds the role. "What is the lead
        # researcher?" reads as a thing asked after.
        return f"Who {'was' if _dated(body, words) else 'is'} {article}{body}?"
    if words[-1] == _AGENT and len(words) > 2:
        # "hezbollah backed by?" asks who does it: "Who is the Hezbollah backed by?" is
        # answered "Iran", where "What is the Hezbollah backed by?" read "Shi'ite militia".
        plural = looks_plural(words[-3])
        be = ("were" if plural else "was") if _dated(body, words) else ("are" if plural else "is")
        return f"Who {be} {article}{body}?"
    be = "was" if _dated(body, words) else "is"
    if words[-1] in _OF_ASKED and len(words) > 1:
        # "shareholder vote date": the date of the vote ("What is the shareholder vote
        # date?" was withheld, "What is the date of the shareholder vote?" answered).
        thing = body[: body.lower().rindex(words[-1])].rstrip()
        if thing.split()[0].lower() not in _OWN_DETERMINERS:
            thing = f"the {thing}"
        return f"What {be} the {words[-1]} of {thing}?"
    return f"What {be} {article}{body}?"


# A query's last word that names what is asked of the words before it: an attribute
# of a thing ("meridian-3 manufacturer", "Alstom acquisition price"). Not "length":
# "What is the length of the contract?" read the clause around it ("five years, with an
# option to extend it by a further three") where "What is the contract length?" read
# "five years".
_OF_ASKED = frozenset(
    "date name number amount location cause price cost size type brand material "
    "manufacturer maker owner founder capacity population duration weight height depth "
    "speed".split()
)


def _counted_done_to(words: list[str]) -> bool:
    """Whether the query is things and what was done to them ("homes lost", "civilians
    killed"): a plural noun right before a past participle, in a few words."""
    if not 2 <= len(words) <= _COUNTED_WORDS or words[0] in _OWN_DETERMINERS:
        return False
    things = words[-2]
    plural = looks_plural(things) and things not in _MASS_NOUNS
    return plural and is_participle(words[-1])


def _dated(body: str, words: list[str]) -> bool:
    """Whether the query names a day. A day names something that happened: news tells of
    it in the past, and the reader reads the tense ("What is the November 23 target?" was
    withheld at 0.14 with "a building" in hand, "What was the November 23 target?"
    answered at 0.80)."""
    return bool(date_phrases(body)) or any(word in WEEKDAYS for word in words)
