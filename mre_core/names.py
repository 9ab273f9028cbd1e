"""One way to normalise a person's name, used for drivers and users alike.

Matching entries to race results, and users to drivers, compares these
normalised forms; both sides must go through exactly this function. The
rules, in the order they apply:

1. Accents are dropped: "JOSÉ NUÑEZ" -> "jose nunez".
2. Case is folded: "FELIX KOEGLER" -> "felix koegler".
3. Apostrophes vanish, other punctuation but commas becomes a space, and
   runs of spaces become one, the ends trimmed: "SHANE O'CONNOR" ->
   "shane oconnor", "JEAN-LUC PICARD" -> "jean luc picard",
   "  ARI   BAKLA " -> "ari bakla".
4. A leading qualifying number goes: "1 AUSTIN MCMAHON" -> "austin mcmahon"
   (a first token of digits only, followed by more of the name). It goes
   before the swap below, which would carry it into the middle of the name:
   "1 MCMAHON, AUSTIN" -> "austin mcmahon", not "austin 1 mcmahon".
5. "LAST, FIRST" becomes "FIRST LAST": "BRATTON, RICHARD" -> "richard bratton"
   (only when the name has exactly one comma); other commas become spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^\w,]+|_")  # commas stay until the swap
_LEADING_NUMBER = re.compile(r"^\d+ (?=\w)")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    text = _LEADING_NUMBER.sub("", text)
    if text.count(",") == 1:
        last, first = text.split(",")
        text = f"{first} {last}"
    return " ".join(text.replace(",", " ").split())
