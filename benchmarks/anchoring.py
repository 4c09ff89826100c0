"""Robustness of annotation anchoring when an article's text changes the ways real life does.

Makes 1,000 random annotations (single words to whole paragraphs, deliberately including
phrases that occur more than once) on articles of the shared boilerplate corpus, then
re-anchors each one in changed versions of its text and checks the result against the
*true* new place of the annotated text.

Ground truth
    Synthetic changes (inserted/deleted paragraphs, whitespace and quote normalisation, typo
    fixes, a new lead paragraph) are applied as explicit edit lists, so every old offset maps
    to its exact new offset. Extractor changes (another trafilatura mode, readability-lxml
    plus lxml text) have no edit list: old and new texts are aligned word by word
    (``difflib.SequenceMatcher`` on folded words), and an annotation's target is known only
    when all its words fall in one aligned block; otherwise its target counts as changed.

Outcomes (per annotation and change)
    target intact: ``exact`` (anchored, same offsets), ``fuzzy`` (anchored at the right place
    with the same characters, spacing and layout marks aside), ``edge off`` (right place, an
    edge off by at most 5% of the quote), ``twin`` (the quote verbatim at a place whose
    stored context agrees at least as well as the expected place's: the selectors cannot
    prefer the expected one), ``orphan`` (a miss), ``wrong`` (anchored anywhere else).
    target deleted or changed: ``orphan`` is right; anchoring inside what is left of the
    original span (spacing and layout marks at the anchor's edges aside) is ``kept``; on a copy with the whole stored context is ``identical
    copy``; anywhere else is ``wrong``.

Held-out runs: ``--skip N`` starts N usable pages into each source folder, ``--seed`` changes
the annotations and the edits; ``-v`` prints every wrong anchor (``--misses`` also misses).

Run: ``.venv/bin/python benchmarks/anchoring.py [--annotations 1000] [--articles 60]``.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import gzip
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.annotations.anchoring import anchor, reanchor_all
from reader.core.annotations.approximate import prefix_distances
from reader.core.annotations.create import create_annotation
from reader.core.annotations.model import Anchor, AnchorStatus, TextQuoteSelector
from reader.core.annotations.normalize import fold, normalize
from reader.core.annotations.selectors import describe

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "boilerplate"
SOURCES = (
    CORPUS / "scrapinghub-article-extraction-benchmark" / "html",
    CORPUS / "wcxb-dev-articles" / "html",
)
WORD = re.compile(r"\S+")

Edit = tuple[int, int, str]  # replace old[start:end] with the string


@dataclass
class Variant:
    name: str
    text: str
    # Maps an old span to its expected new span, or None when the target is gone/changed.
    expect: Callable[[int, int], tuple[int, int] | None]
    # The span of surviving text an anchor may lie in when the target is gone/changed.
    remainder: Callable[[int, int], tuple[int, int] | None]


# --- texts -------------------------------------------------------------------------------


def paragraphs_to_text(raw: str | None) -> str:
    lines = [line.strip() for line in (raw or "").splitlines()]
    return "\n\n".join(line for line in lines if line)


def extract_trafilatura(html: str, recall: bool) -> str:
    import trafilatura

    raw = trafilatura.extract(
        html, favor_precision=not recall, favor_recall=recall, include_comments=False
    )
    return paragraphs_to_text(raw)


def extract_readability(html: str) -> str:
    import lxml.html
    from readability import Document  # type: ignore[import-untyped]

    summary = Document(html).summary()
    # lxml's text_content keeps the page's own whitespace: that mess is the point.
    return str(lxml.html.fromstring(summary).text_content()).strip()


# --- edit-list perturbations -------------------------------------------------------------


def apply_edits(
    text: str, edits: list[Edit]
) -> tuple[
    str, Callable[[int, int], tuple[int, int] | None], Callable[[int, int], tuple[int, int] | None]
]:
    """Applies non-overlapping edits; returns the new text, the expected-span map and the
    remainder map. A span whose interior loses more than whitespace/quote/dash folding
    allows is 'gone' unless the edit is a typo fix (then it is still the same text)."""
    edits = sorted(edits)
    pieces, shifts, copied = [], [], 0
    new_starts = []
    delta = 0
    for start, end, replacement in edits:
        pieces.append(text[copied:start])
        pieces.append(replacement)
        new_starts.append(start + delta)
        delta += len(replacement) - (end - start)
        shifts.append(delta)
        copied = end
    pieces.append(text[copied:])
    new_text = "".join(pieces)
    starts = [edit[0] for edit in edits]

    def map_start(offset: int) -> int:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return offset
        start, end, replacement = edits[index]
        if offset < end:  # inside (or at the start of) an edited range
            return new_starts[index]
        return offset + shifts[index]

    def map_end(offset: int) -> int:
        index = bisect.bisect_left(starts, offset) - 1
        if index < 0:
            return offset
        start, end, replacement = edits[index]
        if offset <= end:
            return new_starts[index] + len(replacement) if offset > start else new_starts[index]
        return offset + shifts[index]

    def covered(a: int, b: int) -> list[Edit]:
        return [e for e in edits if e[0] < b and e[1] > a or (e[0] == e[1] and a < e[0] < b)]

    def expect(a: int, b: int) -> tuple[int, int] | None:
        for start, end, replacement in covered(a, b):
            # Small edits inside the quote (a typo fix, folded spacing or quote marks, at
            # most 3 characters either way) keep the target; removing or inserting
            # passages changes it, however little of the passage lies inside the quote.
            if end - start > 3 or len(replacement) > 3:
                return None
        return map_start(a), map_end(b)

    def remainder(a: int, b: int) -> tuple[int, int] | None:
        new_a, new_b = map_start(a), map_end(b)
        return (new_a, new_b) if new_b > new_a else None

    return new_text, expect, remainder


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def insert_paragraphs(text: str, donor: str, rng: random.Random) -> list[Edit]:
    bounds = paragraph_bounds(text)
    donor_paragraphs = [p for p in donor.split("\n\n") if len(p) > 40] or ["An inserted note."]
    edits = []
    for _ in range(rng.randint(1, 3)):
        _, end = rng.choice(bounds)
        edits.append((end, end, "\n\n" + rng.choice(donor_paragraphs)))
    return dedupe(edits)


def delete_paragraph(text: str, rng: random.Random) -> list[Edit]:
    bounds = paragraph_bounds(text)
    start, end = rng.choice(bounds[1:] or bounds)
    return [(max(0, start - 2), end, "")]


def normalise_spacing_and_quotes(text: str) -> list[Edit]:
    edits: list[Edit] = []
    straight_to_curly = text.count('"') + text.count("'") > text.count("\u201c") + text.count(
        "\u2019"
    )
    for match in re.finditer("\n\n|\"|'|\u201c|\u201d|\u2018|\u2019|\u2014|\\. ", text):
        token = match.group()
        if token == "\n\n":
            replacement = "\n"
        elif token == ". ":
            replacement = ".  "
        elif token == "\u2014":
            replacement = "--"
        elif straight_to_curly:
            replacement = {"'": "\u2019", '"': "\u201c"}.get(token, token)
        else:
            replacement = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}.get(
                token, token
            )
        if replacement != token:
            edits.append((match.start(), match.end(), replacement))
    return edits


def fix_typos(text: str, rng: random.Random, count: int = 12) -> list[Edit]:
    words = [m for m in WORD.finditer(text) if len(m.group()) >= 4 and m.group().isalpha()]
    edits = []
    for match in rng.sample(words, min(count, len(words))):
        word, start = match.group(), match.start()
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("swap", "drop", "double", "replace"))
        if kind == "swap":
            edits.append((start + i - 1, start + i + 1, word[i] + word[i - 1]))
        elif kind == "drop":
            edits.append((start + i, start + i + 1, ""))
        elif kind == "double":
            edits.append((start + i, start + i, word[i]))
        else:
            edits.append((start + i, start + i + 1, "e" if word[i] != "e" else "a"))
    return dedupe(edits)


def add_lead(text: str) -> list[Edit]:
    lead = (
        "Editor's note: this article was updated after publication to correct details and "
        "to add comments from officials who responded to our questions."
    )
    return [(0, 0, lead + "\n\n")]


def dedupe(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits):
        if kept and edit[0] < kept[-1][1] + 1:
            continue
        kept.append(edit)
    return kept


# --- extractor changes: word alignment ---------------------------------------------------


def aligned_variant(name: str, old: str, new: str) -> Variant:
    old_words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(old)]
    new_words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(new)]
    matcher = difflib.SequenceMatcher(
        None, [w[2] for w in old_words], [w[2] for w in new_words], autojunk=False
    )
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    old_starts = [w[0] for w in old_words]

    def word_range(a: int, b: int) -> tuple[int, int]:
        first = bisect.bisect_left(old_starts, a)
        last = bisect.bisect_left(old_starts, b) - 1
        return first, last

    def block_of(index: int) -> tuple[int, int, int] | None:
        for block in blocks:
            if block.a <= index < block.a + block.size:
                return block.a, block.b, block.size
        return None

    def neighbours(a: int, b: int) -> tuple[int, int]:
        """New-text bounds between the nearest aligned words before and after a span."""
        first, last = word_range(a, b)
        left, right = 0, len(new)
        for block in blocks:
            for i in (block.a + block.size - 1, block.a):
                if i < first:
                    left = max(left, new_words[block.b + i - block.a][1])
            for i in (block.a, block.a + block.size - 1):
                if i > last:
                    right = min(right, new_words[block.b + i - block.a][0])
            if block.a <= first - 1 < block.a + block.size:
                left = max(left, new_words[block.b + first - 1 - block.a][1])
            if block.a <= last + 1 < block.a + block.size:
                right = min(right, new_words[block.b + last + 1 - block.a][0])
        return left, max(left, right)

    def expect(a: int, b: int) -> tuple[int, int] | None:
        first, last = word_range(a, b)
        block = block_of(first)
        if block is not None and first <= last < block[0] + block[2]:
            new_first = block[1] + first - block[0]
            new_last = block[1] + last - block[0]
            return new_words[new_first][0], new_words[new_last][1]
        # Words glued or split differently ("said,\"He" / "said, \"He"): look for the same
        # characters, spacing aside, between the aligned neighbours of the span.
        left, right = neighbours(a, b)
        found = find_ignoring_space(new, left, right, fold(old[a:b]))
        if found is not None:
            return found
        # Passages moved by the extractor defeat an order-keeping alignment: the quote with
        # its whole 32-character context on both sides, occurring once, is the same place.
        return find_in_context(new, old, a, b)

    def remainder(a: int, b: int) -> tuple[int, int] | None:
        left, right = neighbours(a, b)
        return (left, right) if right > left else None

    return Variant(name, new, expect, remainder)


def find_ignoring_space(text: str, left: int, right: int, folded: str) -> tuple[int, int] | None:
    """Finds ``folded`` (whitespace ignored) in ``text[left:right]`` if it occurs once there."""
    target = squeeze(folded)
    kept = visible(text[left:right])
    squeezed = "".join(c for _, c in kept)
    at = squeezed.find(target)
    if not target or at == -1 or squeezed.find(target, at + 1) != -1:
        return None
    return left + kept[at][0], left + kept[at + len(target) - 1][0] + 1


def find_in_context(new: str, old: str, a: int, b: int) -> tuple[int, int] | None:
    """Where ``old[a:b]`` is in ``new``, judged without any alignment: the quote plus its 32
    characters of context on both sides occurs once (spacing aside); or the quote occurs
    once in each text and is a passage of 64 characters or more, or one full side of its
    context is unchanged."""
    before, quote, after = (
        squeeze(part) for part in (old[max(0, a - 32) : a], old[a:b], old[b : b + 32])
    )
    if not quote:
        return None
    kept = visible(new)
    squeezed = "".join(c for _, c in kept)

    def span(first: int) -> tuple[int, int]:
        return kept[first][0], kept[first + len(quote) - 1][0] + 1

    whole = before + quote + after
    at = squeezed.find(whole)
    if at != -1 and squeezed.find(whole, at + 1) == -1:
        return span(at + len(before))
    at = squeezed.find(quote)
    if at == -1 or squeezed.find(quote, at + 1) != -1 or squeeze(old).count(quote) != 1:
        return None
    # Once in each text: the same passage if one side of its context is unchanged, or if it
    # is long enough (64 characters, spacing aside) to be a passage and not a phrase.
    if (
        len(quote) >= 64
        or squeezed[:at].endswith(before)
        or squeezed[at + len(quote) :].startswith(after)
    ):
        return span(at)
    return None


def fold_each(text: str) -> str:
    """Folds character by character, keeping offsets (unlike ``fold``, which may not)."""
    return "".join(f if len(f := fold(c)) == 1 else (c if c.isspace() else "?") for c in text)


def edit_variant(name: str, old: str, edits: list[Edit]) -> Variant:
    new, expect, remainder = apply_edits(old, edits)
    return Variant(name, new, expect, remainder)


# --- annotations -------------------------------------------------------------------------


def make_annotations(text: str, count: int, rng: random.Random) -> list[tuple[int, int, str]]:
    words = list(WORD.finditer(text))
    paragraphs = paragraph_bounds(text)
    grams: dict[str, list[int]] = {}
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            key = " ".join(w.group() for w in words[i : i + n])
            grams.setdefault(key, []).append(i)
    repeated = [(k, v) for k, v in grams.items() if len(v) > 1 and len(k) >= 3]
    spans = []
    for _ in range(count):
        kind = rng.choices(
            ("word", "phrase", "sentence", "paragraph", "repeated"), (25, 25, 20, 10, 20)
        )[0]
        if kind == "paragraph" and paragraphs:
            start, end = rng.choice(paragraphs)
        elif kind == "repeated" and repeated:
            key, positions = rng.choice(repeated)
            i = rng.choice(positions)
            n = key.count(" ") + 1
            start, end = words[i].start(), words[i + n - 1].end()
        else:
            n = {"word": 1, "phrase": rng.randint(2, 8), "sentence": rng.randint(10, 40)}.get(
                kind, 1
            )
            i = rng.randrange(0, max(1, len(words) - n))
            start, end = words[i].start(), words[min(i + n, len(words)) - 1].end()
        spans.append((start, end, kind))
    return spans


# --- evaluation --------------------------------------------------------------------------


def judge(
    variant: Variant, quote: TextQuoteSelector, old_span: tuple[int, int], found: Anchor
) -> str:
    expected = variant.expect(*old_span)
    text = variant.text
    if expected is None:
        if found.is_orphan:
            return "gone:orphan"
        rest = variant.remainder(*old_span)
        start, end = strip_layout(text, found.start, found.end)
        if rest and rest[0] - 2 <= start and end <= rest[1] + 2:
            return "gone:kept"
        if identical_copy(text, quote, found):
            return "gone:twin"
        return "gone:wrong"
    if found.is_orphan:
        return "intact:orphan"
    if (found.start, found.end) == expected:
        return "intact:exact" if found.status is not AnchorStatus.FUZZY else "intact:fuzzy"
    got, want = squeeze(text[found.start : found.end]), squeeze(text[slice(*expected)])
    overlap = min(found.end, expected[1]) - max(found.start, expected[0])
    if overlap > 0 and got == want:
        return "intact:fuzzy"  # same characters, spacing aside, at the right place
    if overlap > 0 and distance(got, want) <= max(1, len(want) // 20):
        return "intact:near"  # right place, an edge off by a character or two
    if got == squeeze(quote.exact) and (
        identical_copy(text, quote, found) or twin(text, quote, found, expected)
    ):
        return "intact:twin"
    return "intact:wrong"


def strip_layout(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without whitespace and layout marks at its edges.

    A deleted list item can leave the quote's trailing "\n\n-" (the next item's bullet)
    verbatim at the same offsets, the new next item's bullet: those characters are not
    part of what is left of the deleted text by the edit list, yet they are the same
    characters. Edges of spacing and bullets are not content, as in ``squeeze``.
    """
    while start < end and (text[start].isspace() or text[start] in LAYOUT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in LAYOUT):
        end -= 1
    return start, end


