"""Alias tables: the spellings of countries and common organisations, and demonyms.

Keys are matched after :func:`normalise` (lower case, no dots, no leading
"the").  A country's demonym ("Iranian") stands for the country only in front
of a state noun (:data:`STATE_NOUNS`: "Iranian officials", "the Iranian
government"); elsewhere ("Iranians protested") it names a group of people.
"""

from __future__ import annotations

import functools
import re

# canonical name: (demonyms, other spellings)
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "United States": (("american", "americans", "us"), ("us", "u s", "usa", "america", "united states", "united states of america", "washington")),
    "United Kingdom": (("british", "briton", "britons"), ("uk", "u k", "britain", "great britain", "united kingdom", "england", "london")),
    "Russia": (("russian", "russians"), ("russia", "russian federation", "moscow", "kremlin")),
    "China": (("chinese",), ("china", "prc", "people's republic of china", "beijing")),
    "Iran": (("iranian", "iranians", "persian"), ("iran", "islamic republic of iran", "tehran")),
    "Iraq": (("iraqi", "iraqis"), ("iraq", "baghdad")),
    "Syria": (("syrian", "syrians"), ("syria", "damascus")),
    "Israel": (("israeli", "israelis"), ("israel", "jerusalem")),
    "Palestine": (("palestinian", "palestinians"), ("palestine", "palestinian territories")),
    "Saudi Arabia": (("saudi", "saudis"), ("saudi arabia", "riyadh")),
    "Turkey": (("turkish", "turks"), ("turkey", "turkiye", "ankara")),
    "Egypt": (("egyptian", "egyptians"), ("egypt", "cairo")),
    "Libya": (("libyan", "libyans"), ("libya", "tripoli")),
    "Afghanistan": (("afghan", "afghans"), ("afghanistan", "kabul")),
    "Pakistan": (("pakistani", "pakistanis"), ("pakistan", "islamabad")),
    "India": (("indian", "indians"), ("india", "new delhi")),
    "North Korea": (("north korean", "north koreans"), ("north korea", "dprk", "pyongyang")),
    "South Korea": (("south korean", "south koreans"), ("south korea", "seoul", "republic of korea")),
    "Japan": (("japanese",), ("japan", "tokyo")),
    "Germany": (("german", "germans"), ("germany", "berlin")),
    "France": (("french",), ("france", "paris")),
    "Italy": (("italian", "italians"), ("italy", "rome")),
    "Spain": (("spanish", "spaniards"), ("spain", "madrid")),
    "Ukraine": (("ukrainian", "ukrainians"), ("ukraine", "kiev", "kyiv")),
    "Poland": (("polish", "poles"), ("poland", "warsaw")),
    "Canada": (("canadian", "canadians"), ("canada", "ottawa")),
    "Democratic Republic of the Congo": (("congolese",), ("democratic republic of congo", "democratic republic of the congo", "dr congo", "drc", "congo", "kinshasa")),
    "Mexico": (("mexican", "mexicans"), ("mexico", "mexico city")),
    "Cuba": (("cuban", "cubans"), ("cuba", "havana")),
    "Venezuela": (("venezuelan", "venezuelans"), ("venezuela", "caracas")),
    "Brazil": (("brazilian", "brazilians"), ("brazil", "brasilia")),
    "Yemen": (("yemeni", "yemenis"), ("yemen", "sanaa")),
    "Lebanon": (("lebanese",), ("lebanon", "beirut")),
    "Jordan": (("jordanian", "jordanians"), ("jordan", "amman")),
    "Qatar": (("qatari", "qataris"), ("qatar", "doha")),
    "United Arab Emirates": (("emirati", "emiratis"), ("uae", "united arab emirates", "abu dhabi")),
    "Sweden": (("swedish", "swedes"), ("sweden", "stockholm")),
    "Netherlands": (("dutch",), ("netherlands", "holland", "the hague")),
    "Belgium": (("belgian", "belgians"), ("belgium",)),
    "Greece": (("greek", "greeks"), ("greece", "athens")),
    "Hungary": (("hungarian", "hungarians"), ("hungary", "budapest")),
    "Nigeria": (("nigerian", "nigerians"), ("nigeria", "abuja")),
    "South Africa": (("south african", "south africans"), ("south africa", "pretoria")),
    "Australia": (("australian", "australians"), ("australia", "canberra")),
    "Vietnam": (("vietnamese",), ("vietnam", "hanoi")),
    "Philippines": (("filipino", "filipinos", "philippine"), ("philippines", "manila")),
    "Indonesia": (("indonesian", "indonesians"), ("indonesia", "jakarta")),
    "Somalia": (("somali", "somalis"), ("somalia", "mogadishu")),
    "Sudan": (("sudanese",), ("sudan", "khartoum")),
    "Ireland": (("irish",), ("ireland", "dublin")),
    "Norway": (("norwegian", "norwegians"), ("norway", "oslo")),
    "Denmark": (("danish", "danes"), ("denmark", "copenhagen")),
    "Switzerland": (("swiss",), ("switzerland", "bern")),
    "Austria": (("austrian", "austrians"), ("austria", "vienna")),
    "Serbia": (("serbian", "serbs"), ("serbia", "belgrade")),
    "Belarus": (("belarusian", "belarusians"), ("belarus", "minsk")),
    "Georgia": (("georgian", "georgians"), ()),
    "Kuwait": (("kuwaiti", "kuwaitis"), ("kuwait",)),
    "Bahrain": (("bahraini", "bahrainis"), ("bahrain",)),
    "Oman": (("omani", "omanis"), ("oman",)),
    "Chile": (("chilean", "chileans"), ("chile",)),
    "Argentina": (("argentine", "argentinian", "argentines"), ("argentina", "buenos aires")),
    "Colombia": (("colombian", "colombians"), ("colombia", "bogota")),
}

