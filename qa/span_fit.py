"""The reader's spans less those that cannot answer the question, in one place.

The reader reads for a span, not for the kind of thing asked: "How old was the
captain?" read the number of the dead, "How long is the lake?" its depth, "Why did
Tarrow pay?" who Tarrow is. Each rule below knows one such mismatch, and sets the span
aside (some weigh the reader's runner-up in its sentence instead: qa.reading.ReadSpan
.beside), so the other spans are weighed or the question withheld. They run in this
order, each on what the one before left; each module says what it knows and what it
was measured on (docs/measurements.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from index.sentences import Sentence
from qa.agent_asked import not_objects
from qa.ages import names_before_ages, not_counts
from qa.asked_already import not_asked_already, not_its_name
from qa.counted import counting, not_changes, of_the_population
from qa.followup import Reading
from qa.kin import not_other_kin
from qa.lifespan import from_the_life
from qa.measures import (
    not_amounts,
    not_areas,
    not_compared_over,
    not_lengths,
    not_times,
    of_the_dimension,
)
from qa.money import of_money
from qa.name_asked import names_only, not_unnamed
from qa.not_the_speaker import not_speakers
from qa.of_the_kind import of_the_kind
from qa.outside import not_outside
from qa.owned_elsewhere import not_anothers
from qa.place_asked import not_people, not_places
from qa.reading import ReadSpan
from qa.referring import pointers
from qa.role_holder import someone_for_the_role
from qa.shares import levels_reached, not_former_levels, not_levels, not_shares, of_shares
from qa.since_when import not_since
from qa.thing_asked import (
    not_bodies,
    not_persons,
    not_places_for_firms,
    not_the_thing_itself,
    not_the_thing_named,
)
from qa.time_of_day import not_when_said, of_the_date, of_the_day, of_the_weekday
from qa.untold import not_untold
from qa.who_they_are import named_holders, not_the_role_named, not_who_they_are

# The most words a last answer that is a name has ("Stellan Telecom"); a sentence given
# as the answer ("Tensions escalated ... in the Ain al-Hilweh refugee camp") is no name,
# and "Where was that?" is answered from inside it.
_NAME_WORDS = 5


def fitting_spans(
    spans: Sequence[ReadSpan],
    reading: Reading,
    text: str,
    sentences: Sequence[Sentence],
    life_told: int | None = None,
) -> list[ReadSpan]:
    """`spans` less those that cannot answer `reading`'s question (`text`: the article,
    `sentences` its sentences; `life_told`: the sentence bracketing the life a question
    asks the birth or death date of, qa.lifespan.life_told)."""
    question = reading.reader_question
    # "How much does it cost?" is not answered by "27% over 18 months" (qa.shares).
    spans = not_shares(spans, question)
    # "By what percentage ...?" is answered by one (qa.shares).
    spans = of_shares(spans, question, sentences)
    # "How much did shares fall?" is not answered by the level they fell to.
    spans = not_levels(spans, question, text)
    # Nor "What is the population?" by the level it has fallen from.
    spans = not_former_levels(spans, question, text)
    # "What did the shares fall to?" is answered "$21.40", not the analyst's target.
    spans = levels_reached(spans, question, text)
    # Nor by "40" (of 40 buses) or "9,000 hectares": a price is money (qa.money).
    spans = of_money(spans, question, text)
    # "When did he step down?" is not answered by "2016" of "has led it since 2016".
    spans = not_since(spans, question, text)
    # "What time of day ...?" is not answered by a date (qa.time_of_day).
    spans = of_the_day(spans, question, text)
    # Nor "On what date ...?" by a clock time alone ("2 p.m.").
    spans = of_the_date(spans, question)
    # Nor "On which day of the week ...?" by "October".
    spans = of_the_weekday(spans, question)
    # Nor by "Wednesday" of "officials said on Wednesday".
    spans = not_when_said(spans, question, text)
    # "How deep is the lake?" is not answered by its area, nor "How long?" by its depth.
    spans = not_areas(spans, question)
    spans = of_the_dimension(spans, question, text)
    # Nor "How far did she travel?" by "7:30 a.m" or "six years".
    spans = not_times(spans, question)
    # Nor "How long will it last?" by "10 kilometres".
    spans = not_lengths(spans, question)
    # Nor "How long has she been there?" by "30 percent".
    spans = not_amounts(spans, question)
    # Nor "How long did the hail last?" by "two decades" of "its worst harvest in two decades".
    spans = not_compared_over(spans, question, text)
    # "How old was the captain?" is not answered by how many died (qa.ages).
    spans = not_counts(spans, question, text)
    # "How old is his daughter?" is not answered by his age, nor "What are the names of
    # his daughters?" by his wife's name (qa.kin).
    spans = not_other_kin(spans, question, text)
    # "Who is the union president?" is answered "Denise Okafor", not "Denise Okafor, 52,
    # president of Local 617".
    spans = names_before_ages(spans, question, text)
    # "What cargo was the ship carrying?" is not answered "Tomas Reiner, 58" (qa.thing_asked).
    spans = not_persons(spans, question, text)
    # Nor "Where was the strain identified?" by "H5" of "the H5 strain".
    spans = not_the_thing_named(spans, question, text)
    # Nor "Who organises the festival?" by "Wexcombe Fields Festival".
    spans = not_the_thing_itself(spans, question)
    # Nor "Which company director was arrested?" by the company.
    spans = not_bodies(spans, question)
    # Nor "Which company built the rocket?" by "Saltmere" of "the Saltmere Launch Complex".
    spans = not_places_for_firms(spans, question, text)
    # "What is the name of the boat?" is not answered by "crayfish pots" (qa.name_asked).
    spans = names_only(spans, question, text)
    # "What is Velmora's capital?" is not answered by "the Lusenian capital of Port
    # Halden" (qa.owned_elsewhere).
    spans = not_anothers(spans, question, text)
    # "Where are they based?" is not answered by "UK" of "outside the UK" (qa.outside).
    spans = not_outside(spans, question, text)
    # Nor by "reporters" of "told reporters in Brasília" (qa.place_asked).
    spans = not_people(spans, question)
    # "Who led the project?" by the historian named beside her university, not by it;
    # before the rules below, so that no runner-up it takes is one they set aside
    # ("Halbrook" of "based in Halbrook" for "Who runs Auralis?").
    spans = someone_for_the_role(spans, question)
    # "Who runs Solvane?" is not answered "Merriton" of "based in Merriton".
    spans = not_places(spans, question, text)
    # "Who hailed the talks?" is not answered "Israel" of "talks with Israel".
    spans = not_objects(spans, question, text)
    # "Which utility was hit?" is not answered "pumping stations" (qa.name_asked).
    spans = not_unnamed(spans, question)
    # "When will it open?" is not answered by "on time" where a date is read too.
    spans = of_the_kind(spans, question)
    # "How many ships ...?" is answered by a count of ships, where one is read.
    spans = counting(spans, question, sentences)
    # "What is the population?" is not answered "41,000" of "41,000 customers".
    spans = of_the_population(spans, question, text)
    # Nor "How many employees does it have?" by "120" of "laid off about 120 employees".
    spans = not_changes(spans, question, text)
    # "Who made the manuscript?" is not answered by who said something about it.
    spans = not_speakers(spans, question, sentences)
    # "How much did it cost?" is not answered by "not said how much" (qa.untold).
    spans = not_untold(spans, question)
    # "Who runs it?" after "Stellan Telecom" is not answered "Stellan Telecom" (a name the
    # pronoun stands for). A follow-up spelled out with the last answer in it ("Why?":
    # "Why did ... take the network offline to stop the malware ...?") asks it again.
    last = reading.previous_answer or ""
    named = _a_name(last) and bool(pointers(reading.question))
    asked = question.replace(last, " ") if last else question
    # Nor "Who beat him?" by the name "him" was put in for from a turn before the last.
    referent = reading.referent or ""
    if _a_name(referent):
        last, named = referent, True
    spans = not_asked_already(spans, asked, last if named else None)
    # "Who died in the storm?" is not answered "Ingrid" of "Storm Ingrid".
    spans = not_its_name(spans, question, text)
    # "Why did Edmund Tarrow pay?" is not answered by who he is (qa.who_they_are), nor
    # "Who beat the premier?" by the premier's name.
    spans = not_who_they_are(spans, question, text)
    spans = not_the_role_named(spans, question, sentences)
    # "Who chairs the group?" is answered by the chairwoman's name, not "chairwoman".
    spans = named_holders(spans, question, sentences)
    # "When was Thomas Baird born?" is answered from the brackets of his life.
    return from_the_life(spans, life_told)


def _a_name(answer: str) -> bool:
    """Whether an earlier answer reads as a name: a capital first, `_NAME_WORDS` words at
    most."""
    return answer[:1].isupper() and len(answer.split()) <= _NAME_WORDS
