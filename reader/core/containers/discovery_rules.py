"""Which file names a folder walk (or a zip) skips: hidden and system files, and non-pages."""

from __future__ import annotations

import posixpath

SYSTEM_NAMES = frozenset(
    {
        ".ds_store",
        "thumbs.db",
        "desktop.ini",
        "__macosx",
        "ehthumbs.db",
        "icon\r",
        ".spotlight-v100",
        ".trashes",
        ".fseventsd",
        "$recycle.bin",
    }
)

# Extensions of files that are never a saved page. Unknown extensions are not in this list:
# content sniffing gets a chance at them.
NOT_PAGE_EXTENSIONS = frozenset(
    {
        # images
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
        ".avif",
        ".bmp",
        ".tif",
        ".tiff",
        ".ico",
        ".svg",
        ".heic",
        ".psd",
        # style, scripts, data the page loads
        ".css",
        ".js",
        ".mjs",
        ".map",
        ".json",
        ".jsonl",
        ".xml",
        ".cdx",
        ".cdxj",
        ".idx",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        # documents and media that are not saved pages
        ".pdf",
        ".epub",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".odt",
        ".rtf",
        ".mp3",
        ".mp4",
        ".m4a",
        ".wav",
        ".ogg",
        ".webm",
        ".mov",
        ".avi",
        ".mkv",
        ".flac",
        # software and other archives
        ".exe",
        ".dll",
        ".so",
        ".dylib",
        ".bin",
        ".iso",
        ".dmg",
        ".apk",
        ".jar",
        ".pyc",
        ".7z",
        ".rar",
        ".tar",
        ".bz2",
        ".xz",
        ".zst",
        ".db",
        ".sqlite",
        ".lnk",
        ".swf",
    }
)


def is_hidden_or_system(path: str) -> bool:
    """True when any component of ``path`` (``/``-separated) is a dotfile or a system file."""
    for component in path.replace("\\", "/").split("/"):
        if not component:
            continue
        if component.startswith(".") or component.lower() in SYSTEM_NAMES:
            return True
        if component.startswith("._"):  # AppleDouble resource forks
            return True
    return False


def is_clearly_not_a_page(path: str) -> bool:
    """True for names whose extension says image, style sheet, script, font, PDF, media..."""
    return posixpath.splitext(path.replace("\\", "/").lower())[1] in NOT_PAGE_EXTENSIONS
