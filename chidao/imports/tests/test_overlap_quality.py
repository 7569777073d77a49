"""``manage.py overlap_quality --pairs FILE.jsonl [--json]`` (issue [S]): any labelled file,
scored as the product decides."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from chidao.overlap.decision import get_decision
from chidao.overlap.index import DATA
from chidao.overlap.quality import TARGET_RECALL_UNSEEN


def _run(path) -> dict:
    out = StringIO()
    call_command("overlap_quality", "--pairs", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_command_scores_the_test_half_as_the_product_does():
    result = _run(DATA / "pairs_test.jsonl")

    assert set(result) == {"pairs", "threshold", "precision", "recall", "f1"}
    assert result["pairs"] == 174
    # The learned decision's threshold: a probability (docs/overlap.md, "Eighth session").
    assert result["threshold"] == get_decision().threshold
    # Measured (docs/overlap.md; sixth to eighth sessions 0.943 / 0.980; with initialisms
    # learned from the committee's wording, ninth, 0.942 / 0.961; refitted with the
    # eighth set, s-tuner9, 0.941 / 0.941, two pairs more missed; with the ninth set,
    # s-refit9, 0.939 / 0.902; main 6f51a72 0.959 / 0.922; with office synonyms,
    # s-synonyms, 0.957 / 0.882, two pairs more missed while held out pooled gained;
    # with the thirteenth and fourteenth sets in the fit, 0.922 / 0.922): the floor.
    assert result["precision"] >= 0.92
    assert result["recall"] >= 0.88


def test_the_command_scores_the_unseen_set_as_measured():
    # Met the target from the fifth session of [S] to the seventh (0.870 / 0.851), as
    # development data; the eighth's learned decision trades precision for recall there
    # (0.837 / 0.872, docs/overlap.md; 0.840 / 0.894 with learned initialisms): the
    # command reports what the product decides.
    result = _run(DATA / "pairs_unseen.jsonl")

    assert result["precision"] >= 0.84
    assert result["recall"] >= TARGET_RECALL_UNSEEN


def test_the_text_report_names_each_kind_and_the_worst_errors():
    out = StringIO()
    call_command("overlap_quality", "--pairs", str(DATA / "pairs_dev.jsonl"), stdout=out)
    text = out.getvalue()

    assert text.startswith(f"172 pairs at threshold {get_decision().threshold:.2f}: precision ")
    assert "object" in text
    assert "acronym" in text
    assert "worst errors:" in text


def test_a_bad_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a": "x", "b": "y", "same": true}\n{"a": "x"}\n', encoding="utf-8")

    with pytest.raises(CommandError, match="line 2"):
        _run(path)
    with pytest.raises(CommandError, match="cannot read"):
        _run(tmp_path / "missing.jsonl")
    with pytest.raises(CommandError, match="needs --pairs"):
        call_command("overlap_quality", "--json", stdout=StringIO())
