"""clean(): every RawInput kind to an Article, metadata, decoding errors, language."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean
from newsgraph.clean.article import decode_text, split_title
from newsgraph.clean.html import clean_html, fragment_to_text
from newsgraph.clean.meta import iso_date, split_authors
from newsgraph.config import Settings
from newsgraph.errors import InputError, LanguageError
from newsgraph.ingest import RawInput
from newsgraph.pipeline import clean_stage
from newsgraph.records import Article, Failure

S = Settings()

BODY = (
    "Fisheries ministers from Norway and the European Union met in Oslo on Monday to settle "
    "a dispute over mackerel quotas that has simmered for more than a year, officials said.\n\n"
    '"We have found a basis for agreement," the Norwegian minister told reporters after the '
    "talks, adding that both sides had made concessions on the share of the catch."
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Oslo over fishing quotas | Example News</title>
<meta property="og:title" content="Ministers meet in Oslo over fishing quotas">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe and John Roe">
<meta property="article:published_time" content="2023-04-17T09:30:00Z">
<link rel="canonical" href="https://news.example.org/2023/04/17/oslo">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Oslo over fishing quotas</h1>
{paragraphs}
</article>
<footer>Copyright 2023 Example News. <a href="/privacy">Privacy</a></footer>
</body></html>"""

GERMAN = (
    "Die Fischereiminister Norwegens und der Europäischen Union haben sich am Montag in Oslo "
    "getroffen, um einen seit mehr als einem Jahr schwelenden Streit über die Fangquoten "
    "für Makrelen beizulegen. Beide Seiten hätten Zugeständnisse gemacht, hieß es."
)


def page(paragraphs: list[str]) -> str:
    return PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs))


def test_article_text_kind_title_line_and_body():
    raw = RawInput("a.txt", "text", f"Ministers meet in Oslo\r\n\r\n{BODY}\r\n".encode())
    a = clean(raw, S).article
    assert a.title == "Ministers meet in Oslo"
    assert a.text == BODY
    assert a.id == Article.make_id(BODY, "Ministers meet in Oslo")
    assert a.language == "en" and a.origin == "a.txt"


def test_article_text_whose_first_line_is_prose_has_no_title():
    first = "word " * 80
    title, body = split_title(f"{first}\n\n{BODY}")
    assert title is None and body.startswith("word")


def test_article_text_with_bom_is_decoded():
    assert decode_text(b"\xef\xbb\xbfTitle\nBody", "x") == "Title\nBody"


def test_article_invalid_utf8_plain_text_names_the_byte_offset():
    with pytest.raises(InputError) as e:
        clean(RawInput("latin1.txt", "text", "Title\n\nCafé au lait.".encode("latin-1")), S)
    assert e.value.input == "latin1.txt"
    assert "not valid UTF-8: byte 0xe9 at offset 10" in e.value.reason


def test_article_one_line_text_is_a_body_without_title():
    a = clean(RawInput("t.txt", "text", b"Putin met Li Shangfu in Moscow.\n\n"), S).article
    assert (a.title, a.text) == (None, "Putin met Li Shangfu in Moscow.")


def test_article_blank_text_fails():
    with pytest.raises(InputError) as e:
        clean(RawInput("t.txt", "text", b" \n\n "), S)
    assert "empty" in e.value.reason


def test_article_html_metadata_from_trafilatura():
    paragraphs = [
        BODY.split("\n\n")[0],
        BODY.split("\n\n")[1],
        "The dispute began when Norway raised its own quota unilaterally last spring, "
        "a move the European Commission called a breach of the coastal arrangement.",
    ]
    result = clean(RawInput("p.html", "html", page(paragraphs).encode()), S)
    a = result.article
    assert a.title == "Ministers meet in Oslo over fishing quotas"
    assert a.published == "2023-04-17"
    assert a.authors == ("Jane Doe", "John Roe")
    assert a.source == "Example News"
    assert a.url == "https://news.example.org/2023/04/17/oslo"
    assert a.language == "en"
    assert a.text.startswith("Fisheries ministers") and "Home" not in a.text
    assert "breach of the coastal arrangement." in a.text


def test_article_html_in_latin1_without_declared_charset_is_detected():
    text = (
        "Le café de la place a rouvert ses portes lundi après des mois de travaux, au grand "
        "plaisir des habitués qui réclamaient son retour depuis l'été dernier. "
    ) * 4
    html = (f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>").encode(
        "latin-1"
    )
    body = clean_html(html, "fr.html").text
    assert "café" in body and "\ufffd" not in body


