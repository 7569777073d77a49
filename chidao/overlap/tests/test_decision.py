"""The learned decision (``decision.py``): shipped as data, retrained to the same numbers,
better held out than the hand rule it replaced, and the one decision everyone applies."""

import json
from functools import cache

import pytest

from chidao.overlap.decision import (
    CANDIDATE_THRESHOLD,
    CONFLICT_THRESHOLD,
    DECISION_FILE,
    FEATURES,
    get_decision,
    get_features,
    is_same_work,
    lexicon_features,
)
from chidao.overlap.index import judge_pairs, read_pairs
from chidao.overlap.learning import (
    as_stored,
    decisions_match,
    fit,
    fit_trees,
    get_held_out,
    get_labelled_files,
    read_files,
    training_rows,
)
from chidao.overlap.quality import Tally

# One worker reads every labelled file once (``_read``, among the suite's longest steps) for
# the tests that fit or decide them all.
pytestmark = pytest.mark.xdist_group("overlap-test_decision")


@cache
def _read():
    return read_files()


def test_the_decision_is_plain_numbers_named_by_feature():
    stored = json.loads(DECISION_FILE.read_text(encoding="utf-8"))
    nodes = [node for tree in stored["trees"] for node in tree]

    assert stored["features"] == list(FEATURES)
    assert len(stored["trees"]) == stored["model"]["max_iter"]
    # Each split names a feature by its place in FEATURES; each leaf (-1) adds a number.
    assert {feature for feature, *_ in nodes} <= {-1, *range(len(FEATURES))}
    assert all(isinstance(value, float) for *_, value in nodes)
    assert 0 < stored["threshold"] < 1


def test_the_shipped_decision_is_a_fresh_retrain_and_decides_as_scikit_learn_does():
    # One fit serves both checks (refitting the trees is among the suite's longest steps).
    # The shipped trees are what a retrain on every labelled file gives; walked in
    # decision.py without scikit-learn, they give scikit-learn's own probabilities on every
    # labelled pair (leaves stored to 6 digits).
    import numpy as np

    files = list(_read())
    model = fit_trees(files)
    stored = json.loads(DECISION_FILE.read_text(encoding="utf-8"))
    fresh = as_stored(model, files)

    assert fresh["trained_on"] == sorted(labelled.name for labelled in get_labelled_files())
    assert decisions_match(stored, fresh), "retrain: manage.py overlap_decision"

    x = np.array(training_rows(files))
    theirs = model.predict_proba(x)[:, 1]
    ours = np.array([get_decision().probability_of(list(row)) for row in x])

    assert np.abs(theirs - ours).max() < 1e-4


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Công bố danh mục dữ liệu mở của tỉnh năm 2026", "Ban hành danh mục dữ liệu mở của tỉnh"),
        (
            "Vận hành Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh",
            "Duy trì vận hành hiệu quả Trung tâm IOC tỉnh",
        ),
    ],
)
def test_wording_more_alike_never_makes_a_pair_less_likely_the_same_work(a, b):
    # The trees are bound (learning.MONOTONE): read once, the same pair at a higher score
    # is never less likely the same work.
    ((_, comparison),) = read_pairs([(a, b)])
    probabilities = [
        get_decision().probability(score / 100, comparison) for score in range(28, 101, 4)
    ]

    assert probabilities == sorted(probabilities)
    assert probabilities[-1] > probabilities[0]


def test_retraining_on_other_pairs_gives_other_weights():
    stored = json.loads(DECISION_FILE.read_text(encoding="utf-8"))
    # One writer's set is enough to learn other trees, and quick to fit.
    fewer = fit([file for file in _read() if file.group == "unseen"])

    assert not decisions_match(stored, fewer)


def _pooled(rows, which) -> Tally:
    total = Tally()
    for row in rows:
        part = getattr(row, which)
        total.pairs += part.pairs
        total.true_positives += part.true_positives
        total.false_positives += part.false_positives
        total.false_negatives += part.false_negatives
        total.true_negatives += part.true_negatives
    return total


