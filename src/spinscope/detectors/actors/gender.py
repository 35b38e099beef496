"""A person's grammatical gender, when the article makes it plain, so that "he" and "she" skip the wrong people.

Evidence, in an article's own words only:

* a title or a gendered role noun given to the person ("Mrs. Clinton",
  "Congresswoman Waters", "Clinton spokesman Jesse Lehrich", "his wife, Heidi");
* a first name that the 1990 US Census lists for one sex at least
  :data:`NAME_SHARE` of the time (the ``names`` package's ``dist.male.first``
  and ``dist.female.first``, public-domain data).  Names it does not list
  ("Barack", "Vladimir") or lists for both ("Jordan", "Kim") give nothing.

A person with no evidence, or with evidence both ways, has no gender and any
pronoun may still refer to them, as before.
"""

from __future__ import annotations

import functools
import importlib.resources

NAME_SHARE = 0.9
MALE, FEMALE = "m", "f"
PRONOUNS = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE, "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
ROLE_WORDS = {
    **dict.fromkeys(
        """mr sir king prince lord duke emperor pope ayatollah sheikh congressman chairman spokesman
        businessman husband father son brother grandfather uncle nephew boyfriend widower""".split(),
        MALE,
    ),
    **dict.fromkeys(
        """mrs ms miss madam madame lady dame queen princess duchess empress congresswoman chairwoman
        spokeswoman businesswoman wife mother daughter sister grandmother aunt niece girlfriend widow actress""".split(),
        FEMALE,
    ),
}


@functools.cache
def _census() -> dict[str, str]:
    """First name -> sex, for names the census gives one sex at least NAME_SHARE of the time."""

    def shares(filename: str) -> dict[str, float]:
        rows = (line.split() for line in importlib.resources.files("names").joinpath(filename).read_text().splitlines())
        return {row[0].lower(): float(row[1]) for row in rows if len(row) > 1}

    male, female = shares("dist.male.first"), shares("dist.female.first")
    out = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m + f and max(m, f) / (m + f) >= NAME_SHARE:
            out[name] = MALE if m > f else FEMALE
    return out


def of_first_name(word: str) -> str | None:
    return _census().get(word.lower().strip("."))


def of_person(forms: list[str], roles: set[str]) -> str | None:
    """MALE, FEMALE or None from a person's name forms and the role words given to them."""
    votes = {ROLE_WORDS[r] for r in roles if r in ROLE_WORDS}
    votes.update(g for f in forms if len(f.split()) > 1 for g in [of_first_name(f.split()[0])] if g)
    return votes.pop() if len(votes) == 1 else None


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether a pronoun can refer to a person of this gender (always, when the gender is unknown)."""
    wanted = PRONOUNS.get(pronoun.lower())
    return gender is None or wanted is None or wanted == gender