# Capital cities stand for the country ("Washington said", "Moscow denied") only as a clause subject.
CAPITALS = frozenset(
    {
        "washington",
        "london",
        "moscow",
        "kremlin",
        "beijing",
        "tehran",
        "baghdad",
        "damascus",
        "jerusalem",
        "riyadh",
        "ankara",
        "cairo",
        "tripoli",
        "kabul",
        "islamabad",
        "new delhi",
        "pyongyang",
        "seoul",
        "tokyo",
        "berlin",
        "paris",
        "rome",
        "madrid",
        "kiev",
        "kyiv",
        "warsaw",
        "ottawa",
        "kinshasa",
        "mexico city",
        "havana",
        "caracas",
        "brasilia",
        "sanaa",
        "beirut",
        "amman",
        "doha",
        "abu dhabi",
        "stockholm",
        "the hague",
        "athens",
        "budapest",
        "abuja",
        "pretoria",
        "canberra",
        "hanoi",
        "manila",
        "jakarta",
        "mogadishu",
        "khartoum",
        "dublin",
        "oslo",
        "copenhagen",
        "bern",
        "vienna",
        "belgrade",
        "minsk",
        "buenos aires",
        "bogota",
    }
)

ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "United Nations": ("un", "u n", "united nations", "the un"),
    "UN Security Council": ("un security council", "security council", "unsc"),
    "NATO": ("nato", "north atlantic treaty organization", "north atlantic treaty organisation"),
    "European Union": ("eu", "e u", "european union"),
    "European Commission": ("european commission", "brussels"),
    "Federal Bureau of Investigation": ("fbi", "federal bureau of investigation"),
    "Central Intelligence Agency": ("cia", "central intelligence agency"),
    "National Security Agency": ("nsa", "national security agency"),
    "Department of Justice": ("doj", "justice department", "department of justice"),
    "Department of Defense": ("dod", "pentagon", "defense department", "department of defense"),
    "Department of State": ("state department", "department of state"),
    "Immigration and Customs Enforcement": ("ice", "immigration and customs enforcement", "us immigration and customs enforcement", "u s immigration and customs enforcement"),
    "Department of Homeland Security": ("dhs", "homeland security", "department of homeland security"),
    "White House": ("white house",),
    "US Congress": ("congress", "us congress", "u s congress"),
    "US Senate": ("senate", "us senate", "u s senate"),
    "US House of Representatives": ("house", "house of representatives", "us house"),
    "US Supreme Court": ("supreme court", "us supreme court", "scotus"),
    "Republican Party": ("gop", "republican party", "rnc", "republican national committee", "republicans"),
    "Democratic Party": ("democratic party", "dnc", "democratic national committee", "democrats"),
    "Islamic State": ("isis", "isil", "islamic state", "daesh", "is", "islamic state of iraq and syria"),
    "Islamic Revolutionary Guard Corps": ("irgc", "islamic revolutionary guard corps", "revolutionary guards", "revolutionary guard"),
    "Quds Force": ("quds force", "qods force"),
    "Hezbollah": ("hezbollah", "hizbollah", "hizballah"),
    "Hamas": ("hamas",),
    "Al Qaeda": ("al qaeda", "al-qaeda", "al qaida", "alqaeda"),
    "Taliban": ("taliban", "the taliban"),
    "World Health Organization": ("who", "world health organization", "world health organisation"),
    "International Monetary Fund": ("imf", "international monetary fund"),
    "World Bank": ("world bank",),
    # news agencies and outlets, which the small English model often tags as people ("told Reuters")
    "Reuters": ("reuters", "thomson reuters"),
    "Agence France-Presse": ("afp", "agence france-presse", "agence france presse", "france-presse"),
    "Associated Press": ("ap", "associated press", "the associated press"),
    "TASS": ("tass", "itar-tass"),
    "Xinhua": ("xinhua", "xinhua news agency"),
    "CNN": ("cnn",),
    "BBC": ("bbc", "bbc news"),
    "Al Jazeera": ("al jazeera", "al-jazeera", "aljazeera"),
    "The New York Times": ("new york times", "nyt"),
    "The Washington Post": ("washington post",),
    "Fox News": ("fox news",),
}

