"""Where the product keeps its files: user data (GONGWEN_DATA_DIR overrides), cache, resources."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import platformdirs

from phrasebank.errors import PhrasebankError, os_reason

APP_NAME = "gongwen-desk"


def _shipped_data() -> Path:
    """Where the shipped data lies: the `phrasebank.resources` package of an installed wheel (a folder beside
    this file), or the source tree's `resources/` folder (the same folder, mapped to that package by
    pyproject.toml). Looked for on disk: `importlib.resources` took 6 ms of the editor's start."""
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    return installed if installed.is_dir() else here.parent / "resources"


RESOURCES = _shipped_data()
BUNDLED_CORPUS = RESOURCES / "corpus" / "supervision"


def resource(*parts: str) -> Path:
    """A shipped file or folder; an error saying the installation is incomplete when it is missing or empty."""
    path = RESOURCES.joinpath(*parts)
    present = (path.is_file() and path.stat().st_size > 0) or (path.is_dir() and any(path.iterdir()))
    if not present:
        name = "/".join(parts)
        raise PhrasebankError(f"缺少随程序提供的资源 {name}（应在 {path}）：安装不完整，请重新安装公文写作台。")
    return path


def data_dir() -> Path:
    """The writer's data folder (personal library, drafts, backups); created on demand."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    _make_folder(path, "GONGWEN_DATA_DIR" if override else "数据文件夹")
    return path


def _make_folder(path: Path, what: str) -> None:
    """Create a folder the product needs; a clear error when that is impossible (a file in the way)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise PhrasebankError(f"{what} 指向的 {path} 不是文件夹。") from None
    except OSError as exc:
        raise PhrasebankError(f"无法创建{what} {path}：{os_reason(exc)}") from None


def cache_dir() -> Path:
    """Rebuildable files (jieba's dictionary cache, the built-in bank); under the data folder when overridden."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    path = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    _make_folder(path, "缓存文件夹")
    return path


def read_only_uri(path: Path) -> str:
    """An SQLite URI opening `path` read-only; the path is percent-encoded (# and ? are path characters)."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


@functools.cache
def whole_formulations() -> tuple[str, ...]:
    """The shipped canonical formulations that are one phrase (no list in them), longest first: text that
    a title break or a renewed draft keeps whole (习近平新时代中国特色社会主义思想)."""
    try:
        lines = (RESOURCES / "formulations.tsv").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    texts = {line.split("\t")[0] for line in lines if line and not line.startswith("#")}
    whole = (text for text in texts if len(text) >= 4 and "、" not in text and "，" not in text)
    return tuple(sorted(whole, key=len, reverse=True))