def squeeze(text: str) -> str:
    """The text's characters without spacing or layout marks (see ``visible``)."""
    return "".join(c for _, c in visible(text))


LAYOUT = set("-|*\u2022\u00b7")


def visible(text: str) -> list[tuple[int, str]]:
    """Offsets and folded characters of ``text`` without whitespace and without layout
    marks (a list bullet or table pipe standing alone between spaces), which extractors
    draw, drop or glue differently."""
    folded = fold_each(text)
    kept = []
    for i, c in enumerate(folded):
        if c.isspace():
            continue
        alone = (i == 0 or folded[i - 1].isspace()) and (
            i + 1 == len(folded) or folded[i + 1].isspace()
        )
        if c in LAYOUT and alone:
            continue
        kept.append((i, c))
    return kept


def distance(a: str, b: str) -> int:
    return min(prefix_distances(a, b)[len(b) :]) if a else len(b)


def identical_copy(text: str, quote: TextQuoteSelector, found: Anchor) -> bool:
    """Whether the found place holds the quote with its whole stored context on both sides
    (spacing aside): a copy of the annotated passage the selectors cannot tell apart."""
    window = squeeze(text[max(0, found.start - 64) : found.end + 64])
    stored = squeeze(quote.prefix + quote.exact + quote.suffix)
    return len(quote.prefix) == len(quote.suffix) == 32 and stored in window


