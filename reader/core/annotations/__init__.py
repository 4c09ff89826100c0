"""Annotations: the W3C data model, anchoring in changing text, exports. Pure functions only.

Parts:

- ``model``: ``Annotation``, the two W3C selectors, ``Anchor``/``AnchorStatus``, links.
- ``palette``: highlight colours with editable code names ("Claim", "Evidence"...).
- ``create``: a new annotation from a selection; edits and tombstones.
- ``selectors``: ``describe(text, start, end)`` and the W3C JSON form of selectors.
- ``normalize``: the folded view of a text (spacing, quote marks, dashes) with offset map.
- ``match_quote``: bit-parallel approximate search and candidate scoring.
- ``anchoring``: ``anchor``, ``reanchor_all``, ``refresh_selectors``; never places wrongly,
  keeps orphans.
- ``merge``: merge by id and modification time; sorting.
- ``jsonld``, ``export_markdown``, ``export_csv``, ``export_html``: exports (and JSON-LD import).

No storage, clock (except ``utc_now`` defaults) or Qt here: the store keeps the JSON
and indexed columns, the UI converts code-point offsets to its own.
"""
