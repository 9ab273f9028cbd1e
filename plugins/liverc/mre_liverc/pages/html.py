"""Reading LiveRC's HTML the way a person does, whatever its formatting.

Four habits keep every parser independent of whitespace, indentation,
attribute order and naming: text is always whitespace-collapsed; the hidden
sort keys LiveRC puts in cells (`<div class="hidden">111.828</div>1:51.828`)
are set aside from the text a reader sees; table columns are found by their
header text, never by position; and tables are found by their headers and
structure, never by a class name or id alone, as sites rename those.

The one class that is read for its meaning is `hidden`: it is how the page
tells a browser not to show a text, so renaming it would change what the
page shows, not just what it is called.

No walk of the tree recurses, and a page nested deeper than MAX_NESTING
elements is refused (`check_nesting`): no real page comes near it, and past
2,048 levels libxml2 stops building the tree and silently drops the rest of
the page.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator

from lxml import etree
from parsel import Selector, SelectorList

from mre_core.connector import ParseError

# Elements nested in one another; LiveRC's pages nest 17 deep at most.
MAX_NESTING = 256
# True when some element is nested MAX_NESTING + 1 deep: one child step per
# level, so libxml2 visits each element once, whatever the page.
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_NESTING + 1) + ")")
# The same 32 levels down: each step costs libxml2 a node-set even when it is
# empty, so a page no deeper than that (every real one) is settled in an eighth
# of the steps.
_DEEPER_THAN_32 = etree.XPath("boolean(" + "/*" * 33 + ")")

# A text node not inside an element whose class list has "hidden".
_SHOWN = (
    ".//text()[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')])]"
)
_HIDDEN = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]//text()"
# What XPath's normalize-space() counts as space (Python's str.split() counts more).
_XML_SPACE = re.compile(r"[ \t\r\n]+")


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


def check_nesting(root: etree._Element, url: str) -> None:
    """Refuse a page whose elements nest deeper than MAX_NESTING."""
    tree = root.getroottree()
    if _DEEPER_THAN_32(tree) and _TOO_DEEP(tree):
        raise ParseError(url, f"elements nested over {MAX_NESTING} deep")


def has_h3(root: etree._Element) -> bool:
    """The page has an `h3` with text: LiveRC's event and entry-list pages name the event in one."""
    return any(element_shown_text(h3, hidden_above(h3)) for h3 in root.iter("h3"))


def find_table(doc: Selector, needed: Iterable[str]) -> Selector | None:
    """The first table whose header row has every column in `needed` (case-folded)."""
    for table in doc.xpath("//table"):
        columns = column_map(table)
        if all(name in columns for name in needed):
            return table
    return None


def page(text: str, url: str) -> Selector:
    if not text or not text.strip():
        raise ParseError(url, "the page is empty")
    # Always HTML: parsel would read a body that looks like JSON or XML otherwise,
    # and a JSON body makes every CSS query raise instead of finding nothing.
    doc = Selector(text=text, type="html")
    check_nesting(doc.root, url)
    return doc


_parsers = threading.local()


def page_tree(text: str, url: str) -> etree._Element:
    """The root of `page(text, url)`, built without the Selector around it.

    The tree parsel builds for HTML, made the way parsel makes it (same text
    clean-up, same parser options) but with lxml's plain element classes,
    which are cheaper to walk.
    """
    body = text.strip()  # once: a copy of the page
    if not body:
        raise ParseError(url, "the page is empty")
    parser = getattr(_parsers, "html", None)
    if parser is None:  # lxml parsers must not be shared between threads
        parser = _parsers.html = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    if "\x00" in body:  # str.replace scans a page with non-ASCII text slowly, even to do nothing
        body = body.replace("\x00", "")
    body = body.encode("utf-8") or b"<html/>"
    root = etree.fromstring(body, parser=parser)
    if root is None:
        root = etree.fromstring(b"<html/>", parser=parser)
    check_nesting(root, url)
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
    for ancestor in element.iterancestors():
        classes = ancestor.get("class")  # most ancestors have none: no call for them
        if classes and has_class_token(ancestor, "hidden"):
            return True
    return False


def element_shown_text(
    element: etree._Element, hidden: bool = False, skip: str | None = None
) -> str:
    """`shown_text` of an lxml element; `hidden`: an ancestor is hidden (see hidden_above).

    `skip` names a tag whose subtrees are left out too (as `[not(ancestor::sup)]`
    does); the caller checks that no ancestor already has that tag.
    """
    if hidden:
        return ""
    # An element's tag is made into a new str each time it is read: read only when needed.
    if not len(element):  # a leaf (most cells): its own text, unless it is itself left out
        text = element.text
        if (
            not text
            or (skip is not None and element.tag == skip)
            or has_class_token(element, "hidden")
        ):
            return ""
        return " ".join(text.split())
    if (skip is not None and element.tag == skip) or has_class_token(element, "hidden"):
        return ""
    text = element.text
    parts: list[str] = [text] if text else []
    for child in element:  # children that are leaves (most other cells) are read here
        if len(child):
            parts = []  # a deeper cell: read by the walk
            _shown(element, parts, skip)
            break
        text = child.text
        if text:
            tag = child.tag
            # A comment's text is no text node.
            if isinstance(tag, str) and tag != skip and not has_class_token(child, "hidden"):
                parts.append(text)
        tail = child.tail
        if tail:
            parts.append(tail)
    return collapse(parts)


