"""Gongwen Desk's Qt application: windows, panels and the editor, thin over `phrasebank`."""
