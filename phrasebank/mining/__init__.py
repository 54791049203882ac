"""From corpora to phrase banks: the `miner` (with `ngrams`, `forms`, `patterns`), `banks` (`mine(paths)` and
the cached built-in banks), the bundled `corpora`, and `review` of the writer's own old reports.

Nothing is re-exported here: numpy loads only when the miner is imported."""
