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


# --- Issue [S]: a new labelled set, split once into a development and a test half -------

import json  # noqa: E402
from io import StringIO  # noqa: E402

import pytest  # noqa: E402
from django.core.management import CommandError, call_command  # noqa: E402

from chidao.overlap.index import DATA, THRESHOLD  # noqa: E402
from chidao.overlap.quality import (  # noqa: E402
    TARGET_PRECISION_UNSEEN,
    TARGET_RECALL_UNSEEN,
    read_labelled_lines,
)

HARD = {"object", "stage", "action", "period"}


def _run(path) -> dict:
    out = StringIO()
    call_command("overlap_quality", "--pairs", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_new_set_is_large_split_in_two_and_mostly_hard_negatives():
    halves = [
        read_labelled_lines((DATA / f"pairs_{half}.jsonl").open(encoding="utf-8"))
        for half in ("dev", "test")
    ]
    pairs = [pair for half in halves for pair in half]
    negatives = [pair for pair in pairs if not pair["same"]]

    assert len(pairs) >= 300
    assert all(len(half) >= 150 for half in halves)
    assert sum(pair["kind"] in HARD for pair in negatives) >= len(negatives) / 2
    # Split by family of wordings: no text of the test half was seen while tuning.
    dev_texts = {text for pair in halves[0] for text in (pair["a"], pair["b"])}
    assert not dev_texts & {text for pair in halves[1] for text in (pair["a"], pair["b"])}


def test_the_command_scores_a_file_as_the_product_does():
    result = _run(DATA / "pairs_test.jsonl")

    assert set(result) == {"pairs", "threshold", "precision", "recall", "f1"}
    assert result["pairs"] == 174
    assert result["threshold"] == THRESHOLD
    # Measured on the unseen half (docs/overlap.md): the floor it must not fall below.
    assert result["precision"] >= 0.81
    assert result["recall"] >= 0.86


@pytest.mark.xfail(
    strict=True,
    reason="not met yet: precision 0.815 at recall 0.863 on the test half (docs/overlap.md)",
)
def test_the_unseen_half_meets_the_target():
    result = _run(DATA / "pairs_test.jsonl")

    assert result["precision"] >= TARGET_PRECISION_UNSEEN
    assert result["recall"] >= TARGET_RECALL_UNSEEN


def test_a_bad_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a": "x", "b": "y", "same": true}\n{"a": "x"}\n', encoding="utf-8")

    with pytest.raises(CommandError, match="line 2"):
        _run(path)
    with pytest.raises(CommandError, match="cannot read"):
        _run(tmp_path / "missing.jsonl")
