"""The finder keeps its measured quality on the labelled pairs (docs/overlap.md).

Since the eighth session the decision is learned from every labelled file here
(``decision.py``, ``learning.py``): the figures below are those of the shipped decision,
which has seen each of these pairs in training. What it does on a set it has not seen is
the leave-one-set-out table of docs/overlap.md ("Eighth session"), checked in
``test_decision.py``. Figures before the learned decision are in the comments.
"""

from functools import cache

import pytest

from chidao.overlap.index import DATA
from chidao.overlap.quality import (
    TARGET_PRECISION,
    TARGET_PRECISION_UNSEEN,
    TARGET_RECALL,
    TARGET_RECALL_UNSEEN,
    get_labelled_pairs,
    get_pairs_quality,
    get_quality,
    read_labelled_lines,
)

# One worker reads every half, each once (``_quality``).
pytestmark = pytest.mark.xdist_group("overlap-test_quality")


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
# (``manage.py overlap_quality --pairs`` lives in ``imports``: chidao/imports/tests.)

HARD = {"object", "stage", "action", "period"}


def _half(name: str) -> list[dict]:
    with (DATA / f"pairs_{name}.jsonl").open(encoding="utf-8") as file:
        return read_labelled_lines(file)


@cache
def _quality(name: str):
    """A half's figures over all its pairs, decided once a run: most halves are read by
    two tests (their floors, the target), which one worker runs (``pytestmark``)."""
    return get_pairs_quality(_half(name)).all


def test_the_new_set_is_large_split_in_two_and_mostly_hard_negatives():
    halves = [_half("dev"), _half("test")]
    pairs = [pair for half in halves for pair in half]
    negatives = [pair for pair in pairs if not pair["same"]]

    assert len(pairs) >= 300
    assert all(len(half) >= 150 for half in halves)
    assert sum(pair["kind"] in HARD for pair in negatives) >= len(negatives) / 2
    # Split by family of wordings: no text of the test half was seen while tuning.
    dev_texts = {text for pair in halves[0] for text in (pair["a"], pair["b"])}
    assert not dev_texts & {text for pair in halves[1] for text in (pair["a"], pair["b"])}


def test_the_test_half_keeps_its_measured_figures():
    quality = _quality("test")

    # Measured (docs/overlap.md): the floor it must not fall below. These figures reach
    # the target, but the test half is no longer unseen: its errors were read after its
    # first run, and its totals chose between two versions of a rule. The target is
    # held by the unseen set below. Sixth session: 0.943 / 0.980; eighth (learned
    # decision, trained on it): the same; with initialisms learned from the committee's
    # wording (s-initials): 0.942 / 0.961, one pair more missed; s-tuner7 (candidates
    # from 0.18 with the scope signals): 0.943 / 0.980; refitted with the eighth set
    # (s-tuner9): 0.941 / 0.941, two pairs more missed; with the ninth set (s-refit9):
    # 0.939 / 0.902 (main 6f51a72: 0.959 / 0.922); with office synonyms read as one word
    # (s-synonyms, held out pooled 0.855 / 0.769 -> 0.858 / 0.773): 0.957 / 0.882, two
    # pairs more missed; with the thirteenth and fourteenth sets in the fit: 0.922 / 0.922,
    # two false alarms more, two pairs more found.
    assert quality.precision >= 0.92
    assert quality.recall >= 0.88


def _unseen() -> list[dict]:
    with (DATA / "pairs_unseen.jsonl").open(encoding="utf-8") as file:
        return read_labelled_lines(file)


def test_the_unseen_set_is_large_mostly_hard_and_apart_from_the_tuning_half():
    pairs = _unseen()
    negatives = [pair for pair in pairs if not pair["same"]]
    tuned = {text for pair in _half("dev") for text in (pair["a"], pair["b"])}

    assert len(pairs) >= 150
    assert sum(pair["kind"] != "easy" for pair in negatives) >= len(negatives) / 2
    assert {"object", "action", "level_other", "commune_share", "province_version"} <= {
        pair["kind"] for pair in pairs
    }
    assert not tuned & {text for pair in pairs for text in (pair["a"], pair["b"])}


def test_the_unseen_set_keeps_its_measured_figures():
    quality = get_pairs_quality(_unseen()).all

    # Scored once, after the rules were frozen (0.655 / 0.766), then development data of
    # the third to seventh sessions of [S] (docs/overlap.md; sixth: 0.854 / 0.872; seventh:
    # 0.870 / 0.851, a pair lost to "ứng dụng" read as the verb, a false alarm fewer);
    # eighth, the learned decision: 0.837 / 0.872 (held out 0.837 / 0.872 too); with
    # initialisms learned from the committee's wording (s-initials): 0.840 / 0.894;
    # s-tuner7 (candidates from 0.18 with the scope signals): 0.848 / 0.830, three pairs
    # fewer found (held out likewise 0.848 / 0.830): the one set whose recall falls;
    # refitted with the seventh set, and with the owners a pair names apart (s-tuner8):
    # 0.867 / 0.830; refitted with the eighth set (s-tuner9): 0.860 / 0.787; with the
    # ninth set (s-refit9): 0.878 / 0.766.
    assert quality.precision >= 0.86
    assert quality.recall >= 0.76


def test_the_unseen_set_meets_the_target_as_development_data():
    # Met in the fifth session (0.851 / 0.851), whose rules were checked on this set but
    # chosen from another's errors: development data, not the unseen figure issue [S] is
    # judged on (the strict xfails below and the new sealed set). Not met from the learned
    # decision to s-tuner7 (0.848 / 0.830, a strict xfail); met again in sample since the
    # decision was refitted with the seventh set (s-tuner8: 0.867 / 0.830); with the
    # eighth set (s-tuner9): 0.860 / 0.787; with the ninth set (s-refit9): 0.878 / 0.766.
    quality = get_pairs_quality(_unseen()).all

    assert quality.precision >= TARGET_PRECISION_UNSEEN
    assert quality.recall >= TARGET_RECALL_UNSEEN


def test_the_fresh_set_meets_the_target_as_development_data():
    # A strict xfail until the decision was refitted with the eighth set (s-tuner8: 0.818
    # / 0.783); met in sample then (s-tuner9: 0.857 / 0.783), trained on it; not met with
    # the ninth set (s-refit9: 0.842 / 0.696) nor the tenth (s-refit10: 0.850 / 0.739); met
    # with the decision as unbound trees (fourteenth session: 0.857 / 0.783), not once
    # bound (learning.MONOTONE: 0.850 / 0.739), again with the nineteenth set in the fit
    # (0.857 / 0.783); not with t-abbrev and the twentieth and twenty-first sets (0.850 /
    # 0.739, one pair missed), a strict xfail again; met with the twenty-second and
    # twenty-third sets in the fit (sixteenth session: 0.864 / 0.826); not with the
    # twenty-fourth and twenty-fifth (seventeenth session: 0.826 / 0.826, one false alarm
    # more), a strict xfail again; met with the twenty-sixth and twenty-seventh and t-dev26's
    # reader (eighteenth session: 0.857 / 0.783); not with t-reader2, t-fa2 and the
    # twenty-eighth and twenty-ninth sets (nineteenth session: 0.810 / 0.739, two false
    # alarms more, one pair fewer found), a strict xfail again; met with t-lex's lexicon,
    # t-fa3 and the thirtieth to thirty-second sets (twentieth session: 0.955 / 0.913).
    quality = _quality("fresh")

    assert quality.precision >= TARGET_PRECISION_UNSEEN
    assert quality.recall >= TARGET_RECALL_UNSEEN


def test_the_final_sets_development_half_keeps_its_measured_figures():
    # Written by another engineer without reading the rules (data/README_final.md); its
    # development half was tuned on, its test half is scored once by the lead.
    # Eighth session, the learned decision: 0.833 / 0.753 (was 0.842 / 0.658); with
    # initialisms learned from the committee's wording (s-initials): 0.857 / 0.740;
    # s-tuner7 (candidates from 0.18 with the scope signals): 0.861 / 0.849; with the
    # seventh set and the owners a pair names apart (s-tuner8): 0.861 / 0.849; refitted
    # with the eighth set (s-tuner9): 0.884 / 0.836; with the ninth set (s-refit9): 0.871 /
    # 0.836.
    quality = _quality("final_dev")

    assert quality.precision >= 0.87
    assert quality.recall >= 0.83


