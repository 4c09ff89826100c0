"""Titles: site-name decoration removed, and the headline chosen by agreement of sources."""

from __future__ import annotations

from lxml import html

from reader.core.extract.headlines import Heading, find_headings
from reader.core.extract.titles import choose_title, clean_title


def _headings(*texts: str) -> list[Heading]:
    return [Heading(text) for text in texts]


def test_title_suffix_with_site_name_is_removed() -> None:
    raw = "Taliban attack provincial capital amid US pullout | DW | 07.07.2021"
    assert clean_title(raw, sites=["DW"]) == "Taliban attack provincial capital amid US pullout"


def test_title_prefix_with_site_name_is_removed() -> None:
    assert clean_title("The Site - A headline here", sites=["The Site"]) == "A headline here"


def test_title_part_matching_h1_wins() -> None:
    assert clean_title("Shop | A headline: with colon | News", h1="A headline: with colon") == (
        "A headline: with colon"
    )


def test_title_without_separator_is_kept() -> None:
    assert clean_title("Just a headline", sites=["Site"]) == "Just a headline"


def test_a_domain_name_part_is_the_site() -> None:
    assert clean_title("Best movers of 2026 | Move.org") == "Best movers of 2026"
    raw = "SoundStage! Xperience | SoundStageXperience.com - The Five Best Headphones"
    assert clean_title(raw, sites=["soundstagexperience"]) == "The Five Best Headphones"


def test_a_dash_in_a_visible_headline_joins_a_subtitle_but_a_pipe_sets_off_a_label() -> None:
    assert clean_title("Zero Waste - A Beginner's Guide", guess_site="|") == (
        "Zero Waste - A Beginner's Guide"
    )
    assert clean_title("Best Movers in NYC 2025 | Top 19 Companies", guess_site="|") == (
        "Best Movers in NYC 2025"
    )


def test_visible_h1_is_preferred_over_seo_title() -> None:
    title, source = choose_title(
        _headings("Site Name", "How to grow tomatoes"),
        [("Tomatoes: the 2025 growing guide", "opengraph")],
        ["Site Name"],
    )
    assert (title, source) == ("How to grow tomatoes", "h1")


def test_structured_title_when_no_h1() -> None:
    assert choose_title([], [("A headline", "json-ld")]) == ("A headline", "json-ld")


def test_an_h1_sharing_no_words_with_the_structured_titles_is_a_label() -> None:
    title, source = choose_title(
        _headings("Our Blog"),
        [("Ten ways to keep basil alive indoors", "opengraph")],
        ["Garden Site"],
    )
    assert (title, source) == ("Ten ways to keep basil alive indoors", "opengraph")


def test_an_all_capitals_h1_takes_the_structured_capitalisation() -> None:
    title, _ = choose_title(
        _headings("TIPS FOR ONLINE SUCCESS"), [("Tips for Online Success", "title-tag")]
    )
    assert title == "Tips for Online Success"


def test_an_h1_that_is_the_title_suffix_is_the_site_name() -> None:
    title, source = choose_title(
        _headings("Cory Dransfeldt"),
        [("A brief intro to git • Cory Dransfeldt", "opengraph")],
    )
    assert (title, source) == ("A brief intro to git", "opengraph")


def test_an_h1_that_prefixes_another_structured_title_is_the_site_name() -> None:
    # A blog that also marks its section titles as <h1>.
    title, _ = choose_title(
        _headings("Engora Data Blog", "Small is the new large", "What is a SLM?", "The code"),
        [
            ("Small adventures with small language models", "opengraph"),
            ("Engora Data Blog: Small adventures with small language models", "title-tag"),
        ],
    )
    assert title == "Small adventures with small language models"


def test_a_headline_after_a_short_site_prefix_is_kept() -> None:
    title, source = choose_title(
        _headings("Top 7 Corporate Catering Trends for 2024"),
        [("Tastify | Top 7 Corporate Catering Trends for 2024", "title-tag")],
    )
    assert (title, source) == ("Top 7 Corporate Catering Trends for 2024", "h1")


def test_a_reading_of_the_h1_without_a_nested_label_wins_when_a_structured_title_agrees() -> None:
    page = html.fromstring(
        "<html><body><h1><strong>Blog:</strong> Best agencies of 2025</h1></body></html>"
    )
    headings = find_headings(page)
    assert headings[0].text == "Blog: Best agencies of 2025"
    title, _ = choose_title(headings, [("Best agencies of 2025 | Agency", "opengraph")])
    assert title == "Best agencies of 2025"


def test_a_date_nested_in_the_h1_is_left_out_when_a_structured_title_agrees() -> None:
    page = html.fromstring(
        "<html><body><h1><a href='/p'><time>Dec <span>18</span> 2025</time>"
        " Preparing a transition</a></h1></body></html>"
    )
    title, _ = choose_title(find_headings(page), [("Preparing a transition", "opengraph")])
    assert title == "Preparing a transition"


def test_without_agreement_the_h1_is_kept_whole() -> None:
    page = html.fromstring(
        "<html><body><h1><strong>Blog:</strong> Best agencies</h1></body></html>"
    )
    title, source = choose_title(find_headings(page), [("Agencies we like", "opengraph")])
    assert (title, source) == ("Blog: Best agencies", "h1")


def test_a_line_break_in_the_h1_separates_words() -> None:
    page = html.fromstring("<html><body><h1>Top MBA Programs (US)<br>Your Guide</h1></body></html>")
    assert find_headings(page)[0].text == "Top MBA Programs (US) Your Guide"


def test_headings_in_navigation_are_not_headlines() -> None:
    page = html.fromstring("<html><body><nav><h1>Menu</h1></nav><h1>The story</h1></body></html>")
    assert [heading.text for heading in find_headings(page)] == ["The story"]


def test_the_title_most_sources_agree_on_wins_and_truncated_copies_support_it() -> None:
    full = "Fix It Friday: How To Arrange Your Living Room (Including One Universal Trick)"
    cut = "Fix It Friday: How To Arrange Your Living Room (Including"
    title, source = choose_title(
        [], [(cut, "json-ld"), (full, "opengraph"), (f"{full} - Emily", "title-tag")]
    )
    assert (title, source) == (full, "opengraph")


def test_a_short_form_cut_at_a_separator_is_not_a_truncation() -> None:
    title, _ = choose_title(
        _headings("Our BLOG"),
        [
            ("Actuary's Industry Choice: Consulting or Insurance?", "json-ld"),
            ("Actuary's Industry Choice", "opengraph"),
            ("Actuary's Industry Choice", "title-tag"),
        ],
    )
    assert title == "Actuary's Industry Choice"


def test_a_later_heading_needs_clearly_better_agreement() -> None:
    title, _ = choose_title(
        _headings(
            "The Best Trails and Neighborhoods in Houston for Biking",
            "Next in Your Guide to Being Outside in Houston",
        ),
        [("Where to Bike in Houston", "title-tag")],
    )
    assert title == "The Best Trails and Neighborhoods in Houston for Biking"


def test_an_h1_starting_in_lower_case_takes_the_structured_capitalisation() -> None:
    title, _ = choose_title(
        _headings("history of coffee"), [("History of coffee | Britannica", "title-tag")]
    )
    assert title == "History of coffee"


def test_a_domain_name_marks_a_trailing_part_but_not_a_headline_starting_with_it() -> None:
    assert clean_title("Best stocks of 2025 | The Motley Fool", sites=["fool"]) == (
        "Best stocks of 2025"
    )
    raw = "Time management tips - Work smarter, not harder, every single day"
    assert clean_title(raw, sites=["time"]) == raw
