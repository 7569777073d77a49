"""The finder keeps its measured quality on the labelled pairs (docs/overlap.md)."""

from chidao.overlap.quality import (
    TARGET_PRECISION,
    TARGET_RECALL,
    get_labelled_pairs,
    get_quality,
)


def test_the_labelled_set_is_large_and_mixed():
    pairs = get_labelled_pairs()
    kinds = {pair.kind for pair in pairs}

    assert len(pairs) >= 150
    assert 0.3 < sum(pair.overlap for pair in pairs) / len(pairs) < 0.7
    assert {"reorder", "nodiac", "abbrev", "unit", "paraphrase", "different"} <= kinds


def test_precision_and_recall_meet_the_target_at_the_threshold():
    quality = get_quality()

    assert quality.precision >= TARGET_PRECISION, quality
    assert quality.recall >= TARGET_RECALL, quality
