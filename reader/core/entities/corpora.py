"""Reading token-per-line NER corpora back into running text with character-offset entities.

The recogniser sees article text, not pre-split tokens, so both training and evaluation work on
text rebuilt from the tokens (``detokenise``) with each gold entity carried over as a character
span. Scoring on the corpus's own tokens would hide the tokenizer mismatches users meet.

Readers here parse three layouts: CoNLL-2003 (``word POS chunk TAG``, IOB1), Wikigold
(``word TAG``, IO) and Universal NER (tab-separated, IOB2, with ``# text =`` lines that give the
original sentence, used as-is). They never touch the network and raise ``ValueError`` on a
malformed line instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# Tokens glued to the previous one (closing punctuation, clitics).
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "'S",
        "n't",
        "N'T",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "'",
        "...",
        "”",
        "’",
    }
)
# Tokens glued to the next one (opening punctuation, currency).
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "‘", "#"})


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity: character offsets into its document's text and a coarse label."""

    start: int
    end: int
    label: str  # "PER", "ORG", "LOC", "MISC"


@dataclass(frozen=True)
class GoldDocument:
    """A document rebuilt as running text, one sentence per paragraph, with its entities."""

    doc_id: str
    text: str
    entities: tuple[GoldEntity, ...]


@dataclass(frozen=True)
class _Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]  # IOB1/IOB2/IO tags: "O", "B-PER", "I-LOC"...
    text: str | None = None  # the original sentence when the corpus gives it


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Joins tokens into plain text the way a news page would print them.

    Args:
        tokens: The tokens of one sentence.

    Returns:
        The text and, for each token, its ``(start, end)`` code-point offsets in it.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    quote_open = False
    glue_next = True  # no space before the first token
    for token in tokens:
        glue = glue_next or token in _NO_SPACE_BEFORE
        glue_next = token in _NO_SPACE_AFTER
        if token == '"':
            # Straight quotes open and close alternately: an opening one sticks to what
            # follows, a closing one to what precedes.
            if quote_open:
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        if not glue:
            parts.append(" ")
            position += 1
        offsets.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
    return "".join(parts), offsets


def _align(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Finds each token in ``text`` in order; raises ``ValueError`` when one is missing."""
    offsets: list[tuple[int, int]] = []
    position = 0
    for token in tokens:
        found = text.find(token, position)
        if found < 0:
            raise ValueError(f"token {token!r} not found in sentence {text!r}")
        offsets.append((found, found + len(token)))
        position = found + len(token)
    return offsets


def _spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(first, last_exclusive, label)`` from IOB1, IOB2 or IO tags."""
    result: list[tuple[int, int, str]] = []
    current: str | None = None  # label of the entity the previous token belongs to
    for index, tag in enumerate(tags):
        if tag in ("O", "-", ""):
            current = None
            continue
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I") or not label:
            raise ValueError(f"bad tag {tag!r}")
        # IOB1 and IO continue an entity on I- with the same label; B- always starts one.
        if current == label and prefix == "I":
            result[-1] = (result[-1][0], index + 1, label)
            continue
        current = label
        result.append((index, index + 1, label))
    return result


def _document(doc_id: str, sentences: Sequence[_Sentence], separator: str) -> GoldDocument:
    pieces: list[str] = []
    entities: list[GoldEntity] = []
    base = 0
    for number, sentence in enumerate(sentences):
        if number:
            pieces.append(separator)
            base += len(separator)
        if sentence.text is not None:
            text, offsets = sentence.text, _align(sentence.text, sentence.tokens)
        else:
            text, offsets = detokenise(sentence.tokens)
        for first, last, label in _spans_from_tags(sentence.tags):
            entities.append(
                GoldEntity(base + offsets[first][0], base + offsets[last - 1][1], label)
            )
        pieces.append(text)
        base += len(text)
    return GoldDocument(doc_id, "".join(pieces), tuple(entities))


def read_conll(path: Path, separator: str = "\n\n") -> Iterator[GoldDocument]:
    """Reads a CoNLL-2003 or Wikigold file: the last column is the tag, the first the word.

    Args:
        path: The corpus file (UTF-8; ``-DOCSTART-`` lines split documents).
        separator: Put between sentences; one sentence per paragraph by default.

    Yields:
        One document per ``-DOCSTART-`` section (empty sections are skipped).
    """
    sentences: list[_Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    number = 0

    def flush_sentence() -> None:
        if tokens:
            sentences.append(_Sentence(tuple(tokens), tuple(tags)))
            tokens.clear()
            tags.clear()

    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                flush_sentence()
                if sentences:
                    yield _document(f"{path.stem}-{number}", sentences, separator)
                    number += 1
                sentences = []
                continue
            if not line.strip():
                flush_sentence()
                continue
            columns = line.split(" ")
            if len(columns) < 2:
                raise ValueError(f"{path}: bad line {line!r}")
            tokens.append(columns[0])
            tags.append(columns[-1])
    flush_sentence()
    if sentences:
        yield _document(f"{path.stem}-{number}", sentences, separator)


def read_uner(path: Path, separator: str = "\n\n") -> Iterator[GoldDocument]:
    """Reads a Universal NER ``.iob2`` file, keeping each sentence's original text.

    Args:
        path: The corpus file.
        separator: Put between the sentences of one document.

    Yields:
        One document per ``# newdoc id =`` section; ``doc_id`` is that id.
    """
    doc_id = ""
    sentences: list[_Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    sentence_text: str | None = None

    def flush_sentence() -> None:
        nonlocal sentence_text
        if tokens:
            sentences.append(_Sentence(tuple(tokens), tuple(tags), sentence_text))
            tokens.clear()
            tags.clear()
        sentence_text = None

    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id ="):
                flush_sentence()
                if sentences:
                    yield _document(doc_id, sentences, separator)
                sentences = []
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text ="):
                sentence_text = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                flush_sentence()
            else:
                columns = line.split("\t")
                if len(columns) < 3:
                    raise ValueError(f"{path}: bad line {line!r}")
                tokens.append(columns[1])
                tags.append(columns[2])
    flush_sentence()
    if sentences:
        yield _document(doc_id, sentences, separator)