def test_the_final_sets_test_half_keeps_its_scored_figures():
    # Scored once by the lead after the third session's rules were frozen (0.774 / 0.696,
    # docs/overlap.md), then development data of the fourth session (0.897 / 0.754) and
    # of the fifth (0.914 / 0.768); seventh session 0.929 / 0.754 (a pair lost to "ứng
    # dụng" read as the verb, a false alarm fewer to the records of procedures); eighth,
    # the learned decision: 0.918 / 0.812; retrained with the sixth set, a part in conflict
    # never the same work (docs/overlap.md, "The sixth set"): 0.903 / 0.812; with
    # initialisms learned from the committee's wording (s-initials): 0.902 / 0.797;
    # s-tuner7 (candidates from 0.18 with the scope signals): 0.906 / 0.841; refitted
    # with the eighth set (s-tuner9): 0.905 / 0.826; with a body named first not read as
    # the work (s-tuner9): 0.908 / 0.855; with the ninth set (s-refit9): 0.906 / 0.841;
    # with the tenth set (s-refit10): 0.891 / 0.826; s-lexical2 (short forms spelled out
    # for the swap signals, a pair more missed): 0.918 / 0.812.
    quality = _quality("final_test")

    assert quality.precision >= 0.89
    assert quality.recall >= 0.81


def test_the_final_sets_test_half_meets_the_target_as_development_data():
    # Met only after its errors were read (fourth session): development data now, not
    # the unseen figure issue [S] is judged on (the holdout test half, scored by the lead).
    quality = _quality("final_test")

    assert quality.precision >= TARGET_PRECISION_UNSEEN
    assert quality.recall >= TARGET_RECALL_UNSEEN


def test_the_holdout_test_half_keeps_its_scored_figures():
    # Written without reading the rules (data/README_holdout.md) and scored once by the lead
    # after the fourth session's rules were frozen (0.653 / 0.636, docs/overlap.md); its
    # errors were read in the fifth session (0.758 / 0.649): development data since; the
    # sixth session's rules, chosen without reading it: 0.775 / 0.714; the seventh's,
    # likewise: 0.789 / 0.727; the eighth's learned decision: 0.806 / 0.753; with
    # initialisms learned from the committee's wording (s-initials): 0.817 / 0.753;
    # s-tuner7 (candidates from 0.18 with the scope signals): 0.861 / 0.805; refitted
    # with the seventh set (s-tuner8): 0.849 / 0.805; with the owners a pair names apart
    # (s-tuner8, "khác đối tượng: Đài Tiếng nói Việt Nam / Đài Truyền hình Việt Nam"):
    # 0.863 / 0.818; refitted with the eighth set (s-tuner9): 0.849 / 0.805; with the
    # ninth set (s-refit9): 0.861 / 0.805; with the tenth set (s-refit10): 0.836 / 0.792;
    # with a listed action and the bodies of the ninth and tenth sets read (s-tuner11):
    # 0.851 / 0.818; with the fifteenth and sixteenth sets in the fit: 0.842 / 0.831 (one
    # false alarm more, one pair more found); t-decide: 0.851 / 0.818; t-level (a body
    # named in passing is not the task's level) on t-read and t-decide: 0.849 / 0.805;
    # t-abbrev with the twentieth and twenty-first sets in the fit: 0.833 / 0.844 (two
    # false alarms more, three pairs more found); with the twenty-second and twenty-third
    # sets in the fit: 0.825 / 0.857 (one false alarm more, one pair more found).
    quality = _quality("holdout_test")

    assert quality.precision >= 0.82
    assert quality.recall >= 0.80


def test_the_holdout_development_half_and_the_fresh_set_keep_their_measured_figures():
    # Fifth to seventh sessions (docs/overlap.md): neither set's errors were read, both
    # checked. Sixth: holdout development half 0.750 / 0.815, fresh 0.760 / 0.826;
    # seventh: 0.756 / 0.840 and 0.760 / 0.826; eighth (learned decision): 0.800 / 0.938
    # and 0.783 / 0.783 (one pair more missed, one false alarm fewer); with the sixth set
    # and the conflict rule: 0.793 / 0.901 and 0.783 / 0.783; with initialisms learned
    # from the committee's wording (s-initials): 0.813 / 0.914 and 0.783 / 0.783;
    # s-tuner7 (candidates from 0.18 with the scope signals): 0.806 / 0.926 (one false
    # alarm more, one pair more found) and 0.818 / 0.783 (one false alarm fewer); with
    # the seventh set and the owners a pair names apart (s-tuner8): 0.822 / 0.914 and
    # 0.818 / 0.783; refitted with the eighth set (s-tuner9): 0.824 / 0.926 and 0.857 /
    # 0.783 (two false alarms fewer); with the ninth set (s-refit9): 0.849 / 0.901 and
    # 0.842 / 0.696; with the tenth set (s-refit10): 0.837 / 0.889 and 0.850 / 0.739;
    # with a named unit's part of a general duty as parent and part (s-parent): 0.818 /
    # 0.889 (two false alarms more) and 0.850 / 0.739; t-share's refit (a village level,
    # lower units no people between levels): 0.882 / 0.926 and 0.833 / 0.652 (one false
    # alarm more, one pair fewer found: fresh floors reset to these); with the twenty-fourth
    # and twenty-fifth sets in the fit (seventeenth session), fresh 0.826 / 0.826; with
    # t-reader2, t-fa2 and the twenty-eighth and twenty-ninth sets (nineteenth session),
    # 0.927 / 0.938 and 0.810 / 0.739 (fresh precision floor 0.82 → 0.80).
    holdout_dev = _quality("holdout_dev")
    fresh = _quality("fresh")

    assert holdout_dev.precision >= 0.81
    assert holdout_dev.recall >= 0.88
    assert fresh.precision >= 0.80
    assert fresh.recall >= 0.65


def test_the_holdout_test_half_meets_the_target_as_development_data():
    # Met in s-tuner7 (0.861 / 0.805 in sample, 0.836 / 0.792 held out set by set, so
    # not met on it unseen); a strict xfail before (s-initials: 0.817 / 0.753) and again
    # when the decision was refitted with the seventh set alone (s-tuner8: 0.849 /
    # 0.805); met again with the owners a pair names apart (s-tuner8: 0.863 / 0.818);
    # not met once refitted with the eighth set (s-tuner9: 0.849 / 0.805); met in sample
    # with the ninth set (s-refit9: 0.861 / 0.805); not met once action words are read with
    # their marks (s-tuner10: 0.849 / 0.805); nor with the tenth set (s-refit10: 0.836 /
    # 0.792); met again with a listed action and the bodies of the ninth and tenth sets
    # read (s-tuner11: 0.851 / 0.818), and with a named unit's part of a general duty read
    # as parent and part (s-parent: 0.853 / 0.831), and with what the differing words say
    # (s-lexical: 0.859 / 0.792); the three merged, bar at 0.55: 0.868 / 0.857; not met
    # with the fifteenth and sixteenth sets in the fit (0.842 / 0.831); met again with the
    # reader's fixes on the Government appendix (t-read: 0.853 / 0.831), and with t-decide's
    # features alone (0.851 / 0.818), and with both merged (0.853 / 0.831); not met with
    # t-level on both (0.849 / 0.805), a strict xfail again; met again with t-read2 on
    # t-level (0.851 / 0.818); not with t-abbrev and the twentieth and twenty-first sets
    # in the fit (0.833 / 0.844), a strict xfail again; nor with the twenty-second and
    # twenty-third (0.825 / 0.857); met again with t-reader2, t-fa2 and the twenty-eighth
    # and twenty-ninth sets in the fit (nineteenth session: 0.855 / 0.844).
    quality = _quality("holdout_test")

    assert quality.precision >= TARGET_PRECISION_UNSEEN
    assert quality.recall >= TARGET_RECALL_UNSEEN


