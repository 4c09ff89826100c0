"""Citations checked against what Zotero's importers and the CSL-JSON schema require."""

from __future__ import annotations

import json
import re

import pytest

from reader.core.citations import CitationFormat, CitationKind, format_citation
from reader.core.citations.bibtex import escape, protect_case
from reader.core.citations.names import parse_name
from reader.core.model import Article, ExtractedArticle, Provenance

# Fields of the CSL-JSON schema (citation-style-language/schema, csl-data.json) this
# exporter may write, the item types it uses, and the keys a name object may have.
CSL_FIELDS = {
    "id",
    "type",
    "title",
    "author",
    "container-title",
    "issued",
    "accessed",
    "URL",
    "language",
    "abstract",
}
CSL_TYPES = {"webpage", "article-newspaper"}
CSL_NAME_KEYS = {
    "family",
    "given",
    "suffix",
    "literal",
    "dropping-particle",
    "non-dropping-particle",
}
# Zotero's RIS.js: every tag it maps for webpage/newspaperArticle that we write.
RIS_TAGS = {"TY", "AU", "TI", "T2", "PY", "DA", "UR", "Y2", "LA", "AB", "ER"}


def make_article(**extracted: object) -> Article:
    defaults: dict[str, object] = {
        "text": "Body.",
        "blocks": (),
        "title": "Taliban attack provincial capital amid US pullout",
        "authors": ("Kathy Gannon", "Reuters"),
        "published": "2021-07-07",
        "site": "DW",
        "url": "https://www.dw.com/en/taliban/a-58189432",
        "language": "en",
    }
    defaults.update(extracted)
    return Article(
        id=7,
        extracted=ExtractedArticle(**defaults),  # type: ignore[arg-type]
        provenance=Provenance(
            original_sha256="0" * 64,
            file_name="dw.html",
            source_format="html",
            part="",
            saved_url="https://saved.example/dw",
            captured_at="2021-07-08T09:30:00Z",
            captured_source="container",
            added_at="2024-01-01T00:00:00Z",
        ),
        text_sha256="1" * 64,
    )


def _date_parts_valid(value: object) -> bool:
    if not isinstance(value, dict) or set(value) != {"date-parts"}:
        return False
    parts = value["date-parts"]
    return (
        isinstance(parts, list)
        and len(parts) == 1
        and 1 <= len(parts[0]) <= 3
        and all(isinstance(p, int) for p in parts[0])
    )


@pytest.mark.parametrize("kind", list(CitationKind))
def test_csl_json_uses_only_schema_fields_and_valid_shapes(kind: CitationKind) -> None:
    (item,) = json.loads(format_citation(make_article(), CitationFormat.CSL_JSON, kind))
    assert set(item) <= CSL_FIELDS
    assert {"id", "type"} <= set(item)  # required by the schema
    assert item["type"] in CSL_TYPES
    assert all(set(name) <= CSL_NAME_KEYS for name in item["author"])
    assert _date_parts_valid(item["issued"]) and _date_parts_valid(item["accessed"])
    assert item["accessed"]["date-parts"] == [[2021, 7, 8]]  # the capture date
    assert item["container-title"] == "DW"


def test_people_are_split_and_organisations_stay_literal() -> None:
    (item,) = json.loads(format_citation(make_article(), CitationFormat.CSL_JSON))
    assert item["author"] == [{"family": "Gannon", "given": "Kathy"}, {"literal": "Reuters"}]


@pytest.mark.parametrize(
    ("raw", "family", "given", "literal"),
    [
        ("Smith, John", "Smith", "John", ""),
        ("Ludwig van Beethoven", "van Beethoven", "Ludwig", ""),
        ("By Jane Doe", "Doe", "Jane", ""),
        ("The Associated Press", "", "", "The Associated Press"),
        ("DW staff", "", "", "DW staff"),
        ("AFP", "", "", "AFP"),
    ],
)
def test_name_parsing(raw: str, family: str, given: str, literal: str) -> None:
    name = parse_name(raw)
    assert (name.family, name.given, name.literal) == (family, given, literal)


def test_ris_matches_zotero_importer_expectations() -> None:
    ris = format_citation(make_article(), CitationFormat.RIS, CitationKind.NEWSPAPER_ARTICLE)
    lines = ris.split("\r\n")
    assert re.match(r"^TY {1,2}- NEWS$", lines[0])  # Zotero's detectImport pattern
    assert lines[-2] == "ER  - " and lines[-1] == ""
    tags = [line[:2] for line in lines if line]
    assert set(tags) <= RIS_TAGS
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines if line)
    assert "AU  - Gannon, Kathy" in lines and "AU  - Reuters" in lines
    assert "T2  - DW" in lines and "PY  - 2021" in lines and "DA  - 2021/07/07" in lines
    assert "Y2  - 2021/07/08" in lines


def test_ris_web_page_type_and_no_line_breaks_inside_values() -> None:
    article = make_article(title="Line one\nline two", published=None)
    ris = format_citation(article, CitationFormat.RIS)
    assert ris.startswith("TY  - ELEC\r\n")
    assert "TI  - Line one line two\r\n" in ris


def test_bibtex_key_is_stable_and_derived_from_author_year_title() -> None:
    first = format_citation(make_article(), CitationFormat.BIBTEX)
    second = format_citation(make_article(), CitationFormat.BIBTEX)
    assert first == second
    assert first.startswith("@article{gannon2021taliban,\n")


def test_bibtex_without_author_or_date_falls_back_to_site_and_nd() -> None:
    entry = format_citation(make_article(authors=(), published=None), CitationFormat.BIBTEX)
    assert entry.startswith("@online{dwndtaliban,\n")
    assert "urldate = {2021-07-08}" in entry


def test_bibtex_escapes_specials_and_keeps_braces_balanced() -> None:
    article = make_article(title="50% of R&D_costs in $ {rise} #1 ~now \\ ok")
    entry = format_citation(article, CitationFormat.BIBTEX)
    depth = 0
    for index, char in enumerate(entry):
        if char in "{}" and entry[index - 1] != "\\":
            depth += 1 if char == "{" else -1
            assert depth >= 0
    assert depth == 0
    assert r"50\% of R\&D\_costs in \$ \{rise\} \#1" in entry
    assert escape("a_b") == r"a\_b"


def test_bibtex_protects_capitalised_words_after_the_first() -> None:
    assert protect_case("Taliban attack NATO base in Kabul") == (
        "Taliban attack {NATO} base in {Kabul}"
    )


def test_organisation_authors_are_braced_in_bibtex() -> None:
    entry = format_citation(make_article(authors=("The Associated Press",)), CitationFormat.BIBTEX)
    assert "author = {{The Associated Press}}" in entry


def test_text_reference_names_author_date_title_site_url_and_access() -> None:
    text = format_citation(make_article(), CitationFormat.TEXT)
    assert text.startswith("Gannon, Kathy; Reuters (2021-07-07). Taliban attack")
    assert "DW." in text and "https://www.dw.com/" in text and "(accessed 2021-07-08)" in text


def test_access_date_falls_back_to_when_the_article_was_added() -> None:
    article = make_article()
    article = Article(
        article.id,
        article.extracted,
        Provenance("0" * 64, "f.html", "html", "", None, None, None, "2024-01-02T03:04:05Z"),
        article.text_sha256,
    )
    (item,) = json.loads(format_citation(article, CitationFormat.CSL_JSON))
    assert item["accessed"] == {"date-parts": [[2024, 1, 2]]}