@pytest.mark.parametrize(
    "html",
    [
        b"<html><body><div><p>Hi</p>",
        b"<<<<>>>><<<<",
        b"<html><head><title>Only a title</title></head><body></body></html>",
        b"<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>",
    ],
)
def test_article_broken_html_is_a_clear_error(html):
    with pytest.raises(InputError) as e:
        clean(RawInput("broken.html", "html", html), S)
    assert e.value.input == "broken.html" and "no article body" in e.value.reason


def test_article_html_headline_repeated_as_first_line_is_removed():
    result = clean(RawInput("p.html", "html", page(BODY.split("\n\n")).encode()), S)
    assert ("Ministers meet in Oslo over fishing quotas", "title") in [
        (r.text, r.reason) for r in result.removed
    ]


def test_article_record_meta_and_cli_overrides():
    raw = RawInput(
        "d.jsonl:3",
        "record",
        BODY,
        {
            "title": "T",
            "published": "Mon, 17 Apr 2023 09:30:00 GMT",
            "authors": "Jane Doe, John Roe",
            "source": "www.cnn.com",
            "url": "https://a/1",
        },
    )
    a = clean(raw, S).article
    assert (a.title, a.published, a.authors, a.source, a.url) == (
        "T",
        "2023-04-17",
        ("Jane Doe", "John Roe"),
        "www.cnn.com",
        "https://a/1",
    )
    b = clean(raw, S, published="2020-01-02", url="https://b/2").article
    assert (b.published, b.url) == ("2020-01-02", "https://b/2")


def test_article_fragment_becomes_paragraphs():
    html = (
        "<p>First <b>bold</b> para.</p><p>Second<br>line.</p><script>x()</script>"
        "<ul><li>a</li></ul>"
    )
    assert fragment_to_text(html) == "First bold para.\n\nSecond line.\n\na"


def test_article_german_text_is_kept_out_with_a_reason():
    raw = RawInput("de.txt", "text", f"Titel\n\n{GERMAN}".encode())
    with pytest.raises(LanguageError) as e:
        clean(raw, S)
    assert e.value.reason.startswith("language is 'de' (confidence ")
    assert e.value.reason.endswith("only English is analysed")
    (failure,) = clean_stage([raw], S)
    assert isinstance(failure, Failure)
    assert (failure.input, failure.stage, failure.code) == ("de.txt", "clean", "language")


def test_article_short_text_is_not_judged_by_language():
    raw = RawInput("short.txt", "text", b"Kurz\n\nPutin traf Li in Moskau.")
    assert clean(raw, S).article.language is None


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2023-04-17", "2023-04-17"),
        ("2023-04-17T23:30:00+02:00", "2023-04-17"),
        ("Mon, 17 Apr 2023 09:30:00 GMT", "2023-04-17"),
        ("", None),
        ("yesterday", None),
        ("2 hours ago", None),  # relative to when? not a publication date
        ("March 2023", None),  # no day
        ("2023-13-45", None),
        ("not a date", None),
        (None, None),
        ("March 20, 2023", "2023-03-20"),
        ("20 March 2023", "2023-03-20"),
        ("Mar. 20, 2023", "2023-03-20"),
        ("Monday, March 20, 2023 10:00 PM EDT", "2023-03-20"),  # the publisher's own day
        ("2023/03/20", "2023-03-20"),
        ("1679300000", "2023-03-20"),  # epoch seconds, UTC
    ],
)
def test_article_iso_date(value, iso):
    assert iso_date(value) == iso


def test_article_metadata_date_in_words_is_read(caplog):
    raw = RawInput("dump.jsonl:1", "record", BODY, {"published": "March 20, 2023"})
    assert clean(raw, S).article.published == "2023-03-20"
    assert caplog.records == []


def test_article_unreadable_metadata_date_is_a_warning_naming_the_input(caplog):
    raw = RawInput("dump.jsonl:7", "record", BODY, {"published": "the other day"})
    with caplog.at_level("WARNING", logger="newsgraph.clean"):
        article = clean(raw, S).article
    assert article.published is None
    [record] = caplog.records
    assert record.levelname == "WARNING"
    assert "dump.jsonl:7" in record.getMessage() and "'the other day'" in record.getMessage()
    # --published wins over the source, so an unreadable source date is not even looked at
    caplog.clear()
    assert clean(raw, S, published="2023-03-20").article.published == "2023-03-20"
    assert caplog.records == []


