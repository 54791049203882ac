"""The command lines: `phrasebank …` (`main`, with `library` for the personal library) and
`gongwen-desk export/check` (`desk`)."""