def twin(text: str, quote: TextQuoteSelector, found: Anchor, expected: tuple[int, int]) -> bool:
    """Whether the stored selectors cannot prefer the expected place over the found one: the
    quote occurs verbatim at both and the found place's context agrees with the stored
    context at least as well (counted in characters, spacing aside, independently of the
    anchoring code's own scoring)."""

    def agreement(start: int, end: int) -> int:
        before, after = squeeze(text[max(0, start - 96) : start]), squeeze(text[end : end + 96])
        prefix, suffix = squeeze(quote.prefix), squeeze(quote.suffix)
        # An empty stored context at the text's edge agrees as fully as 32 characters would.
        left = 32 if not prefix and not before else common_suffix(prefix, before)
        right = 32 if not suffix and not after else common_prefix(suffix, after)
        return left + right

    return agreement(found.start, found.end) >= agreement(*expected)


def common_prefix(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return size


def common_suffix(a: str, b: str) -> int:
    return common_prefix(a[::-1], b[::-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--skip", type=int, default=0, help="skip this many usable pages per source (held-out runs)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong anchor")
    parser.add_argument("--misses", action="store_true", help="with -v, print misses too")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    began = time.perf_counter()

    articles: list[tuple[str, str, str]] = []  # name, html, base text
    for source in SOURCES:
        taken = skipped = 0
        for path in sorted(source.glob("*.html.gz")):
            if taken >= args.articles // len(SOURCES):
                break
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            base = extract_trafilatura(html, recall=False)
            if len(base) < 1500:
                continue
            if skipped < args.skip:
                skipped += 1
                continue
            articles.append((path.name, html, base))
            taken += 1
    extracted = time.perf_counter()

    per_article = [args.annotations // len(articles)] * len(articles)
    for i in range(args.annotations - sum(per_article)):
        per_article[i] += 1

    results: dict[str, Counter[str]] = {}
    anchor_seconds = 0.0
    anchor_calls = 0
    for (name, html, base), count in zip(articles, per_article, strict=True):
        spans = make_annotations(base, count, rng)
        donor = articles[(articles.index((name, html, base)) + 1) % len(articles)][2]
        variants = [
            aligned_variant(
                "trafilatura recall mode", base, extract_trafilatura(html, recall=True)
            ),
            aligned_variant("readability-lxml + lxml text", base, extract_readability(html)),
            edit_variant("paragraphs inserted", base, insert_paragraphs(base, donor, rng)),
            edit_variant("paragraph deleted", base, delete_paragraph(base, rng)),
            edit_variant(
                "whitespace and quotes normalised", base, normalise_spacing_and_quotes(base)
            ),
            edit_variant("typos fixed", base, fix_typos(base, rng)),
            edit_variant("lead paragraph added", base, add_lead(base)),
            edit_variant(
                "all synthetic changes at once",
                base,
                dedupe(
                    insert_paragraphs(base, donor, rng)
                    + fix_typos(base, rng)
                    + add_lead(base)
                    + normalise_spacing_and_quotes(base)
                ),
            ),
        ]
        for start, end, _kind in spans:
            selectors = describe(base, start, end)
            for variant in variants:
                t0 = time.perf_counter()
                found = anchor(variant.text, selectors)
                anchor_seconds += time.perf_counter() - t0
                anchor_calls += 1
                outcome = judge(variant, selectors[1], (start, end), found)
                results.setdefault(variant.name, Counter())[outcome] += 1
                if args.verbose and (
                    outcome.endswith("wrong") or (args.misses and outcome == "intact:orphan")
                ):
                    print(
                        "WRONG",
                        variant.name,
                        name,
                        repr(base[start:end][:400]),
                        found,
                        repr(variant.text[found.start : found.end][:400]),
                        variant.expect(start, end),
                    )

    print_table(results)
    print()
    print_speed([base for _, _, base in articles], rng)
    total = time.perf_counter() - began
    print(
        f"\n{args.annotations} annotations on {len(articles)} articles; "
        f"{anchor_calls} anchor calls took {anchor_seconds:.1f} s "
        f"({1000 * anchor_seconds / anchor_calls:.2f} ms each); "
        f"extraction {extracted - began:.0f} s; total {total:.0f} s."
    )
    return 0


def print_table(results: dict[str, Counter[str]]) -> None:
    print(
        "| change | n | target intact | exact | fuzzy | edge off ≤5% | twin | "
        "orphaned (miss) | re-anchored | target gone/changed | orphaned | kept in remainder "
        "| identical copy | **wrong** |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, counts in [*results.items(), ("**all**", sum(results.values(), Counter()))]:
        intact = sum(v for k, v in counts.items() if k.startswith("intact"))
        gone = sum(v for k, v in counts.items() if k.startswith("gone"))
        reanchored = sum(counts[f"intact:{k}"] for k in ("exact", "fuzzy", "near", "twin"))
        share = f"{100 * reanchored / intact:.1f}%" if intact else "-"
        wrong = counts["intact:wrong"] + counts["gone:wrong"]
        print(
            f"| {name} | {intact + gone} | {intact} | {counts['intact:exact']} | "
            f"{counts['intact:fuzzy']} | {counts['intact:near']} | {counts['intact:twin']} | "
            f"{counts['intact:orphan']} | {share} | {gone} | "
            f"{counts['gone:orphan']} | {counts['gone:kept']} | {counts['gone:twin']} | "
            f"**{wrong}** |"
        )


def unrelated_text(size: int) -> str:
    """Reference texts of WCXB pages from the end of the folder, which the runs above do
    not use: text none of the annotations came from."""
    folder = CORPUS / "wcxb-dev-articles" / "ground-truth"
    pieces: list[str] = []
    for path in sorted(folder.glob("*.json"), reverse=True):
        content = json.loads(path.read_text(encoding="utf-8"))["ground_truth"].get("main_content")
        pieces.append(content or "")
        if sum(map(len, pieces)) > size:
            break
    return "\n\n".join(pieces)[:size]


def print_speed(texts: list[str], rng: random.Random) -> None:
    """Times re-anchoring 100 annotations on a 50,000-character text after each change."""
    text = "\n\n".join(texts)[:50_000]
    notes = [
        create_annotation(1, text, start, end, color="yellow", now="2024-01-01T00:00:00Z")
        for start, end, _ in make_annotations(text, 100, rng)
    ]
    unrelated = unrelated_text(50_000)
    changes = {
        "unchanged (hash matches)": text,
        "lead paragraph added": apply_edits(text, add_lead(text))[0],
        "paragraph deleted": apply_edits(text, delete_paragraph(text, rng))[0],
        "whitespace and quotes normalised": apply_edits(text, normalise_spacing_and_quotes(text))[
            0
        ],
        "100 typos fixed": apply_edits(text, fix_typos(text, rng, 100))[0],
        "all synthetic changes at once": apply_edits(
            text,
            dedupe(
                insert_paragraphs(text, texts[1], rng)
                + fix_typos(text, rng)
                + add_lead(text)
                + normalise_spacing_and_quotes(text)
            ),
        )[0],
        "another article (all orphans, worst case)": unrelated,
    }
    print(
        "| 50,000 characters, 100 annotations | re-anchor time (median of 3) | placed | orphans |"
    )
    print("|---|---:|---:|---:|")
    for name, changed in changes.items():
        timings = []
        for _ in range(3):
            normalize.cache_clear()  # count folding the new text, as a first call would
            began = time.perf_counter()
            pairs = reanchor_all(changed, notes)
            timings.append(time.perf_counter() - began)
        orphans = sum(1 for _, found in pairs if found.is_orphan)
        median = sorted(timings)[1]
        print(f"| {name} | {1000 * median:.0f} ms | {len(pairs) - orphans} | {orphans} |")


if __name__ == "__main__":
    raise SystemExit(main())
