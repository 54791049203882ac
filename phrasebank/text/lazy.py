"""Regular expressions compiled where they are first used, not when their module is imported: the editor's
start compiled some eighty it had no use for yet (30 ms)."""

from __future__ import annotations

import re
from typing import cast


class _Pattern:
    """Stands for `re.compile(pattern, flags)`; compiles on the first use of a method, which is then kept on
    the instance, so later uses cost what they cost on the compiled pattern."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return _Pattern, (self.pattern, self._flags)  # (what it keeps once used, bound methods, cannot be pickled)

    def __getattr__(self, name: str) -> object:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled at its first use (`.pattern` does not compile it)."""
    return cast("re.Pattern[str]", _Pattern(pattern, flags))