@pytest.mark.parametrize(
    ("name", "hard"),
    [
        ("third", 0.8),  # provinces no earlier set used (data/README_third.md)
        ("fourth", 0.8),  # ministries, public bodies, enterprises, communes (README_fourth.md)
        ("fifth", 0.8),  # five committees of one tree, each in its own words (README_fifth.md)
        # Written to the mix of a committee's own list (README_sixth.md): 62 % of the
        # negatives hard, the rest two real tasks of one plan side by side.
        ("sixth", 0.5),
        # Central bodies and their lower levels, and a ward (README_seventh.md): 72 % hard.
        ("seventh", 0.7),
        # Railways, Petrovietnam, Customs, Statistics, a commune (README_eighth.md): 73 %.
        ("eighth", 0.7),
        # EVN, the Treasury, Tax, a hospital, a commune, a ward (README_ninth.md): 73 %.
        ("ninth", 0.7),
        # The Foreign Ministry, a policy bank, the Post, a hospital, the Academy's institutes,
        # a ward (README_tenth.md): 71 %.
        ("tenth", 0.7),
        # A Party board, a procuracy, Vinacomin, Vietnam Airlines, a university, a commune
        # (README_eleventh.md): 71 %.
        ("eleventh", 0.7),
        # Petrolimex, a university, a provincial police, a Party inspection committee,
        # judgment enforcement, a ward (README_twelfth.md): 72 %.
        ("twelfth", 0.7),
        # An eye hospital, a social insurance office, a bank, a Department of Home Affairs,
        # the Government Inspectorate, a mountain commune (README_thirteenth.md): 78 %.
        ("thirteenth", 0.7),
        # A port authority, a Department of Agriculture and Environment, an industrial-park
        # board, a national park, the tourism authority, an island zone
        # (README_fourteenth.md): 83 %.
        ("fourteenth", 0.8),
        # A nuclear institute, a high-tech park, a vocational college, a provincial
        # broadcaster, a Youth Union, a commune's Fatherland Front (README_fifteenth.md): 73 %.
        ("fifteenth", 0.7),
        # A border guard command, a military region's logistics, a rubber group, a water
        # company, a city ward, a Mekong commune (README_sixteenth.md): 73 %.
        ("sixteenth", 0.7),
        # A regional weather and hydrology centre, a provincial library, a fishing-port board,
        # the expressway corporation, the stock exchange, a Central Highlands commune
        # (README_seventeenth.md): 84 %.
        ("seventeenth", 0.8),
        # The Intellectual Property Office, the vehicle register, a provincial veterinary
        # branch, a Điện Biên commune, a national sports training centre, Vietlott
        # (README_eighteenth.md): 86 %.
        ("eighteenth", 0.8),
        # Development data, not sealed: plan duties meeting in one clause or one field
        # (README_plankind.md): 88 %.
        ("plankind", 0.8),
        # A hospital of traditional medicine, the national shipping corporation, the domestic
        # market authority, a Department of Construction, a forest protection branch, a
        # Đà Lạt ward (README_nineteenth.md): 87 %.
        ("nineteenth", 0.8),
        # The records and archives department, a Department of Finance, a university hospital,
        # a hydropower company, a Northwest commune, a seaport ward (README_twentieth.md): 87 %.
        ("twentieth", 0.8),
        # The history museum, the agricultural science academy, a food corporation, a science
        # department, a general hospital, an island commune (README_twentyfirst.md): 76 %.
        ("twentyfirst", 0.7),
        # A treasury office, the transmission corporation, a Department of Home Affairs, the
        # maritime university, a water company, a Tuyên Quang commune (README_twentysecond.md):
        # 75 %.
        ("twentysecond", 0.7),
        # The food safety department, the cement corporation, a justice department, a public
        # service centre, a Red Cross, a fishing ward (README_twentythird.md): 75 %.
        ("twentythird", 0.7),
        # The chemicals group, the lung hospital, a political school, a study-promotion
        # association, a culture department, a border commune (README_twentyfourth.md): 76 %.
        ("twentyfourth", 0.7),
        # MobiFone, NAFOSTED, a cooperative alliance, a specialised school, the inland
        # waterways, a ward (README_twentyfifth.md): 76 %.
        ("twentyfifth", 0.7),
        # The state reserves department, Hanoi Metro, a provincial People's Council, a
        # Farmers' Union, a general hospital, a border commune (README_twentysixth.md): 76 %.
        ("twentysixth", 0.7),
        # A procuracy, the air traffic corporation, a Veterans' Association, a Department of
        # Home Affairs, a university, a ward (README_twentyseventh.md): 76 %.
        ("twentyseventh", 0.7),
        # A bar association, PV Power, a provincial labour federation, an education
        # department, a central hospital, a mountain commune (README_twentyeighth.md): 77 %.
        ("twentyeighth", 0.7),
        # An elders' association, Tân Cảng Sài Gòn, an agriculture and environment
        # department, a mining university, a State Bank regional branch, a special zone
        # (README_twentyninth.md): 76 %.
        ("twentyninth", 0.7),
        # A journalists' association, the forestry corporation, an ethnic and religious
        # affairs department, an agricultural academy, a provincial CDC, a Hanoi ward
        # (README_thirtieth.md): 76 %.
        ("thirtieth", 0.7),
        # The national television, a maritime safety corporation, an industry and trade
        # department, a teachers' university, the immigration department, a mountain commune
        # (README_thirtyfirst.md): 75 %.
        ("thirtyfirst", 0.7),
        # The textile group, a health department, a technical college, a provincial union of
        # science associations, the national television, a mountain commune
        # (README_thirtysecond.md): 77 %.
        ("thirtysecond", 0.7),
        # The road administration, the tobacco corporation, a provincial People's Committee's
        # office, a telecommunications institute, the chamber of commerce, a mountain ward
        # (README_thirtythird.md): 77 %.
        ("thirtythird", 0.7),
        # A central hospital, an insurance group, a provincial military command, a medical
        # university, a provincial arts association, a border commune
        # (README_thirtyfourth.md): 77 %.
        ("thirtyfourth", 0.7),
        # A justice department, the state capital investment corporation, a culture and
        # sports department, a law university, a provincial Fatherland Front, a mountain
        # commune (README_thirtyfifth.md): 78 %.
        ("thirtyfifth", 0.7),
        # A university of economics, the city's bus corporation, a city's department of
        # industry and trade, a provincial farmers' union, a ward, a maritime administration
        # (README_thirtysixth.md): 77 %.
        ("thirtysixth", 0.7),
        # A central hospital, the public procurement agency, a provincial agriculture and
        # environment department, a provincial cooperative alliance, a mountain commune, a
        # provincial newspaper and broadcaster (README_thirtyseventh.md): 78 %.
        ("thirtyseventh", 0.7),
        # An agriculture and forestry university, a port company, a provincial finance
        # department, a provincial veterans' association, a ward, a provincial public
        # administration service centre (README_thirtyeighth.md): 77 %.
        ("thirtyeighth", 0.7),
        # A livestock research institute, a provincial obstetrics and paediatrics hospital,
        # a tourism corporation, a water supply company, a mountain commune, a young
        # entrepreneurs' association (README_thirtyninth.md): 76 %.
        ("thirtyninth", 0.7),
        # The civil aviation authority, a provincial university, a provincial health
        # department, the paper corporation, a ward, a provincial arts association
        # (README_fortieth.md): 78 %.
        ("fortieth", 0.7),
        # A provincial science and technology department, an expressway project management unit, a
        # medical college, a provincial women's union, a provincial social insurance office, a ward
        # (README_fortyfirst.md).
        ("fortyfirst", 0.7),
        # A provincial construction department, a drilling corporation, a banking academy, a
        # provincial lawyers' association, a children's hospital, a mountain commune
        # (README_fortysecond.md).
        ("fortysecond", 0.7),
        # The radio frequency department, a provincial university, a provincial youth union, a
        # provincial justice department, the steel corporation, a ward (README_fortythird.md).
        ("fortythird", 0.7),
        # A cooperative bank's provincial branch, the shipbuilding corporation, a provincial
        # culture, sports and tourism department, a regional university, a provincial newspaper and
        # broadcaster, a special zone (README_fortyfourth.md).
        ("fortyfourth", 0.7),
        # The forestry and forest protection department, a water resources university, a provincial
        # general hospital, a city labour federation, the coffee corporation, a mountain commune
        # (README_fortyfifth.md).
        ("fortyfifth", 0.7),
        # An open university, a construction corporation, a provincial health department, a
        # provincial association of the blind, a ward, a petroleum college (README_fortysixth.md).
        ("fortysixth", 0.7),
        # The academy of public administration, a building materials corporation, a provincial
        # industry and trade department, a provincial farmers' union, a mountain commune, a central
        # general hospital (README_fortyseventh.md).
        ("fortyseventh", 0.7),
        # The livestock and veterinary department, a high-technology college, the northern food
        # corporation, a city finance department, a provincial veterans' association, a ward
        # (README_fortyeighth.md).
        ("fortyeighth", 0.7),
    ],
)
def test_each_sealed_set_is_large_split_by_family_and_mostly_hard_negatives(name, hard):
    # Each written without reading the finder and split once by family.
    halves = [_half(f"{name}_dev"), _half(f"{name}_test")]
    pairs = [pair for half in halves for pair in half]
    negatives = [pair for pair in pairs if not pair["same"]]

    assert len(pairs) >= 320
    assert sum(pair["kind"] != "easy" for pair in negatives) >= hard * len(negatives)
    families = [{pair["family"] for pair in half} for half in halves]
    assert not families[0] & families[1]


