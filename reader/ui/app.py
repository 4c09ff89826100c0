"""Starting the application: ``run_app`` (used by ``archival-reader gui``) and ``main``.

The archive is opened (and the demo archive built) off the GUI thread behind a progress
dialog. With ``screenshot`` set, the window is brought to the requested state (article open,
query applied), grabbed with ``QWidget.grab()`` once every task has finished, saved as PNG,
and the application exits; this works with ``QT_QPA_PLATFORM=offscreen``.

Settings live in the platform's usual place, or in the INI file named by the environment
variable ``ARCHIVAL_READER_SETTINGS`` (tests and scripted screenshots use a fresh one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from reader.core.errors import ArchiveLocked
from reader.core.progress import Progress, ProgressCallback
from reader.ui import tasks
from reader.ui.main_window import MainWindow

if TYPE_CHECKING:
    from reader.core.library import Library

SETTINGS_ENVIRONMENT = "ARCHIVAL_READER_SETTINGS"
ORGANISATION = "archival-reader"
APPLICATION = "Archival Reader"


def open_settings() -> QSettings:
    """The settings store: the INI file from the environment, or the platform default."""
    path = os.environ.get(SETTINGS_ENVIRONMENT)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, "archival-reader")


def _import_core() -> object:
    import importlib

    return importlib.import_module("reader.core.library")


def _open_archive(
    archive: Path, build_demo: bool, report: ProgressCallback, read_only: bool = False
) -> Library:
    from reader.core.library import Library

    if read_only:
        return Library.open(archive, read_only=True)
    if build_demo:
        from reader.core.demo import build_demo_archive

        report(Progress("Building the demo archive", 0, 0))
        archive = build_demo_archive(progress=report, target=archive)
    report(Progress("Opening the archive", 0, 0))
    return Library.open(archive)


def run_app(
    archive: Path,
    *,
    build_demo: bool = False,
    screenshot: Path | None = None,
    open_id: int | None = None,
    query: str | None = None,
) -> int:
    """Runs the application on ``archive``; returns the process exit code.

    Args:
        archive: the archive folder (created if missing).
        build_demo: build (or reuse) the demo archive from ``resources/samples`` at ``archive``.
        screenshot: save the window as this PNG once loaded, then exit.
        open_id: open this article once the archive is open.
        query: start with this search.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    runner = tasks.create_runner()
    # Importing the core (the import pipeline, trafilatura...) is most of the start-up: begin
    # it on a worker now, while this thread builds the window.
    runner.call(_import_core, lambda _module: None, lambda _error: None)
    window = MainWindow(runner, open_settings())
    window.show()
    outcome = {"code": 0}

    progress = QProgressDialog("Opening the archive…", "", 0, 0, window)
    progress.setWindowTitle(APPLICATION)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def on_progress(report: Progress) -> None:
        progress.setLabelText(report.label)
        progress.setMaximum(report.maximum)
        progress.setValue(min(report.value, report.maximum) if report.maximum else 0)

    def on_opened(library: Library) -> None:
        progress.reset()
        window.set_library(library)
        if query:
            window.search_bar.set_query(query)
        if open_id is not None:
            window.open_article(open_id)
            window.when_idle(lambda: _select(window, open_id))
        if screenshot is not None:
            window.when_idle(lambda: _save_screenshot(window, screenshot, outcome))

    def on_failed(error: BaseException) -> None:
        progress.reset()
        if isinstance(error, ArchiveLocked) and (
            screenshot is not None or _read_only_accepted(window, error)
        ):
            runner.call(
                lambda: _open_archive(archive, False, report, read_only=True),
                on_opened,
                on_failed,
            )
            return
        message = f"Cannot open the archive at {archive}:\n{error}"
        if screenshot is not None:
            print(message, file=sys.stderr)
            outcome["code"] = 1
            app.exit(1)
            return
        QMessageBox.critical(window, APPLICATION, message)
        app.exit(1)

    report = runner.progress_relay(on_progress)
    runner.call(
        lambda: _open_archive(archive, build_demo, report), on_opened, on_failed, writes=True
    )
    code = app.exec()
    runner.wait()
    window.save_layout()
    library = runner.library
    if library is not None:
        library.close()
    return outcome["code"] or code


def _read_only_accepted(window: MainWindow, error: ArchiveLocked) -> bool:
    """Asks whether to read an archive that another program is writing to."""
    answer = QMessageBox.question(
        window,
        APPLICATION,
        f"The {error}: another Archival Reader (or a command) is writing to it.\n\n"
        "Open it read-only? You can read and search, but not import, annotate or organise.",
    )
    return answer == QMessageBox.StandardButton.Yes


def _select(window: MainWindow, article_id: int) -> None:
    window.select_article(article_id)


def _save_screenshot(window: MainWindow, path: Path, outcome: dict[str, int]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    window.repaint()
    if not window.grab().save(str(path), "PNG"):
        print(f"could not save the screenshot to {path}", file=sys.stderr)
        outcome["code"] = 1
    app = QApplication.instance()
    if app is not None:
        app.quit()


def gui_arguments(argv: list[str]) -> list[str]:
    """Rewrites ``archival-reader-gui`` arguments for the CLI: global options go before
    ``gui``, the window's own options (``--screenshot``, ``--open``, ``--query``) after it."""
    global_options: list[str] = []
    gui_options: list[str] = []
    rest = iter(argv)
    for argument in rest:
        if argument in ("--demo", "--version"):
            global_options.append(argument)
        elif argument == "--archive":
            global_options.extend([argument, next(rest, "")])
        elif argument.startswith("--archive="):
            global_options.append(argument)
        else:
            gui_options.append(argument)
    return [*global_options, "gui", *gui_options]


def main() -> int:
    """The ``archival-reader-gui`` entry point: the CLI's ``gui`` command, with its options."""
    from reader.cli.main import main as cli_main

    return cli_main(gui_arguments(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
