"""The command lines: `phrasebank …` (`main`, with `library` for the personal library) and
`gongwen-desk export/check` (`desk`)."""

import sys

#: The batch commands of `gongwen-desk` (`desk`), known without importing them (the window starts faster).
DESK_COMMANDS = ("export", "check")


def tolerant_output() -> None:
    """Let a console whose encoding lacks a character (𠮷 under a GBK locale) show "?" for it instead of
    failing the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                continue