def test_the_third_sets_test_half_keeps_its_scored_figures():
    # Scored once by the lead after the fifth session's rules were merged, before anyone
    # read it: precision 0.847, recall 0.694 (docs/overlap.md, "The third set"); its
    # errors were read in the sixth session (0.948 / 0.764): development data since;
    # eighth, the learned decision: 0.923 / 0.833; with the sixth set and the conflict
    # rule: 0.908 / 0.819; with initialisms learned from the committee's wording
    # (s-initials): 0.923 / 0.833; s-tuner7 (candidates from 0.18 with the scope
    # signals): 0.939 / 0.861; refitted with the eighth set (s-tuner9): 0.955 / 0.875;
    # with a body named first not read as the work (s-tuner9): 0.940 / 0.875; with the
    # ninth set (s-refit9): 0.955 / 0.875; with a listed action and the bodies of the
    # ninth and tenth sets read (s-tuner11): 0.928 / 0.889 (two false alarms more, one
    # pair more found); with s-parent and s-lexical merged and the bar at 0.55: 0.914 /
    # 0.889; with the thirteenth and fourteenth sets in the fit: 0.901 / 0.889; t-abbrev
    # with the twentieth and twenty-first sets in the fit: 0.969 / 0.861; t-lex's lexicon
    # at the bar 0.45 with t-fa3 and the thirtieth to thirty-second sets: 0.938 / 0.833.
    quality = _quality("third_test")

    assert quality.precision >= 0.90
    assert quality.recall >= 0.83


def test_the_third_sets_development_half_keeps_its_first_figures():
    # Never tuned on when first scored with the test half: 0.907 / 0.662; its errors were
    # read in the sixth session (0.912 / 0.703); seventh session 0.914 / 0.716; eighth,
    # the learned decision: 0.921 / 0.784; with the sixth set and the conflict rule:
    # 0.914 / 0.716; with initialisms learned from the committee's wording (s-initials):
    # 0.931 / 0.730; s-tuner7 (candidates from 0.18 with the scope signals): 0.900 /
    # 0.730, two false alarms more (held out 0.898 / 0.716 against 0.929 / 0.703);
    # refitted with the eighth set (s-tuner9): 0.917 / 0.743; with a body named first not
    # read as the work (s-tuner9): 0.915 / 0.730, one pair more missed; with the ninth
    # set (s-refit9): 0.902 / 0.743; a named unit's part of a general duty as parent and
    # part (s-parent): 0.889 / 0.757, one pair more found and one false alarm more.
    quality = _quality("third_dev")

    assert quality.precision >= 0.88
    assert quality.recall >= 0.72


def test_the_third_sets_test_half_meets_the_target_as_development_data():
    # Met in the sixth session (0.948 / 0.764) after its errors were read: development
    # data, not the unseen figure issue [S] is judged on (the fourth sealed set is).
    quality = _quality("third_test")

    assert quality.precision >= TARGET_PRECISION_UNSEEN
    assert quality.recall >= TARGET_RECALL_UNSEEN


