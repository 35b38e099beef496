"""Annotation exchange: spans out to the tools annotation teams use, and their corrections back.

- :mod:`.labelstudio` writes Label Studio tasks (its JSON import format, the machine's spans as
  ``predictions``) with the matching labelling config, and reads Label Studio's JSON export;
- :mod:`.brat` writes and reads brat standoff (``.txt`` + ``.ann`` + ``annotation.conf``), which brat
  and INCEpTION/WebAnno import and export;
- :mod:`.corrections` holds what both read back (one :class:`~.corrections.Document` per article: its
  text and its corrected spans), checks it against the text that was exported, compares it with the
  machine's spans (agreement per label) and writes it as a corrections file, the JSONL that
  ``spinscope evaluate techniques --gold`` and ``spinscope train techniques --from`` read.

Offsets are Python string indices (code points) into the analysis text throughout; Label Studio
counts UTF-16 code units, and :mod:`.labelstudio` converts both ways.
"""

from __future__ import annotations

FORMATS = ("labelstudio", "brat")
KINDS = ("technique", "claim", "quote")
