"""Watch-list files: plain lists and CSV name,type,aliases."""

from __future__ import annotations

from reader.core.entities import WatchEntry, parse_watch_list


def test_plain_list_one_name_per_line() -> None:
    result = parse_watch_list("\ufeffNishank Motwani\n\n# a comment\nFawad Aman\n")
    assert result.entries == (
        WatchEntry("Nishank Motwani", "PERSON"),
        WatchEntry("Fawad Aman", "PERSON"),
    )
    assert result.errors == ()


def test_plain_list_uses_the_default_type() -> None:
    result = parse_watch_list("Kabul\nHerat", default_label="Place")
    assert {entry.label for entry in result.entries} == {"PLACE"}


def test_csv_with_header_types_and_both_alias_separators() -> None:
    text = (
        "name,type,aliases\n"
        "United States,Place,U.S.|US\n"
        '"Islamic State",organization,ISIS; ISIL\n'
        "Fawad Aman,,\n"
    )
    result = parse_watch_list(text)
    assert result.entries == (
        WatchEntry("United States", "PLACE", ("U.S.", "US")),
        WatchEntry("Islamic State", "ORG", ("ISIS", "ISIL")),
        WatchEntry("Fawad Aman", "PERSON"),
    )


def test_csv_without_header_and_tab_separated() -> None:
    assert parse_watch_list("Qala-e-Naw,PLACE,Qala-e Naw").entries == (
        WatchEntry("Qala-e-Naw", "PLACE", ("Qala-e Naw",)),
    )
    assert parse_watch_list("NATO\tORG\tNato").entries == (WatchEntry("NATO", "ORG", ("Nato",)),)


def test_bad_rows_are_reported_not_raised() -> None:
    result = parse_watch_list("name,type\nTesla Model 3,Vehicle\nTesla,ORG\n")
    assert result.entries == (WatchEntry("Tesla", "ORG"),)
    assert len(result.errors) == 1 and result.errors[0].startswith("line 2")


def test_repeated_names_keep_the_last_row() -> None:
    result = parse_watch_list("Herat,PLACE\nherat,ORG\n")
    assert result.entries == (WatchEntry("herat", "ORG"),)