# The sealed sets written since the fourth (each without reading the finder, split once by
# family), scored once by the lead before anyone read them (docs/overlap.md, "The fourth
# set", "The fifth set", "The sixth set, scored once"): fourth test 0.786 / 0.465 and dev
# 0.800 / 0.564 (after the sixth session's rules); fifth test 0.769 / 0.519 and dev 0.782 /
# 0.544 (after the seventh's); sixth test 0.785 / 0.573 (the learned decision refitted on
# the sixth dev half; the hand rule 0.770 / 0.528). Development data since. The floors are
# the shipped decision's figures (trained on every set, so in-sample), with initialisms
# learned from the committee's wording (s-initials): fourth test 0.830 / 0.620, dev 0.803
# / 0.679; fifth test 0.762 / 0.623, dev 0.763 / 0.570; sixth test 0.833 / 0.618, dev
# 0.810 / 0.660. Since s-tuner7 (candidates from 0.18 with the scope signals): fourth
# test 0.828 / 0.676, dev 0.833 / 0.705; fifth test 0.775 / 0.714, dev 0.797 / 0.646;
# sixth test 0.849 / 0.697, dev 0.821 / 0.711. Refitted with the seventh set (s-tuner8):
# fourth test 0.817 / 0.690, dev 0.848 / 0.718;
# sixth test 0.847 / 0.685; the seventh set (written on branch
# s-writer7, data/README_seventh.md; its test half scored once by the lead at 0.829 /
# 0.759 with only the dev half in training): test 0.840 / 0.759, dev 0.796 / 0.755. With
# the owners a pair names apart (s-tuner8, reason "owner"): fourth test 0.814 / 0.676, dev
# 0.851 / 0.731; fifth test 0.771 / 0.701, dev 0.806 / 0.633; sixth test 0.836 / 0.685,
# dev 0.816 / 0.732; seventh test 0.851 / 0.759 (meets the target in sample), dev 0.796 /
# 0.755. Refitted with the eighth set (s-tuner9; the eighth set written on branch
# s-writer8, data/README_eighth.md, its test half scored once by the lead at 0.836 / 0.610):
# fourth test 0.800 / 0.676, dev 0.853 / 0.744; fifth test 0.771 / 0.701, dev 0.794 /
# 0.633; sixth test 0.843 / 0.663, dev 0.861 / 0.701; seventh test 0.827 / 0.747 (no
# longer meets the target in sample), dev 0.771 / 0.755; eighth test 0.847 / 0.610, dev
# 0.793 / 0.704. With a body named first not read as the work and short forms the reader
# cannot spell out no action of their own (s-tuner9): fourth dev 0.841 / 0.744; fifth dev
# 0.803 / 0.620; sixth dev 0.864 / 0.722; seventh test 0.831 / 0.771, dev 0.779 / 0.755;
# eighth test 0.901 / 0.640 (others unchanged). Refitted with the ninth set (s-refit9; the
# ninth set written on branch s-writer9, data/README_ninth.md, its test half scored once by
# the lead at 0.747 / 0.756): fourth test 0.828 / 0.676, dev 0.853 / 0.744; fifth test
# 0.761 / 0.701, dev 0.800 / 0.608; sixth test 0.855 / 0.663, dev 0.863 / 0.711; seventh
# test 0.831 / 0.771, dev 0.773 / 0.765; eighth test 0.890 / 0.650, dev 0.793 / 0.704;
# ninth test 0.758 / 0.767, dev 0.812 / 0.742. Refitted with the tenth set (s-refit10; the
# tenth set written on branch s-writer10, data/README_tenth.md, its test half scored once by
# the lead at 0.788 / 0.713): fourth test 0.831 / 0.690, dev 0.855 / 0.756; fifth test
# 0.746 / 0.688, dev 0.787 / 0.608; sixth test 0.870 / 0.674, dev 0.846 / 0.680; seventh
# test 0.812 / 0.783, dev 0.773 / 0.765; eighth test 0.890 / 0.650, dev 0.793 / 0.704;
# ninth test 0.764 / 0.756, dev 0.812 / 0.742; tenth test 0.788 / 0.713, dev 0.819 / 0.811.
# With a listed action, products read as written and the ninth and tenth sets' bodies
# (s-tuner11; held out pooled 0.840 / 0.756 -> 0.842 / 0.772): fourth test 0.803 / 0.690,
# dev 0.882 / 0.769; fifth test 0.761 / 0.701, dev 0.779 / 0.582; sixth test 0.890 / 0.730,
# dev 0.880 / 0.753; seventh test 0.815 / 0.795, dev 0.786 / 0.786; eighth test 0.872 /
# 0.680, dev 0.807 / 0.724; ninth test 0.793 / 0.767, dev 0.784 / 0.742; tenth test 0.812 /
# 0.734, dev 0.826 / 0.800. With guiding people not read as a guidance document
# (s-tuner11): fifth test 0.764 / 0.714, dev 0.783 / 0.595; sixth test 0.889 / 0.719;
# eighth dev 0.798 / 0.724; fourth dev 0.870 / 0.769; ninth test 0.795 / 0.778, dev 0.793
# / 0.742.
# A named unit's part of a general duty read as parent and part (s-parent): fourth test
# 0.817 / 0.690, dev 0.868 / 0.756; fifth test 0.757 / 0.727, dev 0.781 / 0.633; sixth test
# 0.868 / 0.663, dev 0.848 / 0.691; seventh test 0.815 / 0.795, dev 0.782 / 0.806; eighth
# test 0.893 / 0.670, dev 0.789 / 0.724; ninth test 0.780 / 0.789, dev 0.809 / 0.774; tenth
# test 0.793 / 0.734, dev 0.802 / 0.811.
# With what the differing words say (s-lexical; held out pooled 0.840 / 0.756 → 0.848 /
# 0.759): fourth test 0.836 / 0.718, dev 0.866 / 0.744; fifth test 0.768 / 0.688, dev
# 0.800 / 0.608; sixth test 0.859 / 0.685, dev 0.846 / 0.680; seventh test 0.802 / 0.783,
# dev 0.776 / 0.776; eighth test 0.890 / 0.650, dev 0.784 / 0.704; ninth test 0.747 /
# 0.756, dev 0.821 / 0.742; tenth test 0.807 / 0.713, dev 0.804 / 0.779.
# The three merged, the eleventh set's development half added and the probability bar at
# 0.55 (lead, eleventh session; held out pooled 0.856 / 0.764): fourth test 0.833 / 0.704,
# dev 0.896 / 0.769; fifth test 0.803 / 0.740, dev 0.820 / 0.633; sixth test 0.880 / 0.742,
# dev 0.867 / 0.742; seventh test 0.827 / 0.807, dev 0.806 / 0.806; eighth test 0.875 /
# 0.700, dev 0.798 / 0.724; ninth test 0.798 / 0.789, dev 0.835 / 0.763; tenth test 0.831 /
# 0.734, dev 0.791 / 0.716; eleventh dev 0.750 / 0.594.
# s-lexical2 (short forms spelled out for the swap signals, "kiểm định" / "đối soát" read as
# checks; held out pooled 0.856 / 0.769): fourth test 0.850 / 0.718, dev 0.884 / 0.782;
# fifth test 0.814 / 0.740, dev 0.823 / 0.646; sixth test 0.868 / 0.742, dev 0.877 / 0.732;
# seventh unchanged; eighth test 0.863 / 0.690, dev 0.798 / 0.724; ninth test 0.787 /
# 0.778, dev 0.835 / 0.763; tenth test 0.843 / 0.745, dev 0.791 / 0.716; eleventh dev
# 0.780 / 0.604.
# s-tuner12 (a clause is no object, "pháp luật" no product; held out pooled 0.856 / 0.767):
# sixth test 0.882 / 0.753, tenth test 0.833 / 0.745, eleventh dev 0.762 / 0.604. The two
# merged (lead; held out pooled 0.855 / 0.769): fourth test 0.847 / 0.704, sixth test 0.868
# / 0.742 (its target a strict xfail again), eleventh dev 0.774 / 0.613.
# Both sealed sets of the eleventh session joined the fit after each test half was scored
# once (lead; 30 files, 5,518 pairs; held out pooled 0.835 / 0.756 at 0.55): every floor
# above is its half's in-sample figure rounded down.
# The thirteenth and fourteenth sets joined the fit after each test half was scored once
# (lead, twelfth session; 33 files, 6,353 pairs; held out pooled 0.824 / 0.751 at 0.55):
# every floor above is again its half's in-sample figure rounded down.
# t-explain (bodies' and places' names read whole, a kind of body alone neither agreed on
# nor a name that differs; held out pooled 0.824 / 0.751 → 0.823 / 0.751, refitted): four
# floors lowered to the new in-sample figures rounded down, each a pair or two at the bar
# moved by the refit or by "cùng trung tâm" no longer counted as an agreement: ninth test
# 0.809 / 0.800 → 0.793 / 0.811, dev 0.828 / 0.774 → 0.818 / 0.774; eleventh test 0.739 /
# 0.554 → 0.731 / 0.533; fourteenth dev 0.711 / 0.676 → 0.704 / 0.676. Others rose or held.
# t-share (a village is a level below the commune, the communes a province names are no
# people between levels, the plan a part follows "theo" is no product; held out pooled
# 0.823 / 0.755): fourth test 0.794 / 0.704, seventh test 0.810 / 0.819, tenth test 0.849
# / 0.777, tenth dev 0.800 / 0.716, eleventh dev 0.804 / 0.698, twelfth test 0.729 /
# 0.667, twelfth dev 0.795 / 0.667, thirteenth dev 0.792 / 0.784: each floor reset to
# the new figure rounded down (the refit moves pairs near the bar both ways; pooled held
# out, 11 more pairs found and 5 more false alarms). Merged with t-explain and refitted
# (lead; held out pooled 0.822 / 0.754): every floor above is its half's in-sample figure
# rounded down again.
# The fifteenth and sixteenth sets joined the fit after both halves of each were scored
# once (lead; 37 files, 7,193 pairs; held out pooled 0.818 / 0.747 at 0.55): every floor
# above is its half's in-sample figure rounded down.
# t-read (the reader on the Government appendix's titles: "chiến lược" after a noun, a
# data centre, a cited plan's name, the provisions of a law, what both make, a law or the
# nation no unit; held out pooled 0.818 / 0.747 → 0.819 / 0.747, refitted): every floor
# above is its half's in-sample figure rounded down (the refit moves pairs near the bar
# both ways: twelve halves lower on one side by 0.002–0.038, the others held or rose).
# t-decide (how much the reader read on both sides as features, a differing product or
# object needing probability 0.7; held out pooled 0.818 / 0.747 → 0.819 / 0.745, the
# Government appendix's 201 closest pairs 25 → 23 warnings, #118 / #121 found). Both merged
# and refitted (lead; held out pooled 0.819 / 0.746; the appendix 16 warnings, 1 right):
# every floor above is its half's in-sample figure rounded down.
# t-level on t-decide and t-read merged (held out pooled 0.819 / 0.746 → 0.822 / 0.745,
# refitted): fourth test 0.800 / 0.676, sixth dev 0.833 / 0.773, seventh dev 0.830 /
# 0.847, fourteenth test 0.758 / 0.711, fifteenth dev 0.866 / 0.696: each floor that moved
# reset to the new figure rounded down.
# t-read2 (the subject after verbs the tables lack, words of resolve, "ứng dụng … trong
# <work>", a `subject` reason; on t-level, held out pooled 0.822 / 0.745 → 0.823 / 0.747,
# refitted): every floor above is its half's in-sample figure rounded down.
# t-level and t-read2 merged, then the seventeenth set joined the fit after both halves
# were scored once (lead; 39 files, 7,647 pairs; held out pooled 0.825 / 0.754 at 0.55):
# every floor above is its half's in-sample figure rounded down.
# The decision as gradient-boosted trees bound to read wording more alike as no less the
# same work (t-trees, learning.MONOTONE), with t-lines' reader, the plankind
# development set and the eighteenth set in the fit (lead, fourteenth session; 43 files,
# 8,451 pairs; held out pooled 0.848 / 0.760 at 0.55): every floor above is its half's
# in-sample figure rounded down; trees fit their training pairs closer than the
# regression did, so most floors rose; two fell on one side (eighth dev recall 0.73 → 0.69,
# fifteenth dev precision 0.86 → 0.85). The nineteenth set joined the fit after both
# halves were scored once (45 files, 8,877 pairs; held out pooled 0.849 / 0.760 at 0.55):
# every floor above is again its half's in-sample figure rounded down.
# Fifteenth session: 73 standard short forms in the fixed table and a name read against
# its partly short-formed spelling (t-abbrev; held out pooled 0.849 / 0.760 → 0.850 /
# 0.764), then the twentieth and twenty-first sets joined the fit after both halves were
# scored once (49 files, 9,729 pairs): every floor above is its half's in-sample figure
# rounded down; most moved by a pair or two either way (tenth dev recall 0.83 → 0.81,
# fourteenth dev recall 0.68 → 0.65, fifth test precision 0.80 → 0.84).
# Sixteenth session: nothing in the reader changed; the twenty-second and twenty-third
# sets joined the fit after both halves were scored once (53 files, 10,623 pairs): each
# floor the refit moved below its old value was reset to its half's in-sample figure
# rounded down, the others kept (the largest moves: fifth test 0.84 / 0.79 → 0.79 / 0.75,
# eighth dev 0.85 / 0.72 → 0.82 / 0.67, eighth test recall 0.76 → 0.74).
# t-ambig (branch): a short form of two initials ("KH", "ĐH", "QĐ") read in the fixed
# table's meaning only where the other task says it (parts._settled), trees refitted
# (held out pooled 0.840 / 0.763 → 0.842 / 0.761): each floor the refit moved below its
# old value was reset to its half's in-sample figure rounded down, the others kept (the
# largest moves: seventeenth dev 0.85 / 0.86 → 0.81 / 0.85, thirteenth test recall
# 0.77 → 0.75, twelfth dev precision 0.89 → 0.87; in-sample pooled 0.856 / 0.770).
# Seventeenth session: two readers merged (t-ambig: a short form of two initials, "KH",
# "BV", makes no part the other task does not say; t-dev24: an object is read past its
# count), refitted (held out pooled 0.840 / 0.762), then the twenty-fourth and
# twenty-fifth sets joined the fit after both halves were scored once (57 files, 11,530
# pairs; held out pooled 0.839 / 0.762): each floor the refits moved below its old
# value was reset to its half's in-sample figure rounded down, the others kept (the
# largest moves: eleventh dev precision 0.87 → 0.84, ninth dev 0.90 → 0.88, twenty-second
# test recall 0.86 → 0.84, fourteenth dev recall 0.65 → 0.63); the hand rule's verdict
# then bound to raise the probability (learning.MONOTONE; held out 0.837 / 0.761) moved
# fourth dev precision 0.95 → 0.93, twenty-fourth dev recall 0.76 → 0.73, twenty-fifth test
# 0.89 / 0.73 → 0.88 / 0.72.
# Eighteenth session: the twenty-sixth and twenty-seventh sets joined the fit with
# t-dev26's reader (59 labelled files + pairs.csv, 12,430 pairs); floors that fell: fourth
# dev 0.93 → 0.90, fifth dev 0.83 → 0.81, seventh test 0.86 → 0.85 and dev recall 0.88 →
# 0.86, tenth dev 0.88 → 0.87, eleventh test 0.80 → 0.78, thirteenth test 0.84 → 0.83,
# fourteenth test recall 0.70 → 0.65, fifteenth dev recall 0.68 → 0.66, sixteenth dev recall
# 0.64 → 0.63, eighteenth test 0.84 / 0.82 → 0.82 / 0.80, twenty-second test recall 0.84 →
# 0.81 and dev 0.79 / 0.85 → 0.77 / 0.83, twenty-fourth test 0.80 → 0.78, twenty-fifth test
# 0.88 / 0.72 → 0.87 / 0.71.
# Nineteenth session: t-reader2's reader and t-fa2's signal (short forms the other task
# does not account for) merged, the twenty-eighth and twenty-ninth sets and Quảng Ninh's
# plan joined the fit (65 labelled files + pairs.csv, 13,355 pairs); floors that fell:
# fourth test 0.81 / 0.66 → 0.80 / 0.64 and dev precision 0.90 → 0.89, seventh dev recall
# 0.86 → 0.85, eighth test recall 0.73 → 0.69 and dev 0.67 → 0.66, ninth test recall 0.85 →
# 0.84 and dev 0.77 → 0.69 (precision 0.88 → 0.93 in sample), eleventh test recall 0.58 →
# 0.57 and dev 0.69 → 0.68, nineteenth test recall 0.80 → 0.78, plankind dev recall 0.77 →
# 0.75, twenty-first test recall 0.81 → 0.80, twenty-sixth dev precision 0.83 → 0.82.
# Twentieth session: t-lex's lexicon of one-sided words (the bar 0.55 → 0.45) and t-fa3's
# reader merged, the thirtieth to thirty-second sets joined the fit (71 labelled files +
# pairs.csv, 14,715 pairs); floors that fell: fifth dev recall 0.68 → 0.67, seventh test
# recall 0.83 → 0.81, eighth test precision 0.91 → 0.89, seventeenth test precision 0.85 →
# 0.84, plankind test recall 0.85 → 0.81, twenty-fifth test precision 0.87 → 0.86,
# twenty-ninth dev precision 0.84 → 0.83.
# Each session's figures before these: the git history of this file.
SEALED_HALVES_FLOORS = {
    "fourth_test": (0.80, 0.64),
    "fourth_dev": (0.89, 0.74),
    "fifth_test": (0.79, 0.75),
    "fifth_dev": (0.81, 0.65),
    "sixth_test": (0.86, 0.76),
    "sixth_dev": (0.83, 0.78),
    "seventh_test": (0.85, 0.80),
    "seventh_dev": (0.85, 0.85),
    "eighth_test": (0.88, 0.69),
    "eighth_dev": (0.82, 0.66),
    "ninth_test": (0.89, 0.84),
    "ninth_dev": (0.88, 0.69),
    "tenth_test": (0.86, 0.77),
    "tenth_dev": (0.87, 0.80),
    # Written on branches s-writer11 and s-writer12 (README_eleventh.md, README_twelfth.md),
    # each test half scored once before it joined the fit (docs/overlap.md).
    "eleventh_test": (0.78, 0.57),
    "eleventh_dev": (0.84, 0.68),
    "twelfth_test": (0.80, 0.72),
    "twelfth_dev": (0.87, 0.69),
    # Written on branches s-writer13 and s-writer14 (README_thirteenth.md,
    # README_fourteenth.md), each test half scored once before it joined the fit.
    "thirteenth_test": (0.83, 0.75),
    "thirteenth_dev": (0.89, 0.82),
    "fourteenth_test": (0.79, 0.65),
    "fourteenth_dev": (0.76, 0.63),
    # Written on branches s-writer15 and s-writer16 (README_fifteenth.md,
    # README_sixteenth.md), both halves scored once at the twelfth session's end.
    "fifteenth_test": (0.86, 0.64),
    "fifteenth_dev": (0.87, 0.66),
    "sixteenth_test": (0.83, 0.68),
    "sixteenth_dev": (0.87, 0.63),
    # Written on branch s-writer17 (README_seventeenth.md), both halves scored once at the
    # thirteenth session's end (test 0.779 / 0.772, dev 0.831 / 0.838), then fitted.
    "seventeenth_test": (0.83, 0.78),
    "seventeenth_dev": (0.81, 0.85),
    # Written on branch s-writer18 (README_eighteenth.md), both halves scored once at the
    # fourteenth session's end (test 0.789 / 0.789, dev 0.871 / 0.779), then fitted.
    "eighteenth_test": (0.82, 0.80),
    "eighteenth_dev": (0.88, 0.81),
    # Development data, not sealed: long multi-clause duties of the kind real plans hold,
    # two duties meeting in one clause or one field (README_plankind.md).
    # Written on branch s-writer19 (README_nineteenth.md), both halves scored once after
    # the fourteenth session's last change (test 0.839 / 0.788, dev 0.770 / 0.879), then
    # fitted.
    "nineteenth_test": (0.86, 0.78),
    "nineteenth_dev": (0.82, 0.87),
    "plankind_test": (0.89, 0.78),
    "plankind_dev": (0.95, 0.75),
    # Written on branches s-writer20 and s-writer21 (README_twentieth.md,
    # README_twentyfirst.md), both halves scored once at the fifteenth session's end
    # (twentieth test 0.840 / 0.875, dev 0.787 / 0.796; twenty-first test 0.821 / 0.804,
    # dev 0.813 / 0.649), then fitted.
    "twentieth_test": (0.87, 0.87),
    "twentieth_dev": (0.80, 0.78),
    "twentyfirst_test": (0.84, 0.80),
    "twentyfirst_dev": (0.81, 0.64),
    # Written on branches s-writer22 and s-writer23 (README_twentysecond.md,
    # README_twentythird.md), both halves scored once at the sixteenth session's end, by the
    # decision of its start (nothing in the detector changed in between): twenty-second test
    # 0.764 / 0.824, dev 0.744 / 0.845; twenty-third test 0.760 / 0.752, dev 0.750 / 0.743;
    # then fitted. Refitting with them moved the floors marked in the history below.
    "twentysecond_test": (0.80, 0.81),
    "twentysecond_dev": (0.77, 0.83),
    "twentythird_test": (0.77, 0.75),
    "twentythird_dev": (0.78, 0.72),
    # Written on branches s-writer24 and s-writer25 (README_twentyfourth.md,
    # README_twentyfifth.md), both halves scored once at the seventeenth session's end by
    # the decision with t-ambig's and t-dev24's readers (twenty-fourth test 0.782 / 0.760,
    # dev 0.826 / 0.724; twenty-fifth test 0.860 / 0.718, dev 0.826 / 0.760; at the
    # session's start, before those readers, 0.782 / 0.760 and 0.867 / 0.757), then fitted.
    "twentyfourth_test": (0.78, 0.76),
    "twentyfourth_dev": (0.84, 0.73),
    "twentyfifth_test": (0.86, 0.71),
    "twentyfifth_dev": (0.83, 0.77),
    # Written on branches s-writer26 and s-writer27 (README_twentysixth.md,
    # README_twentyseventh.md), both halves scored once at the eighteenth session's end by
    # the decision of its start, which no change before scoring replaced (twenty-sixth test
    # 0.861 / 0.810, the target met; dev 0.826 / 0.833; twenty-seventh test 0.778 / 0.778,
    # dev 0.779 / 0.763), then fitted with t-dev26's reader.
    "twentysixth_test": (0.86, 0.75),
    "twentysixth_dev": (0.82, 0.85),
    "twentyseventh_test": (0.80, 0.79),
    "twentyseventh_dev": (0.82, 0.80),
    # Written on branches s-writer28 and s-writer29 (README_twentyeighth.md,
    # README_twentyninth.md), both halves scored once at the nineteenth session's end: by the
    # decision of its start, twenty-eighth test 0.811 / 0.865, dev 0.772 / 0.854; twenty-ninth
    # test 0.762 / 0.748, dev 0.788 / 0.796; by the decision with t-reader2's and t-fa2's
    # changes merged before scoring, 0.815 / 0.846, 0.786 / 0.854; 0.778 / 0.748, 0.804 /
    # 0.796; then fitted.
    "twentyeighth_test": (0.81, 0.85),
    "twentyeighth_dev": (0.83, 0.85),
    "twentyninth_test": (0.82, 0.76),
    "twentyninth_dev": (0.83, 0.79),
    # Written on branches s-writer30, s-writer31 and s-writer32 (README_thirtieth.md,
    # README_thirtyfirst.md, README_thirtysecond.md), all six halves scored once at the
    # twentieth session's end by the decision with t-lex's lexicon (test 0.800 / 0.830,
    # 0.843 / 0.878, 0.816 / 0.848; dev 0.819 / 0.896, 0.829 / 0.853, 0.810 / 0.850; by the
    # decision of its start, test 0.783 / 0.783, 0.817 / 0.776, 0.808 / 0.808), then fitted.
    "thirtieth_test": (0.80, 0.84),
    "thirtieth_dev": (0.86, 0.90),
    "thirtyfirst_test": (0.85, 0.87),
    "thirtyfirst_dev": (0.83, 0.86),
    "thirtysecond_test": (0.82, 0.86),
    "thirtysecond_dev": (0.83, 0.88),
    # Written on branches s-writer33, s-writer34 and s-writer35 (README_thirtythird.md,
    # README_thirtyfourth.md, README_thirtyfifth.md), all six halves scored once at the
    # twenty-first session's end by the decision of its start, which no change before scoring
    # replaced (test 0.854 / 0.820 and 0.868 / 0.790, the target met, and 0.845 / 0.813; dev
    # 0.845 / 0.796, 0.841 / 0.874, 0.869 / 0.912), then fitted.
    "thirtythird_test": (0.90, 0.86),
    "thirtythird_dev": (0.88, 0.82),
    "thirtyfourth_test": (0.86, 0.82),
    "thirtyfourth_dev": (0.86, 0.90),
    "thirtyfifth_test": (0.84, 0.81),
    "thirtyfifth_dev": (0.88, 0.92),
    # Written on branches s-writer36 to s-writer40 (README_thirtysixth.md to
    # README_fortieth.md), all ten halves scored once at the twenty-second session's end by
    # the decision of its start with t-part's bar for a part in conflict (test 0.913 / 0.884,
    # 0.854 / 0.854, 0.844 / 0.902, 0.848 / 0.890, 0.868 / 0.911; dev 0.817 / 0.895, 0.787 /
    # 0.960, 0.835 / 0.892, 0.869 / 0.869, 0.919 / 0.875), then fitted.
    "thirtysixth_test": (0.92, 0.88),
    "thirtysixth_dev": (0.85, 0.91),
    "thirtyseventh_test": (0.88, 0.88),
    "thirtyseventh_dev": (0.80, 0.97),
    "thirtyeighth_test": (0.87, 0.89),
    "thirtyeighth_dev": (0.87, 0.90),
    "thirtyninth_test": (0.87, 0.90),
    "thirtyninth_dev": (0.89, 0.90),
    "fortieth_test": (0.92, 0.91),
    "fortieth_dev": (0.93, 0.89),
    # Written on branches s-writer41 to s-writer45 (README_fortyfirst.md to
    # README_fortyfifth.md), all ten halves scored once at the twenty-third session's end by
    # the decision of its start with t-obj3's template reading (test 0.902 / 0.893, 0.890 /
    # 0.918, 0.887 / 0.887, 0.849 / 0.865, 0.947 / 0.881; dev 0.890 / 0.864, 0.844 / 0.844,
    # 0.870 / 0.906, 0.816 / 0.866, 0.874 / 0.814), then fitted.
    "fortyfirst_test": (0.92, 0.90),
    "fortyfirst_dev": (0.92, 0.89),
    "fortysecond_test": (0.89, 0.92),
    "fortysecond_dev": (0.86, 0.85),
    "fortythird_test": (0.94, 0.89),
    "fortythird_dev": (0.89, 0.91),
    "fortyfourth_test": (0.87, 0.90),
    "fortyfourth_dev": (0.83, 0.85),
    "fortyfifth_test": (0.96, 0.89),
    "fortyfifth_dev": (0.89, 0.83),
    # Written on branches s-writer46 to s-writer48 (README_fortysixth.md to
    # README_fortyeighth.md), all six halves scored once by the twenty-third session's final
    # decision (test 0.879 / 0.959, 0.926 / 0.846, 0.870 / 0.904; dev 0.931 / 0.844, 0.888 /
    # 0.870, 0.874 / 0.915), then fitted.
    "fortysixth_test": (0.87, 0.96),
    "fortysixth_dev": (0.93, 0.89),
    "fortyseventh_test": (0.94, 0.90),
    "fortyseventh_dev": (0.90, 0.91),
    "fortyeighth_test": (0.90, 0.91),
    "fortyeighth_dev": (0.90, 0.93),
}