def _shown(element: etree._Element, parts: list[str], skip: str | None) -> None:
    """The shown text nodes under `element`, in document order, by a walk with its
    own stack: no recursion, however deep the markup."""
    if (skip is not None and element.tag == skip) or has_class_token(element, "hidden"):
        return
    if element.text:
        parts.append(element.text)
    # Each entry: the children still to read of an element whose text is read;
    # its tail comes when they are done (the tail of `element` itself is no part).
    stack: list[tuple[Iterator[etree._Element], etree._Element | None]] = [(iter(element), None)]
    while stack:
        below, owner = stack[-1]
        child = next(below, None)
        if child is None:
            stack.pop()
            if owner is not None and owner.tail:
                parts.append(owner.tail)
            continue
        if (
            isinstance(child.tag, str)  # a comment's or a PI's own text is no text node
            and child.tag != skip
            and not has_class_token(child, "hidden")
        ):
            if child.text:
                parts.append(child.text)
            if len(child):
                stack.append((iter(child), child))
                continue
        if child.tail:
            parts.append(child.tail)


def elements_text(elements: Iterable[etree._Element]) -> str:
    """`text_of` for lxml elements: every text node under each, hidden or not."""
    return collapse([text for element in elements for text in element.itertext()])


def children(element: etree._Element, tag: str) -> list[etree._Element]:
    """XPath `./tag`: the child elements named `tag`, in order."""
    return [child for child in element if child.tag == tag]


def table_headers(table: etree._Element) -> list[str]:
    """`headers` on the lxml tree: the widest thead row's cells, as shown."""
    row = header_row(table)
    if row is None:
        return []
    hidden = has_class_token(row, "hidden") or hidden_above(row)
    return [element_shown_text(th, hidden) for th in children(row, "th")]


def header_row(table: etree._Element) -> etree._Element | None:
    """The thead row that holds the column headers: the widest (as `headers` reads it)."""
    rows = thead_rows(table)
    return max(rows, key=lambda row: len(children(row, "th"))) if rows else None


def thead_rows(table: etree._Element) -> list[etree._Element]:
    return [tr for thead in children(table, "thead") for tr in children(thead, "tr")]


def banner_lines(table: etree._Element) -> list[str]:
    """The banner of a table, line by line: each text shown in its thead rows above or
    below the header row ('40+ Electric Buggy', 'Entries: 30')."""
    header = header_row(table)
    lines = []
    for row in thead_rows(table):
        if row is header or has_class_token(row, "hidden") or hidden_above(row):
            continue
        parts: list[str] = []
        _shown(row, parts, None)
        lines += [line for line in (" ".join(part.split()) for part in parts) if line]
    return lines


def sub_header(table: etree._Element, label: str) -> str:
    """The value of 'Label: value' in a table's banner.

    Race results say 'Length: 5:00 Timed', entry lists 'Entries: 12'; `label`
    is matched case-folded, and the first banner line with it wins. LiveRC
    marks those lines `.class_sub_header`; without that class, each element of
    the thead is read, outermost first, until one says 'Label: value'.
    """
    for sub in _sub_headers(table):
        hidden = has_class_token(sub, "hidden") or hidden_above(sub)
        key, _, value = element_shown_text(sub, hidden).partition(":")
        if header_key(key) == label:
            return value.strip()
    for thead in children(table, "thead"):
        hidden = has_class_token(thead, "hidden") or hidden_above(thead)
        for element in thead.iter():
            if not isinstance(element.tag, str):
                continue
            text = element_shown_text(element, hidden or hidden_above(element))
            key, colon, value = text.partition(":")
            if colon and header_key(key) == label:
                return value.strip()
    return ""


def _sub_headers(table: etree._Element) -> Iterator[etree._Element]:
    """CSS `thead .class_sub_header`: what cssselect's XPath for it selects below
    `table` (`descendant-or-self::thead/descendant::*` with that class token), in
    document order, each once. That XPath tests every element of the thead with
    string functions (concat, normalize-space), which cost libxml2 more than
    this walk costs Python.

    A thead inside another holds nothing the outer one does not: it is skipped.
    """
    outer = None
    for thead in table.iter("thead"):
        if outer is not None and any(a is outer for a in thead.iterancestors("thead")):
            continue
        outer = thead
        for element in thead.iter():
            classes = element.get("class")  # a comment has none
            if (
                classes
                and "class_sub_header" in classes
                and element is not thead
                and has_class_token(element, "class_sub_header")
            ):
                yield element