def test_article_unreadable_source_date_falls_back_to_the_page(caplog):
    html = page(BODY.split("\n\n")).encode()
    raw = RawInput("dump.jsonl:2", "html", html, {"published": "soon"})
    with caplog.at_level("WARNING", logger="newsgraph.clean"):
        article = clean(raw, S).article
    assert article.published == "2023-04-17"  # the page's article:published_time
    assert "dump.jsonl:2" in caplog.text and "'soon'" in caplog.text


@pytest.mark.parametrize(
    "value, names",
    [
        (["A B", " C  D "], ("A B", "C D")),
        ("Jane Doe; John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Andrew Anderson", ("Andrew Anderson",)),
        ("", ()),
        (None, ()),
        ([None, "A B", None], ("A B",)),
        ([{"name": "C D"}, {"role": "x"}, True, ["E"], 42], ("C D", "42")),
        ({"name": "X"}, ()),
    ],
)
def test_article_split_authors(value, names):
    assert split_authors(value) == names


def test_article_real_pages_from_a_directory_of_gzipped_html(tmp_path):
    """Real pages (ScrapingHub benchmark): a folder of .html.gz through ingest and clean."""
    import json

    from conftest import need_shared
    from newsgraph.ingest import iter_inputs

    root = need_shared("eval", "data", "extraction", "scrapinghub-aeb")
    gold = json.loads((root / "ground-truth.json").read_text())
    keys = sorted(gold)[:12]
    for key in keys:
        (tmp_path / f"{key}.html.gz").symlink_to(root / "html" / f"{key}.html.gz")
    results = list(clean_stage(iter_inputs([str(tmp_path)], S), S))
    assert len(results) == len(keys)
    done = {
        r.article.origin.rsplit("/", 1)[-1].split(".")[0]: r
        for r in results
        if not isinstance(r, Failure)
    }
    failures = [r for r in results if isinstance(r, Failure)]
    assert all(f.code == "language" for f in failures), failures
    assert len(done) >= 9
    for key, result in done.items():
        a = result.article
        assert a.title and a.language == "en"
        first_gold_words = " ".join(gold[key]["articleBody"].split()[:8])
        assert " ".join(a.text.split()).find(first_gold_words) >= 0 or len(a.text) > 500


@pytest.mark.parametrize(
    "title, site, expected",
    [
        (
            "A Letter on Justice and Open Debate | Harper's Magazine",
            "Harper's Magazine",
            "A Letter on Justice and Open Debate",
        ),
        (
            "What is Rust and why is it so popular? - Stack Overflow Blog",
            "Stack Overflow Blog",
            "What is Rust and why is it so popular?",
        ),
        (
            "Halloween Workouts - My Daily Magazine - Art, Design",
            "My Daily Magazine - Art, Design, DIY",
            "Halloween Workouts",
        ),
        ("Budget talks - what we know", "Example News", "Budget talks - what we know"),
        ("Penny - Wiki", "Wiki", "Penny - Wiki"),  # too short a headline to be one
        ("No site known | Whatever", None, "No site known | Whatever"),
    ],
)
def test_article_strip_site_name(title, site, expected):
    from newsgraph.clean.html import strip_site_name

    assert strip_site_name(title, site) == expected


@pytest.mark.parametrize("depth", [100, 300, 1000, 2100, 5000, 100_000])
def test_article_html_nested_past_libxml2s_default_depth_keeps_its_body(depth):
    paragraph = (
        "<p>Fisheries ministers from Norway and the European Union met in Oslo on Monday to "
        "settle a dispute over mackerel quotas that has simmered for more than a year.</p>"
    )
    html = (
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * depth
        + paragraph * 4
        + "</div>" * depth
        + "</body></html>"
    )
    page = clean_html(html, "deep.html")
    assert page.text.count("mackerel quotas") == 4


def test_html_shallow_unwraps_elements_below_the_depth_limit_keeping_their_text():
    from newsgraph.clean.html import shallow

    page = "<body><div><div><p>x <b>y</b></p><br><p>z</p></div></div></body>"
    assert shallow(page, max_depth=3) == "<body><div><div>x y<br>z</div></div></body>"
    assert shallow(page.encode(), max_depth=3) == b"<body><div><div>x y<br>z</div></div></body>"
    assert shallow(page, max_depth=5) is None  # nothing that deep: the page as it is


def test_html_shallow_does_not_count_comments_scripts_or_stray_end_tags():
    from newsgraph.clean.html import shallow

    page = (
        "<div><!-- <div><div><div> --><script>if (a<b) { x = '<div><div>'; }</script>"
        "</span></p><div>deep</div></div>"
    )
    assert shallow(page, max_depth=2) is None
    assert shallow(page, max_depth=1) == page.replace("<div>deep</div>", "deep")
