# ruff: noqa: E501 - the cases are scraped pages: one paragraph per line, as sites give them
"""Chrome removal on scraped text: the seed and hand-written pages in the styles of many sites.

Each case lists the body as scraped (after the title line), strings that must be kept, and
exactly the pieces that must be removed, each with its reason.
"""

from __future__ import annotations

import pytest

from newsgraph.clean.chrome import is_teaser_like, match_rule, remove_chrome, rules

LONG_A = (
    "Fisheries ministers from Norway and the European Union met in Oslo on Monday to "
    "settle a dispute over mackerel quotas that has simmered for more than a year, "
    "officials from both sides said after the talks ended late in the evening."
)
LONG_B = (
    "The dispute began when Norway raised its own quota unilaterally last spring, a move "
    "the European Commission called a breach of the coastal states arrangement that "
    "has governed the shared stock since the end of the last century."
)
LONG_C = (
    "Officials said a final text would be signed in Brussels next month, once the member "
    "states have reviewed the figures proposed by the scientific advisers who monitor "
    "the health of the stock every year."
)

CASES = {
    "bbc_related_topics": (
        f"""{LONG_A}

Speaking in Oslo on Tuesday, the minister said any deal would have to take account of science.

Image source, Getty Images
Image caption, The minister spoke to reporters in Oslo

{LONG_B}

Related Topics
Norway
European Union
Fishing industry

More on this story
Mackerel: Why the fish matters to Scotland
Published 2 days ago""",
        [LONG_A, LONG_B, "take account of science."],
        [
            ("Image source, Getty Images", "caption"),
            ("Image caption, The minister spoke to reporters in Oslo", "caption"),
            ("Related Topics", "related"),
            ("Norway", "teaser"),
            ("European Union", "teaser"),
            ("Fishing industry", "teaser"),
            ("More on this story", "related"),
            ("Mackerel: Why the fish matters to Scotland", "teaser"),
            ("Published 2 days ago", "byline-noise"),
        ],
    ),
    "fox_app_link_mid_article": (
        f"""The White House on Monday defended the decision to veto the bill, saying it would have raised costs for families.

CLICK HERE TO GET THE FOX NEWS APP

Press secretary Karine Jean-Pierre told reporters the administration would work with Congress on a new version.

{LONG_C}

Fox News' Jane Doe contributed to this report.""",
        ["defended the decision", "Press secretary Karine Jean-Pierre", LONG_C],
        [
            ("CLICK HERE TO GET THE FOX NEWS APP", "chrome"),
            ("Fox News' Jane Doe contributed to this report.", "byline-noise"),
        ],
    ),
    "cnn_dateline_is_not_chrome": (
        """Washington (CNN) — President Joe Biden will travel to Poland next week, the White House said Thursday.

(CNN) The trip comes as the war enters its second year.

Biden is expected to meet Polish President Andrzej Duda in Warsaw.""",
        ["Washington (CNN) — President Joe Biden", "(CNN) The trip comes"],
        [],
    ),
    "reuters_credits": (
        f"""MOSCOW, April 17 (Reuters) - Russian President Vladimir Putin met China's defence minister on Sunday, the Kremlin said.

{LONG_A}

Reporting by Guy Faulconbridge; Editing by Ros Russell

Our Standards: The Thomson Reuters Trust Principles.""",
        ["MOSCOW, April 17 (Reuters) - Russian President", LONG_A],
        [
            ("Reporting by Guy Faulconbridge; Editing by Ros Russell", "byline-noise"),
            ("Our Standards: The Thomson Reuters Trust Principles.", "chrome"),
        ],
    ),
    "ap_copyright": (
        f"""WASHINGTON (AP) — The Senate passed the bill 68-31 on Tuesday, sending it to the House.

{LONG_B}

___

Associated Press writer Jane Doe contributed to this report.

Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.""",
        ["WASHINGTON (AP) — The Senate passed", LONG_B],
        [
            ("___", "chrome"),
            ("Associated Press writer Jane Doe contributed to this report.", "byline-noise"),
            (
                "Copyright 2023 The Associated Press. All rights reserved. This material may not be "
                "published, broadcast, rewritten or redistributed.",
                "copyright",
            ),
        ],
    ),
    "newsletter_signup_but_not_prose": (
        f"""The central bank raised interest rates by a quarter point on Wednesday, its tenth increase in a row.

Sign up for our Morning Briefing newsletter to get the day's top stories in your inbox.

{LONG_C}

Sign up for the military draft opened on Monday, the ministry said.

Voters can sign up for postal ballots until Friday, officials said.""",
        [
            "tenth increase in a row.",
            LONG_C,
            "Sign up for the military draft opened on Monday",
            "Voters can sign up for postal ballots",
        ],
        [
            (
                "Sign up for our Morning Briefing newsletter to get the day's top stories in your "
                "inbox.",
                "subscribe",
            )
        ],
    ),
    "cookie_banner": (
        f"""We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.
Accept all cookies
Manage cookie preferences

Flooding forced thousands of people from their homes in northern Italy on Tuesday, officials said.

{LONG_A}""",
        ["Flooding forced thousands", LONG_A],
        [
            (
                "We use cookies to improve your experience on our site. By continuing to browse, you "
                "agree to our use of cookies.",
                "cookie",
            ),
            ("Accept all cookies", "cookie"),
            ("Manage cookie preferences", "cookie"),
        ],
    ),
    "share_button_rows": (
        f"""Share this article
Facebook Twitter Email
Share on WhatsApp

The two leaders signed a trade agreement in Tokyo on Friday.

Share
Tweet
Email

{LONG_B}""",
        ["The two leaders signed a trade agreement in Tokyo on Friday.", LONG_B],
        [
            ("Share this article", "share"),
            ("Facebook Twitter Email", "share"),
            ("Share on WhatsApp", "share"),
            ("Share", "share"),
            ("Tweet", "share"),
            ("Email", "share"),
        ],
    ),
    "photo_captions": (
        f"""Photo: Protesters gather outside parliament in Tbilisi / Getty Images

Thousands of people protested in Georgia's capital for a third night on Thursday.

Riot police stand guard in Tbilisi, Georgia, March 9, 2023. (AP Photo/Zurab Tsertsvadze)

FILE PHOTO: Georgian Prime Minister Irakli Garibashvili attends a news conference in Tbilisi. REUTERS/Irakli Gedenidze/File Photo

{LONG_C}""",
        ["Thousands of people protested", LONG_C],
        [
            ("Photo: Protesters gather outside parliament in Tbilisi / Getty Images", "caption"),
            (
                "Riot police stand guard in Tbilisi, Georgia, March 9, 2023. "
                "(AP Photo/Zurab Tsertsvadze)",
                "caption",
            ),
            (
                "FILE PHOTO: Georgian Prime Minister Irakli Garibashvili attends a news conference in "
                "Tbilisi. REUTERS/Irakli Gedenidze/File Photo",
                "caption",
            ),
        ],
    ),
    "advertisement_slots": (
        """The company reported a profit of $2.1 billion for the quarter.

Advertisement

Analysts had expected a profit of $1.9 billion.

Story continues below advertisement

Shares rose 4% in after-hours trading.

ADVERTISEMENT""",
        ["profit of $2.1 billion", "Analysts had expected", "Shares rose 4%"],
        [
            ("Advertisement", "chrome"),
            ("Story continues below advertisement", "chrome"),
            ("ADVERTISEMENT", "chrome"),
        ],
    ),
    "follow_us_lines": (
        f"""{LONG_A}

{LONG_B}

Follow us on Twitter @ExampleNews
Follow Jane Doe on Twitter: @janedoe""",
        [LONG_A, LONG_B],
        [
            ("Follow us on Twitter @ExampleNews", "social"),
            ("Follow Jane Doe on Twitter: @janedoe", "social"),
        ],
    ),
    "read_more_mid_article_cuts_nothing": (
        f"""{LONG_A}

Read more: Why the mackerel dispute matters

{LONG_B}

{LONG_C}""",
        [LONG_A, LONG_B, LONG_C],
        [("Read more: Why the mackerel dispute matters", "read-more")],
    ),
    "read_more_at_the_end_before_teasers_cuts": (
        f"""{LONG_A}

{LONG_B}

Read more:
Oil prices jump as OPEC cuts output
Stocks slide on rate fears""",
        [LONG_A, LONG_B],
        [
            ("Read more:", "read-more"),
            ("Oil prices jump as OPEC cuts output", "teaser"),
            ("Stocks slide on rate fears", "teaser"),
        ],
    ),
    "strong_marker_mid_article_followed_by_prose_is_only_a_line": (
        f"""{LONG_A}

Related Articles

{LONG_B}

{LONG_C}""",
        [LONG_A, LONG_B, LONG_C],
        [("Related Articles", "related")],
    ),
    "you_may_also_like_with_snippets": (
        f"""{LONG_A}

{LONG_B}

You may also like:
Scientists warn of collapse in cod stocks...
The new rules for trawlers explained…
Why salmon farming is booming""",
        [LONG_A, LONG_B],
        [
            ("You may also like:", "related"),
            ("Scientists warn of collapse in cod stocks...", "teaser"),
            ("The new rules for trawlers explained…", "teaser"),
            ("Why salmon farming is booming", "teaser"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_chrome_site_styles(name):
    text, kept, removed = CASES[name]
    body, got = remove_chrome(text)
    for piece in kept:
        assert piece in body, f"{name}: lost {piece!r}"
    assert [(r.text, r.reason) for r in got] == removed
    for piece, _reason in removed:
        assert piece not in body.split("\n"), f"{name}: kept {piece!r}"
    # whole lines only: every kept line is a line of the input, unchanged
    source_lines = set(text.split("\n"))
    assert all(line in source_lines for line in body.split("\n") if line)


def test_chrome_seed_body(seed_dir):
    import json

    expected = json.loads((seed_dir / "expected.json").read_text())["body"]
    text = (seed_dir / "article.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    body, removed = remove_chrome(text)
    assert body.startswith(expected["must_start_with"])
    assert body.endswith(expected["must_end_with"])
    assert not [s for s in expected["must_exclude"] if s in body]
    reasons = {r.text: r.reason for r in removed}
    assert reasons["Image: Title: putin china"] == "caption"
    assert reasons["View All"] == "chrome"
    assert sum(1 for r in removed if r.reason == "teaser") == 6


def test_chrome_no_chrome_leaves_text_as_is():
    text = f"{LONG_A}\n\n{LONG_B}"
    assert remove_chrome(text) == (text, ())


def test_chrome_blank_runs_left_by_removal_collapse_to_one_break():
    body, _ = remove_chrome(f"{LONG_A}\n\nAdvertisement\n\n\n{LONG_B}")
    assert body == f"{LONG_A}\n\n{LONG_B}"


@pytest.mark.parametrize(
    "line, teaser",
    [
        ("Oil prices jump as OPEC cuts output", True),
        ("The only elements seeking to destroy democracy are on the left....", True),
        ("Officials said the talks would resume on Monday.", False),
        ('"We will not give up," he said.', False),
    ],
)
def test_chrome_teaser_like(line, teaser):
    assert is_teaser_like(line) is teaser


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the troops had left the city.",
        "Share prices fell 3% in early trading on Tuesday.",
        "The Associated Press reported that 12 people were killed.",
        "Photographs of the meeting were released by the Kremlin on Sunday.",
        "Updated figures released on Monday show 3% growth.",
        "Related talks are expected to resume in Geneva next week.",
    ],
)
def test_chrome_prose_lines_match_no_rule(line):
    assert match_rule(line) is None


def test_chrome_rules_file_is_well_formed():
    reasons = {r.reason for r in rules()}
    assert {
        "caption",
        "chrome",
        "share",
        "subscribe",
        "cookie",
        "copyright",
        "related",
        "read-more",
        "byline-noise",
        "social",
    } <= reasons
    assert all(r.pattern.pattern.startswith("^") for r in rules())
