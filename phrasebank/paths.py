"""Where the product keeps its files: user data (GONGWEN_DATA_DIR overrides), cache, resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "gongwen-desk"

#: Shipped data: bundled corpus, templates, formulation lists.
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BUNDLED_CORPUS = RESOURCES / "corpus" / "supervision"


def data_dir() -> Path:
    """The writer's data folder (personal library, drafts, backups); created on demand."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Rebuildable files (jieba's dictionary cache, the built-in bank); under the data folder when overridden."""
    override = os.environ.get("GONGWEN_DATA_DIR")
    path = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