def test_held_out_set_by_set_it_finds_more_at_the_precision_of_the_hand_rule():
    # Each independently written set decided by a model trained without it (both halves
    # left out together): docs/overlap.md, "Eighth session" (pooled 0.853 / 0.770 against
    # the hand rule's 0.859 / 0.746, which had been tuned on most of these sets); with the
    # sixth set and a conflict never the same work, 0.845 / 0.741 against 0.848 / 0.718;
    # with initialisms learned from the committee's wording, which the hand rule reads too
    # (s-initials), 0.851 / 0.750 against 0.850 / 0.733; reading candidates from 0.18
    # with the scope signals (s-tuner7), 0.853 / 0.784: issue [S]'s precision kept; with
    # the eighth set, whose Railways, Petrovietnam and Statistics titles the reader
    # misreads (s-tuner9), 0.849 / 0.760 against 0.832 / 0.668; with a body named first
    # not read as the work and short forms it cannot spell out no action (s-tuner9),
    # 0.850 / 0.763 against 0.832 / 0.670; with the tenth set (s-refit10), 0.840 / 0.756
    # against 0.815 / 0.631; with s-tuner11, s-parent, s-lexical, the eleventh set's
    # development half and the probability bar at 0.55, 0.856 / 0.764 against 0.816 /
    # 0.643: the issue's precision held out again; with the eleventh and twelfth sets'
    # test halves added after each was scored once (tight templates on neighbouring
    # objects, free paraphrases; 30 files), 0.835 / 0.756 against 0.811 / 0.626; with the
    # thirteenth and fourteenth sets (33 files), 0.824 / 0.751 against 0.799 / 0.607; with
    # t-explain, t-share and the fifteenth and sixteenth sets (37 files), 0.818 / 0.747
    # against 0.796 / 0.589; with t-read, t-decide, t-level, t-read2 and the seventeenth
    # set (39 files), 0.825 / 0.754 against 0.795 / 0.595; the decision as gradient-boosted
    # trees, bound (learning.MONOTONE), with t-lines, the plankind and eighteenth sets (43
    # files), 0.848 / 0.760 against 0.794 / 0.607 (the regression on 41 of them: 0.824 /
    # 0.751); with the nineteenth set (45 files), 0.849 / 0.760 against 0.792 / 0.616;
    # with t-abbrev and the twentieth and twenty-first sets (49 files), 0.849 / 0.759
    # against 0.786 / 0.623; with t-ambig, t-dev24 and the twenty-second to twenty-fifth
    # sets (57 files), 0.839 / 0.762 against 0.770 / 0.611; the hand rule's verdict bound
    # (learning.MONOTONE), 0.837 / 0.761; with t-dev26 and the twenty-sixth and
    # twenty-seventh sets (61 files), 0.840 / 0.762 against 0.767 / 0.621; with t-reader2,
    # t-fa2 and the twenty-eighth and twenty-ninth sets and Quảng Ninh's plan (65 files),
    # 0.844 / 0.763 against 0.761 / 0.624; with t-lex's lexicon (the bar 0.45), t-fa3 and
    # the thirtieth to thirty-second sets (71 files), 0.863 / 0.802 against 0.752 / 0.631;
    # with the thirty-third to thirty-fifth sets and Huế's plan (77 files), 0.867 / 0.800
    # against 0.746 / 0.634; with t-part's bar for a part in conflict, the thirty-sixth to
    # fortieth sets and the Thái Nguyên and Bộ VHTTDL plans (87 files), 0.872 / 0.823
    # against 0.739 / 0.645; with t-obj3's template reading, the forty-first to forty-fifth
    # sets and the Gia Lai and Bộ NN&MT plans (97 files), 0.882 / 0.827 against 0.736 /
    # 0.652; with the forty-sixth to forty-eighth sets (103 files), 0.885 / 0.829 against
    # 0.732 / 0.655.
    rows = get_held_out(list(_read()))
    rule, learned = _pooled(rows, "rule"), _pooled(rows, "learned")

    assert learned.precision >= rule.precision - 0.01
    assert learned.precision >= 0.83
    assert learned.recall >= rule.recall + 0.04
    assert learned.f1 > rule.f1


def test_below_the_hand_rules_lowest_bar_a_part_in_its_own_words_is_found():
    # s-tuner7: pairs scoring 0.18–0.28 reach the decision ("Hỗ trợ doanh nghiệp trên
    # địa bàn tỉnh áp dụng tiêu chuẩn …" / "Phường Phan Đình Phùng vận động doanh nghiệp
    # nhỏ … áp dụng …", 0.22). In sample: 42 found, 12 false alarms over every file; with
    # the eleventh and twelfth sets (whose free paraphrases score low): 138 found, 52 false
    # alarms; with the thirteenth to sixteenth sets: 214 found, 84 false alarms.
    found = Tally()
    decision = get_decision()
    for read in _read():
        for score, row, one_sided, label in zip(
            read.scores, read.features, read.one_sided, read.labels, strict=True
        ):
            values = [*row, *lexicon_features(one_sided, decision.lexicon)]
            if score < 0.28 and decision.decides(score, values):
                found.pairs += 1
                found.true_positives += label
                found.false_positives += not label

    assert found.true_positives >= 35
    assert found.precision >= 0.71


