"""Reading LiveRC's HTML the way a person does, whatever its formatting.

Three habits keep every parser independent of whitespace, indentation and
attribute order: text is always whitespace-collapsed; the hidden sort keys
LiveRC puts in cells (`<div class="hidden">111.828</div>1:51.828`) are set
aside from the text a reader sees; and table columns are found by their
header text, never by position.
"""

from __future__ import annotations

from collections.abc import Iterable

from parsel import Selector, SelectorList

from mre_core.errors import ParseError

# A text node not inside an element whose class list has "hidden".
_SHOWN = (
    ".//text()[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')])]"
)
_HIDDEN = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]//text()"


def collapse(texts: Iterable[str]) -> str:
    """Join text nodes as a browser shows them: one space between words."""
    return " ".join(" ".join(texts).split())


def shown_text(node: Selector) -> str:
    return collapse(node.xpath(_SHOWN).getall())


def hidden_text(node: Selector) -> str:
    return collapse(node.xpath(_HIDDEN).getall())


def text_of(nodes: SelectorList[Selector] | Selector) -> str:
    return collapse(nodes.xpath(".//text()").getall())


def has_class(name: str) -> str:
    """An XPath predicate for 'class list contains name', immune to attribute formatting."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def header_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def headers(table: Selector) -> list[str]:
    """The column headers as shown, from the thead's widest row.

    LiveRC's theads open with a one-cell banner row (colspan) before the real
    headers; the widest row is the header row however the banner changes.
    """
    rows = table.xpath("./thead/tr")
    if not rows:
        return []
    widest = max(rows, key=lambda row: len(row.xpath("./th")))
    return [shown_text(th) for th in widest.xpath("./th")]


def column_map(table: Selector) -> dict[str, int]:
    """Case-folded header text -> column index."""
    return {header_key(text): i for i, text in enumerate(headers(table))}


def require_columns(columns: dict[str, int], needed: Iterable[str], url: str, what: str) -> None:
    missing = [name for name in needed if name not in columns]
    if missing:
        raise ParseError(url, f"{what} has no column {', '.join(repr(m) for m in missing)}")


def page(text: str, url: str) -> Selector:
    if not text or not text.strip():
        raise ParseError(url, "the page is empty")
    return Selector(text=text)
