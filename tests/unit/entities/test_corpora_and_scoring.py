"""Corpus readers (tokens back to text with character offsets) and the F1 scorer."""

from __future__ import annotations

from pathlib import Path

from reader.core.entities.corpora import detokenise, read_conll, read_uner
from reader.core.entities.scoring import Scorer


def test_detokenise_glues_punctuation_quotes_and_clitics() -> None:
    tokens = ["He", "said", '"', "yes", '"', "(", "twice", ")", ",", "didn't", "he", "'s", "?"]
    text, offsets = detokenise(tokens)
    assert text == "He said \"yes\" (twice), didn't he's?"
    assert [text[start:end] for start, end in offsets] == tokens


def test_read_conll_rebuilds_text_and_iob1_entities(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text(
        "-DOCSTART- -X- O O\n\n"
        "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\n"
        "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nand CC O O\nJohn NNP I-NP I-PER\n"
        "Smith NNP I-NP B-PER\n\n"
        "-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n",
        encoding="utf-8",
    )
    first, second = read_conll(path)
    assert first.text == "EU rejects German call.\n\nPeter Blackburn and John Smith"
    assert [(first.text[e.start : e.end], e.label) for e in first.entities] == [
        ("EU", "ORG"),
        ("German", "MISC"),
        ("Peter Blackburn", "PER"),
        ("John", "PER"),
        ("Smith", "PER"),
    ]
    assert second.text == "BRUSSELS"


def test_read_uner_keeps_the_original_sentence(tmp_path: Path) -> None:
    path = tmp_path / "tiny.iob2"
    path.write_text(
        "# newdoc id = n01\n# sent_id = n01-1\n# text = \u201cHi,\u201d said Kori Schulman.\n"
        "1\t\u201c\tO\t-\t-\n2\tHi\tO\t-\t-\n3\t,\tO\t-\t-\n4\t\u201d\tO\t-\t-\n"
        "5\tsaid\tO\t-\t-\n6\tKori\tB-PER\t-\tx\n7\tSchulman\tI-PER\t-\tx\n8\t.\tO\t-\t-\n\n",
        encoding="utf-8",
    )
    (document,) = read_uner(path)
    assert document.doc_id == "n01"
    assert document.text == "\u201cHi,\u201d said Kori Schulman."
    assert [document.text[e.start : e.end] for e in document.entities] == ["Kori Schulman"]


def test_scorer_rewards_exact_matches_only() -> None:
    gold = [(0, 5, "PER"), (10, 15, "LOC")]
    exact, shifted = Scorer(["PER", "LOC"]), Scorer(["PER", "LOC"])
    exact.add(gold, gold)
    shifted.add(gold, [(0, 5, "PER"), (10, 14, "LOC")])
    assert exact.micro().f1 == 1.0
    assert shifted.micro().f1 < exact.micro().f1
    assert shifted.score("PER").f1 == 1.0


def test_scorer_counts_wrong_types_as_both_errors() -> None:
    scorer = Scorer(["PER", "ORG"])
    scorer.add([(0, 5, "PER")], [(0, 5, "ORG")])
    assert scorer.score("PER").recall == 0.0
    assert scorer.score("ORG").precision == 0.0
