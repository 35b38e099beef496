"""Reporting cues: the verbs a direct quote is attributed to ("…,” she said").

Indirect quotes no longer depend on this list: their cues are learned by the
candidate scorer (:mod:`.scorer`) from PolNeAR ``train``.

The list was chosen from the PolNeAR ``train`` split: cue lemmas that head an
attribution there often and whose clausal complement is gold content in at
least about half of their uses.  Attitude verbs (believe, think, hope) are in
because PolNeAR attributes beliefs as well as speech.
"""

from __future__ import annotations

SPEECH = frozenset(
    """say tell claim argue warn insist add note explain deny accuse announce report write
    state declare assert maintain contend suggest acknowledge admit concede confirm reveal
    disclose allege predict promise pledge vow tweet post reply respond answer recall remark
    observe emphasize emphasise stress point complain boast testify assure reiterate repeat
    counter caution conclude estimate indicate mention hint speculate joke quip charge
    declare announce affirm proclaim grant""".split()
)
ATTITUDE = frozenset("believe think hope fear know expect feel worry doubt agree figure guess reckon".split())
EVIDENCE = frozenset("show find reveal indicate suggest".split())

# How a line was delivered: these frame a quotation ("“…,” he continued", "the protesters chanted “…”")
DELIVERY = frozenset(
    """continue shout boom chant confess exclaim yell scream cry plead snap retort interject murmur whisper
    wonder demand lament recount sing thunder bark""".split()
)

CUE_VERBS = SPEECH | ATTITUDE | EVIDENCE | DELIVERY

# "according to X", "X's statement that": phrase cues handled apart from the verbs.
ACCORDING = "according"

# Verbs of intent whose ``xcomp`` ("vowed to ban ...") PolNeAR attributes like speech.
INTENT_VERBS = frozenset("vow pledge promise threaten refuse decline want plan hope urge ask".split())
