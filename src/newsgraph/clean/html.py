"""HTML → body text and metadata, through trafilatura.

:func:`clean_html` is the one HTML cleaner: the pipeline uses it and
``benchmarks/extraction.py`` scores it. The body is trafilatura's text with
``favor_precision`` (the better setting on the ScrapingHub benchmark; its default setting
where precision keeps only a stub), without the headline where the body repeats it, then
whole-line chrome rules (:mod:`.chrome`); the text is otherwise kept exactly as extracted.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from trafilatura.settings import Document

from ..errors import InputError
from ..records import Removed
from .chrome import remove_chrome

log = logging.getLogger(__name__)

FALLBACK_WORDS = 100  # below this, favor_precision may have kept only a stub of the article
MIN_BODY_WORDS = 10  # fewer words than this is not an article (a nav bar, a stub, a broken page)

_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "pre",
    "tr",
    "figure",
    "ul",
    "ol",
    "table",
)


@dataclass(frozen=True)
class HtmlPage:
    """What trafilatura found in a page: the body and its metadata (None when absent)."""

    text: str
    removed: tuple[Removed, ...] = ()
    title: str | None = None
    date: str | None = None  # as trafilatura gives it (ISO YYYY-MM-DD)
    authors: str | None = None  # trafilatura joins several with "; "
    sitename: str | None = None
    url: str | None = None
    language: str | None = None  # the page's declared language, if any


def extract_body(html: bytes | str, url: str | None = None) -> str:
    """Only the body text, as :func:`clean_html` gives it ("" when nothing is found)."""
    doc = _bare(html, url)
    return _body(doc.text or "", _clean(doc.title))[0] if doc is not None else ""


def _body(text: str, title: str | None) -> tuple[str, tuple[Removed, ...]]:
    """Chrome removed, and the headline dropped where the body repeats it as first line."""
    removed: tuple[Removed, ...] = ()
    first, _, rest = text.lstrip().partition("\n")
    if title and rest and _same(first, title):
        text, removed = rest, (Removed(first.strip(), "title"),)
    body, chrome = remove_chrome(text)
    return body, removed + chrome


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def strip_site_name(title: str | None, sitename: str | None) -> str | None:
    """The page title without a trailing " | Site Name" when that is the site's name."""
    if not title or not sitename:
        return title
    site = sitename.casefold()
    for sep in _TITLE_SEPARATORS:
        start = 0
        while (pos := title.find(sep, start)) >= 0:
            head, tail = title[:pos].strip(), title[pos + len(sep) :].strip().casefold()
            if len(head) >= 10 and tail and (site.startswith(tail) or tail.startswith(site)):
                return head
            start = pos + 1
    return title


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _bare(html: bytes | str, url: str | None) -> Document | None:
    """trafilatura's extraction: precision first, its default settings as a fallback.

    ``favor_precision`` is the better setting on the benchmark, but on some pages it keeps
    only a stub. When it finds under :data:`FALLBACK_WORDS` words and the default setting
    finds at least twice as many, the default's result is taken.
    """
    precise = _trafilatura(html, url, favor_precision=True)
    n_precise = len((precise.text or "").split()) if precise is not None else 0
    if n_precise >= FALLBACK_WORDS:
        return precise
    default = _trafilatura(html, url, favor_precision=False)
    n_default = len((default.text or "").split()) if default is not None else 0
    best = default if n_default >= 2 * max(n_precise, 1) else precise
    if best is None or not (best.text or "").strip():
        return _deep(html, url) or best
    return best


_DEEP_PARSER = lxml.html.HTMLParser(
    huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True
)


def _deep(html: bytes | str, url: str | None) -> Document | None:
    """A page nested deeper than libxml2's default limit (256 levels), where trafilatura's
    own parse loses the body: parsed again with ``huge_tree``, its elements nested deeper
    than :data:`MAX_DEPTH` unwrapped first (libxml2 stops at 2,048 levels even then, and
    drops what is below), or None when that is not the problem."""
    opening = html.count(b"<") if isinstance(html, bytes) else html.count("<")
    if opening < 256:
        return None
    try:
        tree = lxml.html.fromstring(shallow(html) or html, parser=_DEEP_PARSER)
    except (ValueError, lxml.etree.ParserError):
        return None
    return _trafilatura(tree, url, favor_precision=True)


