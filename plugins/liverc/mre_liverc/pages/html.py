"""Reading LiveRC's HTML the way a person does, whatever its formatting.

Three habits keep every parser independent of whitespace, indentation and
attribute order: text is always whitespace-collapsed; the hidden sort keys
LiveRC puts in cells (`<div class="hidden">111.828</div>1:51.828`) are set
aside from the text a reader sees; and table columns are found by their
header text, never by position.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from lxml import etree
from parsel import Selector, SelectorList

from mre_core.errors import ParseError

# A text node not inside an element whose class list has "hidden".
_SHOWN = (
    ".//text()[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')])]"
)
_HIDDEN = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]//text()"
# What XPath's normalize-space() counts as space (Python's str.split() counts more).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# CSS `thead .class_sub_header`, as cssselect translates it to XPath.
_SUB_HEADERS = etree.XPath(
    "descendant-or-self::thead/descendant::*[@class and contains(@class, 'class_sub_header') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' class_sub_header ')]"
)


def collapse(texts: Iterable[str]) -> str:
    """Join text nodes as a browser shows them: one space between words."""
    return " ".join(" ".join(texts).split())


def shown_text(node: Selector) -> str:
    return collapse(node.xpath(_SHOWN).getall())


def hidden_text(node: Selector) -> str:
    return collapse(node.xpath(_HIDDEN).getall())


def text_of(nodes: SelectorList[Selector] | Selector) -> str:
    return collapse(nodes.xpath(".//text()").getall())


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
    # Always HTML: parsel would read a body that looks like JSON or XML otherwise,
    # and a JSON body makes every CSS query raise instead of finding nothing.
    return Selector(text=text, type="html")


_parsers = threading.local()


def page_tree(text: str, url: str) -> etree._Element:
    """The root of `page(text, url)`, built without the Selector around it.

    The tree parsel builds for HTML, made the way parsel makes it (same text
    clean-up, same parser options) but with lxml's plain element classes,
    which are cheaper to walk.
    """
    if not text or not text.strip():
        raise ParseError(url, "the page is empty")
    parser = getattr(_parsers, "html", None)
    if parser is None:  # lxml parsers must not be shared between threads
        parser = _parsers.html = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    body = text.strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    root = etree.fromstring(body, parser=parser)
    if root is None:
        root = etree.fromstring(b"<html/>", parser=parser)
    return root


# --- the same readings on lxml elements, for the pages read in bulk ----------
#
# A race page has hundreds of cells; evaluating an XPath per cell, each result
# wrapped in a parsel Selector, costs more than parsing the page. These walk
# the lxml tree instead and give exactly what the XPath readings above give.


def has_class_token(element: etree._Element, name: str) -> bool:
    """XPath's `contains(concat(' ', normalize-space(@class), ' '), ' name ')` as Python:
    the class list, split as XPath splits it, holds `name`."""
    classes = element.get("class")
    if classes is None or name not in classes:
        return False
    return classes == name or name in _XML_SPACE.split(classes)


def hidden_above(element: etree._Element) -> bool:
    """True when an ancestor of `element` is hidden: then nothing in it shows."""
    return any(has_class_token(a, "hidden") for a in element.iterancestors())


def element_shown_text(
    element: etree._Element, hidden: bool = False, skip: str | None = None
) -> str:
    """`shown_text` of an lxml element; `hidden`: an ancestor is hidden (see hidden_above).

    `skip` names a tag whose subtrees are left out too (as `[not(ancestor::sup)]`
    does); the caller checks that no ancestor already has that tag.
    """
    if hidden:
        return ""
    if not len(element):  # a leaf (most cells): its own text, unless it is itself left out
        text = element.text
        if not text or element.tag == skip or has_class_token(element, "hidden"):
            return ""
        return " ".join(text.split())
    parts: list[str] = []
    _shown(element, parts, skip)
    return collapse(parts)


def _shown(element: etree._Element, parts: list[str], skip: str | None) -> None:
    if (skip is not None and element.tag == skip) or has_class_token(element, "hidden"):
        return
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):  # a comment's or a PI's own text is no text node
            if len(child):
                _shown(child, parts, skip)
            elif child.text and child.tag != skip and not has_class_token(child, "hidden"):
                parts.append(child.text)  # a leaf, the usual case, without a call
        if child.tail:
            parts.append(child.tail)


def elements_text(elements: Iterable[etree._Element]) -> str:
    """`text_of` for lxml elements: every text node under each, hidden or not."""
    return collapse([text for element in elements for text in element.itertext()])


def children(element: etree._Element, tag: str) -> list[etree._Element]:
    """XPath `./tag`: the child elements named `tag`, in order."""
    return [child for child in element if child.tag == tag]


def sub_header(table: etree._Element, label: str) -> str:
    """The value of 'Label: value' in a table's banner (`thead .class_sub_header`).

    Race results say 'Length: 5:00 Timed', entry lists 'Entries: 12'; `label`
    is matched case-folded, and the first banner line with it wins.
    """
    for sub in _SUB_HEADERS(table):
        hidden = has_class_token(sub, "hidden") or hidden_above(sub)
        key, _, value = element_shown_text(sub, hidden).partition(":")
        if header_key(key) == label:
            return value.strip()
    return ""