@pytest.mark.parametrize(("name", "floors"), SEALED_HALVES_FLOORS.items())
def test_each_sealed_half_keeps_its_figures(name, floors):
    quality = _quality(name)

    assert quality.precision >= floors[0]
    assert quality.recall >= floors[1]


def _not_met(name: str, precision: float, recall: float):
    reason = (
        f"not met: precision {precision:.3f} at recall {recall:.3f} on {name} (docs/overlap.md)"
    )
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize(
    "name",
    [
        "fourth_test",
        _not_met("fifth_test", 0.827, 0.805),
        "sixth_test",
        # Met in sample with s-tuner8's decision (0.851 / 0.759), not with the eighth set.
        "seventh_test",
        # Met in sample from the trees to the sixteenth session's refit (0.914 / 0.740).
        _not_met("eighth_test", 0.901, 0.730),
        "ninth_test",
        # Met in sample once the thirteenth and fourteenth sets joined the fit (0.855 / 0.755),
        # not with t-share's refit (0.849 / 0.777), again with the fifteenth and sixteenth
        # (0.851 / 0.787), not with t-decide's alone (0.849 / 0.777), again with t-read's and
        # t-decide's merged (0.859 / 0.777).
        "tenth_test",
        # Scored once unseen: 0.685 / 0.402 (eleventh), 0.695 / 0.613 (twelfth).
        _not_met("eleventh_test", 0.811, 0.652),
        # Met in sample with the nineteenth session's refit (0.857 / 0.774), not with the
        # twenty-first's (0.849 / 0.849), again with the twenty-second's (0.868 / 0.849).
        "twelfth_test",
        # Scored once unseen: 0.705 / 0.698 (thirteenth), 0.744 / 0.691 (fourteenth). The
        # thirteenth met in sample with the seventeenth session's last refit (0.851 / 0.771),
        # not with the eighteenth's; again with the twenty-first's, not with the
        # twenty-second's.
        _not_met("thirteenth_test", 0.848, 0.812),
        _not_met("fourteenth_test", 0.855, 0.732),
        # Scored once unseen, at the session's end: 0.762 / 0.616 (fifteenth), 0.782 / 0.610
        # (sixteenth).
        "fifteenth_test",
        "sixteenth_test",
        # Scored once unseen, at the thirteenth session's end: 0.779 / 0.772.
        "seventeenth_test",
        # Scored once unseen, at the fourteenth session's end: 0.789 / 0.789 (0.689 / 0.768
        # at its start, with the regression). Met in sample from then until the fifteenth
        # session's refit (0.848 / 0.821); met again with t-ambig's refit (0.857 / 0.821), not
        # with the twenty-fourth and twenty-fifth sets in the fit.
        "eighteenth_test",
        # Scored once unseen, after the fourteenth session's last change: 0.839 / 0.788.
        "nineteenth_test",
        # Scored once unseen, at the fifteenth session's end: 0.840 / 0.875 (twentieth),
        # 0.821 / 0.804 (twenty-first); 0.824 / 0.875 and 0.828 / 0.794 by the decision at
        # that session's start.
        "twentieth_test",
        # Met in sample until the sixteenth session's refit (0.842 / 0.825); again with the
        # nineteenth session's (0.886 / 0.804).
        "twentyfirst_test",
        # Scored once unseen, at the sixteenth session's end: 0.764 / 0.824 (twenty-second),
        # 0.760 / 0.752 (twenty-third), by the decision of that session's start, which no
        # change of the session replaced.
        "twentysecond_test",
        "twentythird_test",
        # Scored once unseen, at the seventeenth session's end: 0.782 / 0.760
        # (twenty-fourth), 0.860 / 0.718 (twenty-fifth; 0.867 / 0.757, the target met, by
        # the decision at that session's start, before t-ambig's and t-dev24's readers).
        # The twenty-fourth met in sample with the nineteenth session's refit (0.856 / 0.798).
        "twentyfourth_test",
        "twentyfifth_test",
        # Scored once unseen, at the eighteenth session's end, by the decision of its start:
        # 0.861 / 0.810 (twenty-sixth, the target met), 0.778 / 0.778 (twenty-seventh).
        "twentysixth_test",
        "twentyseventh_test",
        # Scored once unseen, at the nineteenth session's end: 0.815 / 0.846 (twenty-eighth),
        # 0.778 / 0.748 (twenty-ninth) by the decision with t-reader2's and t-fa2's changes;
        # 0.811 / 0.865 and 0.762 / 0.748 by the decision at that session's start.
        "twentyeighth_test",
        "twentyninth_test",
        # Scored once unseen, at the twentieth session's end, by the decision with t-lex's
        # lexicon of one-sided words: 0.800 / 0.830 (thirtieth), 0.843 / 0.878
        # (thirty-first), 0.816 / 0.848 (thirty-second); 0.783 / 0.783, 0.817 / 0.776 and
        # 0.808 / 0.808 by the decision at that session's start. The thirty-first meets the
        # target in sample since (0.851 / 0.878).
        _not_met("thirtieth_test", 0.841, 0.849),
        "thirtyfirst_test",
        "thirtysecond_test",
        # Scored once unseen, at the twenty-first session's end, by the decision of its
        # start: 0.854 / 0.820 (thirty-third) and 0.868 / 0.790 (thirty-fourth), the target
        # met; 0.845 / 0.813 (thirty-fifth). Fitted, the thirty-fifth's figures stayed; it
        # meets the target in sample from the twenty-second session's refit (0.885 / 0.860).
        "thirtythird_test",
        "thirtyfourth_test",
        "thirtyfifth_test",
        # Scored once unseen, at the twenty-second session's end, by the decision of its
        # start with t-part's bar for a part in conflict: 0.913 / 0.884 (thirty-sixth),
        # 0.854 / 0.854 (thirty-seventh) and 0.868 / 0.911 (fortieth), the target met;
        # 0.844 / 0.902 (thirty-eighth) and 0.848 / 0.890 (thirty-ninth), one false alarm
        # short each. By the decision of that session's start: 0.912 / 0.874, 0.850 / 0.825,
        # 0.837 / 0.853, 0.846 / 0.880, 0.867 / 0.901.
        "thirtysixth_test",
        "thirtyseventh_test",
        "thirtyeighth_test",
        "thirtyninth_test",
        "fortieth_test",
        # Scored once unseen, at the twenty-third session's end, by the decision of its start
        # with t-obj3's template reading: 0.902 / 0.893 (forty-first), 0.890 / 0.918
        # (forty-second), 0.887 / 0.887 (forty-third) and 0.947 / 0.881 (forty-fifth), the
        # target met; 0.849 / 0.865 (forty-fourth), one false alarm short. By the decision of
        # that session's start, all five met: 0.898 / 0.854, 0.889 / 0.907, 0.875 / 0.866,
        # 0.883 / 0.875, 0.946 / 0.871.
        "fortyfirst_test",
        "fortysecond_test",
        "fortythird_test",
        "fortyfourth_test",
        "fortyfifth_test",
        # Scored once unseen, after the twenty-third session's last change, by its final
        # decision (t-obj3's reading refitted on 97 files): 0.879 / 0.959 (forty-sixth),
        # 0.926 / 0.846 (forty-seventh), 0.870 / 0.904 (forty-eighth), the target met.
        "fortysixth_test",
        "fortyseventh_test",
        "fortyeighth_test",
        # With t-obj3's reading and the forty-first to forty-fifth sets and the Gia Lai and
        # Bộ NN&MT plans in the fit (twenty-third session) the fourth, seventeenth,
        # twenty-eighth and thirty-second test halves meet the target in sample, the
        # fourteenth no longer.
        # With the thirty-sixth to fortieth sets and the Thái Nguyên and Bộ VHTTDL plans in
        # the fit (twenty-second session) the twelfth, fourteenth and thirty-fifth test
        # halves meet the target in sample, the thirteenth and twenty-eighth no longer.
        # With the thirty-third to thirty-fifth sets and Huế's plan in the fit (twenty-first
        # session) the thirteenth, twenty-fourth, twenty-eighth and twenty-ninth test halves
        # meet the target in sample, the fourth, eighth and twelfth no longer.
        # With t-lex's lexicon at the bar 0.45 (twentieth session) the fourth, eighth,
        # fifteenth, sixteenth, eighteenth, twenty-second, twenty-third, twenty-fifth and
        # twenty-seventh test halves meet the target in sample, the seventeenth and
        # twenty-fourth no longer.
        # With the decision as trees (fourteenth session) the sixth, seventh, ninth,
        # seventeenth, nineteenth and (fifteenth session) twentieth test halves meet the
        # target in sample (the eighth until the sixteenth session's refit):
        # trained on them, so not the unseen figure the issue is judged on (each one's first
        # score, above, is).
    ],
)
def test_each_sealed_test_half_meets_the_target(name):
    quality = _quality(name)

    assert quality.precision >= TARGET_PRECISION_UNSEEN
    assert quality.recall >= TARGET_RECALL_UNSEEN