MAX_DEPTH = 1_000  # elements nested deeper are unwrapped (their text kept) before parsing
_VOID = frozenset(
    b"area base br col embed hr img input keygen link meta param source track wbr".split()
)
_RAW_TEXT = frozenset(b"script style textarea title xmp noembed noframes".split())
_TAG_NAME = re.compile(rb"</?([A-Za-z][A-Za-z0-9:_-]*)")


def shallow(html: bytes | str, max_depth: int = MAX_DEPTH) -> bytes | str | None:
    """``html`` with the start and end tags of elements nested deeper than ``max_depth``
    removed (their text and children stay, one level up), or None when no element is
    nested that deep. One pass over the markup, with the open elements on a stack: an end
    tag closes the innermost open element of its name, and the ones inside it, as an HTML
    parser would; void elements and raw text (script, style…) are not nested."""
    if isinstance(html, str):
        flat = shallow(html.encode("utf-8", "surrogatepass"), max_depth)
        return flat.decode("utf-8", "surrogatepass") if isinstance(flat, bytes) else None
    low = html.lower()
    stack: list[bytes] = []
    open_count: dict[bytes, int] = {}
    out: list[bytes] = []
    kept = dropped = 0  # copied up to html[kept:]; tags dropped
    i = html.find(b"<")
    while i >= 0:
        if low.startswith(b"<!--", i):
            j = low.find(b"-->", i + 4)
            i = html.find(b"<", j + 3) if j >= 0 else -1
            continue
        m = _TAG_NAME.match(low, i)
        end = html.find(b">", i)
        if end < 0:
            break
        if m is None:  # a doctype, processing instruction or a bare "<"
            i = html.find(b"<", end + 1)
            continue
        name, closing = m.group(1), low[i + 1] == ord("/")
        keep = True
        if closing:
            if open_count.get(name):
                while True:  # close it, and what is still open inside it
                    inner = stack.pop()
                    open_count[inner] -= 1
                    if inner == name:
                        break
                keep = len(stack) < max_depth
        elif name in _RAW_TEXT:
            close = low.find(b"</" + name, end + 1)
            end = html.find(b">", close) if close >= 0 else -1
            if end < 0:
                break
        elif name not in _VOID:
            keep = len(stack) < max_depth
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
        if not keep:
            out.append(html[kept:i])
            kept = end + 1
            dropped += 1
        i = html.find(b"<", end + 1)
    if not dropped:
        return None
    out.append(html[kept:])
    return b"".join(out)


def _trafilatura(
    html: bytes | str | lxml.html.HtmlElement, url: str | None, *, favor_precision: bool
) -> Document | None:
    return trafilatura.bare_extraction(  # type: ignore[return-value]  # dict only if as_dict
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
    )


def clean_html(html: bytes | str, origin: str, url: str | None = None) -> HtmlPage:
    """The article in an HTML page; raise InputError naming ``origin`` if there is none."""
    try:
        doc = _bare(html, url)
    except (ValueError, TypeError, AttributeError) as e:
        # trafilatura has raised on some malformed documents rather than returning None
        raise InputError(f"cannot parse the HTML: {e}", input=origin) from None
    if doc is None or not (doc.text or "").strip():
        raise InputError(
            "no article body found in the HTML (too short, or not an article page)", input=origin
        )
    sitename = _clean(doc.sitename)
    title = strip_site_name(_clean(doc.title), sitename)
    text, removed = _body(doc.text or "", title)
    if not text:
        raise InputError("the HTML holds only page chrome, no article body", input=origin)
    n_words = len(text.split())
    if n_words < MIN_BODY_WORDS:
        raise InputError(
            f"no article body found in the HTML (only {n_words} word(s) of text)", input=origin
        )
    return HtmlPage(
        text=text,
        removed=removed,
        title=title,
        date=_clean(doc.date),
        authors=_clean(doc.author),
        sitename=sitename,
        url=_clean(doc.url),
        language=_clean(getattr(doc, "language", None)),
    )


def fragment_to_text(html: str) -> str:
    """An HTML snippet that is all body (a feed entry's content) as paragraphs of text."""
    # lxml refuses to set text holding control characters that XML does not allow
    html = _XML_INCOMPATIBLE.sub(" ", html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return " ".join(html.split())
    for bad in root.xpath("//script|//style|//noscript|//iframe"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = ("\n\n" if el.tag != "br" else " ") + (el.tail or "")
    paragraphs = []
    for block in root.text_content().split("\n\n"):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
