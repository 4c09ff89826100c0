"""Running the search bar's queries: results, facets, syntax errors and history.

``SearchController`` owns the current query. It runs each query off the GUI thread through a
``SearchSession`` (results of superseded queries are dropped), shows ``QueryError`` messages
inline in the bar, counts facets in a second task once the results are shown, and keeps the
search history for completion. The window listens to ``results_ready`` and ``cleared``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.errors import QueryError
from reader.ui import operations
from reader.ui.tasks import SearchSession, TaskRunner
from reader.ui.widgets.search_bar import SearchBar

FACETS_DELAY_MS = 600


class SearchController(QObject):
    results_ready = Signal(object, object, str)  # ids, snippets by id, status line
    cleared = Signal()  # the query was emptied: back to the sidebar's list
    failed = Signal(str)  # an error that is not the query's fault

    def __init__(self, runner: TaskRunner, bar: SearchBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.bar = bar
        self.session = SearchSession(runner)
        self.query = ""
        bar.query_changed.connect(self.run_query)
        bar.query_submitted.connect(self._on_bar_query_submitted)

    def run_query(self, query: str) -> None:
        """Runs a search in the background; an empty query clears the search."""
        self.query = query.strip()
        if not self.query:
            self.session.cancel()
            self.bar.show_error("")
            self.bar.show_facets({})
            self.cleared.emit()
            return
        if self._runner.library is None:
            return
        self.bar.show_status("Searching…")
        self.session.submit(
            lambda library: operations.run_search(library, query),
            self._on_search_succeeded,
            self._on_search_failed,
        )

    def reset(self) -> None:
        """Forgets the query without running anything (the user picked a sidebar source)."""
        if self.query:
            self.session.cancel()
            self.bar.set_query("", announce=False)
            self.query = ""
            self.bar.show_facets({})
            self.bar.show_error("")

    def load_history(self) -> None:
        """Loads the search history for completion (in the background)."""
        library = self._runner.library
        if library is not None and hasattr(library, "search_history"):
            self._runner.run(
                lambda lib: lib.search_history(), self.bar.set_history, lambda _error: None
            )

    def _on_bar_query_submitted(self, query: str) -> None:
        self.run_query(query)
        library = self._runner.library
        if query.strip() and library is not None and hasattr(library, "remember_search"):
            self._runner.run(
                lambda lib: lib.remember_search(query.strip()),
                lambda _result: self.load_history(),
                lambda _error: None,  # history is a convenience: a failed write loses one entry
                writes=True,
            )

    def _on_search_succeeded(self, query_id: int, outcome: operations.SearchOutcome) -> None:
        results = outcome.results
        self.bar.show_error("")
        status = f"{len(outcome.ids)} match(es)"
        if len(results.hits) < len(outcome.ids):
            status += f"; the best {len(results.hits)} first, by relevance"
        self.bar.show_status(status)
        self.results_ready.emit(
            outcome.ids, {hit.article_id: hit.snippet for hit in results.hits}, status
        )
        # Facets wait until the user pauses: counting them costs about as much as the
        # search, and while typing it would only slow the next query down.
        # The controller is the timer's context: a closed window cancels the pending count.
        QTimer.singleShot(
            FACETS_DELAY_MS, self, lambda: self._count_facets(query_id, results.query)
        )

    def _count_facets(self, query_id: int, query: str) -> None:
        if query_id != self.session.latest_id:
            return

        def facets_counted(facets: dict[str, list[tuple[str, int]]]) -> None:
            if query_id == self.session.latest_id:
                self.bar.show_facets(facets)

        self._runner.run(
            lambda library: operations.count_facets(library, query),
            facets_counted,
            lambda _error: None,  # facets are a convenience: no chips is the failure mode
        )

    def _on_search_failed(self, _query_id: int, error: BaseException) -> None:
        if isinstance(error, QueryError):
            self.bar.show_error(str(error))
            self.bar.show_status("")
        else:
            self.failed.emit(str(error) or type(error).__name__)
