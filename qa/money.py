"""A price is an amount of money: "40" (of "40 extra buses") or "9,000 hectares" does not
say what something cost.

"How much did Lindell Coaches charge for the extra buses?" read "40", the number of buses,
at 0.94, in an article that never says what they charged; "How much did it cost to fight
the Dunmore Fire of 2009?" read its area. Where the question asks what something cost,
was paid, raised or is worth (qa.shares.asks_price and the like), a span with a number and
no word of money ("$", "euros", "kroner", ...) nor of a large sum ("2.6 billion", written
without its currency as often as with it) is set aside: a price the article does not
give is not in the article. A number the article writes before its currency ("100,000"
of "worth 100,000 Swedish kronor") is completed with it instead, and a span the reader
believed leaves its runner-up in the sentence where that is a sum. Spans with no number
("nothing", "free of charge") are left to the reader. "How much land ...?" asks no price.
Measured on the validation split (docs/measurements.md, fortieth session).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qa.cardinals import CARDINALS
from qa.reading import ReadSpan
from qa.referring import AUXILIARIES
from qa.shares import CHANGE, asks_price

# "How much money ...", "How much is it worth?", "How much did the appeal raise?".
_MONEY_ASKED = re.compile(
    r"\bhow\s+much\s+(?:money|cash|funding)\b"
    r"|\bhow\s+much\b.*\b(?:worth|raise[ds]?|raising|collect(?:s|ed|ing)?|compensation|"
    r"reward|ransom|budget|bail)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(rf"\d|\b(?:{CARDINALS}|hundred|dozen)\b", re.IGNORECASE)
_CURRENCIES = (
    r"dollars?|euros?|pounds?|sterling|kroner|krone|kronor|krona|kronur|"
    r"crowns?|francs?|yen|yuan|renminbi|rupees?|pesos?|reais|real|rand|cents?|pence|"
    r"shillings?|marks?|guilders?|lira|lire|liras|roubles?|rubles?|dinars?|dirhams?|"
    r"riyals?|rials?|zloty|forints?|won|baht|ringgit|nairas?|bitcoins?|usd|eur|gbp|chf|"
    r"sek|nok|dkk|jpy|cny|inr|aud|cad"
)
_MONEY = re.compile(
    rf"[$€£¥₹₩₽¢]|\b(?:{_CURRENCIES}|"
    # a large sum, written without its currency as often as with it
    r"thousand|million|billion|trillion|bn|mn|m|k)\b"
    r"|\d(?:k|m|bn|mn)\b",  # "31k", "2.6bn"
    re.IGNORECASE,
)
# The currency a number is followed by: "100,000" of "worth 100,000 Swedish kronor".
_CURRENCY_AFTER = re.compile(rf"\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:{_CURRENCIES})\b", re.IGNORECASE)


# "How much land did they sell?" asks how much land: a noun after "how much" is what is
# measured, unless it is money; an auxiliary there leaves it to the verb ("How much did
# it cost?").
_HOW_MUCH_NOUN = re.compile(r"\bhow\s+much\s+(?P<word>[^\W\d_]+)", re.IGNORECASE)
_MONEY_NOUNS = frozenset(
    "money cash funding funds revenue profit income capital compensation aid debt budget "
    "investment".split()
)
# "What did a Kestrel K1 cost when it first went on sale?": what it cost, asked with
# "what" (not "What did the delay cost the team?", a loss of something else).
_WHAT_COST = re.compile(
    r"^\W*what\s+(?:did|does|do|will|would|could)\s+.+?\s+cost"
    r"(?:\s+(?:when|in|at|back|then|now|originally|initially)\b.*)?\s*\??\s*$",
    re.IGNORECASE,
)


def asks_money(question: str) -> bool:
    """Whether `question` asks an amount of money: a price, a sum raised or a worth (not
    by how much a price moved, nor how much of a thing: "How much land did they sell?")."""
    noun = _HOW_MUCH_NOUN.search(question)
    if noun is not None:
        word = noun["word"].lower()
        if word in _MONEY_NOUNS:
            return CHANGE.search(question) is None
        if word not in AUXILIARIES and word != "of":
            return False
    if asks_price(question) or _WHAT_COST.match(question):
        return True
    return _MONEY_ASKED.search(question) is not None and CHANGE.search(question) is None


def is_money(answer: str) -> bool:
    """Whether an answer may be an amount of money: a word of money in it, or no number
    in a few words ("an undisclosed sum"); a clause with no number ("many smaller boats
    would be tied up for months" for "How much money will go into the fund?") is none."""
    if _MONEY.search(answer) is not None:
        return True
    if _NUMBER.search(answer) is not None:
        return False
    return len(answer.split()) < _CLAUSE_WORDS or _SUM_WORDS.search(answer) is not None


# A span of this many words with no number is a clause, not a sum, unless it names one.
_CLAUSE_WORDS = 4
_SUM_WORDS = re.compile(r"\b(?:sum|amount|money|fortune|undisclosed|price|fee)s?\b", re.I)


def of_money(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those that are no amount of money, where `question` asks one (`text`:
    the article the spans' offsets are in); a number the article writes before its
    currency completed with it, and others replaced by the reader's runner-up in its
    sentence where it believed it."""
    if not asks_money(question):
        return list(spans)
    kept: list[ReadSpan] = []
    for span in spans:
        if is_money(span.text):
            kept.append(span)
            continue
        currency = _CURRENCY_AFTER.match(text, span.end)
        if currency is not None and _NUMBER.search(span.text):
            end = currency.end()
            kept.append(replace(span, text=text[span.start : end], end=end))
            continue
        # Its runner-up only where that is a sum ("40" beside "2,500 dollars"), not a
        # name that merely has no number.
        beside = span.beside() if span.margin > 0 else None
        if beside is not None and _NUMBER.search(beside.text) and _MONEY.search(beside.text):
            kept.append(beside)
    return kept
