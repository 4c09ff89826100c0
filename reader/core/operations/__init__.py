"""Domain operations behind the ``Library`` facade, one module per domain.

Each function works inside a transaction the facade opens and returns what the facade needs
(for instance the article ids to re-index); callers outside ``reader.core`` use ``Library``.
"""
