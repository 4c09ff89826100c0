"""Cookie notices, share widgets and category widgets: page furniture in HTML and dumps."""

from __future__ import annotations

import pytest

from reader.core.extract.cleanup import clean_blocks
from reader.core.extract.pipeline import extract_page
from reader.core.extract.rules import BOILERPLATE_LINE, is_cookie_notice
from reader.core.extract.text import PendingBlock
from reader.core.extract.textdump.cleaner import widget_entries
from reader.core.extract.textdump.units import split_units
from reader.core.model import BlockKind, SavedPage

STORY = [f"Paragraph {n} of a story about the new bridge over the river in town." for n in range(6)]


def _blocks(texts: list[str]) -> list[PendingBlock]:
    return [PendingBlock(BlockKind.PARAGRAPH, text) for text in texts]


@pytest.mark.parametrize(
    "notice",
    [
        "We use cookies to enhance your browsing experience. By clicking Accept, you consent "
        "to the use of cookies.",
        "This website uses cookies to improve your experience while you navigate through it.",
        "Necessary cookies are absolutely essential for the website to function properly.",
        "cookie-consent-analytics | 11 months | This cookie is set by the consent plugin.",
    ],
)
def test_cookie_notices_are_dropped(notice: str) -> None:
    kept = clean_blocks(
        _blocks([*STORY[:3], notice, *STORY[3:]]), title=None, authors=(), credits=[]
    )
    assert [block.text for block in kept] == STORY


@pytest.mark.parametrize(
    "sentence",
    [
        "Apps that use cookies or send marketing emails must ask for consent first.",
        "Behavioral tracking: use cookies and session data to follow user actions.",
        "A $2 cookie or pastry is an affordable luxury, shoppers told the survey.",
        # News about cookie rules: the banners' words, said of others.
        "Under the new rules, websites must ask users to consent to cookies before tracking.",
        "Disabling cookies can break some websites, the researchers found.",
        "Regulators fined the firm for sharing personal data and cookies with advertisers.",
    ],
)
def test_sentences_about_cookies_are_text(sentence: str) -> None:
    assert not is_cookie_notice(sentence)


@pytest.mark.parametrize(
    "line",
    [
        "Copy Link URL Copied!",
        "The link has been copied!",
        "Link copied to clipboard",
        "Print Email Copy Link",
        "Facebook Twitter Google+ Whatsapp",
        "Tweet",
        "Related",
        "How useful was this post?",
        "Click on a star to rate it!",
        "Was this article helpful?",
        "View this post on Instagram",
        "Back to gallery",
        "View all (12)",
        "Tempo de leitura: 4 minutos",
    ],
)
def test_share_rating_and_widget_lines_are_boilerplate(line: str) -> None:
    assert BOILERPLATE_LINE.match(line.strip(" .:!>|»›"))


@pytest.mark.parametrize(
    "line",
    ["See more photos", "Related posts from our archive of bridge stories", "Reply to the mayor"],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not BOILERPLATE_LINE.match(line)


def test_three_counted_entries_in_a_row_are_a_widget() -> None:
    units = split_units(
        "The story.\n\nEggs (2)\n\nMore text.\n\nArchives\n\nNovember (113)\n\nOctober (217)\n\n"
        "September (193)\n\n2018 o December (111) o November (163) o October (148)\n\n"
        "Heat (1995)\n\nRonin (1998)\n\nThe Insider (1999)\n\nPython ★★★★★(13)\n\n"
        "SQL ★★★★☆(8)\n\nPandas ★★★★☆(1)"
    )
    found = [units[index].text for index in widget_entries(units)]
    assert found == [
        "November (113)",
        "October (217)",
        "September (193)",
        "2018 o December (111) o November (163) o October (148)",
    ]


def test_a_japanese_dump_ending_in_a_list_is_an_article() -> None:
    # Two characters of Japanese make about one word: the paragraphs are long enough.
    paragraph = "これは長い段落です。" * 8
    items = "\n".join(f"* 手順{n}を行います" for n in range(8))
    dump = f"# 記事の見出し\n\n{paragraph}\n\n{paragraph}\n\n次の手順で設定します:\n\n{items}\n"
    page = SavedPage(content=dump.encode("utf-8"), media_type="text/plain", source_format="text")
    article = extract_page(page)
    assert paragraph in article.text


def test_an_image_address_with_escaped_parentheses_is_not_text() -> None:
    # html2text escapes the parentheses of image addresses (thumbnail filters).
    line = (
        "![A map of air pollution.](https://cdn.example.com/thumbor/x=/1200x0/"
        "filters:focal\\(0x0:659x692\\):no_upscale\\(\\)/a.png) Air pollution remains high."
    )
    assert [unit.text for unit in split_units(line)] == ["Air pollution remains high."]


def test_a_sentence_broken_across_lines_is_one_unit() -> None:
    dump = (
        "After reading a post from someone who nearly lost all their data to a\n"
        "joint NAS and\nexternal hard drive failure I decided to think it through.\n"
        "Price\ndollar sign\n\nHome\nabout us"
    )
    assert [unit.text for unit in split_units(dump)] == [
        "After reading a post from someone who nearly lost all their data to a joint NAS and "
        "external hard drive failure I decided to think it through.",
        "Price",
        "dollar sign",
        "Home",
        "about us",
    ]


def test_the_rest_of_a_closing_sign_up_box_is_dropped() -> None:
    box = [
        "Stay up to date with Ascom.",
        "No thanks",
        "You have succesfully subscribed. Thank you!",
    ]
    tip = "Stay informed: visit your dentist twice a year for check-ups and cleanings."
    blocks = _blocks([*STORY, tip, *box])
    kept = clean_blocks(blocks, title=None, authors=(), credits=[])
    assert [block.text for block in kept] == [*STORY, tip]