def test_a_pair_scoring_below_the_candidate_bar_is_never_the_same_work():
    (score, comparison), *_ = read_pairs(
        [
            (
                "Xây dựng cơ sở dữ liệu đất đai của tỉnh",
                "Tổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2025",
            )
        ]
    )

    assert score < CANDIDATE_THRESHOLD
    assert not is_same_work(score, comparison)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # Worded apart, the short form defined in one and used bare in the other.
        (
            "Vận hành Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh",
            "Duy trì vận hành hiệu quả Trung tâm IOC tỉnh",
            True,
        ),
        # Worded alike, another database.
        (
            "Kết nối cơ sở dữ liệu của tỉnh với Cơ sở dữ liệu quốc gia về dân cư",
            "Kết nối cơ sở dữ liệu của tỉnh với Cơ sở dữ liệu quốc gia về bảo hiểm",
            False,
        ),
    ],
)
def test_the_decision_and_its_explanation_come_from_one_reading(a, b, same):
    (judged,) = judge_pairs([(a, b)])
    (score, comparison), *_ = read_pairs([(a, b)])

    assert judged.same is same
    assert judged.same == (
        get_decision().probability(score, comparison) >= get_decision().threshold
    )
    assert len(get_features(score, comparison)) == len(FEATURES)
    # The explanation is the parts' own: what differs is named.
    if not same:
        assert "khác đối tượng" in judged.comparison.summary


def test_owners_named_apart_are_read_by_the_decision_not_a_veto():
    # s-tuner8: the same action on two named owners is a feature of the decision (its
    # reason and its signal), never a conflict that refuses the pair outright.
    ((score, comparison),) = read_pairs(
        [
            (
                "Lắp đặt camera an ninh tại phường Rạch Giá năm 2026",
                "Lắp đặt camera an ninh tại đặc khu Phú Quốc năm 2026",
            )
        ]
    )
    values = dict(zip(FEATURES, get_features(score, comparison), strict=True))

    assert values["reason_owner"] == 1.0
    assert values["owners_apart"] == 1.0
    assert values["conflict"] == 0.0
    assert 0.0 < get_decision().probability(score, comparison) < 1.0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # A unit's share whose deadline comes before its parent's: the reader's "khác thời
        # gian: 2028 / 2027" is a conflict, and the trees, weighing it with all else, are
        # sure all the same (the thirtieth set, commune_share).
        (
            "Tổng công ty Lâm nghiệp Việt Nam triển khai hệ thống quản trị nguồn lực doanh "
            "nghiệp (ERP) với các phân hệ tài chính - kế toán, vật tư, bán hàng tại Công ty "
            "mẹ và 12 đơn vị hạch toán phụ thuộc, vận hành chính thức từ 01/01/2028",
            "Ban Tài chính - Kế toán Tổng công ty chuẩn hóa hệ thống tài khoản và danh mục "
            "dùng chung cho ERP của Công ty mẹ và 12 đơn vị phụ thuộc, xong trước 30/4/2027",
            True,
        ),
        # A ward's share of the national civil-status digitisation, the records' own years
        # read as the work's (the twenty-third set, commune_share).
        (
            "UBND phường Pleiku số hóa 312 cuốn sổ khai sinh, kết hôn, khai tử lưu tại phường "
            "và cập nhật lên CSDL hộ tịch điện tử, xong QIV/2026",
            "Số hóa toàn bộ sổ hộ tịch giấy lưu tại Sở và UBND các xã, phường (khai sinh, kết "
            "hôn, khai tử từ 1975 đến 2015), cập nhật vào Cơ sở dữ liệu hộ tịch điện tử toàn "
            "quốc; hoàn thành trước 30/6/2027",
            True,
        ),
        # Conflicts the trees are not sure of stay refused: another database, another
        # review stage.
        (
            "Kết nối cơ sở dữ liệu của tỉnh với Cơ sở dữ liệu quốc gia về dân cư",
            "Kết nối cơ sở dữ liệu của tỉnh với Cơ sở dữ liệu quốc gia về bảo hiểm",
            False,
        ),
        (
            "Tổ chức sơ kết 2 năm thực hiện Nghị quyết 57 của tỉnh",
            "Tổ chức tổng kết 5 năm thực hiện Nghị quyết 57 của tỉnh",
            False,
        ),
    ],
)
def test_a_conflict_is_the_same_work_only_where_the_trees_are_sure(a, b, same):
    # t-part: a part in conflict is no veto from CONFLICT_THRESHOLD.
    ((score, comparison),) = read_pairs([(a, b)])
    probability = get_decision().probability(score, comparison)

    assert comparison.conflict
    assert is_same_work(score, comparison) is same
    assert is_same_work(score, comparison) == (probability >= CONFLICT_THRESHOLD)
