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


# Simple past forms that do not end in "-ed", with their base forms ("Who won?", "When
# did the river burst its banks?"): a closed class of English verbs.
_IRREGULAR = (
    "arose:arise awoke:awake beat:beat became:become began:begin bent:bend bet:bet bid:bid "
    "bit:bite blew:blow bore:bear bought:buy bound:bind broke:break brought:bring "
    "built:build burnt:burn burst:burst cast:cast caught:catch chose:choose came:come "
    "cost:cost crept:creep cut:cut dealt:deal drew:draw drove:drive drank:drink dug:dig "
    "ate:eat fell:fall fed:feed felt:feel fought:fight found:find fled:flee flew:fly "
    "forbade:forbid forgave:forgive forgot:forget froze:freeze gave:give went:go got:get "
    "grew:grow hung:hang heard:hear hid:hide hit:hit held:hold hurt:hurt kept:keep "
    "knelt:kneel knew:know laid:lay led:lead left:leave lent:lend let:let lit:light "
    "lost:lose made:make meant:mean met:meet overcame:overcome overtook:overtake "
    "overthrew:overthrow paid:pay put:put quit:quit rode:ride rose:rise ran:run said:say "
    "saw:see sought:seek sold:sell sent:send set:set shook:shake shed:shed shone:shine "
    "shot:shoot shrank:shrink shut:shut sang:sing sank:sink sat:sit slew:slay slept:sleep "
    "slid:slide spoke:speak sped:speed spent:spend split:split spread:spread sprang:spring "
    "stood:stand stole:steal stuck:stick stung:sting struck:strike swore:swear swept:sweep "
    "swam:swim swung:swing took:take taught:teach tore:tear told:tell thought:think "
    "threw:throw underwent:undergo understood:understand undertook:undertake upheld:uphold "
    "upset:upset woke:wake wore:wear won:win withdrew:withdraw wrote:write"
)
IRREGULAR_PASTS: dict[str, str] = dict(pair.split(":") for pair in _IRREGULAR.split())
# A past-tense verb in a regular expression: "-ed", or one of the irregular ones.
PAST_TENSE = rf"(?:[^\W\d_]+ed|{'|'.join(sorted(IRREGULAR_PASTS))})\b"


def base_form(verb: str) -> str | None:
    """The base form of a past-tense verb: a regular one as the English word list spells
    it ("condemned" -> "condemn", "urged" -> "urge", "stopped" -> "stop"), an irregular
    one from the table ("won" -> "win"); None for any other word."""
    lower = verb.lower()
    if lower in IRREGULAR_PASTS:
        return IRREGULAR_PASTS[lower]
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


def is_verb_form(word: str) -> bool:
    """Whether `word` reads as a verb in a past or "-ing" form ("died", "won", "spoke",
    "leading"), never as a noun or a name: a participle, an irregular past, or a regular
    "-ing" form of an English verb."""
    lower = word.lower()
    if is_participle(lower) or lower in IRREGULAR_PASTS:
        return True
    if not lower.endswith("ing") or len(lower) <= len("ring"):
        return False
    stem = lower[:-3]
    known = english_words()
    return any(base in known for base in (stem, f"{stem}e", stem[:-1]) if len(base) > 2)
