"""Report files in and out: reading TXT and Word files (`files`, `reader`, `list_numbers`), the GB/T 9704
page plan (`layout`, `typeset`, `masthead`) and the DOCX writer (`writer`), opening and saving a report
(`report`), autosaved drafts, font checks and counts.

Nothing is re-exported here: python-docx loads only when a module that needs it is imported."""
