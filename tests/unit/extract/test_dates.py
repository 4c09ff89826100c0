"""Published and modified dates: structured data, <time>, the visible dateline, the URL."""

from __future__ import annotations

from lxml import html

from reader.core.extract.datelines import find_datelines
from reader.core.extract.pubdates import find_dates


def _page(body: str, head: str = "") -> html.HtmlElement:
    return html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_the_dateline_after_the_headline_is_the_published_date() -> None:
    page = _page(
        "<nav><a>Events</a> <span>March 3, 2026</span></nav>"
        "<h1>A story</h1><p class='meta'>By Jane Doe</p><span>February 4, 2025</span>"
        "<p>Text that mentions March 9, 2024 inside a much longer sentence about things.</p>"
    )
    assert find_datelines(page).published == "2025-02-04"


def test_an_update_label_makes_the_dateline_the_modified_date() -> None:
    page = _page(
        "<h1>A story</h1><span>Updated on</span> <span>December 11, 2025</span>"
        "<span>Published: March 1, 2025</span>"
    )
    datelines = find_datelines(page)
    assert (datelines.published, datelines.modified) == ("2025-03-01", "2025-12-11")


def test_dates_in_comments_and_related_lists_are_not_datelines() -> None:
    page = _page(
        "<h1>A story</h1><div class='related-posts'><span>Jan 5, 2026</span></div>"
        "<div id='comments'><span>Jan 6, 2026</span></div>"
    )
    assert find_datelines(page).published is None


def test_a_dateline_just_above_the_headline_counts() -> None:
    page = _page("<div>OCTOBER 13, 2025</div><h1>A story</h1><p>Just text here.</p>")
    assert find_datelines(page).published == "2025-10-13"


def test_an_originally_published_note_is_not_the_dateline() -> None:
    page = _page("<h1>A story</h1><p>Originally published on 26 Sep 2019</p><p>30 Sep 2022</p>")
    assert find_datelines(page).published == "2022-09-30"


def test_structured_dates_win_over_visible_ones() -> None:
    head = '<meta property="article:published_time" content="2024-05-01T10:00:00+02:00">'
    dates = find_dates(_page("<h1>A</h1><p>June 2, 2025</p>", head), None, _metas(head), ())
    assert (dates.published, dates.published_source) == ("2024-05-01", "opengraph")


def test_a_utc_timestamp_yields_to_the_local_day_in_the_url() -> None:
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    url = "https://example.org/2025/12/18/a-story/"
    dates = find_dates(_page("<h1>A</h1>", head), None, _metas(head), (url,))
    assert dates.published == "2025-12-18"


def test_a_timestamp_with_a_local_offset_is_kept() -> None:
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41-05:00">'
    url = "https://example.org/2025/12/18/a-story/"
    dates = find_dates(_page("<h1>A</h1>", head), None, _metas(head), (url,))
    assert dates.published == "2025-12-19"


def test_a_time_element_labelled_as_update_is_not_the_published_date() -> None:
    page = _page(
        "<article><h1>A</h1><time datetime='2025-04-10'>Updated April 10, 2025</time>"
        "<p>Posted</p><span>March 2, 2025</span></article>"
    )
    dates = find_dates(page, None, {}, ())
    assert (dates.published, dates.published_source) == ("2025-03-02", "dateline")


def test_the_dateline_comes_before_the_url_and_json_ld_creation_date() -> None:
    page = _page("<h1>A story</h1><span>Dec 18, 2025</span>")
    article: dict[str, object] = {"dateCreated": "2020-01-02"}
    dates = find_dates(page, article, {}, ("https://example.org/2025/12/17/a-story",))
    assert (dates.published, dates.published_source) == ("2025-12-18", "dateline")


def _metas(head: str) -> dict[str, str]:
    tree = html.fromstring(f"<html><head>{head}</head><body></body></html>")
    return {
        (meta.get("property") or meta.get("name") or "").lower(): meta.get("content") or ""
        for meta in tree.iter("meta")
    }


def test_a_page_showing_only_its_update_date_is_dated_by_it() -> None:
    page = _page("<h1>A story</h1><span>Last updated:</span> <span>Dec 12, 2025</span>")
    dates = find_dates(page, None, {}, ())
    assert (dates.published, dates.published_source) == ("2025-12-12", "dateline:updated")
    assert (dates.modified, dates.modified_source) == ("2025-12-12", "dateline")


def test_the_url_date_comes_before_a_printed_update_date() -> None:
    page = _page("<h1>A story</h1><span>Updated Dec 12, 2025</span>")
    dates = find_dates(page, None, {}, ("https://example.org/2025/03/01/a-story",))
    assert (dates.published, dates.published_source) == ("2025-03-01", "url")
