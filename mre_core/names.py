"""One way to normalise a person's name, used for drivers and users alike.

Matching entries to race results, and users to drivers, compares these
normalised forms; both sides must go through exactly this function. The
rules, in the order they apply:

1. Accents are dropped: "JOSÉ NUÑEZ" -> "jose nunez".
2. Case is folded: "FELIX KOEGLER" -> "felix koegler".
3. "LAST, FIRST" becomes "FIRST LAST": "BRATTON, RICHARD" -> "richard bratton"
   (only when the name has exactly one comma).
4. Apostrophes vanish, other punctuation becomes a space:
   "SHANE O'CONNOR" -> "shane oconnor", "JEAN-LUC PICARD" -> "jean luc picard".
5. A leading qualifying number goes: "1 AUSTIN MCMAHON" -> "austin mcmahon"
   (a first token of digits only, followed by more of the name).
6. Runs of spaces become one, and the ends are trimmed:
   "  ARI   BAKLA " -> "ari bakla".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^\w]+|_")
_LEADING_NUMBER = re.compile(r"^\d+ (?=\S)")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    if text.count(",") == 1:
        last, first = text.split(",")
        text = f"{first} {last}"
    text = _APOSTROPHES.sub("", text)
    text = _NOT_WORD.sub(" ", text).strip()
    text = " ".join(text.split())
    return _LEADING_NUMBER.sub("", text)
