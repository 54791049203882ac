"""Characters, words and encodings, knowing nothing of reports: the character vocabulary (`chars`),
jieba word segmentation (`segment`), text-file decoding (`encoding`) and sanitising (`sanitise`)."""