# Nouns after a demonym that make it stand for the state: "Iranian officials" -> Iran.
STATE_NOUNS = frozenset(
    """official officials government regime authorities authority forces force military army
    navy troops president minister ministry leader leaders leadership state media diplomat diplomats embassy
    intelligence administration parliament spokesman spokeswoman spokesperson foreign defense defence
    prime supreme envoy ambassador commander commanders general generals""".split()
)


_FORMAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def drop_format(text: str) -> str:
    """``text`` without zero-width and other invisible format characters; a zero-width space becomes a space."""
    return _FORMAT.sub(lambda m: " " if m.group() == "\u200b" else "", text)


@functools.lru_cache(maxsize=65536)  # called for every form of every actor at each new mention
def normalise(name: str) -> str:
    """Lower case, dots and possessives dropped, "the" removed, spaces collapsed: the key of the tables.

    Zero-width characters are dropped first ("Iran\u200b" is "iran", "Trump’s\ufeff" is "trump")."""
    name = drop_format(name).lower().replace("’", "'").strip()
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"[.\u2019']", " ", name)
    name = re.sub(r"^the\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def _index() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    countries, demonyms, orgs = {}, {}, {}
    for canonical, (dem, spellings) in COUNTRIES.items():
        countries[normalise(canonical)] = canonical
        for s in spellings:
            countries[normalise(s)] = canonical
        for d in dem:
            demonyms[normalise(d)] = canonical
    for canonical, spellings in ORGANISATIONS.items():
        orgs[normalise(canonical)] = canonical
        for s in spellings:
            orgs[normalise(s)] = canonical
    return countries, demonyms, orgs


COUNTRY_KEYS, DEMONYM_KEYS, ORG_KEYS = _index()


def country(name: str) -> str | None:
    """The canonical country a spelling names, or None."""
    return COUNTRY_KEYS.get(normalise(name))


def organisation(name: str) -> str | None:
    return ORG_KEYS.get(normalise(name))


def demonym(word: str) -> str | None:
    """The country a demonym belongs to ("Iranian" -> "Iran"), or None."""
    return DEMONYM_KEYS.get(normalise(word))
