"""Library search finds exactly the entries whose text, full pinyin or initials hold the query."""

import random

from phrasebank.library.entry import Entry
from phrasebank.library.pinyin import keys
from phrasebank.library.search import SearchIndex


def test_every_entry_holding_the_query_is_found_and_no_other(nat_texts):
    texts = list(nat_texts.values())[:3]
    words = sorted({text[k : k + n] for text in texts for k in range(0, 4000, 7) for n in (2, 4, 6)})
    entries = [Entry(word) for word in words if word.strip()]
    index = SearchIndex(entries)
    rng = random.Random(3)
    queries = [rng.choice(entries).text[1:3] for _ in range(30)]  # inner and starting text
    chinese = [e.text for e in entries if all("\u4e00" <= ch <= "\u9fff" for ch in e.text)]
    queries += [keys(rng.choice(chinese))[0][:k] for k in (2, 3, 5, 8) for _ in range(10)]  # full pinyin
    queries += [keys(rng.choice(chinese))[1] for _ in range(10)]  # initials
    queries += [entries[-1].text, entries[-1].text[-1], "不会出现的短语"]  # the very end of the keys, nothing
    for query in queries:
        pinyin = query.isascii()
        expected = {
            e.text
            for e in entries
            if query in e.text or (pinyin and (query in keys(e.text)[0] or query in keys(e.text)[1]))
        }
        found = {e.text for e in index.search(query, limit=len(entries))}
        assert found == expected, query


def test_the_exact_phrase_and_then_starts_come_first():
    entries = [Entry(text) for text in ("推进高质量发展", "高质量发展", "高质量", "着力推动高质量发展")]
    found = [e.text for e in SearchIndex(entries).search("高质量发展")]
    assert found[0] == "高质量发展" and set(found) == {"推进高质量发展", "高质量发展", "着力推动高质量发展"}
