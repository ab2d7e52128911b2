"""Articles the date tests share: datelined, anchored on events, or undated."""

REUTERS = """Israel strikes Beirut suburb

BEIRUT, Nov 24 (Reuters) - Israel struck Beirut's southern suburbs on Sunday, killing a \
senior Hezbollah commander, the military said.
The strike followed a drone attack on November 20 near the border.
Two days later, the army said it had hit launch sites.
The ceasefire took effect on Nov 27, 2024, and talks on it stalled last week.
Yesterday, Lebanese officials met the U.S. envoy.
Earlier this month, the army reported dozens of strikes.
Just days later, the envoy left.
"""

AP = """Storm batters Gulf Coast

MIAMI, Nov. 24, 2025 (AP) — A storm tore through the coast on Saturday.
Forecasters had first warned of it on Tuesday.
It made landfall on 21 November near Pensacola.
The next day, crews restored power to half the homes.
Schools reopen today, officials said.
"""

# No dateline: the date comes from the archive's metadata.
NEW_YEAR = """Fireworks ban tested

Police said crowds gathered on December 30 despite the ban.
On January 2, the city council met.
The next day, it voted to keep the ban.
Three days earlier, the mayor had defended it.
"""

# No dateline, no metadata: nothing to count from.
UNDATED = """A long week in the capital

Protests began on November 19 and grew.
Two days later, the cabinet resigned.
Days later, a new cabinet was named.
Yesterday, the president spoke.
The last election was held on March 3, 2024.
A week later, results were announced.
"""


# A dateline with a year, dates stated and chained, a relative period.
DATELINED = (
    "BEIRUT, Nov 24, 2025 (Reuters) - A strike hit a building in the southern suburbs.\n"
    "On November 19, talks on the border began in Cairo. Two days later the talks collapsed. "
    "A ceasefire was announced on November 22 after mediation. "
    "Markets in the region were calm last week."
)

# Events the article dates, for ranges anchored on them.
ANCHORED = (
    "GENEVA, March 14, 2025 (AP) - Negotiators met again on Friday.\n"
    "The peace talks opened in Geneva on March 3. "
    "On March 5 the delegates agreed on a prisoner exchange. "
    "A storm closed the airport on March 12. "
    "The ceasefire began on February 20."
)
