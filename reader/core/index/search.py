"""Parsing queries and running them against the index.

Parts: ``parse_query`` (the query language → a Whoosh query, with readable errors) and
``IndexSearcher`` (one searcher per thread, refreshed after each commit). Queries run
through ``vector.evaluate`` (NumPy over whole posting lists) when it supports them, else
through Whoosh's own matchers; both give the same hits, scores and totals. Snippets are
computed from the store's text, only for the hits returned.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from whoosh import qparser, query, sorting
from whoosh.fields import NUMERIC
from whoosh.index import Index
from whoosh.searching import Searcher

from reader.core.errors import QueryError
from reader.core.index.analysis import TermAnalyzer
from reader.core.index.postings import SegmentArrays, Unsupported, segment_arrays
from reader.core.index.query_text import rewrite
from reader.core.index.results import RawHit, RawResults
from reader.core.index.snippets import make_snippet
from reader.core.index.vector import evaluate, sorted_hits, terms_matched, top_hits

# Searched when a word has no field prefix.
DEFAULT_FIELDS = ("title", "body", "author", "entity", "note", "quote", "tag")
FIELD_BOOSTS = {
    "title": 2.5,
    "body": 1.0,
    "author": 1.5,
    "entity": 0.5,
    "note": 1.0,
    "quote": 1.0,
    "tag": 1.0,
}
# Friendly names accepted in queries for schema fields.
FIELD_ALIASES = {
    "lang": "lang",
    "language": "lang",
    "organisation": "org",
    "organization": "org",
    "location": "place",
    "tags": "tag",
}
SORTS = ("relevance", "published", "added")
# The column type of ``article_number`` (its default marks documents without one).
NUMBER_COLUMN = NUMERIC(bits=64, signed=False, sortable=True).column_type
PARSED_QUERIES = 64
SNIPPET_CHARS = 240
# Snippets highlight the terms the query looks for in the body (the text they show).
SNIPPET_FIELDS = ("body",)


def _build_parser(index: Index) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        [name for name in DEFAULT_FIELDS if name in index.schema],
        index.schema,
        fieldboosts=FIELD_BOOSTS,
        group=qparser.AndGroup,
    )
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(
        qparser.FieldAliasPlugin(
            {target: [alias] for alias, target in FIELD_ALIASES.items() if alias != target}
        )
    )
    return parser


def _first_error(node: query.Query) -> str | None:
    # Whoosh marks the parts it could not read with an ``error`` attribute.
    error = getattr(node, "error", None)
    if error:
        return str(error)
    for child in node.children():
        message = _first_error(child)
        if message:
            return message
    return None


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def article_numbers(segments: list[tuple[SegmentArrays, Any, int]]) -> list[int]:
    """The article id of every document number (deleted ones included; 0 where a document
    has none), read per segment from the ``article_number`` column's bytes in one NumPy
    conversion: a look-up per hit cost tens of milliseconds for facets over a whole
    archive, and ``column.load()`` builds a Python number per document (30 ms at 50,000
    articles, after every commit)."""
    if not segments:
        return []
    missing = np.uint64(NUMBER_COLUMN.default_value())
    numbers = np.concatenate([arrays.column("article_number") for arrays, _, _ in segments])
    numbers[numbers == missing] = 0
    found: list[int] = numbers.tolist()
    return found


class IndexSearcher:
    """Runs queries; safe to share between threads (each thread gets its own searcher)."""

    def __init__(self, index: Index) -> None:
        self._index = index
        self._parser = _build_parser(index)
        self._known_fields = set(index.schema.names()) | set(FIELD_ALIASES)
        self._local = threading.local()
        self._analyzer: TermAnalyzer = index.schema["body"].analyzer
        # Parsed queries (never modified once parsed), the most recent last.
        self._parsed: OrderedDict[str, query.Query] = OrderedDict()
        self._parsed_lock = threading.Lock()

    def parse(self, text: str) -> query.Query:
        """Raises:
        QueryError: the query cannot be parsed; the message names the problem.
        """
        if not text.strip():
            return query.Every()
        rewritten = rewrite(text, self._known_fields)
        # Whoosh's parser takes about a millisecond; a search is often followed by the same
        # query again (facets, the next page). Relative dates are explicit in ``rewritten``.
        with self._parsed_lock:
            cached = self._parsed.get(rewritten)
            if cached is not None:
                self._parsed.move_to_end(rewritten)
                return cached
        try:
            parsed = self._parser.parse(rewritten)
        except Exception as error:  # noqa: BLE001 - the parser raises many kinds
            raise QueryError(f"cannot read the query {text!r}: {error}") from error
        message = _first_error(parsed)
        if message:
            raise QueryError(f"cannot read the query {text!r}: {message}")
        with self._parsed_lock:
            self._parsed[rewritten] = parsed
            if len(self._parsed) > PARSED_QUERIES:
                self._parsed.popitem(last=False)
        return parsed

    @contextmanager
    def _pinned(self) -> Iterator[Searcher]:
        """The current searcher, checked once for a newer index generation: the calls
        made inside see the same one (each check lists the index folder: about half a
        millisecond, five times per search before)."""
        searcher = self.searcher()
        self._local.pinned = getattr(self._local, "pinned", 0) + 1
        try:
            yield searcher
        finally:
            self._local.pinned -= 1

    def searcher(self) -> Searcher:
        current: Searcher | None = getattr(self._local, "searcher", None)
        pinned = getattr(self._local, "pinned", 0)
        if current is not None and not pinned and not current.up_to_date():
            # Not ``refresh()``: it reuses readers of unchanged segments and then misses
            # deletions committed to them since (seen with Whoosh-Reloaded 2.7.5).
            current.close()
            current = None
        if current is None:
            current = self._index.searcher()
            self._local.searcher = current
            self._local.numbers = None
            self._local.segments = None
            self._local.columns = {}
        return current

    def segments(self) -> list[tuple[SegmentArrays, Any, int]]:
        """The current searcher's per-segment arrays (``postings.SegmentArrays``)."""
        searcher = self.searcher()
        found: list[tuple[SegmentArrays, Any, int]] | None = self._local.segments
        if found is None:
            found = segment_arrays(searcher)
            self._local.segments = found
        return found

    def _column(self, fieldname: str) -> Any:
        """A numeric column over the whole index (document numbers across segments)."""
        segments = self.segments()
        columns: dict[str, Any] = self._local.columns
        found = columns.get(fieldname)
        if found is None:
            found = np.concatenate([arrays.column(fieldname) for arrays, _, _ in segments])
            columns[fieldname] = found
        return found

    def article_numbers(self) -> list[int]:
        """``article_numbers`` of the current searcher, read once per searcher."""
        with self._pinned():
            numbers: list[int] | None = getattr(self._local, "numbers", None)
            if numbers is None:
                numbers = article_numbers(self.segments())
                self._local.numbers = numbers
        return numbers

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        sort: str = "relevance",
        load_texts: Callable[[list[int]], dict[int, str]] | None = None,
    ) -> RawResults:
        """Runs a query; ``load_texts`` gives the stored text of the hits, for snippets."""
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
        parsed = self.parse(text)
        with self._pinned() as searcher:
            expanded: set[tuple[str, str]] | None = set()
            try:
                total, shown = self.ranked_vector(parsed, limit=limit, sort=sort, expanded=expanded)
            except Unsupported:
                total, shown = self.ranked_whoosh(parsed, limit=limit, sort=sort)
                expanded = None
            numbers = self.article_numbers()
            ids = [numbers[docnum] for docnum, _ in shown]
            texts = load_texts(ids) if load_texts and ids else {}
            words = self._query_words(parsed, searcher, expanded) if texts else set()
        hits = []
        for (_, score), article_id in zip(shown, ids, strict=True):
            text_of_hit = texts.get(article_id, "")
            snippet, spans = make_snippet(
                text_of_hit, self._analyzer.find_terms(text_of_hit, words), max_chars=SNIPPET_CHARS
            )
            if not snippet:
                snippet = " ".join(text_of_hit[:SNIPPET_CHARS].split())
            hits.append(RawHit(article_id, score, snippet, tuple(spans)))
        return RawResults(total=total, hits=tuple(hits))

    def ranked_vector(
        self,
        parsed: query.Query,
        *,
        limit: int,
        sort: str = "relevance",
        expanded: set[tuple[str, str]] | None = None,
    ) -> tuple[int, list[tuple[int, float]]]:
        """(total, [(document number, score)] of the first ``limit`` hits) through
        ``vector.evaluate``; ``expanded`` collects the terms prefixes and fuzzy terms stood
        for. Scores of sorted results are Whoosh's sort keys (the negated date).

        Raises:
            Unsupported: the query needs Whoosh's own matchers (``ranked_whoosh``).
        """
        docnums, scores = evaluate(self.searcher(), self.segments(), parsed, expanded)
        if sort == "relevance":
            chosen = top_hits(docnums, scores, limit)
            return len(docnums), [(int(docnums[i]), float(scores[i])) for i in chosen]
        values = self._column(sort)[docnums]
        # Whoosh sorts by the negated column value: newest first, and documents without a
        # date (the column's maximum) before all others.
        chosen = sorted_hits(docnums, ~values, limit)
        return len(docnums), [(int(docnums[i]), float(-int(values[i]))) for i in chosen]

    def ranked_whoosh(
        self, parsed: query.Query, *, limit: int, sort: str = "relevance"
    ) -> tuple[int, list[tuple[int, float]]]:
        """``ranked_vector`` through Whoosh's own matchers."""
        sortedby = None if sort == "relevance" else sorting.FieldFacet(sort, reverse=True)
        # Every match is collected (``limit=None`` for ranked results): Whoosh's top-N
        # collector prunes sub-matchers that cannot reach the N-th score ("matcher
        # replacement", even with ``optimize=False``), and its total then undercounts:
        # 399 instead of 1,977 matches for one word in 5,199 documents.
        results = self.searcher().search(
            parsed, limit=None if sortedby is None else max(limit, 1), sortedby=sortedby
        )
        shown = list(results)[:limit] if limit > 0 else []
        return len(results), [(hit.docnum, float(hit.score or 0.0)) for hit in shown]

    def _query_words(
        self,
        parsed: query.Query,
        searcher: Searcher,
        expanded: set[tuple[str, str]] | None = None,
    ) -> set[str]:
        """The body terms the query looks for, prefixes and fuzzy terms expanded to the
        index's words they stand for (``expanded``: as the vectorised search found them)."""
        # Not ``Query.existing_terms``: Whoosh-Reloaded 2.7.5's loop reuses its
        # ``fieldname`` argument as a variable and drops every field after the first.
        # Expanded per segment: only a segment reader finds fuzzy terms with an automaton
        # (the multi-segment reader compares every word of the field, seconds at 50,000).
        segment_readers = [reader for reader, _ in searcher.reader().leaf_readers()]
        words: set[str] = set()
        for leaf in parsed.leaves():
            if leaf.field() not in SNIPPET_FIELDS:
                continue
            if isinstance(leaf, query.MultiTerm) and expanded is not None:
                words.update(word for field, word in expanded if field == leaf.field())
            elif isinstance(leaf, query.MultiTerm):
                for reader in segment_readers:
                    words.update(_text(word) for word in leaf._btexts(reader))
            else:
                words.update(_text(text) for _, text in leaf.terms(phrases=True))
        return words

    def matching_ids(self, text: str) -> list[int]:
        """Every article id the query matches (unranked), for facets and filters."""
        parsed = self.parse(text)
        with self._pinned() as searcher:
            numbers = self.article_numbers()
            try:
                docnums, _ = evaluate(searcher, self.segments(), parsed)
            except Unsupported:
                return [numbers[docnum] for docnum in searcher.docs_for_query(parsed)]
        return [numbers[docnum] for docnum in docnums.tolist()]

    def match_spans(self, text: str, article_id: int, article_text: str) -> list[tuple[int, int]]:
        """Where the words the query matched in this article occur in ``article_text``.

        Uses the terms Whoosh matched in the article's own document, so prefixes and fuzzy
        terms count as the words they expanded to.
        """
        parsed = self.parse(text)
        with self._pinned():
            try:
                matched = self.terms_vector(parsed, article_id)
            except Unsupported:
                matched = self.terms_whoosh(parsed, article_id)
        words = {_text(term) for field, term in matched if field in ("body", "title")}
        return self._analyzer.find_terms(article_text, words)

    def terms_vector(self, parsed: query.Query, article_id: int) -> set[tuple[str, Any]]:
        """The (field, term) pairs ``parsed`` matched in the article's document, through
        ``vector.terms_matched`` (words only: not the trie terms of a date range).

        Raises:
            Unsupported: the query needs Whoosh's own matchers (``terms_whoosh``).
        """
        with self._pinned() as searcher:
            docnums = list(searcher.document_numbers(article_id=str(article_id)))
            if not docnums:
                return set()
            found = set()
            for docnum in docnums:
                found |= terms_matched(searcher, self.segments(), parsed, docnum)
            return found

    def terms_whoosh(self, parsed: query.Query, article_id: int) -> set[tuple[str, Any]]:
        """``terms_vector`` through Whoosh's own matchers."""
        only_this = query.Term("article_id", str(article_id))
        results = self.searcher().search(parsed, filter=only_this, terms=True, limit=1)
        if results.is_empty():
            return set()
        return set(results[0].matched_terms())

    def suggest(self, text: str, load_text: Callable[[int], str]) -> str | None:
        """ "Did you mean": the query with each word the index does not know replaced by the
        nearest word it does (edit distance up to 2), or None. Suggestions come from the
        stemmed body field; each is shown as a real word found in an article."""
        searcher = self.searcher()
        analyzer = self._index.schema["body"].analyzer
        reader = searcher.reader()
        corrected = text
        changed = False
        for word in set(re.findall(r"(?<![\w:*~\-])[^\W\d_]{3,}(?![\w:*~])", text)):
            if word.upper() in ("AND", "OR", "NOT", "TO"):
                continue
            stems = [token.text for token in analyzer(word, mode="query")]
            if not stems or any(reader.doc_frequency("body", stem) for stem in stems):
                continue
            options = searcher.suggest("body", stems[0], limit=1, maxdist=2)
            if not options:
                continue
            surface = self._surface_of(options[0], load_text) or options[0]
            corrected = re.sub(rf"(?<![\w:]){re.escape(word)}(?!\w)", surface, corrected)
            changed = True
        return corrected if changed else None

    def _surface_of(self, stem: str, load_text: Callable[[int], str]) -> str | None:
        """A word of some article whose stem is ``stem`` (to show "taliban", not "taliban")."""
        searcher = self.searcher()
        results = searcher.search(query.Term("body", stem), limit=1)
        if results.is_empty():
            return None
        text = load_text(self.article_numbers()[results[0].docnum])
        analyzer = self._index.schema["body"].analyzer
        for token in analyzer(text, chars=True, mode="index", removestops=False):
            if token.text == stem:
                return text[token.startchar : token.endchar].lower()
        return None

    def close(self) -> None:
        current: Searcher | None = getattr(self._local, "searcher", None)
        if current is not None:
            current.close()
            self._local.searcher = None
