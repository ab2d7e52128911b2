"""Questions as people type them, in the form the clean question has: no vocabulary needed.

"when's the next round of talks", "what was targeted on nov. 23" and "WHO IS LEBANON'S
PRESIDENT" read "When is the next round of talks?", "What was targeted on November 23?"
and "Who is lebanon's president?" (qa.spelling then spells words as the article does).
Retrieval and the reader were built on questions written the clean way; the date signal
already reads "nov. 23", but the embedder and the reader see the words as given.

Every step is one regular-expression pass (the date ones are qa.dates' own patterns),
so tidying is linear in the question and a clean question comes back unchanged.
"""

from __future__ import annotations

import calendar
import re
import string
import unicodedata

from qa.dates.days import day_number, make, month_number
from qa.dates.patterns import AMBIGUOUS_MONTHS, MONTH, MONTH_DAY, MONTH_ONLY, WEEKDAYS, YEAR
from qa.referring import (
    AUXILIARIES,
    DETERMINERS,
    LEADING_CONJUNCTIONS,
    NOUN_OPENERS,
    POSSESSIVE,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    WH,
    WORD,
    pointers,
)
from qa.verbs import base_form, is_verb_form

_WH = r"who|what|where|when|why|how"
# "who's been": "has"; otherwise "'s" after these words is "is".
_IS = re.compile(
    rf"\b(?P<w>{_WH}|which|that|there|it)['’]s\b(?P<has>\s+(?:been|had|got|gone)\b)?",
    re.IGNORECASE,
)
_ARE = re.compile(rf"\b(?P<w>{_WH})['’]re\b", re.IGNORECASE)
# "where'd they meet", "why'd the canal decline": "did"; "who'd have thought": "would".
_D = re.compile(
    rf"\b(?P<w>{_WH})['’]d\b(?P<would>\s+(?:have|be|like|love|want|prefer|rather)\b)?",
    re.IGNORECASE,
)
# "whereabouts in the city": where.
_WHEREABOUTS = re.compile(r"^whereabouts\b", re.IGNORECASE)
# "whos", "whats": the apostrophe left out; only question words, where "-s" is never a
# plural or a possessive.
_BARE_IS = re.compile(rf"\b(?P<w>{_WH})s\b", re.IGNORECASE)
# "y did ...", as typed in a hurry: "why", only first and before the auxiliary a
# question goes on with.
_Y = re.compile(
    r"^y(?=\s+(?:is|are|was|were|do|does|did|has|have|had|can|could|would|will|should)\b)",
    re.IGNORECASE,
)
# Chat shorthand ("how many ppl came", "what did u say"): the words it stands for, as the
# reader and the embedder were taught them. English, like the contractions above, and
# lower case only ("U.S.", "Ur" are names). "r" is "are" only where an auxiliary stands:
# first, or after a question word ("why r prices higher").
_SHORTHAND_WORDS = {
    "u": "you",
    "ur": "your",
    "ppl": "people",
    "b4": "before",
    "abt": "about",
    "thru": "through",
    "govt": "government",
    "yrs": "years",
    "hrs": "hours",
    "mins": "minutes",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "cuz": "because",
    "coz": "because",
    "w/": "with",
    "w/o": "without",
    "yr": "year",
    "uni": "university",
    "approx": "approximately",
    "dob": "date of birth",
    "rn": "right now",
    "hq": "headquarters",
    "amt": "amount",
    "pct": "percent",
    "wk": "week",
    "wks": "weeks",
    "dept": "department",
    "mgr": "manager",
    "intl": "international",
    "natl": "national",
    # A quarter of a year as typed in lower case ("profit q3"; "Q3" may be a name: the
    # Audi Q3).
    "q1": "first quarter",
    "q2": "second quarter",
    "q3": "third quarter",
    "q4": "fourth quarter",
}
_LONGEST_FIRST = sorted(_SHORTHAND_WORDS, key=len, reverse=True)  # "w/o" before "w/"
_SHORTHAND = re.compile(
    rf"(?<![\w./’'-])(?:{'|'.join(map(re.escape, _LONGEST_FIRST))})(?![\w./’'-])"
)
# "pm" for the prime minister ("what did the pm say"), not a time of day ("at 3 pm").
_PM = re.compile(r"(?<![\d.:])(?<![\d.:]\s)(?<![\w./’'-])pm(?![\w./’'-])")
# "min" for a minister where it ends the question or owns a portfolio ("who's the health
# min", "the min of defence"), not minutes ("5 min") nor a minimum ("the min price").
_MIN = re.compile(r"(?<![\d.:])(?<![\d.:]\s)(?<=[a-z]\s)min(?=\s*[?.!]?\s*$|\s+of\b)")
# "what min did they score": the minute of a match, asked before a verb.
_MINUTE = re.compile(
    r"\b(?P<wh>what|which)\s+min(?=\s+(?:did|does|do|was|were|is|are|will|has|had)\b)",
    re.IGNORECASE,
)
_R = re.compile(rf"(?:^|\b(?P<w>{_WH}|which|much|many)\s+)[rR](?![\w./’'&-])", re.IGNORECASE)
# ... and after a word, lower case, before what follows an "are" ("how many jobs r being
# cut", "the talks r still on").
_R_BEFORE = re.compile(
    r"(?<=[a-z]\s)r(?=\s+(?:being|not|still|now|also|there|going|[a-z]+ing|[a-z]+ed)\b)"
)
# "planes n helicopters": "and" between two plurals. Not "n" elsewhere: the split's typed
# forms write it for "in" ("what happened n the Battle of Plassey", "eliminated n season
# ten").
_N_AND = re.compile(r"(?<=[a-z]{3}s)\s+n\s+(?=[a-z]{3}[a-z]*s\b)")
# "no. of ships at anchor", "# of trains": the number of. Only before "of", and "no"
# without its point only where it opens the question ("no of ships"): "no" is a word.
# The reader read "No. of special trains for fans?" as no question (its margin -4.2) and
# "Number of special trains for fans?" as asking how many (the answer, scored 0.83).
_NUMBER_OF = re.compile(r"(?:(?<![\w.’'-])no\.|^\W*no\b|(?<!\S)#)\s*(?=of\b)", re.IGNORECASE)
# A weekday shortened ("how many trains ran mon", "fire size wed evening"): the day, in
# lower case only and only where a day is plainly meant: before a part of the day, after
# a word that leads a day ("on sat", "since tues"), or ending the question ("sat", "sun"
# and "wed" are words, so those three only where a day is led or followed).
_WEEKDAY_SHORT = {
    "mon": "Monday",
    "tue": "Tuesday",
    "tues": "Tuesday",
    "wed": "Wednesday",
    "weds": "Wednesday",
    "thu": "Thursday",
    "thur": "Thursday",
    "thurs": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
_DAY_PARTS = r"morning|afternoon|evening|night|am|a\.m\.|pm|p\.m\."
_WEEKDAY_LED = re.compile(
    r"(?P<led>\b(?:on|by|since|until|till|before|after|last|next|this|from) )"
    rf"(?P<day>{'|'.join(_WEEKDAY_SHORT)})\.?(?![\w’'-])"
    rf"|(?<![\w’'-])(?P<part>{'|'.join(_WEEKDAY_SHORT)})\.?(?=\s+(?:{_DAY_PARTS})(?![\w-]))"
)
_WEEKDAY_LAST = re.compile(r"(?<=[a-z] )(?:mon|tues?|weds|thur?s?|fri)\.?(?=\s*[?.!]*\s*$)")


def _weekday(match: re.Match[str]) -> str:
    """A shortened weekday written out (`_WEEKDAY_LED`, `_WEEKDAY_LAST`)."""
    groups = match.groupdict()
    day = groups.get("day") or groups.get("part") or match.group().rstrip(".")
    return f"{groups.get('led') or ''}{_WEEKDAY_SHORT[day]}"


# A date phrase as qa.dates reads it ("nov. 23", "23rd of Nov", "23 nov"), with the
# "the" and year around it, so "on the 23rd of nov" reads "on November 23".
_DATE = re.compile(
    rf"(?:\b(?P<the>the)\s+)?{MONTH_DAY.pattern}(?P<year>,?\s+{YEAR})?(?P<end>\s*[?.!,;]|\s*$)?",
    re.IGNORECASE,
)
_TRAILING_MARKS = string.whitespace + "?"
# "What was targeted November 23?", "what happened tuesday": a day straight after a verb
# or a noun, where the clean question has "on". The reader reads the two apart: on the
# bundled article its margin for the answer was -4.6 without "on" (no answer) and +5.9
# with it. A day after a word that already leads it ("on", "the", "last", "and", a
# weekday) or opening the question ("November 23 target?") is left as typed. Only a day
# as tidying writes it ("November 23": "may 3 people" is no day).
_UNLED_DAY = re.compile(
    rf"\b(?P<prev>[^\W\d_][\w'’-]*)(?P<gap>[ \t]+)"
    rf"(?=(?:{'|'.join(WEEKDAYS)})\b|(?-i:{'|'.join(calendar.month_name[1:])})\s+\d)",
    re.IGNORECASE,
)
_LEADS_A_DAY = (
    PREPOSITIONS
    | DETERMINERS
    | LEADING_CONJUNCTIONS
    | POSSESSIVE
    | frozenset(WEEKDAYS)
    | frozenset("last next this that every each early late nor till".split())
    | frozenset(_WH.split("|"))
    | frozenset("which whose".split())
)
# Words around a question that ask nothing: a greeting or discourse word before it ("hi,",
# "so", "ok,", "alright, and"), a request to tell it ("can you tell me", "do you know",
# "I want to know") before its question word or its auxiliary ("could you tell me is
# there ...": a yes/no question), a "please". The reader, trained on bare
# questions, read "can you tell me what was targeted on november 23" as about the strike
# ("air strike") and ", please" as no question at all. Only before a question word or
# auxiliary, so "Well water?" and "Tell me about the strike." keep their words.
# A question word, maybe after a preposition ("in what season ...", "to whom ...").
_QUESTION_WORD = (
    r"(?:(?:in|on|at|during|to|from|for|by|of|with|after|before|since|until|through|about)\s+)?"
    rf"(?:{_WH}|which|whose|whom)s?\b"  # "whats", "whos": typed without the apostrophe
)
_ASKS = rf"(?:{_QUESTION_WORD}|(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b)"
# Greetings that stand apart from a question whatever it opens with, when a mark follows.
_HELLOS = r"hi|hello|hey|ok|okay"
_GREETING = re.compile(
    rf"^(?:(?:{_HELLOS}|alright|all\s+right|right|so|and|well|um+|uh+|q:|question:"
    r"|(?:quick|one\s+more)\s+(?:q|question)\s*:?)"
    r"(?:\b|(?<=:))[\s,!.:;\-–—]*)+"
    rf"(?={_ASKS})",
    re.IGNORECASE,
)
# A greeting set off by its mark ("hi,", "hello!", "ok,") is no part of what follows,
# whatever that opens with: "hi, the game was only available in what country?" (the
# reader read "hi" into it and withheld the answer the question gets bare).
_HELLO = re.compile(rf"^(?:(?:{_HELLOS})\s*[,!.:;]+\s*)+(?=\w)", re.IGNORECASE)
# "please" as typed in a hurry too.
_PLEASE = r"(?:please|pls|plz)"
_ASKING = re.compile(
    rf"^(?:{_PLEASE}[\s,]+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:{_PLEASE}\s+)?"
    r"(?:tell|show)\s+me"
    r"|do\s+(?:you|u)\s+know|(?:please\s+)?tell\s+me"
    r"|i(?:\s+(?:want|would\s+like|wanna)|['’]d\s+like)\s+to\s+know|i\s+wonder)"
    rf"[\s,]+(?={_ASKS})",
    re.IGNORECASE,
)
_CORRECTED = re.compile(
    r"^(?:(?:no|nope|sorry|oops|actually|wait)\s*[,.!:;-]+\s*"
    rf"|(?:(?:no|nope|sorry)[\s,]+)?i\s+mean[t]?[\s,:;-]+)+(?={_ASKS})",
    re.IGNORECASE,
)
# "can u tell me the ballot result": what it is ("What is the ballot result?"); "tell me
# about ..." asks for a topic (qa.topic_request) and is left as it is.
_TELL_ME_THE = re.compile(
    rf"^(?:{_PLEASE}[\s,]+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:{_PLEASE}\s+)?)?"
    r"tell\s+me\s+(?=(?:the|his|her|their|its)\s+\w)",
    re.IGNORECASE,
)
_LEADING_PLEASE = re.compile(rf"^{_PLEASE}[\s,]+(?={_ASKS})", re.IGNORECASE)
# The article named as the source ("according to the article, who ...", "... in the
# text?", "what does the article say was targeted"): every question here is about it.
_SOURCE = r"(?:according\s+to|in|from)\s+the\s+(?:article|text|story|report|passage)"
_LEADING_SOURCE = re.compile(rf"^{_SOURCE}(?:\s*[,:]\s*|\s+(?={_ASKS}))", re.IGNORECASE)
_TRAILING_SOURCE = re.compile(rf"[\s,]+{_SOURCE}(?=[\s?.!]*$)", re.IGNORECASE)
_SAYS = re.compile(
    rf"^(?P<wh>{_WH}|which)\s+(?:does|did|do)\s+the\s+(?:article|text|story|report)\s+"
    r"(?:say|state|mention)\s+(?!about\b|of\b|on\b|(?:so|that|this|it)\s*[?.!]*$)(?=\w)",
    re.IGNORECASE,
)
# Thanks or a smile after the question ("...? Thanks", "... thx :)").
_THANKS = re.compile(
    r"(?:[\s,.!]+(?:thanks|thank\s+you|thx|ty|cheers)\b[\s.!]*(?:[:;]-?[)D(P])?"
    r"|\s*[:;]-?[)D(P])\s*$",
    re.IGNORECASE,
)
_TRAILING_PLEASE = re.compile(
    rf"[\s,]+(?:{_PLEASE}|lol|lmao|haha+|hehe|asap|btw)\s*(?=[?.!]*\s*$)", re.IGNORECASE
)
# "so who condemned the strike then": a "then" that closes a question opened with "so"
# is the chat's, not a time ("What happened then?"); the reader read it as one (0.12).
_OPENED_WITH_SO = re.compile(r"^(?:(?:ok|okay|well)[\s,]+)?so\b", re.IGNORECASE)
_CLOSING_THEN = re.compile(r"[\s,]+then\s*(?=[?.!]*\s*$)", re.IGNORECASE)
# Follow-ups of two or three words typed other ways than the ones qa.referring reads:
# "how come?" is "Why?", and "who said?", "says who?", "according to whom?" ask who
# said so. Whole questions only: "How come Israel struck?" keeps its words.
_BARE_FORMS = (
    (re.compile(r"^how\s+come\s*[?.!]*$", re.IGNORECASE), "Why?"),
    (
        re.compile(
            r"^(?:who\s+(?:said|says|claims|claimed)|says\s+who|according\s+to\s+(?:whom|who))"
            r"\s*[?.!]*$",
            re.IGNORECASE,
        ),
        "Who said so?",
    ),
)


# "According to whom did the ministry hail the talks?", "The target was a building,
# according to who?": who said so, asked of a claim. The reader read the leading form as
# a question about the claim itself ("Israel", from "talks with Israel"); asked as "Who
# said the ministry hail the talks?" it finds the one quoted ("LBCI TV"). The auxiliary
# is dropped, not moved: the reader reads "Who said Hezbollah a threat?" as it reads the
# grammatical form, and finding where the subject ends would need a parser.
_LEADING_WHOM = re.compile(
    r"^according\s+to\s+(?:whom|who)\s*,?\s+"
    r"(?:(?:is|are|was|were|do|does|did|has|have|had)\s+)?(?P<claim>\w.*)$",
    re.IGNORECASE,
)
_TRAILING_WHOM = re.compile(
    rf"^(?!(?:{_ASKS}))(?P<claim>\w.*?)[\s,]+according\s+to\s+(?:whom|who)\s*[?.!]*$",
    re.IGNORECASE,
)


def _who_said(text: str) -> str:
    """ "According to whom <claim>?" and "<claim>, according to whom?" as "Who said
    <claim>?"; other text unchanged."""
    found = _LEADING_WHOM.match(text) or _TRAILING_WHOM.match(text)
    if found is None:
        return text
    claim = found["claim"].rstrip(_TRAILING_MARKS + ".!")
    first, _, rest = claim.partition(" ")
    if first.lower() in _CLAIM_OPENERS:  # "The target was ..." -> "Who said the target ..."
        first = first.lower()
    return f"Who said {first} {rest}?" if rest else f"Who said {first}?"


# Words that open a claim with a capital only because they open the sentence.
_CLAIM_OPENERS = frozenset({"the", "a", "an", "no", "this", "that", "these", "those", "its"})


# "what went down on nov 19": chat for "what happened" (the reader gave "Tensions"), where
# nothing after it says what fell ("What went down in price?" keeps its words).
_WENT_DOWN = re.compile(
    r"^(?P<what>what)\s+went\s+down"
    r"(?=\s*[?.!]*$|\s+(?:on|at|during|after|before|yesterday|today|last|there|then)\b)",
    re.IGNORECASE,
)


# The article itself named in a request ("summarize this article", "a timeline of the
# story"), as whole_request's bodies write it.
THE_ARTICLE = r"(?:this|the|that)\s+(?:article|story|text|piece|report|news)"


def whole_request(body: str) -> re.Pattern[str]:
    """A pattern for a whole request ("Tell me more", "summarize it"), `body` a regular
    expression of its words, with the polite words around it people add ("please", "can
    you ...", "... please?"); tidy() leaves them on a request that holds no question."""
    return re.compile(
        rf"^(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:{body})(?:\s+please)?\s*[?.!]*$",
        re.IGNORECASE,
    )


# "who the ref was", "where the final was played" (a request's words, "can you tell me",
# left off or dropped by _unwrapped): the question word, a subject opened by a determiner
# or a pronoun, then its auxiliary. Put back in a question's order ("who was the ref"),
# which is what the reader was trained on: it read "Who the ref was?" as no answer (score
# 0.23, under the threshold) and "Who was the ref?" as "Hanna Lipovec" (0.31).
_EMBEDDED_AUX = r"(?:is|are|was|were|will|would|can|could|has|have|had|should|must)\b"
_EMBEDDED = re.compile(
    r"^(?P<wh>(?:who|what|when|where|why|how(?:\s+(?:old|long|far|much|often))?)\s+)"
    r"(?!the\s+(?:hell|heck|devil)\b)"  # "who the hell is he": an oath, not the subject
    r"(?P<subject>(?:the|a|an|his|her|their|its|our|this|that|these|those|he|she|it|they|we)"
    rf"(?:\s+(?!{_EMBEDDED_AUX})[\w'’.-]+){{0,5}})"
    rf"\s+(?P<aux>{_EMBEDDED_AUX})",
    re.IGNORECASE,
)


# "who mara okonjo is": a name (or any few words) as the subject, the "is" ending it.
_EMBEDDED_LAST = re.compile(
    r"^(?P<wh>(?:who|what|where)\s+)"
    r"(?P<subject>(?!(?:who|what|when|where|why|how|which)\b)[\w'’.-]+"
    r"(?:\s+(?!(?:who|what|when|where|why|how|which|is|are|was|were)\b)[\w'’.-]+){0,3})"
    r"\s+(?P<aux>is|are|was|were)\s*(?P<end>[?.!]*)\s*$",
    re.IGNORECASE,
)


# "why game 3 was delayed", "when brackwater was founded": after a question word that
# is never a subject, any few words may be the subject before the auxiliary ("how" alone
# is followed by its adjective as often: "how hot is the sun").
_EMBEDDED_BARE = re.compile(
    r"^(?P<wh>(?:when|where|why|how\s+(?:old|long|far|often))\s+)"
    rf"(?P<subject>(?!{_EMBEDDED_AUX})[\w'’.-]+(?:\s+(?!{_EMBEDDED_AUX})[\w'’.-]+){{0,3}})"
    rf"\s+(?P<aux>{_EMBEDDED_AUX})",
    re.IGNORECASE,
)
# "why tarrow paid for the bridge", "who he beat in the semis", "what they think caused
# it": a subject, then its verb with no auxiliary. The reader read "Why Tarrow paid for
# the bridge?" as "local tradition" and "Why did Tarrow pay for the bridge?" right. After
# "who" or "what", which may be the subject themselves ("who won", "what percentage
# voted"), only a pronoun or a determiner opens the subject.
_EMBEDDED_WH = re.compile(
    r"^(?P<wh>(?:when|where|why|how(?:\s+(?:old|long|far|often))?|who|whom|what)\s+)"
    r"(?!(?:old|long|far|often|much|many|big|large|tall|high|deep|wide|fast|soon)\b)",
    re.IGNORECASE,
)
_PRESENT_SUBJECT = frozenset("they we you i".split())
# The most words a subject has here ("the harroy school").
_SUBJECT_WORDS = 4


def _with_do(text: str) -> str:
    """`text` with "did" (or "do") before an embedded question's subject and its verb in
    the base form; as it was where no past verb follows a subject."""
    found = _EMBEDDED_WH.match(text)
    if found is None:
        return text
    wh = found["wh"]
    rest = text[found.end() :]
    tokens = list(re.finditer(r"[\w'’.-]+", rest))
    first = tokens[0].group().lower() if tokens else ""
    if not first or first in _NOT_SUBJECT or first in PREPOSITIONS or is_verb_form(first):
        return text  # "who won", "why did ...": a question as it is
    if wh.strip().lower() in ("who", "whom", "what", "how") and not (
        first in SUBJECT_PRONOUNS or first in NOUN_OPENERS
    ):
        # "what percentage voted": the subject is the question's own; "how quickly they
        # arrived": an adverb, not the subject
        return text
    for size in range(1, min(_SUBJECT_WORDS, len(tokens) - 1) + 1):
        subject = [t.group().lower() for t in tokens[:size]]
        if set(subject) & _NOT_SUBJECT or (size > 1 and first in SUBJECT_PRONOUNS):
            return text
        if subject[-1] in PREPOSITIONS or subject[-1] in DETERMINERS:
            continue  # "the restrictions on bound variables": an object follows, no verb
        verb = tokens[size].group()
        after = rest[tokens[size].end() :]
        said = rest[: tokens[size - 1].end()]
        base = base_form(verb) if verb.islower() else None
        if base is not None:
            return f"{wh}did {said} {base}{after}"
        if size == 1 and first in _PRESENT_SUBJECT and verb.lower() in _THINKING:
            return f"{wh}do {said} {verb}{after}"  # "what they think caused it"
    return text


# Words that end a subject before any verb could: auxiliaries, question words, "not".
_NOT_SUBJECT = frozenset(
    "is are was were will would can could has have had should must do does did not "
    "who what when where why how which".split()
    # As typed: "r" and "u" for "are" and "you", "til" for "until"; and what follows a
    # question word that is no subject ("how far away is it", "how long ago was it").
    + "r u til till until away ago exactly now then there here else".split()
)
# Verbs of thinking and saying in the present, after "they" or "we".
_THINKING = frozenset("think say believe expect want know".split())


def _question_order(text: str) -> str:
    """`text` with an embedded question's auxiliary before its subject (_EMBEDDED,
    _EMBEDDED_BARE, _EMBEDDED_LAST), or "did" where it has none (_with_do)."""
    if _CLAUSE_FIRST.search(text):
        return _embedded_last(text)  # "When X was released, in what hand ...?"
    ordered = _EMBEDDED.sub(lambda m: f"{m['wh']}{m['aux']} {m['subject']}", text, count=1)
    if ordered != text:
        return ordered
    bare = _EMBEDDED_BARE.match(text)
    said = bare["subject"].lower().split() if bare is not None else []
    if bare is not None and not set(said) & _NOT_SUBJECT and said[0] not in PREPOSITIONS:
        return f"{bare['wh']}{bare['aux']} {bare['subject']}{text[bare.end() :]}"
    ordered = _with_do(text)
    if ordered != text:
        return ordered
    return _embedded_last(text)


# A question that opens with a clause and asks after it ("When Twilight Princess was
# released, in what hand ...?"): its opening is no embedded question.
_ANY_WH = r"\b(?:who|whom|what|when|where|why|how|which)\b"
_CLAUSE_FIRST = re.compile(rf",|{_ANY_WH}.*{_ANY_WH}", re.IGNORECASE)


def _embedded_last(text: str) -> str:
    """`text` with the "is" ending an embedded question before its subject
    (_EMBEDDED_LAST: "who mara okonjo is")."""
    last = _EMBEDDED_LAST.match(text)
    if last is None or is_verb_form(last["subject"].split()[0]):
        return text  # "what happened is ...": a clause, no subject to move
    return f"{last['wh']}{last['aux']} {last['subject']}{last['end']}"


def _unwrapped(text: str) -> str:
    """`text` without the words around its question (see _GREETING); a request's full
    stop becomes the question's mark ("Tell me what happened." -> "what happened?")."""
    if _OPENED_WITH_SO.match(text):
        text = _CLOSING_THEN.sub("", text)
    text = _GREETING.sub("", _HELLO.sub("", text))
    unasked = _ASKING.sub("", text)
    if unasked != text:
        text = unasked.rstrip(". ")
    text = _LEADING_PLEASE.sub("", text)
    text = _TELL_ME_THE.sub("What is ", text)
    text = _THANKS.sub("", text)
    text = _LEADING_SOURCE.sub("", text)
    sourceless = _TRAILING_SOURCE.sub("", text)
    if len(sourceless.split()) >= 3:  # "What is in the article?" asks about it
        text = sourceless
    text = _SAYS.sub(lambda match: match["wh"] + " ", text)
    text = _TRAILING_PLEASE.sub("", text)
    text = _who_said(text)
    text = _WENT_DOWN.sub(lambda match: f"{match['what']} happened", text)
    for form, clean in _BARE_FORMS:
        if form.match(text.strip()):
            return clean
    return text


# Dates typed in figures: "2025-11-23"; "23/11/2025", "11/23/2025" (or with "." or "-");
# "11/23" after a preposition ("on 11/23"; alone "1/2" or "24/7" is no date), or month
# first after "the" ("the 11/23 strike"; "the 24/7 helpline" is none). Read only
# where the day is unmistakable (a figure over 12 says which is the day): "9/11" and
# "5/6/2024" stay as typed. The article's dates are found in words, so a question's must be.
_ISO_DATE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_FIGURES_DATE = re.compile(
    r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b"
    r"|\b(?P<prep>on|since|before|after|by|until|from|of|till|the)\s+"
    r"(?P<a2>\d{1,2})/(?P<b2>\d{1,2})\b(?![/.-]?\d)",
    re.IGNORECASE,
)


def _day_in_words(year: int | None, month: int, day: int, typed: str) -> str:
    """ "November 23[, 2025]", or `typed` when it is no day ("2025-02-30")."""
    if make(year or 2000, month, day) is None:
        return typed
    return f"{calendar.month_name[month]} {day}" + (f", {year}" if year else "")


def _iso_date(match: re.Match[str]) -> str:
    return _day_in_words(int(match["y"]), int(match["m"]), int(match["d"]), match.group(0))


def _figures_date(match: re.Match[str]) -> str:
    prep = f"{match['prep']} " if match["prep"] else ""
    typed = match.group(0)[len(match["prep"] or "") :].lstrip()
    a, b = int(match["a"] or match["a2"]), int(match["b"] or match["b2"])
    year = int(match["y"]) if match["y"] else None
    if (match["prep"] or "").lower() == "the" and not a <= 12 < b:
        return match.group(0)  # "the 11/23 strike"; but "the 24/7 helpline" is no day
    if a > 12 >= b:  # day first: "23/11"
        return prep + _day_in_words(year, b, a, typed)
    if b > 12 >= a:  # month first: "11/23"
        return prep + _day_in_words(year, a, b, typed)
    return match.group(0)  # "5/6": either


def _contract(match: re.Match[str]) -> str:
    verb = " has" if match.group("has") else " is"
    return match.group("w") + verb + (match.group("has") or "")


def _month_name(word: str, year: bool = False) -> str | None:
    """The full name of a month word, or None for "may"/"mar" written in lower case,
    which the date code does not read as months either ("may have"), unless a period
    or a `year` after it says it is one ("as of mar. 2011", "in may 2024")."""
    bare = word.rstrip(".")
    if bare.lower() in AMBIGUOUS_MONTHS and bare.islower() and bare == word and not year:
        return None
    return calendar.month_name[month_number(bare)]


def _full_date(match: re.Match[str]) -> str:
    """ "November 23" for any (month, day) the date code reads; the phrase as typed
    when it is not a day (an ambiguous month, "November 31")."""
    day_first = match.group("d2") is not None
    month = _month_name(
        match.group("mon2") if day_first else match.group("mon"), bool(match.group("year"))
    )
    day = day_number(match.group("d2") if day_first else match.group("d"))
    if month is None or make(2000, month_number(month), day) is None:
        return match.group(0)
    # The "the" of "the 23rd of November" belongs to the date; the one of "the 23 nov
    # strike" to the strike.
    the = match.group("the")
    ends = match.group("end") is not None
    belongs = day_first and (ends or "of" in match.group(0).lower().split())
    prefix = f"{the} " if the and not belongs else ""
    year = f", {match.group('year').strip(', ')}" if match.group("year") else ""
    return f"{prefix}{month} {day}{year}{match.group('end') or ''}"


def _full_month(match: re.Match[str]) -> str:
    month = _month_name(match.group("mon"), match.group("y") is not None)
    if month is None:
        return match.group(0)
    start, end = match.span("mon")
    text = match.group(0)
    offset = match.start()
    return text[: start - offset] + month + text[end - offset :]


def _on_the_day(match: re.Match[str]) -> str:
    """ "targeted " before a day -> "targeted on " (`_UNLED_DAY`)."""
    if match["prev"].lower() in _LEADS_A_DAY or match["prev"].lower().endswith(("'s", "’s")):
        return match.group(0)
    return f"{match['prev']} on "


# Emoji and pictographs ("😢", "👍🏽", "❤️"): symbols with no word for the reader (its
# tokenizer reads them as unknown, and "how many died in valencia 😢" went unanswered
# where the words alone were answered). Currency and other signs with a meaning stay.
_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")


def _without_pictographs(text: str) -> str:
    if text.isascii():
        return text
    kept = [
        c
        for c in text
        if c not in _JOINERS
        and unicodedata.category(c) != "So"
        and not 0x1F3FB <= ord(c) <= 0x1F3FF
    ]
    return " ".join("".join(kept).split()) if len(kept) < len(text) else text


# "Mazón - who is he?", "Hezbollah: who backs them?", "as for the A-7, when did it
# reopen?", "What about Hezbollah, is it backing down?": the thing asked about first,
# then a question whose pronoun stands for it.
_TOPIC_FIRST = re.compile(
    r"^(?:and\s+)?(?:(?:(?:what|how)\s+about|as\s+for|regarding|about|concerning|re)\s+)?"
    r"(?P<topic>[^?!,:;–—]{1,60}?)\s*(?:[,:;–—]|\s-)\s*"
    rf"(?P<question>(?:{_WH}|which|is|are|was|were|do|does|did|has|have|had|can|could|will|"
    r"would)\b[^?!]*[?!]*)$",
    re.IGNORECASE,
)
# A topic this long or shorter names a thing; longer text before a comma is a clause.
_TOPIC_WORDS = 6


def _topic_put_in(text: str) -> str:
    """A question that names its topic first asked with the topic in its pronoun's place:
    "Mazón - who is he?" -> "who is Mazón?" (the pronoun read alone pointed nowhere and
    the question went unanswered). Unchanged unless the question has a pronoun standing
    for a thing or person, and the topic is a few words with no question word."""
    found = _TOPIC_FIRST.match(text)
    if found is None:
        return text
    topic, question = found["topic"].strip(), found["question"]
    topic_words = [word.lower() for word in WORD.findall(topic)]
    if not topic_words or len(topic_words) > _TOPIC_WORDS or set(topic_words) & (WH | AUXILIARIES):
        return text
    if topic_words[0] in PREPOSITIONS:
        return text  # a setting ("Over the last two years, what ... for them ..."), no topic
    return _in_pronouns_place(topic, question) or text


def _in_pronouns_place(topic: str, question: str) -> str | None:
    """`question` with `topic` put in place of its first pronoun standing for a thing or
    person (owning, "its": "the ministry's"); None where it has none."""
    spans = list(WORD.finditer(question))
    for pointer in pointers(question):
        if pointer.kind in ("thing", "person", "possessive"):
            span = spans[pointer.index]
            put = f"{topic}'s" if pointer.kind == "possessive" else topic
            return f"{question[: span.start()]}{put}{question[span.end() :]}"
    return None


# "No, I meant the diplomat who helped organise the meetings. Who is that?": a correction
# naming the one meant, then a question whose pronoun stands for them (story h46; the
# pronoun was read as the last answer, whom the correction sets aside).
_MEANT_FIRST = re.compile(
    r"^(?:(?:no|nope|sorry|oops|actually)\s*[,.!:;-]*\s*)?i\s+mean[t]?\s+"
    r"(?P<topic>[^.?!;]{1,100}?)\s*[.!;:–—]\s*"
    rf"(?P<question>(?:{_WH}|which)\b[^?!]*[?!]*)$",
    re.IGNORECASE,
)
# A topic this long or shorter names one meant; longer, it is a clause.
_MEANT_WORDS = 12


def _meant_put_in(text: str) -> str:
    """A correction naming whom or what was meant, then a question pointing at it, asked
    with the one meant in its pronoun's place: "No, I meant the diplomat who helped
    organise the meetings. Who is that?" -> "Who is the diplomat who helped organise the
    meetings?". Unchanged unless the question has a pronoun standing for a thing or
    person."""
    found = _MEANT_FIRST.match(text)
    if found is None or len(WORD.findall(found["topic"])) > _MEANT_WORDS:
        return text
    topic, question = found["topic"].strip(), found["question"]
    return _in_pronouns_place(topic, question) or text


# "And his age?", "her role?": what is the pointed-at one's, asked with no verb (read as
# the last question varied, "Who is the association's age?", story h46).
_OWNED_ONLY = re.compile(
    r"^(?:(?:and|so|also|plus)\s+)?(?P<owner>his|her|its|their)\s+(?P<noun>[a-z][\w-]*)"
    r"\s*[?.!]*$",
    re.IGNORECASE,
)


def _what_is_owned(match: re.Match[str]) -> str:
    owner, noun = match["owner"].lower(), match["noun"]
    verb = "are" if noun.endswith("s") and not noun.endswith("ss") else "is"
    return f"What {verb} {owner} {noun}?"


# "what does that guy do", "who is this woman": a person pointed at, as "he" or "she"
# (the pronoun is what follow-ups resolve; "that guy" read as "the guy", whom the article
# never names).
_THAT_PERSON = re.compile(
    r"\b(?P<before>\w+\s+)?(?:that|this)\s+(?P<noun>guy|man|fellow|gentleman|dude|woman|lady)\b",
    re.IGNORECASE,
)
_SHE = frozenset({"woman", "lady"})


def _person_pointed(match: re.Match[str]) -> str:
    before = match["before"] or ""
    subject = not before or before.strip().lower() in AUXILIARIES | WH
    she = match["noun"].lower() in _SHE
    pronoun = ("she" if she else "he") if subject else ("her" if she else "him")
    return f"{before}{pronoun}"


# "nov 19 what happened", "November 23, what was hit": the day typed first, then the
# question ("What happened?" was read as asked, and answered "Tensions escalated").
_DAY_FIRST = re.compile(
    rf"^(?:on\s+)?(?P<day>(?:{MONTH})\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\s*[,:;–—-]?\s+"
    r"(?P<question>(?:what|who|where|why|how|which)\b[^?!.]*)[?!.]*$",
    re.IGNORECASE,
)


def _day_last(match: re.Match[str]) -> str:
    question = match["question"]
    return f"{question[:1].upper()}{question[1:]} on {match['day']}?"


def _is_shouted(text: str) -> bool:
    return any(c.isalpha() for c in text) and not any(c.islower() for c in text)


def tidy(question: str) -> str:
    """`question` in the clean form: the words around it that ask nothing left out ("hi,",
    "can you tell me", "please", "according to the article", "thanks"), contractions
    and chat shorthand ("ppl", "why r") spelled out, dates as "November 23" (also those
    typed in figures: "11/23", "2025-11-23") led by "on" after a verb or noun, a capital
    first letter and one "?" at the end (unless it ends in "." or "!").

    Words are left as typed, except in a question typed all in capitals, which is
    lowered first (qa.spelling restores the article's capitals).
    """
    text = _without_pictographs(question.strip()) or question.strip()
    if _is_shouted(text):
        text = text.lower()
    # Shorthand first: "i wanna know who won" is "I want to know", which asks nothing.
    text = _SHORTHAND.sub(lambda m: _SHORTHAND_WORDS[m.group(0)], text)
    text = _PM.sub("prime minister", text)
    text = _MIN.sub("minister", text)
    text = _MINUTE.sub(lambda m: f"{m['wh']} minute", text)
    text = _NUMBER_OF.sub(lambda m: "Number " if m.group()[0].isupper() else "number ", text)
    text = _question_order(_unwrapped(text).strip() or text)
    # "no, I meant what did they vote for": the question, corrected ("I meant the Beirut
    # strike", which names no question, is a fragment: qa.referring).
    text = _CORRECTED.sub("", text) or text
    text = _meant_put_in(text)
    text = _OWNED_ONLY.sub(_what_is_owned, text)
    text = _topic_put_in(text)
    text = _THAT_PERSON.sub(_person_pointed, text)
    text = _IS.sub(_contract, text)
    text = _ARE.sub(lambda m: f"{m.group('w')} are", text)
    text = _D.sub(lambda m: f"{m['w']} {'would' if m['would'] else 'did'}{m['would'] or ''}", text)
    text = _WHEREABOUTS.sub(lambda m: "Where" if m.group()[0].isupper() else "where", text)
    text = _BARE_IS.sub(lambda m: f"{m.group('w')} is", text)
    text = _Y.sub("why", text)
    text = _R.sub(lambda m: f"{m['w']} are" if m["w"] else "are", text)
    text = _R_BEFORE.sub("are", text)
    text = _N_AND.sub(" and ", text)
    text = _WEEKDAY_LAST.sub(_weekday, _WEEKDAY_LED.sub(_weekday, text))
    text = _ISO_DATE.sub(_iso_date, text)
    text = _FIGURES_DATE.sub(_figures_date, text)
    text = _DATE.sub(_full_date, text)
    text = MONTH_ONLY.sub(_full_month, text)
    text = _UNLED_DAY.sub(_on_the_day, text)
    text = _DAY_FIRST.sub(_day_last, text)
    if text and not text.endswith((".", "!")):
        text = text.rstrip(_TRAILING_MARKS) + "?"
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text
