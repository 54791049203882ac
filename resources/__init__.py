"""Shipped data: corpora, templates, word lists. Installed as the package data of `phrasebank.resources`."""
