"""Who said it is not what was said.

"Who made the manuscript?" read "Okafor" (the reader's margin 4.5) in "Okafor said the
manuscript had been recovered "largely intact"" over "monks" (3.5) in "It was made by
monks at Wexmoor Abbey", and "Where was the manuscript recovered?" read "Okafor" too: the
question's words were in what he said, and the reader took the name that said it. Where a
span is who its sentence says speaks (qa.speaker_request.speaker: "X said", "according to
X", "..., said X") and the question matches that sentence only in what was said, never in
who said it, the span is set aside: the question asks about the claim, not the claimant.
A question about saying or thinking ("Who said ...?", "Who believes ...?", "What did the
inspector tell reporters?") keeps every span, as does one whose words name the speaker or
the speaker's description ("Who led the investigation?" for "Inspector Okafor, who led
the investigation, said ...", "Who wrote books on the charts?" for "According to Fred
Bronson, author of books on the charts, ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.sentences import Sentence
from qa.apposition import role_asked
from qa.lexical import terms
from qa.reading import ReadSpan, set_aside
from qa.role_holder import holds_title
from qa.speaker_request import INSIDE_APPOSITION, SAYING, speaker

# A question about a claim or a view asks for whoever holds it: every span stays.
_ABOUT_SAYING = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|state|states|stated|statement|claim\w*|"
    r"announc\w*|report\w*|confirm\w*|add|adds|added|warn\w*|writ\w*|wrote|note|noted|"
    r"explain\w*|insist\w*|argu\w*|caution\w*|estimat\w*|according|quot\w*|spokes\w*|"
    r"comment\w*|describ\w*|call|calls|called|speak\w*|spoke|interview\w*|conference|"
    r"reporters?|repl\w*|respon\w*|answer\w*|ask|asks|asked|believ\w*|think\w*|thought|"
    r"feel|feels|felt|expect\w*|predict\w*|suggest\w*|hope\w*|fear\w*|doubt\w*|agree\w*|"
    r"blam\w*|accus\w*|critici\w*|prais\w*|den(?:y|ies|ied)|admit\w*|acknowledg\w*|"
    r"urg\w*|demand\w*|promis\w*|vow\w*|pledg\w*|view|opinion|source)\b",
    re.IGNORECASE,
)


# A phrase set off by commas straight after the speaker, or by a comma to the sentence's
# end where the speaker follows the verb ("..., said Priya Raman, the line's director."),
# or straight before the speaker after a clause's start: who the speaker is.
_NOT_SAYING = rf"(?!(?:{SAYING})\b)"
# An age may come first: "..., said Denise Okafor, 52, president of Local 617."
_AGE = r"(?:\d{1,3}\s*,\s+)?(?!\d{1,3}\s*,)"
_APPOSITION_AFTER = re.compile(rf",\s+{_AGE}{_NOT_SAYING}[^,;:“”\"]{{1,80}}(?=,)", re.IGNORECASE)
_APPOSITION_LAST = re.compile(
    rf",\s+{_AGE}{_NOT_SAYING}[^,;:“”\"]{{1,80}}?(?=[.!?]?[\s“”\"]*$)", re.IGNORECASE
)
# ... the age first: "said Commander Ilsa Varnow, 52, who is leading the ..." (story h48).
_WHO_CLAUSE = re.compile(rf",\s+{_AGE}who\s+[^,;:“”\"]{{1,120}}")
_SAID_BEFORE = re.compile(rf"\b(?:{SAYING})\s+$", re.IGNORECASE)
# "..., according to Tobias Renner, 52, the plant manager.": the source closing the
# sentence (not "According to the curator Helena Marsh, the psalter was ...").
_SOURCE_CLOSING = re.compile(r",\s+according\s+to\s+$", re.IGNORECASE)
# "The National Aviation Safety Board said on Sunday it had sent a team of six
# investigators": the speaker tells what it did itself, the subject of what it said.
_OWN_DEED = re.compile(
    rf"\s+(?:{SAYING})(?:\s+(?:on|last|this|late|early)\s+[A-Za-z]+)?\s+(?:that\s+)?"
    rf"(?-i:it|he|she|they)\s+(?!(?:{SAYING})\b)"
)
# "Which agency is investigating the crash?", "Who discovered the fake?": who did it,
# not who someone is ("Who is the consignor?") nor a name asked ("What is the name of
# ...?").
_DOER_ASKED = re.compile(
    r"^\W*(?:who|which\s+[\w-]+)\s+(?:(?:is|was|are|were|has|have|had)\s+[\w-]+ing\b|"
    r"(?!is\b|was\b|are\b|were\b|[’']s\b)[\w-]+)",
    re.IGNORECASE,
)
_APPOSITION_BEFORE = re.compile(r"(?:^|[,;:]\s+|\band\s+)(?P<what>[^,;:“”\"]{1,60}),\s+$")


def not_speakers(
    spans: Sequence[ReadSpan], question: str, sentences: Sequence[Sentence]
) -> list[ReadSpan]:
    """The spans less those naming who speaks in their sentence, where `question` matches
    that sentence only in what is said (see the module's note); each such span the reader
    believed (margin over 0) is replaced by the best span it read beside it, if any."""
    if _ABOUT_SAYING.search(question):
        return list(spans)
    asked = set(terms(question))
    role = role_asked(question)
    # What was said may hold the answer: the reader's best span beside the speaker.
    doer = _DOER_ASKED.match(question) is not None
    return set_aside(
        spans, lambda span: _speaker_only(span, asked, sentences[span.position], role, doer)
    )


def _speaker_only(
    span: ReadSpan,
    asked: set[str],
    sentence: Sentence,
    role: str | None = None,
    asks_doer: bool = False,
) -> bool:
    """Whether `span` lies in who `sentence` says speaks, while the question's words found
    in the sentence are all outside that speaker, and the speaker is not called by the
    `role` asked (qa.apposition.role_asked): "Kestrel's managing director, Gavin Oyelaran,
    said ..." for "Who heads the barge company?"."""
    start, end = span.start - sentence.start, span.end - sentence.start
    found = speaker(sentence.text, near=start)
    if found is None:
        return False
    who_start, who_end = found
    if start < who_start or end > who_end:
        return False
    # "According to Fred Bronson, author of books on the Billboard charts, ...", "its
    # director, Alan Greaves, said": what the speaker is called is about the speaker too.
    after = _APPOSITION_AFTER.match(sentence.text, who_end)
    closing = _SOURCE_CLOSING.search(sentence.text, 0, who_start)
    if after is None and (closing or _SAID_BEFORE.search(sentence.text, 0, who_start)):
        after = _APPOSITION_LAST.match(sentence.text, who_end)  # "..., said X, the ...".
    if after is not None:
        who_end = after.end()
    # "..., said Idris al-Manouri, 58, Qaldor's minister ..., who has led the mediation
    # since January": what the speaker has done is about the speaker too.
    relative = _WHO_CLAUSE.match(sentence.text, who_end)
    if relative is not None:
        who_end = relative.end()
    before = _APPOSITION_BEFORE.search(sentence.text, 0, who_start)
    if before is not None:
        who_start = before.start("what")
    # (Not "A shift of 38 was on duty, according to ": a clause, then its source.)
    inside = None if closing else INSIDE_APPOSITION.search(sentence.text, 0, who_start)
    if inside is not None:
        # "Dr. Priya Anand, a marine biologist with the Coastal Research Institute,
        # cautioned ...": the name found is in what the speaker is called, and the
        # speaker is the name before it.
        who_start = inside.start("who")
    if role is not None and holds_title(role, sentence.text[who_start:who_end]):
        return False
    if asks_doer and _OWN_DEED.match(sentence.text, who_end):
        return False
    who = set(terms(sentence.text[who_start:who_end]))
    said = set(terms(sentence.text[:who_start] + " " + sentence.text[who_end:]))
    return not (asked & who) and bool(asked & said)
