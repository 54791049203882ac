"""`python -m phrasebank.cli`: the `phrasebank` command."""

from phrasebank.cli.main import main

raise SystemExit(main())
