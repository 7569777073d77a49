"""What a task is, read from its wording: action, product, object, scope and period.

Word overlap alone cannot tell "kết nối với Cơ sở dữ liệu quốc gia về dân cư" from "… về
bảo hiểm": the two differ in the one word that matters. So each task is also read into
its parts, with rules on the folded, abbreviation-expanded words (``rules.parse_match_text``):

- the **action** (xây dựng, ban hành, triển khai, kiểm tra, báo cáo, sơ kết …), read from
  the words before the product, grouped by kind of work (drafting, carrying out,
  checking, reviewing …);
- the **product or stage** (kế hoạch, đề án, quy chế, cơ sở dữ liệu, hệ thống, hội nghị
  quán triệt / sơ kết …);
- the **object**: which law, which database, which field, which document number, what
  the product is "về";
- the **scope**: who it is for (doanh nghiệp, cán bộ, người dân, các xã …) and the level
  of government it is written for (quốc gia, tỉnh, xã);
- the **period**: the years it names (năm 2026, giai đoạn 2026–2030).

``compare_parts`` says which parts two tasks share and which differ. Two tasks are the
same work when they do the same kind of action on the same object for overlapping
people and years; a national task and a province's version, or a province's task and a
commune's share of it, are *related* (parent and part). Plain functions, no database.
"""

import csv
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

from django.utils.translation import gettext as _

from chidao.overlap.rules import (
    FUNCTION_WORDS,
    STOP_WORDS,
    MatchText,
    fold_for_matching,
    fold_text,
    get_synonyms_folded,
    parse_match_text,
)

# --- Vocabulary (folded words) ---------------------------------------------------------

# Actions: folded phrase → (label shown, kind of work). Longer phrases are tried first.
ACTIONS: dict[str, tuple[str, str]] = {
    "xay dung": ("xây dựng", "make"),
    "soan thao": ("soạn thảo", "draft"),
    "lap ke hoach": ("lập kế hoạch", "draft"),
    "lap de an": ("lập đề án", "draft"),
    "lap quy hoach": ("lập quy hoạch", "draft"),
    "hoan thien": ("hoàn thiện", "draft"),
    "nghien cuu": ("nghiên cứu", "draft"),
    "de xuat": ("đề xuất", "draft"),
    "trinh": ("trình", "draft"),
    "ban hanh": ("ban hành", "draft"),
    # Amending a document is work of its own, not issuing it.
    "sua doi bo sung": ("sửa đổi, bổ sung", "amend"),
    "sua doi": ("sửa đổi", "amend"),
    "bo sung": ("bổ sung", "draft"),
    "phe duyet": ("phê duyệt", "draft"),
    "thanh lap": ("thành lập", "make"),
    "lap dat": ("lắp đặt", "make"),
    # "Lắp cảm biến IoT giám sát …" installs, as "Lắp đặt …" does: read without it, the
    # purpose after ("giám sát") became the work and vetoed the pair (twenty-sixth dev
    # half). Only as written: folded, "lắp" is also "lập" (draw up), which the marks
    # turn down (``_written_as``) and which is read as a verb of its own.
    "lap": ("lắp", "make"),
    "dau tu": ("đầu tư", "make"),
    "nang cap": ("nâng cấp", "make"),
    "mua sam": ("mua sắm", "make"),
    "hinh thanh": ("hình thành", "make"),
    "trien khai": ("triển khai", "carry"),
    "thuc hien": ("thực hiện", "carry"),
    "to chuc thuc hien": ("tổ chức thực hiện", "carry"),
    "van hanh": ("vận hành", "operate"),
    "duy tri": ("duy trì", "operate"),
    "ap dung": ("áp dụng", "carry"),
    # Read only where it opens the work (``read_parts``); elsewhere an application.
    "ung dung": ("ứng dụng", "carry"),
    "nhan rong": ("nhân rộng", "carry"),
    "dua vao su dung": ("đưa vào sử dụng", "carry"),
    "khai thac": ("khai thác", "operate"),
    "ket noi": ("kết nối", "carry"),
    "tich hop": ("tích hợp", "carry"),
    "lien thong": ("liên thông", "carry"),
    "so hoa": ("số hóa", "carry"),
    "phat trien": ("phát triển", "carry"),
    "day manh": ("đẩy mạnh", "carry"),
    "ho tro": ("hỗ trợ", "carry"),
    "kiem tra": ("kiểm tra", "check"),
    "giam sat": ("giám sát", "check"),
    "thanh tra": ("thanh tra", "check"),
    "hau kiem": ("hậu kiểm", "check"),
    "ra soat": ("rà soát", "check"),
    "bao cao": ("báo cáo", "review"),
    "danh gia": ("đánh giá", "review"),
    "so ket": ("sơ kết", "review"),
    "tong ket": ("tổng kết", "review"),
    "quan triet": ("quán triệt", "spread"),
    "tuyen truyen": ("tuyên truyền", "spread"),
    "pho bien": ("phổ biến", "spread"),
    "dao tao": ("đào tạo", "train"),
    "boi duong": ("bồi dưỡng", "train"),
    "tap huan": ("tập huấn", "train"),
    # Stages of a piece of work that are work of their own: launching a movement is not
    # reviewing or awarding it; accepting a research task is not ordering it.
    "phat dong": ("phát động", "launch"),
    "khoi dong": ("khởi động", "launch"),
    "nghiem thu": ("nghiệm thu", "accept"),
    "khen thuong": ("khen thưởng", "award"),
    "ton vinh": ("tôn vinh", "award"),
    "bieu duong": ("biểu dương", "award"),
    "dien tap": ("diễn tập", "drill"),
    "kien toan": ("kiện toàn", "make"),
    "quyet toan": ("quyết toán", "review"),
    "thong ke": ("thống kê", "review"),
    "tong hop": ("tổng hợp", "review"),
    "cong bo": ("công bố", "draft"),
    "cap nhat": ("cập nhật", "operate"),
    "bao tri": ("bảo trì", "operate"),
    "thi diem": ("thí điểm", "carry"),
    "mo rong": ("mở rộng", "carry"),
    "cung cap": ("cung cấp", "carry"),
    "to chuc": ("tổ chức", "carry"),
    # Work on something else's safety, or measuring what others think of it.
    "bao dam an toan": ("bảo đảm an toàn", "secure"),
    "dam bao an toan": ("bảo đảm an toàn", "secure"),
    # A survey is done before the work ("khảo sát … làm căn cứ lập dự án").
    "khao sat": ("khảo sát", "survey"),
    "trao giai": ("trao giải", "award"),
    "tuyen duong": ("tuyên dương", "award"),
    "quang ba": ("quảng bá", "spread"),
    "truyen thong": ("truyền thông", "spread"),
    "tham dinh": ("thẩm định", "check"),
    # Accrediting a programme and reconciling figures check work others did: "Kiểm định
    # chương trình đào tạo … theo chuẩn AUN-QA" is not the training, "Đối soát số liệu
    # người học … với kết quả tuyển sinh" is not building the database (s-lexical2).
    "kiem dinh": ("kiểm định", "check"),
    "doi soat": ("đối soát", "check"),
    "cong nhan": ("công nhận", "accept"),
}

# Kinds of work that one task may well hold together: drafting a plan and carrying it
# out ("xây dựng và triển khai"), carrying out and operating, checking and reporting what
# was found. Any other two kinds are different work: building a centre is not running it.
_COMPATIBLE = {
    frozenset({"draft", "make"}),
    frozenset({"draft", "carry"}),
    frozenset({"make", "carry"}),
    frozenset({"carry", "operate"}),
    frozenset({"check", "review"}),
    frozenset({"spread", "train"}),
    frozenset({"launch", "carry"}),
    frozenset({"launch", "draft"}),
    frozenset({"launch", "make"}),
    frozenset({"launch", "spread"}),
    frozenset({"review", "award"}),
    frozenset({"check", "accept"}),
    frozenset({"review", "accept"}),
}

# Kinds of work apart from any other, unless the other task says the word too.
_APART = {"amend": "sửa đổi", "survey": "khảo sát", "announce": "công bố"}

# Stages that come after the work: reviewing it, accepting it, awarding it.
_STAGES = frozenset({"review", "accept", "award"})

# Work done on other work: checking it, reviewing or reporting on it.
_OVERSIGHT = frozenset({"check", "review", "accept", "award"})

# Products that a province words one way or another for the same work: a plan, a
# programme or a scheme ("đề án") of one thing; a policy set out in a resolution.
_PRODUCTS_COMPATIBLE = {
    frozenset({"plan", "scheme"}),
    frozenset({"scheme", "policy"}),
    frozenset({"policy", "resolution"}),
    # A model is piloted or spread by a scheme ("Đề án thí điểm bản sao số" / "thử
    # nghiệm mô hình bản sao số"; "nhân rộng mô hình bệnh viện số" / "Đề án chuyển đổi số
    # của Bệnh viện …, nhân rộng"): one work, named by its document or by what it builds.
    frozenset({"model", "scheme"}),
}

# A meeting's stage may follow its name: "hội nghị học tập, quán triệt …".
_MEETING_STAGES = {
    "quan triet": "hoi nghi quan triet",
    "so ket": "hoi nghi so ket",
    "tong ket": "hoi nghi tong ket",
    # A meeting that launches a scheme is a stage of its own, not its review.
    "trien khai": "hoi nghi trien khai",
    "cong bo": "hoi nghi cong bo",
}

# A meeting that announces a document is a stage of its own: not making the document
# nor carrying it out (publishing a list, "công bố danh mục", is issuing it).
_MEETING_KINDS = {"cong bo": "announce"}

# Products and stages: folded phrase → (label shown, family). Meetings are told apart by
# their stage: a conference to study a resolution is not the one reviewing a year of it.
PRODUCTS: dict[str, tuple[str, str]] = {
    "hoi nghi quan triet": ("hội nghị quán triệt", "meeting-study"),
    "hoi nghi so ket": ("hội nghị sơ kết", "meeting-review"),
    "hoi nghi tong ket": ("hội nghị tổng kết", "meeting-final"),
    "hoi nghi trien khai": ("hội nghị triển khai", "meeting-launch"),
    "hoi nghi cong bo": ("hội nghị công bố", "meeting-announce"),
    "hoi nghi": ("hội nghị", "meeting"),
    "ke hoach": ("kế hoạch", "plan"),
    "chuong trinh hanh dong": ("chương trình hành động", "plan"),
    "chuong trinh": ("chương trình", "plan"),
    "chien luoc": ("chiến lược", "plan"),
    "lo trinh": ("lộ trình", "plan"),
    "quy hoach": ("quy hoạch", "masterplan"),
    "de an": ("đề án", "scheme"),
    "du an luat": ("dự án luật", "law"),
    "du an": ("dự án", "scheme"),
    "quy che": ("quy chế", "rules"),
    "quy dinh": ("quy định", "rules"),
    "quy trinh": ("quy trình", "rules"),
    "noi quy": ("nội quy", "rules"),
    "nghi dinh": ("nghị định", "decree"),
    "thong tu": ("thông tư", "decree"),
    "van ban quy pham phap luat": ("văn bản quy phạm pháp luật", "decree"),
    "van ban huong dan": ("văn bản hướng dẫn", "guidance"),
    "huong dan": ("hướng dẫn", "guidance"),
    "so tay": ("sổ tay", "guidance"),
    "luat": ("luật", "law"),
    "nghi quyet": ("nghị quyết", "resolution"),
    "co che": ("cơ chế", "policy"),
    "chinh sach": ("chính sách", "policy"),
    "co so du lieu": ("cơ sở dữ liệu", "data"),
    "kho du lieu": ("kho dữ liệu", "data"),
    "du lieu": ("dữ liệu", "data"),
    "he thong": ("hệ thống", "system"),
    "nen tang": ("nền tảng", "system"),
    "phan mem": ("phần mềm", "system"),
    "ung dung": ("ứng dụng", "system"),
    "cong thong tin": ("cổng thông tin", "system"),
    "trung tam": ("trung tâm", "centre"),
    # A data centre is a centre, not data: "Trung tâm dữ liệu quốc gia" is not the
    # national databases that sync to it (t-read).
    "trung tam du lieu": ("trung tâm dữ liệu", "centre"),
    "ha tang": ("hạ tầng", "infrastructure"),
    "mang": ("mạng", "infrastructure"),
    "bo tieu chi": ("bộ tiêu chí", "criteria"),
    "bo chi so": ("bộ chỉ số", "criteria"),
    "tieu chi": ("tiêu chí", "criteria"),
    "bao cao": ("báo cáo", "report"),
    "cuoc thi": ("cuộc thi", "contest"),
    "giai thuong": ("giải thưởng", "contest"),
    "phong trao": ("phong trào", "movement"),
    "quy dau tu": ("quỹ đầu tư", "fund"),
    "quy phat trien": ("quỹ phát triển", "fund"),
    "he sinh thai": ("hệ sinh thái", "ecosystem"),
    "mo hinh": ("mô hình", "model"),
    "ngay hoi": ("ngày hội", "event"),
    "san thuong mai dien tu": ("sàn thương mại điện tử", "system"),
    "danh muc": ("danh mục", "list"),
}

# Words after which the next few words say which one: which law, which database, what
# the work is "về". Compared head by head.
_OBJECT_HEADS: dict[str, str] = {
    "luat": "luật",
    "co so du lieu quoc gia ve": "cơ sở dữ liệu",
    "co so du lieu quoc gia": "cơ sở dữ liệu",
    "co so du lieu": "cơ sở dữ liệu",
    "he thong thong tin": "hệ thống",
    "trung tam": "trung tâm",
    "linh vuc": "lĩnh vực",
    "nganh": "ngành",
    "ve": "về",
    "cho": "cho",
    # "… bằng mã QR đối với cà phê" / "… đối với hồ tiêu".
    "doi voi": "đối với",
    # "tỷ lệ hồ sơ trực tuyến" / "tỷ lệ thanh toán trực tuyến": a rate of what.
    "ty le": "tỷ lệ",
    "nhan luc": "nhân lực",
    "cong nghe": "công nghệ",
}

# Words that end an object phrase: what follows is purpose, place or time.
_OBJECT_END = frozenset(
    [
        "de",
        "nham",
        "theo",
        "tren",
        "tai",
        "trong",
        "cho",
        "giai",
        "nam",
        "den",
        "va",
        "voi",
        "cua",
        "truoc",
        "sau",
        "khi",
    ]
)
_OBJECT_END_PAIRS = frozenset(
    {("phuc", "vu"), ("dap", "ung"), ("dam", "bao"), ("gan", "ket"), ("thuc", "day")}
)


# Folded, "tại" (at) is also the first syllable of "tài sản", "tài chính" …
_NOT_ENDS = frozenset(
    {("tai", "san"), ("tai", "chinh"), ("tai", "lieu"), ("tai", "nguyen"), ("tai", "tro")}
)


def _ends_object(words: tuple[str, ...], i: int, ends: frozenset[str] = _OBJECT_END) -> bool:
    pair = tuple(words[i : i + 2])
    return (words[i] in ends and pair not in _NOT_ENDS) or pair in _OBJECT_END_PAIRS


# Words too general to tell two objects apart ("các", "mới").
_VAGUE = STOP_WORDS - frozenset(["bao", "gom", "hien", "huong", "doi", "thanh", "pho"]) | frozenset(
    ["cac", "moi", "chung", "tong", "the", "dung", "hien", "co", "lien", "quan", "cap"]
)
# What a product is "of", after its name: the words that tell one plan from another,
# once the verbs every product takes ("quản lý, vận hành, sử dụng") are left out.
_GENERIC = _VAGUE | frozenset(
    [
        "quan",
        "ly",
        "su",
        "dung",
        "van",
        "hanh",
        "khai",
        "thac",
        "thuc",
        "hien",
        "trien",
        "khai",
        "xay",
        "dung",
        "phat",
        "trien",
        "ung",
        "dung",
        "ho",
        "tro",
        "nang",
        "cao",
        "hieu",
        "qua",
        "to",
        "chuc",
        "hoat",
        "dong",
    ]
)

_AMENDING = frozenset({"sua", "doi", "bo", "sung", "mot", "so", "dieu"})

# Who the work is for: folded phrase → group label.
BENEFICIARIES: dict[str, str] = {
    "doanh nghiep": "doanh nghiệp",
    "hop tac xa": "doanh nghiệp",
    "ho kinh doanh": "doanh nghiệp",
    "can bo": "cán bộ, công chức",
    "cong chuc": "cán bộ, công chức",
    "vien chuc": "cán bộ, công chức",
    "co quan nha nuoc": "cán bộ, công chức",
    "nguoi dan": "người dân",
    "cong dan": "người dân",
    "ho gia dinh": "người dân",
    "hoc sinh": "học sinh, trường học",
    "sinh vien": "sinh viên",
    "truong dai hoc": "sinh viên",
    "truong hoc": "học sinh, trường học",
    "co so giao duc": "học sinh, trường học",
    # The formal name of universities, not schools.
    "co so giao duc dai hoc": "sinh viên",
    # Schools of one grade are not schools of another.
    "mam non": "mầm non",
    "tieu hoc": "tiểu học",
    "trung hoc co so": "trung học cơ sở",
    "trung hoc pho thong": "trung học phổ thông",
    "benh vien": "cơ sở y tế",
    "co so y te": "cơ sở y tế",
    "tram y te": "cơ sở y tế",
    # Health workers are the health sector's people, not civil servants in general.
    "can bo y te": "cơ sở y tế",
    "nhan vien y te": "cơ sở y tế",
    "nong dan": "nông dân",
    "cac xa": "các xã, phường",
    "cac phuong": "các xã, phường",
    "cac dia phuong": "các xã, phường",
    "nha khoa hoc": "nhà khoa học",
    "chuyen gia": "nhà khoa học",
    # "chợ" folds to "cho" (for): only in the names markets go by.
    "cho truyen thong": "chợ, siêu thị",
    "cho dau moi": "chợ, siêu thị",
    "sieu thi": "chợ, siêu thị",
    "khu cong nghiep": "khu, cụm công nghiệp",
    "cum cong nghiep": "khu, cụm công nghiệp",
    "khu du lich": "khu du lịch",
    "thon": "thôn, bản",
}

# The people among them, not the bodies ("bệnh viện", "trạm y tế", "trường học"), places
# or units: "cho người dân tỉnh" is the province's people, "cho trạm y tế xã" a kind of body.
_PEOPLE = {
    key: label
    for key, label in BENEFICIARIES.items()
    if key
    not in {
        "co quan nha nuoc",
        "truong dai hoc",
        "truong hoc",
        "co so giao duc",
        "co so giao duc dai hoc",
        "mam non",
        "tieu hoc",
        "trung hoc co so",
        "trung hoc pho thong",
        "benh vien",
        "co so y te",
        "tram y te",
    }
    and label
    not in {"các xã, phường", "chợ, siêu thị", "khu, cụm công nghiệp", "khu du lịch", "thôn, bản"}
}

_SCHOOL_GRADES = frozenset({"mầm non", "tiểu học", "trung học cơ sở", "trung học phổ thông"})

NATIONAL, PROVINCE, COMMUNE = "quốc gia", "tỉnh", "xã"
# Below the commune: a village doing its share of the commune's work ("Bản La Pán Tẩn
# …", "Thôn Tây lắp …", "Tổ công nghệ số thôn Lao Xa …"). Not a committee's level (the
# finder's levels are the three above); read only from the doer a task names first.
VILLAGE = "thôn"
_LEVEL_RANK = {NATIONAL: 0, PROVINCE: 1, COMMUNE: 2, VILLAGE: 3}
_NATIONAL_MARKS = (
    "toan quoc",
    "ca nuoc",
    "trinh thu tuong",
    "trinh chinh phu",
    "trinh quoc hoi",
    "cac bo nganh",
    "bo nganh dia phuong",
)
# The province's own units named together, its departments with or without its communes
# ("các sở, ban, ngành và UBND các xã, phường"), as "các bộ, ngành" names the nation's: a
# task on all of them is the province's, over its units ("Đánh giá, xếp hạng mức độ chuyển
# đổi số của các sở, ngành và UBND các xã, phường"), not a commune's share (t-lines: read
# "khác cấp: xã / tỉnh" beside the province's evaluation of its enterprises).
_PROVINCE_MARKS = ("cac so ban nganh", "cac so nganh")
# Written words (lower case) that name a level, with the folded words that, following
# them, make them something else ("xã hội", "hợp tác xã" is caught before).
_PROVINCE_WORDS = frozenset({"tỉnh", "tinh"})
_COMMUNE_WORDS = frozenset({"xã", "phường", "xa", "phuong"})
# The unmarked forms, for a text written without marks: in one written with them, "xa" is
# "far" ("khám bệnh từ xa", "vùng sâu, vùng xa") and "tinh" is "tinh thần" (spirit).
_UNMARKED_LEVEL_WORDS = frozenset({"tinh", "xa", "phuong"})
_NOT_COMMUNE_NEXT = frozenset({"hoi"})
_NOT_COMMUNE_PREVIOUS = frozenset({"tac", "cac"})
# What a province's duty names of the levels below it ("các xã, phường", "các thôn"),
# read as people the work serves (``BENEFICIARIES``).
_LOWER_UNITS = frozenset({"các xã, phường", "thôn, bản"})
# A village's name follows the word ("bản Mồ Dề"): "văn bản Luật", "phiên bản Mới" are
# no village.
_VILLAGE_WORDS = frozenset({"thôn", "bản", "ấp", "làng", "buôn"})
# Every word the level reader (`_level`) may take for a level.
_LEVEL_WORDS = _PROVINCE_WORDS | _COMMUNE_WORDS | _VILLAGE_WORDS | {"phố"}
_NOT_VILLAGE_PREVIOUS = frozenset({"van", "phien", "ban"})
# Within the first words: "Nhân viên y tế bản Dế Xu Phình đi …" (the fifth word).
_VILLAGE_DOER_WORDS = 5
# Folded words before a body whose document a task cites rather than a body at work.
_CITING = frozenset({"cua", "theo"})
# A body or level named inside the task's clause, after its verb, is in passing when the
# word that governs it makes it a partner ("Phối hợp Bộ KH&CN đề nghị …", "… với 100% Sở
# Y tế"), a recipient ("… cho cán bộ chuyên trách CNTT các bệnh viện, Sở Y tế", "đến Giám
# đốc Sở Y tế các tỉnh", "truyền số liệu về Sở …"), a place of the work ("tại trạm y tế
# xã", "trên Cổng Thông tin điện tử Bộ Y tế"), the agent of a relative clause ("dữ liệu …
# do Sở Y tế cấp", "các hệ thống do Bộ Y tế quản lý"), a starting point ("từ Bộ đến …") or
# a tier ("bệnh viện tuyến tỉnh"): in office Vietnamese the body that does a task is named
# at its head ("Sở Y tế chỉ đạo …", "UBND xã … rà soát …") or assigned ("giao …"), and its
# scope is said as the unit's own ("… của tỉnh", "trên địa bàn xã", "cấp xã", "toàn
# tỉnh"). A level read from a body in passing makes one body's two tasks look like a
# duty and its lower share (t-level).
# Written (lower case, with marks): folded, "tử" (điện tử) and "tư" (Tư pháp) would be
# "từ", and "cấp" (to grant) is read by its place, not its spelling.
_IN_PASSING = ("cho", "đến", "tới", "tại", "ở", "với", "do", "từ", "trên")
_IN_PASSING_PAIRS = (("phối", "hợp"), ("kết", "nối"))
# Words that say a unit's own scope: the level named after them is the task's.
_SCOPE = ("của", "cấp", "toàn")
# "Các xã thuộc tỉnh": only right before its unit, not "các đơn vị trực thuộc và Giám đốc
# Sở Y tế các tỉnh" (a list of recipients that runs on).
_BELONGING = "thuộc"
_SCOPE_PAIRS = (("địa", "bàn"), ("phạm", "vi"))
# Words that count or list units, not name a body: "tại các xã", "đến 100% xã", "tại
# các xã, phường", "thành phố"; and the unit's own government, which is the unit ("tại
# UBND các xã, phường", "chính quyền cấp xã"), not a body in it as "trạm y tế xã" is.
_COUNTING = (
    "ubnd",
    "ủy",
    "uỷ",
    "ban",
    "nhân",
    "dân",
    "chính",
    "quyền",
    "các",
    "những",
    "mọi",
    "tất",
    "cả",
    "và",
    "thành",
    "phố",
    "xã",
    "phường",
    "tỉnh",
    "đặc",
    "khu",
)
# Marks that end the clause a word governs (";", ":", brackets, a full stop, a spaced dash:
# "… năm 2025 - Bộ VHTTDL chủ trì").
_CLAUSE_END = re.compile(r"[;:()\[\]\n]|\.\s|\s[-–]\s")

# First words of the bodies a task reports to ("báo cáo UBND tỉnh", "báo cáo Bộ …").
_BODIES = [(word,) for word in ("uy", "ban", "bo", "so", "thuong", "chinh", "thu", "hoi", "tinh")]

_YEAR = re.compile(r"^(19|20)\d\d$")
_BREAK = re.compile(r"[,;:()\[\]\n]|\.\s")


# The tables ``_find`` reads, by identity (so that its index of them is built once).
_TABLES = {id(table): table for table in (ACTIONS, PRODUCTS, _OBJECT_HEADS, BENEFICIARIES, _PEOPLE)}


# --- Reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One part read from a task: a label (what users see) and the family compared."""

    label: str
    family: str


@dataclass(frozen=True)
class TaskParts:
    """A task read into the parts that say which work it is."""

    actions: tuple[Part, ...]
    products: tuple[Part, ...]
    # head → (folded words, written words) of what follows it.
    objects: dict[str, tuple[frozenset[str], str]] = field(default_factory=dict)
    documents: frozenset[str] = frozenset()
    beneficiaries: frozenset[str] = frozenset()
    level: str | None = None
    years: tuple[int, int] | None = None
    # The wording read, to find the one slot two near-identical tasks fill differently.
    text: MatchText | None = None
    # Where, in ``text.words``, the phrase naming what the work is about starts and ends
    # (after the product, or after the action when no product is named).
    subject: tuple[int, int] | None = None
    # Where the work starts after the doer named first ("UBND tỉnh … ban hành …").
    begin: int = 0
    # How many of ``products`` the task makes, named as one list at its head (``_listed``):
    # the others are what those are about ("kế hoạch triển khai các **nền tảng** số").
    listed: int = 0

    @property
    def made(self) -> tuple[Part, ...]:
        """The products the task makes (``listed``); all of them if it was not counted."""
        return self.products[: self.listed] if self.listed else self.products

    @property
    def action(self) -> Part | None:
        return self.actions[0] if self.actions else None

    @property
    def product(self) -> Part | None:
        return self.products[0] if self.products else None


def _breaks(text: MatchText) -> list[bool]:
    """``breaks[i]``: the written words before folded word ``i`` end a clause."""
    breaks = [False] * len(text.words)
    for i, origin in enumerate(text.origin):
        if i and origin != text.origin[i - 1] and origin:
            gap = text.original[text.written[origin - 1].end : text.written[origin].start]
            breaks[i] = bool(_BREAK.search(gap))
    return breaks


@cache
def _by_first_word(table_id: int) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The phrases of a table by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key in _TABLES[table_id]:
        words = tuple(key.split())
        index.setdefault(words[0], []).append((words, key))
    for phrases in index.values():
        phrases.sort(key=lambda phrase: -len(phrase[0]))
    return index


def _find(words: tuple[str, ...], table: dict, start: int = 0, end: int | None = None, accept=None):
    """``(position, length, key)`` of each phrase of ``table`` in ``words``, longest
    first at a position, not overlapping; ``accept(position, length, key)``, when given,
    turns a phrase down so that the words may be read as another."""
    end = len(words) if end is None else end
    phrases = _by_first_word(id(table))
    found, i = [], start
    while i < end:
        for key_words, key in phrases.get(words[i], ()):
            n = len(key_words)
            if (
                i + n <= end
                and words[i : i + n] == key_words
                and (accept is None or accept(i, n, key))
            ):
                found.append((i, n, key))
                i += n
                break
        else:
            i += 1
    return found


# The five tone marks: where a word places its tone ("hoá", "hóa") is a matter of
# spelling, which vowel it is written on is not a word's identity.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _syllable(word: str) -> str:
    """A written word with its tone moved to the end: "hóa" and "hoá" read alike."""
    letters = unicodedata.normalize("NFD", word.lower())
    tone = "".join(ch for ch in letters if ch in _TONES)
    return unicodedata.normalize("NFC", "".join(ch for ch in letters if ch not in _TONES)) + tone


def _as_table_writes(text: MatchText, position: int, length: int, key: str, marks: bool) -> bool:
    """Whether the action ``key`` found at ``position`` is written as the table writes it.
    Folded, "hoàn thành lắp đặt" holds "thanh lap" across two words, as "công nhân"
    (workers) is "công nhận" (recognise): with its marks, a verb must be itself. A text
    without marks, or a word that was an abbreviation, cannot tell, and passes. "trình"
    (submit) is not the last word of "chương trình", "quy trình", "lập trình"."""
    if key == "trinh" and position and text.words[position - 1] in _TRINH_BEFORE:
        return False
    # "nghiên cứu viên", "đào tạo viên", "tuyên truyền viên": a person, not the verb
    # ("Cử bác sĩ trẻ, nghiên cứu viên đi đào tạo …") (t-read2).
    if (
        marks
        and text.words[position + length : position + length + 1] == ("vien",)
        and _written_word(text, position + length) == "viên"
    ):
        return False
    return _written_as(text, position, length, key, ACTIONS[key][0], marks)


# Words "trình" ends: "chương trình", "quy trình", "lộ trình", "công trình", "giáo
# trình", "quá trình", "tiến trình", "hành trình", "lập trình".
_TRINH_BEFORE = frozenset(
    {"chuong", "quy", "lo", "cong", "giao", "qua", "tien", "hanh", "lap", "giai"}
)


def _written_as(
    text: MatchText, position: int, length: int, key: str, label: str, marks: bool
) -> bool:
    """Whether the phrase ``key`` found at ``position`` is written as ``label``: "mang"
    (carrying) is not "mạng" (network), "phường An" not "phương án" (``_as_table_writes``)."""
    if not marks:
        return True
    # "đảm bảo an toàn" is labelled "bảo đảm an toàn": only a label spelled as its key
    # says how the words are written.
    if " ".join(re.findall(r"\w+", fold_text(label))) != key:
        return True
    table = [_syllable(word) for word in re.findall(r"\w+", label)]
    if len(table) != length:
        return True
    for i, expected in zip(range(position, position + length), table, strict=True):
        written = _written_word(text, i)
        if fold_text(written) == text.words[i] and _syllable(written) != expected:
            return False
    return True


# Words before "mạng" that make it "online" or a field ("trên mạng", "qua mạng", "an
# ninh mạng", "không gian mạng"), not a network the task builds.
_ONLINE_BEFORE = frozenset({"tren", "qua", "len", "ninh", "gian", "toan"})


def _online(words: tuple[str, ...], position: int, key: str) -> bool:
    """Whether the product "mạng" at ``position`` is "online" or a field, or "mạng xã
    hội" (social media)."""
    if key != "mang":
        return False
    previous = words[position - 1] if position else ""
    return previous in _ONLINE_BEFORE or words[position + 1 : position + 2] == ("xa",)


def _guiding(words: tuple[str, ...], position: int, key: str) -> bool:
    """Whether "hướng dẫn" at ``position`` guides people ("hướng dẫn người dân cài
    VNeID", "hướng dẫn 100% hộ …"), a verb, not a guidance document made."""
    if key != "huong dan":
        return False
    following = words[position + 2 : position + 5]
    if following[:1] and (following[0].isdigit() or following[0] in {"cac", "moi"}):
        return True
    return any(
        following[: len(phrase.split())] == tuple(phrase.split()) for phrase in BENEFICIARIES
    )


# Product words that, put after a noun, say what kind it is ("công nghệ chiến lược",
# "công nghiệp chiến lược", "đối tác chiến lược", "khoáng sản chiến lược", "khung chiến
# lược": strategic): Vietnamese puts the modifier after its head, so a strategy document
# ("chiến lược") the task makes heads its own phrase, after a verb ("xây dựng, ban hành
# chiến lược"), a determiner ("các chiến lược"), a preposition ("theo Chiến lược") or a
# break ("kế hoạch, chiến lược"). In the labelled sets four "chiến lược" in five follow
# "công nghệ" or "công nghiệp" (t-read).
_MODIFIERS = frozenset({"chien luoc"})
# Words after which a product word heads its own phrase.
_HEAD_BEFORE = frozenset(
    {
        "cac",
        "nhung",
        "mot",
        "moi",
        "tung",
        "ve",
        "theo",
        "cua",
        "cho",
        "va",
        "hoac",
        "voi",
        "tai",
        "trong",
        "vao",
        "la",
        "so",
    }
)


_ACTION_WORDS = tuple(tuple(verb.split()) for verb in ACTIONS)


def _modifying(words: tuple[str, ...], breaks: list[bool], i: int, key: str, begin: int) -> bool:
    """Whether the product word ``key`` at ``i`` modifies the noun before it (``_MODIFIERS``):
    "làm chủ công nghệ chiến lược" names no strategy."""
    if key not in _MODIFIERS or i <= begin or breaks[i]:
        return False
    if words[i - 1] in _HEAD_BEFORE:
        return False
    # After a verb the table knows ("xây dựng chiến lược", "thực hiện Chiến lược").
    return not any(words[max(0, i - len(verb)) : i] == verb for verb in _ACTION_WORDS)


def _past_cited(words: tuple[str, ...], begin: int, products: list) -> list:
    """``products`` without those a task follows: "… theo kế hoạch chung của Tổng công ty",
    "theo lộ trình sắp xếp các viện của Bộ": the plan a unit's part follows is its
    parent's product, not what the part makes; and the product words in that plan's name
    go with it (t-read): "triển khai một số khu công nghiệp công nghệ số … theo Quy hoạch
    hạ tầng thông tin và truyền thông" builds no infrastructure."""
    kept, cited_end = [], -1
    for position, length, key in products:
        if (position > begin and words[position - 1] == "theo") or position == cited_end:
            cited_end = position + length
            continue
        kept.append((position, length, key))
    return kept


# Legal documents whose provisions ("quy định") a task may amend or review.
_LEGAL = frozenset({"law", "decree", "resolution"})


def _provisions(words: tuple[str, ...], products, k: int) -> bool:
    """Whether ``products[k]`` is "quy định" as the provisions of the document named next
    ("sửa đổi một số quy định trong Luật Thuế …", "các quy định của Nghị định 13"): the
    product is that law or decree, not a rule of its own (t-read)."""
    position, length, key = products[k]
    if key != "quy dinh" or k + 1 >= len(products):
        return False
    following, _, following_key = products[k + 1]
    return (
        following == position + length + 1
        and words[position + length] in ("trong", "cua", "tai")
        and PRODUCTS[following_key][1] in _LEGAL
    )


# Two-syllable words the reader knows, folded: the two-word phrases of its tables, the
# halves of their four-word ones ("cơ sở" | "dữ liệu"), the pairs of a body's name, and
# common words of the labelled sets' titles the tables lack (t-reader2).
_COMMON_COMPOUNDS = (
    "quoc gia",
    "viet nam",
    "dien tu",
    "truc tuyen",
    "ho so",
    "tri tue",
    "tu dong",
    "tap trung",
    "khu vuc",
    "xa hoi",
    "chat luong",
    "thong minh",
    "so lieu",
    "tien mat",
    "cho vay",
    "cho phep",
    "cho thue",
    "ve tinh",
    "ve sinh",
    "so huu",
    "mang luoi",
    "thanh vien",
    "quan tri",
    "hoa don",
    "cong nghiep",
)


@cache
def _compounds() -> frozenset[tuple[str, ...]]:
    """The two-syllable words an edge of a phrase shown is not put inside (``_written``)."""
    pairs = {tuple(word.split()) for word in _COMMON_COMPOUNDS}
    for table in (ACTIONS, PRODUCTS, _OBJECT_HEADS, BENEFICIARIES, _PEOPLE):
        for key in table:
            words = tuple(key.split())
            if len(words) == 2:
                pairs.add(words)
            elif len(words) == 4:
                pairs.update((words[:2], words[2:]))
    return frozenset(pairs | _NAME_PAIRS | _NOT_ENDS)


def _compound_at(text: MatchText, i: int) -> bool:
    """Whether folded words ``i - 1`` and ``i``, two written words with nothing but a
    space between them, are one word of ``_compounds`` ("quản | lý")."""
    words, origin = text.words, text.origin
    return (
        0 < i < len(words)
        and origin[i - 1] != origin[i]
        and _joined(text, origin[i])
        and (words[i - 1], words[i]) in _compounds()
    )


def _written(text: MatchText, start: int, end: int) -> str:
    """The written words folded words ``start`` to ``end`` come from. An edge inside a
    two-syllable word moves out to take the whole word: where two wordings differ after
    a shared syllable, the explanation showed "lý thành viên / trị PMKT-QT" for "quản lý
    thành viên / quản trị PMKT-QT", "Luật Đầu" for "Luật Đầu tư", "sáng chế thuộc danh"
    for "… danh mục" (t-reader2)."""
    if start < end:
        start -= _compound_at(text, start)
        end += _compound_at(text, end)
    origins = sorted({text.origin[i] for i in range(start, end)})
    return " ".join(text.written[i].text for i in origins)


def _listed(words: tuple[str, ...], products) -> int:
    """How many of ``products`` (in order) the task names as one list at its head: "các
    chiến lược, chương trình, đề án phát triển …" (3), "kế hoạch triển khai các nền tảng
    số" (1: the platforms are what the plan is about, t-read)."""
    if not products:
        return 0
    count, end = 1, products[0][0] + products[0][1]
    for position, length, _key in products[1:]:
        if not (position == end or (position == end + 1 and words[end] in ("va", "hoac"))):
            break
        count, end = count + 1, position + length
    return count


# Words that scale a count ("1 triệu người", "3,5 nghìn đề tài"), folded.
_COUNT_SCALES = frozenset({"chuc", "tram", "nghin", "ngan", "trieu", "ty"})
# Units a count measures in ("20.000 ha lúa", "1 triệu héc-ta"), folded: the measure of
# the share, no more the object than the count ("héc-ta" / "ha" are one unit).
_COUNT_UNITS = (("hec", "ta"), ("ha",), ("km",), ("tan",), ("kg",))


def _past_count(text: MatchText, start: int, stops: set[int]) -> int:
    """Where an object opening at ``start`` begins past its count: "cho **1.200** cán bộ
    chủ chốt cấp xã", "cho **1 triệu** người nguy cơ cao", "cơ sở dữ liệu **5.000**
    chuyên gia". How many a task serves says how large its share is, not what it is
    about: a province's duty "cho 100% cán bộ lãnh đạo" and a commune's "cho 1.200 cán bộ
    chủ chốt" are on one object, and the count's syllables, read as the object's, made
    them differ ("khác đối tượng: 100 cán bộ lãnh đạo / 1 200 cán bộ chủ", t-dev24). A
    number written joined to letters ("57-NQ/TW") names a document, no count; a count
    with nothing after it is kept (it may be a number's name: "về 06"), and so is a
    measure with nothing after it ("Đề án 1 triệu héc-ta" / "… 1 triệu ha")."""
    words, i = text.words, start
    while i < len(words) and words[i].isdigit() and text.written[text.origin[i]].text.isdigit():
        i += 1
    if i == start:
        return start
    while i < len(words) and words[i] in _COUNT_SCALES:
        i += 1
    for unit in _COUNT_UNITS:
        if words[i : i + len(unit)] == unit:
            i += len(unit)
            break
    if i >= len(words) or i in stops or _ends_object(words, i):
        return start
    return i


def _objects(text: MatchText, breaks: list[bool], stops: set[int], products):
    words, objects = text.words, {}
    if products:
        position, length, key = products[0]
        start = position + length
        # "các chiến lược, chương trình, đề án phát triển hạ tầng năng lượng": a list of
        # products shares the object after its last (t-read), the next product is not it.
        listed = _listed(words, products)
        start = _past_count(text, products[listed - 1][0] + products[listed - 1][1], stops)
        end = start
        while (
            end < len(words)
            and end - start < 6
            and end not in stops
            and not (
                _ends_object(words, end, _OBJECT_END - {"va"})
                # "chương trình hỗ trợ, thúc đẩy doanh nghiệp …": a second verb of a list
                # the product names, not the purpose clause "thúc đẩy" opens (t-read).
                and not (breaks[end] and " ".join(words[start:end]) in ACTIONS)
            )
        ):
            end += 1
        content = frozenset(words[start:end]) - _GENERIC
        if content:
            objects["sản phẩm"] = (content, _written(text, start, end))
    for position, length, key in _find(words, _OBJECT_HEADS):
        head = _OBJECT_HEADS[key]
        start = _past_count(text, position + length, stops)
        end = start
        # Up to five words that say something: "về quản lý, sử dụng tài sản trí tuệ"
        # runs on past the verbs every product takes.
        said = 0
        while (
            end < len(words)
            and said < 5
            and not _ends_object(words, end)
            and end not in stops
            and not (breaks[end] and said)
        ):
            said += words[end] not in _GENERIC
            end += 1
        content = frozenset(words[start:end]) - _VAGUE
        # "Luật sửa đổi, bổ sung một số điều của Luật …": the law is the one named next.
        if head == "luật":
            content -= _AMENDING
        if content and head not in objects:
            objects[head] = (content, _written(text, start, end))
    return objects


def _in_passing(
    text: MatchText, lower: list[str], i: int, doer_end: int, body: bool, people: set[int]
) -> bool:
    """Whether the body or level word written at ``i`` is named in passing (``_IN_PASSING``):
    the nearest governing word before it in its clause, back to the doer named at the head,
    makes it a partner, recipient, place, agent or tier, not the unit whose work it is.

    A ministry or department (``body``) so governed is always in passing. A province or
    commune is only when it names a kind of body ("tại trạm y tế xã", "cho BHXH các
    tỉnh"): governed itself ("tại xã Bát Tràng", "từ tỉnh đến 100% xã"), naming the people
    of the unit ("cho người dân tỉnh", "cho cán bộ, công chức tỉnh") or named ("tại BHXH
    tỉnh Ninh Bình"), it is the territory the task is written for."""
    # Without marks, words are compared folded ("phoi hop", "tai").
    marks = _has_marks(text)
    form = (lambda word: word) if marks else fold_text
    between = False
    # A unit named ("… cho cá tra xuất khẩu tỉnh An Giang", "tại BHXH tỉnh Ninh Bình") is
    # the territory of the task, whatever it follows; "trạm y tế xã" is a kind of body.
    named = (
        i + 1 < len(text.written)
        and text.written[i + 1].text[:1].isupper()
        and not _short_form(text.written[i + 1].text)
    )
    for j in range(i - 1, doer_end - 1, -1):
        gap = text.original[text.written[j].end : text.written[j + 1].start]
        if _CLAUSE_END.search(gap):
            return False
        word, before = lower[j], lower[j - 1] if j else ""
        pair = (form(before), form(word))
        if pair in _forms(_SCOPE_PAIRS, marks) or form(word) in _forms(_SCOPE, marks):
            return False
        if j == i - 1 and form(word) == form(_BELONGING):
            return False
        # "bệnh viện tuyến tỉnh": a tier of hospital, not a province ("trực tuyến tỉnh …" is
        # online).
        if form(word) == form("tuyến") and j == i - 1 and form(before) != form("trực"):
            return True
        # "truyền số liệu về Sở …": "về" sends only right before the body; before, it is
        # "about" ("bản đồ số về quy hoạch sử dụng đất tỉnh …").
        if form(word) == form("về"):
            if body and j == i - 1:
                return True
            continue
        if pair in _forms(_IN_PASSING_PAIRS, marks) or form(word) in _forms(_IN_PASSING, marks):
            return body or (between and not named)
        # "… để Sở cập nhật": a purpose clause names its own doer.
        if form(word) == form("để"):
            return False
        if j in people and not body:
            return False
        if not (form(word) in _forms(_COUNTING, marks) or any(c.isdigit() for c in word)):
            between = True
    return False


@cache
def _forms(words: tuple, marks: bool) -> frozenset:
    """``words`` (written, or pairs of them) as they are compared: folded without marks."""
    if marks:
        return frozenset(words)
    return frozenset(
        tuple(fold_text(w) for w in word) if isinstance(word, tuple) else fold_text(word)
        for word in words
    )


def _level(text: MatchText, begin: int = 0) -> str | None:
    folded = " ".join(text.words)
    lower = [word.text.lower() for word in text.written]
    levels = set()
    # The level of a doer named first ("Xã Chiềng Mung rà soát … cơ sở dữ liệu của
    # tỉnh"): the task is that level's share, whatever level it names after.
    doer_end = text.origin[begin] if begin and begin < len(text.origin) else 0
    doer_levels = set()
    # The folded form of each written word (its first word once expanded).
    folded_written = [""] * len(lower)
    for position in range(len(text.words) - 1, -1, -1):
        folded_written[text.origin[position]] = text.words[position]
    marks = _has_marks(text)
    # The written words that name people the work serves ("người dân", "cán bộ, công chức").
    people = {
        text.origin[k]
        for position, length, _ in _find(text.words, _PEOPLE)
        for k in range(position, position + length)
    }
    for i, word in enumerate(lower):
        body = text.written[i].text in ("Bộ", "Sở")
        # Only a word that can name a level is looked at: walking back from every word
        # was a tenth of a query's time.
        if not (body or word in _LEVEL_WORDS):
            continue
        # A body or level named in passing inside the clause is not the task's level.
        if i >= doer_end and _in_passing(text, lower, i, doer_end, body, people):
            continue
        following = folded_written[i + 1] if i + 1 < len(lower) else ""
        previous = folded_written[i - 1] if i else ""
        # "Thành phố Hồ Chí Minh", "thành phố Huế": a city of the province level.
        if (word in _PROVINCE_WORDS and not (marks and word in _UNMARKED_LEVEL_WORDS)) or (
            word == "phố"
            and previous == "thanh"
            and i + 1 < len(lower)
            and text.written[i + 1].text[:1].isupper()
            and not _short_form(text.written[i + 1].text)
        ):
            levels.add(PROVINCE)
            if i < doer_end:
                doer_levels.add(PROVINCE)
        elif (
            # A ministry doing the work ("Bộ Y tế chỉ đạo …", "(Bộ Nội vụ chủ trì)"), not
            # one whose document is cited ("… của Bộ Chính trị", "theo hướng dẫn của Bộ").
            text.written[i].text == "Bộ"
            and i + 1 < len(lower)
            and text.written[i + 1].text[:1].isupper()
            and following != "chinh"
            and previous not in _CITING
        ):
            levels.add(NATIONAL)
        elif (
            # A province's department doing the work ("Sở Tư pháp Cần Thơ tiếp nhận …"),
            # not one cited ("theo kế hoạch của Sở Y tế") or named after ("để Sở cập nhật").
            text.written[i].text == "Sở"
            and i + 1 < len(lower)
            and text.written[i + 1].text[:1].isupper()
            and previous not in _CITING
        ):
            levels.add(PROVINCE)
            if i < doer_end:
                doer_levels.add(PROVINCE)
        elif (
            word in _COMMUNE_WORDS
            and not (marks and word in _UNMARKED_LEVEL_WORDS)
            and following not in _NOT_COMMUNE_NEXT
            and previous not in _NOT_COMMUNE_PREVIOUS
        ):
            levels.add(COMMUNE)
            if i < doer_end:
                doer_levels.add(COMMUNE)
        elif (
            word in _VILLAGE_WORDS
            # "Cô đỡ bản …", "Nhân viên y tế bản …": a village's worker named first.
            and (i < doer_end or i < _VILLAGE_DOER_WORDS)
            and previous not in _NOT_VILLAGE_PREVIOUS
            and i + 1 < len(lower)
            and text.written[i + 1].text[:1].isupper()
            and not _short_form(text.written[i + 1].text)
        ):
            doer_levels.add(VILLAGE)
    if doer_levels:
        return max(doer_levels, key=lambda level: _LEVEL_RANK[level])
    if any(mark in folded for mark in _NATIONAL_MARKS):
        levels.add(NATIONAL)
    if any(mark in folded for mark in _PROVINCE_MARKS):
        levels.add(PROVINCE)
    # A task names the level it is written for last: "hướng dẫn các xã … của tỉnh".
    if not levels:
        return None
    return min(levels, key=lambda level: _LEVEL_RANK[level])


# Words before a date that make it a deadline or a start ("trước 30/6/2026", "từ ngày
# 01/01/2026", "chậm nhất ngày …"), not the day a document was signed.
_DEADLINE_CUES = frozenset({"truoc", "tu", "den", "han", "nhat"})


def _deadline_cue(words: tuple[str, ...], i: int) -> bool:
    """Whether the date whose year is word ``i`` follows a deadline's cue."""
    j = i - 1
    while j >= 0 and words[j].isdigit():
        j -= 1
    if j >= 0 and words[j] == "ngay":
        j -= 1
    return j >= 0 and words[j] in _DEADLINE_CUES


# Words before the far year a plan looks to ("tầm nhìn đến năm 2045", "định hướng đến
# 2030"): its period is the one before ("giai đoạn 2025-2030").
_VISIONS = (("tam", "nhin"), ("dinh", "huong"))


def _vision(words: tuple[str, ...], i: int) -> bool:
    j = i - 1
    while j >= 0 and words[j] in {"den", "nam", "toi"}:
        j -= 1
    return j >= 1 and words[j - 1 : j + 1] in _VISIONS


def _years(words: tuple[str, ...]) -> tuple[int, int] | None:
    years, dates, visions = [], [], []
    for i, word in enumerate(words):
        if not _YEAR.match(word):
            continue
        previous = words[i - 1] if i else ""
        # A date's year ("ngày 22/12/2024") is when a document was signed, not the period;
        # a year after a year is the end of a range ("2026-2030").
        if (previous.isdigit() or previous == "ngay") and not _YEAR.match(previous):
            if _deadline_cue(words, i):
                dates.append(int(word))
            continue
        if _vision(words, i):
            visions.append(int(word))
            continue
        years.append(int(word))
    if not years:
        years = visions
    # With no year of its own, a task's deadline ("trước 30/6/2026") is its period: the
    # same work due in two years is done twice.
    if not years and dates:
        years = dates
    if not years:
        return None
    return min(years), max(years)


_DOCUMENT_NUMBER = re.compile(r"^\d{1,4}$")
_DOCUMENT_WORDS = frozenset({"nghi", "ket", "chi", "quyet", "luan", "thi", "so", "dinh"})


def _documents(words: tuple[str, ...]) -> frozenset[str]:
    """Numbers of the documents a task names ("Nghị quyết số 57-NQ/TW" → "57")."""
    found = set()
    for i, word in enumerate(words):
        if (
            i
            and _DOCUMENT_NUMBER.match(word)
            and not _YEAR.match(word)
            and words[i - 1] in {"quyet", "luan", "thi", "so", "dinh"}
            and (i < 2 or words[i - 2] in _DOCUMENT_WORDS | {"ke", "hoach"})
        ):
            found.add(word)
    return frozenset(found)


# Kinds of body whose name opens a task with a lower-case word ("Công ty Chế biến khí
# Vũng Tàu phân loại …", "Cơ quan thống kê lấy dữ liệu …"): the name is not the work.
_BODY_KINDS = (
    ("tong", "cong", "ty"),
    ("cong", "ty"),
    ("co", "quan"),
    ("tap", "doan"),
    ("trung", "tam"),
    ("tong", "cuc"),
    ("chi", "cuc"),
    # The ninth and tenth sets' bodies: "Kho bạc Nhà nước bảo đảm …" was read with the
    # action "kho bạc", "Trạm y tế phường … khám …" with "trạm y".
    ("kho", "bac"),
    ("ngan", "hang"),
    ("buu", "dien"),
    ("bao", "tang"),
    ("hoc", "vien"),
    ("benh", "vien"),
    ("vien",),
    ("chi", "nhanh"),
    ("phong", "giao", "dich"),
    ("tram", "y", "te"),
    ("dien", "luc"),
    ("dai",),
    ("truong",),
    # A place or a council opening with a lower-case word ("Đặc khu Lý Sơn cấp …", "Ủy
    # ban nhân dân tỉnh Quảng Ninh đưa …"): read as the work, "cùng đặc khu" (t-explain).
    ("dac", "khu"),
    ("uy", "ban", "nhan", "dan"),
)
# Verbs the table of actions does not hold that open the work after a body's name, as
# written (with marks): "Trung tâm Điều độ hệ thống điện quốc gia **đưa** mô hình …"
# (the name's own lower-case words are not the work).
_PLAIN_VERBS = frozenset(
    {
        "đưa",
        "bảo đảm",
        "đảm bảo",
        "cử",
        "lấy",
        "thay",
        "lắp",
        "chuyển giao",
        "chuyển đổi",
        "gắn",
        "gửi",
        "cấp",
        "mở",
        "dựng",
        "dùng",
        "nhận",
        "bố trí",
        "trang bị",
        "tiếp nhận",
        "giải ngân",
        "khám",
        "lập",
        "ký",
        "hướng dẫn",
        "phóng",
        "xuất bản",
        "điều tra",
        "chi trả",
        "cho phép",
        "vận động",
        "sản xuất",
        "biên soạn",
        "chuẩn hóa",
        "chuẩn hoá",
        "niêm phong",
        "truyền",
        "điều động",
        "từ chối",
        "thu",
        "trao",
        "tiêm",
        "phân loại",
        "thuê",
        "tối ưu",
        "đẩy",
        "gom",
        "yêu cầu",
        "điều chỉnh",
    }
)


def _doer_end(text: MatchText) -> int:
    """Past the name of a body written as its kind and its name ("Công ty Chế biến khí
    Vũng Tàu", "Cơ quan thống kê", "Trung tâm Tin học KTNN"), when a task opens with
    one: at the first action of the table or plain verb (``_PLAIN_VERBS``) written in
    lower case after the name's first word, else at the first two lower-case words in a
    row after it, else 0. The word after the kind
    always belongs to the name ("Cơ quan **thống kê**")."""
    words, written = text.words, text.written
    head = next((kind for kind in _BODY_KINDS if words[: len(kind)] == kind), None)
    # Written out: "NHCSXH" spelled out opens with "ngân hàng", but its work follows it.
    if head is None or not written[0].text[:1].isupper() or _short_form(written[0].text):
        return 0
    start = len(head) + 1
    marks = _has_marks(text)
    # Written with its marks, a verb is itself: "công nhân" (workers) is not "công nhận"
    # (recognise), folded alike.
    verbs = _find(
        words,
        ACTIONS,
        start,
        min(len(words), 16),
        accept=lambda i, n, key: _as_table_writes(text, i, n, key, marks),
    )
    found = [
        position
        for position, _length, _key in verbs
        if written[text.origin[position]].text[:1].islower()
    ]
    # A verb the table does not know, as written ("… đưa mô hình …").
    lower = [word.text.lower() for word in written]
    for k in range(text.origin[min(start, len(words) - 1)], min(len(written), 16)):
        plain = lower[k] in _PLAIN_VERBS or " ".join(lower[k : k + 2]) in _PLAIN_VERBS
        if written[k].text[:1].islower() and plain and k in text.origin:
            found.append(text.origin.index(k))
            break
    if found:
        return min(found)
    # A verb the table does not know ("… lấy dữ liệu"): two lower-case words in a row
    # after the name's own words.
    for position in range(start + 1, min(len(words) - 1, 12)):
        here, after = text.origin[position], text.origin[position + 1]
        lower = written[here].text[:1].islower() and written[after].text[:1].islower()
        if here != after and lower:
            return position
    return 0


# A colon after one of a task's first words closes the name of who does the work.
_DOER_COLON_WORDS = 10
_COLON = re.compile(r":\s")


def _agent_end(text: MatchText) -> int:
    """Where the work starts when a task first names who does it ("UBND tỉnh Lào Cai
    ban hành …", "Sở Giáo dục và Đào tạo tỉnh … triển khai …", "Xã Y Tý … lắp đặt …"):
    at the first action written in lower case after a name (words in capitals), else 0;
    and no later than a colon after one of the first ``_DOER_COLON_WORDS`` written
    words, which closes the doer's name: "Xã Mỹ Đức: dự toán, mua sắm …", "CCCN&TY tỉnh
    BN: cấp mã số, cập nhật …" were read with "dự toán", "cấp mã số" as words of the
    doer's name and the work from "mua sắm", "cập nhật" (t-reader2)."""
    end = _named_doer_end(text)
    written = text.written
    for k in range(1, min(_DOER_COLON_WORDS, len(written))):
        if _COLON.search(text.original[written[k - 1].end : written[k].start]):
            colon = text.origin.index(k) if k in text.origin else end
            return min(end, colon)
    return end


def _named_doer_end(text: MatchText) -> int:
    """``_agent_end`` as the doer's name is read, without its colon."""
    written = text.written
    if len(written) < 3 or not text.words:
        return 0
    doer = _doer_end(text)
    if doer:
        return doer
    first, second = written[0].text, written[1].text
    # "Thành phố Hải Phòng đưa …": a city named first.
    if (first.lower(), second.lower()) == ("thành", "phố") and len(written) > 3:
        second = written[2].text
    if not (first.isupper() and len(first) > 1) and not second[:1].isupper():
        return 0
    # A short form that stands for an action ("BC kết quả …") is not a doer.
    opening = _find(text.words, ACTIONS, 0, min(len(text.words), 4))
    if opening and opening[0][0] == 0 and text.origin[opening[0][1] - 1] == 0:
        return 0
    for position, _length, _key in _find(text.words, ACTIONS, 1, min(len(text.words), 14)):
        if written[text.origin[position]].text[:1].islower():
            return position
    # A name and a verb the table does not know ("Khánh Hòa đưa …"): past the name,
    # read whole ("Sở Nông nghiệp và Môi trường Vĩnh Long giải quyết …", not the work
    # "nghiệp và").
    if second[:1].isupper() and not _short_form(second):
        for position in range(2, min(len(text.words), 10)):
            k = text.origin[position]
            if written[k].text[:1].islower() and not _inside_name(text, k):
                return position
    return 0


def _inside_name(text: MatchText, k: int) -> bool:
    """Whether written word ``k``, in small letters, belongs to the name before it: the
    rest of a word of the name ("Nông **nghiệp**", "Môi **trường** Vĩnh Long", a known
    pair ``_NAME_PAIRS``) or "và" between two of its parts ("nghiệp **và** Môi"). After a
    name of two capitals ("Khánh Hòa **đưa** VNeID") a word is the work's."""
    written = text.written
    if not 0 < k < len(written) - 1:
        return False
    word, previous, following = written[k].text, written[k - 1].text, written[k + 1].text
    if not _joined(text, k) or not _joined(text, k + 1):
        return (fold_text(previous), fold_text(word)) in _NAME_PAIRS and _joined(text, k)
    if word == "và":
        return following[:1].isupper() and _inside_name_word(text, k - 1)
    if (fold_text(previous), fold_text(word)) in _NAME_PAIRS:
        return True
    # A capital by itself, or after the body's kind ("Bộ Dân **tộc** và Tôn giáo").
    single = previous[:1].isupper() and not (
        k > 1
        and written[k - 2].text[:1].isupper()
        and written[k - 2].text.lower() not in _KIND_FIRST_WORDS
    )
    return single and (following[:1].isupper() or following == "và")


def _inside_name_word(text: MatchText, k: int) -> bool:
    """Whether written word ``k`` is a name's: in capitals, or inside it (``_inside_name``)."""
    return text.written[k].text[:1].isupper() or _inside_name(text, k)


def _joined(text: MatchText, k: int) -> bool:
    """Nothing but spaces between written words ``k - 1`` and ``k`` (no comma, no bracket)."""
    written = text.written
    return not text.original[written[k - 1].end : written[k].start].strip()


def _in_short_name(text: MatchText, position: int, begin: int) -> bool:
    """Whether the action at ``position`` is written in capitals inside a name ("Sở
    Giáo dục và Đào tạo", or spelled out from "Bộ GD&ĐT", "Sở GDĐT": "đào tạo" of the
    body's name is not the work); the word that opens the work ("BC kết quả …") is."""
    if position <= begin:
        return False
    token = text.written[text.origin[position]].text
    return token[:1].isupper()


# Verbs that preface the work they are listed before ("Rà soát, ban hành chính sách …",
# "Nghiên cứu, xây dựng …"): the work is the verb that follows.
_PREFACES = frozenset({"ra soat", "nghien cuu"})

# Words of resolve that open a duty before its verb ("Phấn đấu bố trí …", "Tích cực, chủ
# động tham gia …", "Tiếp tục …", "Quyết liệt …"): they say how, not what. The work is
# the verb phrase after them (t-read2).
_RESOLVE = frozenset(
    {
        ("phan", "dau"),
        ("tich", "cuc"),
        ("chu", "dong"),
        ("tiep", "tuc"),
        ("quyet", "liet"),
        ("khan", "truong"),
        ("kien", "quyet"),
    }
)
# One-syllable verbs of office Vietnamese a duty opens with ("Cử bác sĩ … đi đào tạo",
# "Giao …", "Đưa … vào", "Mở ngành …", "Gửi …", "Thuê …"): read as one word,
# the verb is not run into the noun after it ("cử bác") (t-read2).
_ONE_SYLLABLE_VERBS = frozenset({"cu", "giao", "dua", "mo", "lap", "gui", "thue", "huy", "rut"})


def _resolve_end(words: tuple[str, ...], begin: int) -> int:
    """Past the words of resolve a duty opens with (``_RESOLVE``)."""
    i = begin
    while tuple(words[i : i + 2]) in _RESOLVE:
        i += 2
    return i


def read_parts(text: str | MatchText, *, abbreviations=None) -> TaskParts:
    """Read a task's wording into its parts."""
    if not isinstance(text, MatchText):
        text = parse_match_text(text, abbreviations=abbreviations)
    words = text.words
    breaks = _breaks(text)
    begin = _agent_end(text)
    marks = _has_marks(text)
    products = [
        (position, length, key)
        for position, length, key in _find(
            words,
            PRODUCTS,
            begin,
            accept=lambda i, n, key: _written_as(text, i, n, key, PRODUCTS[key][0], marks)
            and not _online(words, i, key)
            and not _guiding(words, i, key)
            and not _modifying(words, breaks, i, key, begin)
            # "tra cứu văn bản pháp luật": law at large, not a law the task makes.
            and not (key == "luat" and i and words[i - 1] == "phap"),
        )
        # "…, báo cáo UBND tỉnh": reporting to a body is not what the task makes.
        if not (key == "bao cao" and position and words[position + 2 : position + 3] in _BODIES)
    ]
    products = _past_cited(words, begin, products)
    products = [found for k, found in enumerate(products) if not _provisions(words, products, k)]
    if products and products[0][2] == "hoi nghi":
        position, length, _ = products[0]
        following = " ".join(words[position + length : position + length + 5])
        stage = next((key for word, key in _MEETING_STAGES.items() if word in following), None)
        if stage:
            products[0] = (position, length, stage)
    lead = []
    # "Ứng dụng AI trong dự báo …", "Tỉnh … ứng dụng mô hình …": opening the work,
    # "ứng dụng" is the verb (apply), not an application built.
    if products and products[0][:3] == (begin, 2, "ung dung"):
        products, lead = products[1:], [(begin, 2, "ung dung")]
    # "Ứng dụng công nghệ số trong hậu kiểm …", "Ứng dụng AI trong kiểm tra, giám sát …":
    # the technology serves the work named after "trong"; that work is what the task does,
    # and is compared as such (t-read2).
    served = False
    if lead and lead[0][2] == "ung dung":
        found_after = _find(words, ACTIONS, begin + 2, min(len(words), begin + 10))
        within = next(
            (
                found
                for found in found_after
                if found[0] >= 1
                and words[found[0] - 1] in ("trong", "vao")
                and not any(breaks[k] for k in range(begin + 2, found[0] + 1))
            ),
            None,
        )
        if within:
            lead, served = [within, lead[0]], True
    # "Báo cáo kết quả …", "Báo cáo sơ kết …": a report is what the task does.
    if products and products[0][:3] == (begin, 2, "bao cao"):
        products, lead = products[1:], [(begin, 2, "bao cao")]
    product_start = products[0][0] if products else min(len(words), begin + 8)
    # The action is read from the words before the product ("Kiểm tra việc thực hiện
    # quy chế"): a verb after it belongs to the product's name ("bộ tiêu chí đánh giá").
    actions = lead + [
        found
        for found in _find(
            words,
            ACTIONS,
            begin + 2 if lead else begin,
            product_start,
            accept=lambda i, n, key: _as_table_writes(text, i, n, key, marks),
        )
        if not _in_short_name(text, found[0], begin) and found not in lead
    ]
    # "Tổ chức đánh giá …", "Tổ chức nghiệm thu …": the work is the verb that follows.
    if len(actions) > 1 and actions[0][2] == "to chuc" and actions[1][0] == actions[0][0] + 2:
        actions = actions[1:]
    # "Rà soát, ban hành …": the work is what the review leads to.
    if (
        len(actions) > 1
        and actions[0][2] in _PREFACES
        and actions[1][0] == actions[0][0] + actions[0][1]
    ):
        actions = actions[1:]
    # "Tổ chức hội nghị sơ kết …" reviews, as "Sơ kết …" does: the meeting's stage is
    # the work.
    meeting_stage = None
    if actions and actions[0][2] == "to chuc" and products:
        meeting_stage = next(
            (word for word, key in _MEETING_STAGES.items() if key == products[0][2]), None
        )
    stops = {position for position, _, _ in actions}
    # A first verb the table does not know ("Phổ cập …", "Nâng cao tỷ lệ …") is work of
    # its own kind, not no action at all.
    own = []
    # Short forms the reader cannot spell out ("ĐG, KT ATTT …": "đánh giá, kiểm thử")
    # are not read as work of their own kind: a part read wrong vetoes a sure pair.
    verb_start = _resolve_end(words, begin)
    own_span = None
    if (
        not actions
        and product_start >= verb_start + 2
        and not _find(words, BENEFICIARIES, verb_start, verb_start + 2)
        and not any(
            _short_form(text.written[text.origin[i]].text) for i in (verb_start, verb_start + 1)
        )
    ):
        # "thay 60 xe máy …": the verb alone, not the number after it; "cử bác sĩ …": a
        # one-syllable verb alone, not run into its noun.
        width = (
            1 if words[verb_start + 1].isdigit() or words[verb_start] in _ONE_SYLLABLE_VERBS else 2
        )
        if verb_start > begin or words[verb_start] in _ONE_SYLLABLE_VERBS:
            own_span = (verb_start, width, "")
        own = [
            Part(
                _written(text, verb_start, verb_start + width).lower(),
                "own " + " ".join(words[verb_start : verb_start + width]),
            )
        ]
    beneficiaries = frozenset(BENEFICIARIES[key] for _, _, key in _find(words, BENEFICIARIES))
    read_actions = [Part(*ACTIONS[key]) for _, _, key in actions]
    if meeting_stage:
        if meeting_stage in _MEETING_KINDS:
            read_actions[0] = Part(*PRODUCTS[products[0][2]][:1], _MEETING_KINDS[meeting_stage])
        else:
            read_actions[0] = Part(read_actions[0].label, ACTIONS[meeting_stage][1])
    return TaskParts(
        actions=tuple(read_actions) + tuple(own),
        products=tuple(Part(*PRODUCTS[key]) for _, _, key in products),
        objects=_objects(text, breaks, stops, products),
        documents=_documents(words),
        beneficiaries=beneficiaries,
        level=_level(text, begin),
        years=_years(words),
        text=text,
        subject=_subject(
            text,
            actions or ([own_span] if own_span else []),
            products,
            actions[0][0] if served else begin if actions or not own_span else verb_start,
        ),
        begin=begin,
        listed=_listed(words, products),
    )


# Written (lower case, with diacritics) words that say nothing of what a task is about:
# folded, "đô thị" would be two stop words ("do", "thì") and "xã hội" a level.
_WRITTEN_VAGUE = frozenset(FUNCTION_WORDS) | frozenset(
    [
        "mới",
        "chung",
        "tổng",
        "thể",
        "liên",
        "quan",
        "cấp",
        "quản",
        "lý",
        "sử",
        "dụng",
        "vận",
        "hành",
        "khai",
        "thác",
        "thực",
        "triển",
        "xây",
        "dựng",
        "phát",
        "ứng",
        "hỗ",
        "trợ",
        "nâng",
        "cao",
        "hiệu",
        "quả",
        "tổ",
        "chức",
        "hoạt",
        "động",
        "toàn",
        "bộ",
    ]
)
# Written words after which a phrase is about place or time, not what the work is.
_WRITTEN_PLACES = frozenset({"tỉnh", "xã", "phường", "huyện", "thôn", "năm", "giai"})


def _has_marks(text: MatchText) -> bool:
    return _marked(text.original)


@lru_cache(maxsize=8192)
def _marked(original: str) -> bool:
    return fold_text(original) != original.lower()


def _written_word(text: MatchText, i: int) -> str:
    """The written word (lower case) that folded word ``i`` comes from; an abbreviation
    expanded to several words is given as itself."""
    return text.written[text.origin[i]].text.lower()


def _says_little(text: MatchText, i: int, marks: bool) -> bool:
    if marks:
        written = _written_word(text, i)
        # An abbreviation says something; a written word is read with its marks.
        return fold_text(written) == text.words[i] and written in _WRITTEN_VAGUE
    return text.words[i] in _GENERIC


def _subject(text: MatchText, actions, products, begin: int = 0) -> tuple[int, int] | None:
    """The span of words naming what the work is about: "Kế hoạch phát triển **hạ tầng
    số** tỉnh …", "Đầu tư **trang thiết bị phòng học thông minh** cho …"."""
    words = text.words
    if products:
        position, length, _ = products[0]
    elif actions and actions[0][0] == begin:
        position, length, _ = actions[-1] if actions[-1][0] < 4 else actions[0]
    else:
        return None
    if products and PRODUCTS[products[0][2]][1].startswith("meeting"):
        # What a meeting is about is the document it studies or reviews (``_documents``).
        return None
    marks = _has_marks(text)
    start = position + length
    # Past the verbs every product takes and any action ("phát triển", "đánh giá").
    while start < len(words):
        if _says_little(text, start, marks):
            start += 1
            continue
        verb = _find(words, ACTIONS, start, min(len(words), start + 4))
        if not verb or verb[0][0] != start:
            break
        start += verb[0][1]
    end = start
    while end < len(words) and end - start < 8:
        written = _written_word(text, end) if marks else words[end]
        following = words[end + 1 : end + 2]
        if (written in _WRITTEN_PLACES or words[end] in _WRITTEN_PLACES) and following != ("hoi",):
            break
        if (
            words[end].isdigit()
            or (_ends_object(words, end, _OBJECT_END - {"va"}) and _says_little(text, end, marks))
            or _deadline_at(words, end)
        ):
            break
        end += 1
    return (start, end) if end > start else None


# A deadline ends what the work is about: "… CSDL SHCN QG, **hạn** 6/2027", "… quốc gia,
# **hoàn thành trước** 30/6/2027" (t-abbrev: "khác đối tượng: QG hạn / quốc gia hoàn
# thành"). Only before a date or a time word: "hạn chế", "hoàn thành chương trình" are no
# deadline.
_DEADLINE_WORDS = frozenset({("han",), ("truoc",), ("xong",), ("hoan", "thanh"), ("cham", "nhat")})
_TIME_WORDS = frozenset({"quy", "thang", "nam", "cuoi", "ngay", "truoc", "trong"})


def _deadline_at(words: tuple[str, ...], i: int) -> bool:
    for opening in _DEADLINE_WORDS:
        if words[i : i + len(opening)] == opening:
            following = words[i + len(opening) : i + len(opening) + 2]
            return any(word.isdigit() or word in _TIME_WORDS for word in following)
    return False


# The most words a head's modifier (or a modifier's head) may take: "số", "đô thị",
# "số, xã hội số".
_SLOT_WORDS = 5


def _subject_slot(a: TaskParts, b: TaskParts, vocabulary_a, vocabulary_b):
    """The written words of the part of the subject two tasks fill differently, or
    ``None``: the same head with another modifier ("hạ tầng **số**" / "hạ tầng **đô
    thị**"), the same modifier on another head ("**kinh tế** số" / "**xã hội** số"), or
    two subjects with nothing in common ("bệnh án điện tử" / "thanh toán viện phí"), each
    unsaid in the other task, are other objects."""
    if not (a.subject and b.subject and a.text and b.text):
        return None
    # The subject of a verb the tables do not know, no product named, is weighed, not a
    # conflict (``_other_subjects``): as a slot it vetoed rephrasings ("Bố trí ít nhất
    # 15% …" / "Bố trí tối thiểu 15% …"; held out 0.746 → 0.741 recall) (t-read2).
    if any(not x.products and x.action and x.action.family.startswith("own ") for x in (a, b)):
        return None
    if (a.product and a.product.family) != (b.product and b.product.family):
        return None
    marks = _has_marks(a.text) and _has_marks(b.text)
    (start_a, end_a), (start_b, end_b) = a.subject, b.subject
    words_a, words_b = a.text.words[start_a:end_a], b.text.words[start_b:end_b]
    content_a = [i for i in range(start_a, end_a) if not _says_little(a.text, i, marks)]
    content_b = [j for j in range(start_b, end_b) if not _says_little(b.text, j, marks)]
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    shared = {
        words_a[block.a + k] for block in matcher.get_matching_blocks() for k in range(block.size)
    }
    if not shared & {a.text.words[i] for i in content_a}:
        # Nothing in common: another object when each is (mostly) unsaid in the other.
        said_a = {a.text.words[i] for i in content_a}
        said_b = {b.text.words[j] for j in content_b}
        if (
            len(said_a) >= 2
            and len(said_b) >= 2
            and len(said_a - vocabulary_b) > len(said_a) / 2
            and len(said_b - vocabulary_a) > len(said_b) / 2
            and _canonical(frozenset(said_a)) != _canonical(frozenset(said_b))
        ):
            return _written(a.text, start_a, end_a), _written(b.text, start_b, end_b)
        return None
    # One slot, at the start or the end of both: the rest is the shared head or
    # modifier. More changes than that is a rewording, not another object.
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = changed[0]
    if not ((i1 == 0 and j1 == 0) or (i2 == len(words_a) and j2 == len(words_b))):
        return None
    differ_a = {words_a[i] for i in range(i1, i2) if not _says_little(a.text, start_a + i, marks)}
    differ_b = {words_b[j] for j in range(j1, j2) if not _says_little(b.text, start_b + j, marks)}
    differ_a, differ_b = set(_canonical(frozenset(differ_a))), set(_canonical(frozenset(differ_b)))
    both = differ_a & differ_b
    # "đổi mới sáng tạo" / "chuyển đổi số" share a syllable, not a word.
    if len(both) * 2 >= min(len(differ_a), len(differ_b)):
        return None
    differ_a, differ_b = differ_a - both, differ_b - both
    if max(len(differ_a), len(differ_b)) > _SLOT_WORDS:
        return None
    if any(word.isdigit() for word in differ_a | differ_b):
        return None
    # Said in another order or elsewhere in the other task: a rewording.
    if not (differ_a - vocabulary_b) or not (differ_b - vocabulary_a):
        return None
    return (
        _written(a.text, start_a + i1, start_a + i2),
        _written(b.text, start_b + j1, start_b + j2),
    )


def _other_subjects(a: TaskParts, b: TaskParts, vocabulary_a, vocabulary_b):
    """The written subjects of two tasks (``_subject``) when they have no content word in
    common and each is mostly unsaid in the other task, or ``None``."""
    if not (a.subject and b.subject and a.text and b.text):
        return None
    marks = _has_marks(a.text) and _has_marks(b.text)
    said_a = {a.text.words[i] for i in range(*a.subject) if not _says_little(a.text, i, marks)}
    said_b = {b.text.words[j] for j in range(*b.subject) if not _says_little(b.text, j, marks)}
    said_a, said_b = set(_canonical(frozenset(said_a))), set(_canonical(frozenset(said_b)))
    if len(said_a) < 2 or len(said_b) < 2 or said_a & said_b:
        return None
    if len(said_a - vocabulary_b) * 2 <= len(said_a) or len(said_b - vocabulary_a) * 2 <= len(
        said_b
    ):
        return None
    return _written(a.text, *a.subject), _written(b.text, *b.subject)


# --- Comparing -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartsComparison:
    """Which parts two tasks share and which differ, in words a secretariat reads."""

    agree: tuple[str, ...]
    differ: tuple[str, ...]
    # A difference that makes them different work (not only worded differently).
    conflict: bool
    # One is the other's version at another level (a national task and a province's).
    related: bool
    # Same kind of action, same product and, where both name one, the same object.
    agreeing: bool = False
    # Which rule found each line of ``differ`` ("action", "object", "period" …).
    reasons: tuple[str, ...] = ()
    # The reading's other measures of the pair (``_signals``), the decision's features.
    signals: dict[str, float] = field(default_factory=dict)
    # The words each task writes that the other does not (``_one_sided``), looked up in the
    # decision's learned lexicon (``decision.LEXICON_FEATURES``).
    one_sided: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    @property
    def summary(self) -> str:
        """ "cùng xây dựng quy chế; khác đối tượng: dân cư / bảo hiểm"."""
        return "; ".join(filter(None, (" ".join(self.agree), "; ".join(self.differ))))


def _kinds(parts: TaskParts) -> set[str]:
    return {part.family for part in parts.actions}


def _says(parts: TaskParts, label: str) -> bool:
    """Whether the task's wording holds the (written) phrase ``label`` anywhere."""
    return bool(parts.text) and f" {fold_text(label)} " in f" {parts.text.folded} "


def _actions_differ(a: TaskParts, b: TaskParts) -> bool:
    if not a.actions or not b.actions:
        return False
    # The first action says what the task does: "Kiểm tra việc triển khai X" checks the
    # work "Triển khai X" does, it does not do it again.
    head_a, head_b = a.action.family, b.action.family
    if head_a == head_b:
        return False
    # Amending a document is not issuing or drafting it, and surveying is not doing the
    # work surveyed, unless the other task names that too ("Ban hành Quy chế … sửa đổi").
    for head, other in ((head_a, b), (head_b, a)):
        if head in _APART:
            return not _says(other, _APART[head])
    # A verb the table does not know is work of its own kind: not the review, the
    # acceptance or the award of work; anything else it may be another word for, and
    # said by the other task too it is shared.
    own_a, own_b = head_a.startswith("own "), head_b.startswith("own ")
    if own_a or own_b:
        if (own_a and _says(b, a.action.label)) or (own_b and _says(a, b.action.label)):
            return False
        return (own_a and head_b in _STAGES) or (own_b and head_a in _STAGES)
    if _monitored_by(a, b) or _monitored_by(b, a):
        return False
    if (head_a in _OVERSIGHT and head_a not in _kinds(b)) or (
        head_b in _OVERSIGHT and head_b not in _kinds(a)
    ):
        return True
    if head_a in _kinds(b) or head_b in _kinds(a):
        return False
    # One task's list of work holds the other's ("Xây dựng, ban hành, tổ chức thực hiện
    # chương trình đào tạo …" / "Tổ chức đào tạo …"; "Hoàn thành xây dựng … và đưa vào
    # khai thác" / "Đưa … vào khai thác"): the other does part of it, not other work.
    if _says_action(b, a) or _says_action(a, b):
        return False
    return frozenset({head_a, head_b}) not in _COMPATIBLE


# The kinds of work that build, install or run what a task names.
_PROVIDING = frozenset({"make", "carry", "operate"})


def _monitored_by(x: TaskParts, y: TaskParts) -> bool:
    """Whether task ``x`` monitors something ("Giám sát từ xa điều kiện bảo quản gạo …
    bằng cảm biến") that task ``y`` builds, installs or runs the means to monitor ("Lắp
    đặt hệ thống cảm biến IoT **giám sát** nhiệt độ …"): monitoring is the work a
    monitoring system does, not oversight of ``y``'s work, and read as oversight it
    vetoed rewordings (on the labelled files, 39 same-work pairs to 9 different). Work
    monitored ("giám sát việc thử nghiệm …") stays oversight."""
    return (
        x.action.label == "giám sát"
        and y.action.family in _PROVIDING
        and _says(y, "giám sát")
        and not _says(x, "giám sát việc")
    )


def _says_action(x: TaskParts, y: TaskParts) -> bool:
    """Whether task ``x`` names, among its own words, the work ``y`` does first
    ("Hoàn thành xây dựng … và đưa vào **khai thác**" / "Đưa … vào khai thác")."""
    return _says(x, y.action.label)


def _meeting(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """A meeting on a piece of work ("Hội nghị đánh giá tiến độ triển khai bệnh án điện
    tử") against the work itself, the other task naming no meeting: what each does.
    Meetings of a known stage (quán triệt, triển khai, sơ kết …) are compared by their
    stage; read as the work they launch, they lost pairs on three sets."""
    for x, y, flip in ((a, b, False), (b, a, True)):
        if not (x.product and x.product.family == "meeting"):
            continue
        if any(part.family.startswith("meeting") for part in y.products) or _says(y, "hội nghị"):
            return None
        if not y.action:
            return None
        pair = (x.product.label, y.action.label)
        return pair[::-1] if flip else pair
    return None


# A staged meeting's family ("meeting-review") → its stage as an action shows it ("sơ kết").
_STAGE_ACTIONS = {
    PRODUCTS[product][1]: ACTIONS[stage][0] for stage, product in _MEETING_STAGES.items()
}


def _action_said(parts: TaskParts) -> str:
    """The task's action as the line "khác việc" says it: for "Tổ chức hội nghị sơ kết
    …", whose kind of work is read from the meeting's stage (``read_parts``), the stage
    ("sơ kết"); the label "tổ chức" gave "khác việc: tổ chức / tổ chức" on eleven pairs
    of the labelled sets (t-reader2)."""
    label = parts.action.label
    if label == ACTIONS["to chuc"][0] and parts.product:
        return _STAGE_ACTIONS.get(parts.product.family, label)
    return label


def _share_of(a: TaskParts, b: TaskParts) -> bool:
    """Whether two tasks of two levels, their actions apart, act on one product or
    document: the lower level's share of the higher's work ("Xây dựng Kho dữ liệu dùng
    chung của Thành phố" / "Phường … cập nhật dữ liệu … vào Kho dữ liệu dùng chung";
    "Kế hoạch tuyên truyền Nghị quyết 57" / "xã phổ biến Nghị quyết 57"). Checking,
    reviewing, amending, surveying or announcing the work stays other work."""
    shared = {part.family for part in a.products} & {part.family for part in b.products}
    if not (shared or a.documents & b.documents):
        return False
    return not {a.action.family, b.action.family} & (_OVERSIGHT | set(_APART))


def _products_differ(a: TaskParts, b: TaskParts) -> bool:
    if not a.products or not b.products:
        return False
    families_a = {part.family for part in a.products}
    families_b = {part.family for part in b.products}
    if a.product.family in families_b or b.product.family in families_a:
        return False
    if frozenset({a.product.family, b.product.family}) in _PRODUCTS_COMPATIBLE:
        return False
    return not (_says(b, a.product.label) or _says(a, b.product.label))


def _settled(parts: TaskParts, other: TaskParts) -> TaskParts:
    """The task read with each short form of two initials the fixed table guessed
    (``MatchText.unsure``: "KH", "ĐH", "QĐ" …) taken in the table's meaning only where
    the other task says that meaning in its own words, and left as written elsewhere.

    One rule (t-ambig): "cho KH SH các phường TT" is "khách hàng sinh hoạt", not a plan;
    read as "kế hoạch", the guess made a product that vetoed its spelled-out twin ("khác
    sản phẩm: kế hoạch / trung tâm"). Left as written, such a short form makes no action,
    product, object or people of its own to differ by, and is still spelled out by the
    other task's words where they hold its initials (``_acronyms``: "khách hàng"). Where
    the other task writes "kế hoạch", "Ban hành KH …" is still the plan it agrees on.
    The committee's own table (``ShortForm``) or a definition in the text ("kế hoạch
    (KH)") fixes the meaning: such a short form is not in ``unsure``."""
    text = parts.text
    if not text or not text.unsure:
        return parts
    said = _said_surely(other)
    pairs = list(zip(text.words, text.origin, strict=True))
    drop = frozenset(
        k for k in text.unsure if f" {' '.join(word for word, at in pairs if at == k)} " not in said
    )
    return _read_as_written(text, drop) if drop else parts


def _said_surely(parts: TaskParts) -> str:
    """The task's folded words, its own guessed short forms (``MatchText.unsure``) not
    counted as saying their table's meaning."""
    if not parts.text:
        return ""
    text = parts.text
    pairs = zip(text.words, text.origin, strict=True)
    return f" {' '.join('|' if at in text.unsure else word for word, at in pairs)} "


@lru_cache(maxsize=4096)
def _read_as_written(text: MatchText, drop: frozenset[int]) -> TaskParts:
    """``text`` read with the written words ``drop`` left unexpanded ("kh")."""
    words: list[str] = []
    origin: list[int] = []
    for word, at in zip(text.words, text.origin, strict=True):
        if at in drop:
            if origin and origin[-1] == at:
                continue
            word = fold_text(text.written[at].text)
        words.append(word)
        origin.append(at)
    return read_parts(
        MatchText(text.original, text.written, tuple(words), tuple(origin), text.unsure - drop)
    )


def compare_parts(a: TaskParts, b: TaskParts) -> PartsComparison:
    """What two tasks share and what sets them apart."""
    a, b = _settled(a, b), _settled(b, a)
    agree, differ, conflict = [], [], False
    # Which rule found each difference (``differ``, in order): read by the decision.
    reasons: list[str] = []
    # Which rules found a difference that makes them different work (``_PART_OWN``).
    vetoes: list[str] = []
    same_object = False
    # Another level's version names its product in its own, more concrete words (a
    # ministry's data, a province's application of it), and acts on the same product
    # with its own verbs (``_share_of``): neither is other work between two levels.
    levels_differ = bool(a.level and b.level and a.level != b.level)

    shared_action = next(
        (x for x in a.actions for y in b.actions if x.family == y.family and x.label == y.label),
        None,
    ) or next((x for x in a.actions for y in b.actions if x.family == y.family), None)
    if _actions_differ(a, b):
        differ.append(_("khác việc: %(a)s / %(b)s") % {"a": _action_said(a), "b": _action_said(b)})
        reasons.append("action")
        conflict = not (levels_differ and _share_of(a, b))
        if conflict:
            vetoes.append("action")
        shared_action = None
    elif shared_action and not _only_kind(shared_action.label):
        agree.append(shared_action.label)

    shared_product = next((x for x in a.products for y in b.products if x.family == y.family), None)
    # Said to agree, a product is one both make (``TaskParts.made``), not a field word one
    # names as what its plan is about: "Xây dựng danh mục, kế hoạch triển khai các nền
    # tảng số" / "Triển khai các nền tảng số" do not agree on "nền tảng" (t-read). Weighed
    # by the decision as before: counted on what both make only, held out 0.002 / 0.004
    # worse.
    made_product = next((x for x in a.made for y in b.made if x.family == y.family), None)
    if _products_differ(a, b):
        differ.append(
            _("khác sản phẩm: %(a)s / %(b)s") % {"a": a.product.label, "b": b.product.label}
        )
        reasons.append("product")
        conflict = conflict or not levels_differ
        if not levels_differ:
            vetoes.append("product")
    elif made_product and not _only_kind(made_product.label):
        agree.append(made_product.label)

    vocabulary_a, vocabulary_b = _vocabulary(a, b), _vocabulary(b, a)
    for head in sorted(a.objects.keys() & b.objects.keys()):
        (words_a, written_a), (words_b, written_b) = a.objects[head], b.objects[head]
        words_a, words_b = _spelled_out(words_a, a, b), _spelled_out(words_b, b, a)
        words_a, words_b = _canonical(words_a), _canonical(words_b)
        # What every product is "về" (quản lý, sử dụng) does not tell two apart.
        if words_a - _GENERIC and words_b - _GENERIC:
            words_a, words_b = words_a - _GENERIC, words_b - _GENERIC
        # Syllables, not words: "đổi mới" and "chuyển đổi" share one. Most of the
        # shorter object must be in the other.
        if len(words_a & words_b) >= 0.5 * min(len(words_a), len(words_b)):
            same_object = True
            continue
        # Worded in another order or at more length, the other task names most of this
        # object elsewhere: not another object.
        if len(words_a - vocabulary_b) * 2 <= len(words_a) or len(
            words_b - vocabulary_a
        ) * 2 <= len(words_b):
            continue
        # A clause read on past the object is no object (s-tuner12): "thực hiện từ tháng
        # 10/2026", "thay cho bìa hồ sơ giấy", "bắt đầu Quý II".
        if _clause(written_a) or _clause(written_b):
            continue
        # "về Sở của địa phương": a kind of body is no object (t-explain).
        if _only_kind(written_a) or _only_kind(written_b):
            continue
        # A name cut inside is shown whole ("về Bộ Nông nghiệp" và Môi trường).
        written_a, written_b = _whole_name(a.text, written_a), _whole_name(b.text, written_b)
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": written_a, "b": written_b})
        reasons.append("object")
        conflict = True
        vetoes.append("object")
    swapped = _named(
        _swapped_slot(a.text, b.text, vocabulary_a, vocabulary_b, a.begin, b.begin)
        if a.text and b.text
        else None
    )
    if swapped and not conflict:
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": swapped[0], "b": swapped[1]})
        reasons.append("slot")
        conflict = True
        vetoes.append("slot")
    names = _named(
        None if conflict else (_other_names(a, b) or _swapped_names(a, b) or _other_bodies(a, b))
    )
    if names:
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": names[0], "b": names[1]})
        reasons.append("name")
        conflict = True
        vetoes.append("name")
    meeting = None if conflict else _meeting(a, b)
    if meeting:
        differ.append(_("khác việc: %(a)s / %(b)s") % {"a": meeting[0], "b": meeting[1]})
        reasons.append("stage")
        conflict = True
        vetoes.append("stage")
    preparing = None if conflict else _preparing(a, b)
    if preparing:
        differ.append(_("khác việc: %(a)s / %(b)s") % {"a": preparing[0], "b": preparing[1]})
        reasons.append("stage")
        conflict = True
        vetoes.append("stage")
    making = None if conflict else _making_or_doing(a, b)
    if making:
        differ.append(_("khác việc: %(a)s / %(b)s") % {"a": making[0], "b": making[1]})
        reasons.append("stage")
        conflict = True
        vetoes.append("stage")
    stages = None if conflict else _review_stages(a, b)
    if stages:
        differ.append(_("khác việc: %(a)s / %(b)s") % {"a": stages[0], "b": stages[1]})
        reasons.append("stage")
        conflict = True
        vetoes.append("stage")
    inserted = None if conflict else _named(_inserted_head(a, b, vocabulary_a, vocabulary_b))
    if inserted:
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": inserted[0], "b": inserted[1]})
        reasons.append("slot")
        conflict = True
        vetoes.append("slot")
    slot = None if conflict else _named(_subject_slot(a, b, vocabulary_a, vocabulary_b))
    if slot:
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": slot[0], "b": slot[1]})
        reasons.append("slot")
        conflict = True
        vetoes.append("slot")
    # Where the product is not read on both sides (a duty opened by a verb the tables do
    # not know, "Cử bác sĩ trẻ … đi đào tạo tiến sĩ", "Phấn đấu bố trí tỷ lệ …"), what the
    # work is about is still read after its verb (``_subject``): two tasks whose subjects
    # have nothing in common, each unsaid in the other, are said to be on other things.
    # Said and weighed by the decision, no conflict: the subject of a verb the tables do
    # not know is read less surely than a product's (t-read2).
    subjects = (
        None
        if conflict or (a.products and b.products)
        else _named(_other_subjects(a, b, vocabulary_a, vocabulary_b))
    )
    if subjects:
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": subjects[0], "b": subjects[1]})
        reasons.append("subject")
    grades_a = _grades(a.text) if a.text else frozenset()
    grades_b = _grades(b.text) if b.text else frozenset()
    if grades_a and grades_b and not grades_a & grades_b:
        differ.append(
            _("khác đối tượng: %(a)s / %(b)s")
            % {
                "a": ", ".join(_GRADES[grade] for grade in sorted(grades_a)),
                "b": ", ".join(_GRADES[grade] for grade in sorted(grades_b)),
            }
        )
        reasons.append("grade")
        conflict = True
        vetoes.append("grade")
    if a.documents and b.documents and not a.documents & b.documents:
        differ.append(
            _("khác văn bản: %(a)s / %(b)s")
            % {"a": ", ".join(sorted(a.documents)), "b": ", ".join(sorted(b.documents))}
        )
        reasons.append("document")
        conflict = True
        vetoes.append("document")

    # Schools of one grade are not schools of another, even when both say "học sinh".
    schools_a, schools_b = a.beneficiaries & _SCHOOL_GRADES, b.beneficiaries & _SCHOOL_GRADES
    if schools_a and schools_b and not schools_a & schools_b and not conflict:
        differ.append(
            _("khác đối tượng: %(a)s / %(b)s")
            % {"a": ", ".join(sorted(schools_a)), "b": ", ".join(sorted(schools_b))}
        )
        reasons.append("grade")
        conflict = True
        vetoes.append("grade")

    object_differs = _("khác đối tượng: %(a)s / %(b)s").split(":")[0]
    # Said once: people that differ are not named again after the object that differs.
    # Between two levels, the communes or villages one names ("các phường trung tâm hoàn
    # thành …", "… ở các thôn") are the other's level, said by "khác cấp", not people
    # the work serves: a province's duty and a named commune's share are parent and part.
    people_a, people_b = a.beneficiaries, b.beneficiaries
    if levels_differ:
        people_a, people_b = people_a - _LOWER_UNITS, people_b - _LOWER_UNITS
    if (
        people_a
        and people_b
        and not people_a & people_b
        and not any(line.startswith(object_differs) for line in differ)
    ):
        differ.append(
            _("khác đối tượng: %(a)s / %(b)s")
            % {"a": ", ".join(sorted(people_a)), "b": ", ".join(sorted(people_b))}
        )
        reasons.append("people")
        conflict = True
        vetoes.append("people")

    if a.years and b.years and (a.years[1] < b.years[0] or b.years[1] < a.years[0]):
        differ.append(
            _("khác thời gian: %(a)s / %(b)s") % {"a": _period(a.years), "b": _period(b.years)}
        )
        reasons.append("period")
        conflict = True
        vetoes.append("period")

    # Two school or crop years ("năm học 2025-2026" / "2026-2027") overlap in name only.
    if (
        not conflict
        and a.years
        and b.years
        and a.years != b.years
        and a.years[1] - a.years[0] == 1 == b.years[1] - b.years[0]
    ):
        differ.append(
            _("khác thời gian: %(a)s / %(b)s") % {"a": _period(a.years), "b": _period(b.years)}
        )
        reasons.append("period")
        conflict = True
        vetoes.append("period")

    # The same action on a neighbour's product: each names a body or system as its owner
    # that the other does not ("Đài Tiếng nói…" / "Đài Truyền hình…"). Said, and weighed
    # by the decision, but no conflict: two wordings of one task name different bodies
    # too. Not between levels, where the other level's body is the version's doer ("Bộ
    # Tư pháp" / "Sở Tư pháp Cần Thơ") and "khác cấp" says it.
    owners = None if levels_differ else _named(_other_owners(a, b))
    if owners and not conflict and not any(line.startswith(object_differs) for line in differ):
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": owners[0], "b": owners[1]})
        reasons.append("owner")

    # One template on two objects (s-lexical): the wordings differ in one run of content
    # words only, framed by the same words, each side unsaid in the other task ("… cho
    # **bộ phận một cửa** xã …" / "… cho **trạm y tế** xã …"). Said and weighed, no
    # conflict: the words either side may be a short form the reader does not know.
    lexical, swapped = _lexical(a, b)
    swapped = _named(swapped)
    if (
        swapped
        and not conflict
        and not levels_differ
        and not any(line.startswith(object_differs) for line in differ)
    ):
        differ.append(_("khác đối tượng: %(a)s / %(b)s") % {"a": swapped[0], "b": swapped[1]})
        reasons.append("swap")

    related = levels_differ
    if related:
        differ.append(level_differ(a.level, b.level))
        reasons.append("level")
    # One a general duty, the other a named unit's own carrying-out of it: what differs
    # (its own object, people, product, or its own verb on the same product) is the part's,
    # not other work. The lines stay; the pair is shown as parent and part.
    if (
        conflict
        and not levels_differ
        and set(vetoes) <= _PART_OWN
        and ("action" not in vetoes or _share_of(a, b))
        # A law, a decree or a resolution the other task does not name is the State's own
        # instrument, no unit's share of a duty: "Xây dựng Luật Nhà giáo …" / "Đề án
        # chuyển các cơ sở giáo dục đại học …" differ by what they make (t-read).
        and not ("product" in vetoes and _makes_legal(a, b))
        and _parent_and_part(a, b)
    ):
        conflict = False
        related = True

    # A verb the table does not know neither agrees nor disagrees with another.
    unknown = any(part.action and part.action.family.startswith("own ") for part in (a, b))
    agreeing = bool(
        (shared_action or unknown or not (a.actions and b.actions))
        and shared_product
        and same_object
    )
    signals = _signals(
        a,
        b,
        shared_action=shared_action is not None,
        shared_product=shared_product is not None,
        lexical=lexical,
    )
    signals["same_object"] = float(same_object)
    # The same action on another's product (docs/overlap.md, "s-tuner8"): counted only
    # with the action shared, held out as well as without and a false alarm fewer.
    signals["owners_apart"] = float(owners is not None and shared_action is not None)
    if agree:
        agree = [_("cùng %(parts)s") % {"parts": " ".join(agree)}]
    return PartsComparison(
        tuple(agree),
        tuple(differ),
        conflict,
        related,
        agreeing,
        tuple(reasons),
        signals,
        _one_sided(a, b),
    )


# Kinds of body and place, written (lower case): by itself, one names no body, and two
# tasks neither agree on it nor differ by it (t-explain: "cùng trung tâm", "cùng đặc
# khu", "khác đối tượng: Hà Nội / UBND", "khác đối tượng: TT / Bệnh viện Mắt …").
_KINDS = frozenset(
    {
        "trung tâm",
        "tt",
        "đặc khu",
        "ủy ban",
        "uỷ ban",
        "ủy ban nhân dân",
        "uỷ ban nhân dân",
        "ubnd",
        "hđnd",
        "sở",
        "bộ",
        "cục",
        "ban",
        "ban quản lý",
        "bệnh viện",
        "bv",
        "tp",
        "tp.",
        "thành phố",
        "tỉnh",
        "xã",
        "phường",
        "huyện",
    }
)


def _only_kind(written: str) -> bool:
    """Whether a term as written is only a kind of body or place ("Trung tâm", "UBND
    tỉnh", "TP."), naming none."""
    words = written.lower().split()
    for size in range(len(words), 0, -1):
        if " ".join(words[:size]) in _KINDS:
            rest = words[size:]
            return not rest or (len(rest) == 1 and rest[0] in _NAME_PLACE_WORDS)
    return False


def _name_cut_inside(text: MatchText | None, written: str) -> bool:
    """Whether a phrase read from ``text`` ends inside a name: its last word in capitals
    and the name running on after it in capitals or with "và" and a capital ("Bộ Nông
    nghiệp" | "và Môi trường", "Vũ trụ Việt" | "Nam")."""
    if text is None or not written:
        return False
    at = text.original.find(written)
    last = written.split()[-1]
    if at < 0 or not (last[:1].isupper() or written.split()[0] in _KIND_FIRST_WORDS_WRITTEN):
        return False
    following = text.original[at + len(written) :].split()[:2]
    if not following or not text.original[at + len(written) : at + len(written) + 1].isspace():
        return False
    if following[0][:1].isupper() and last[:1].isupper():
        return True
    return following[0] == "và" and len(following) > 1 and following[1][:1].isupper()


def _whole_name(text: MatchText | None, written: str) -> str:
    """``written``, or the name it was cut from (``_name_cut_inside``) as
    ``_owner_names_at`` reads it: "Bộ Nông nghiệp" → "Bộ Nông nghiệp và Môi trường"."""
    if not _name_cut_inside(text, written):
        return written
    assert text is not None
    names = [shown for _, shown, _ in _owner_names_at(text) if written in shown]
    return max(names, key=len, default=written)


def _named(pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """Two terms that differ, unless one is only a kind of body or place."""
    if pair and (_only_kind(pair[0]) or _only_kind(pair[1])):
        return None
    return pair


# What a unit's part of a general duty may name in its own way (``compare_parts``): its
# verb (on the duty's product, ``_share_of``), product, object and people. Not another
# period, stage, document, grade or named body: those stay other work (s-parent).
_PART_OWN = frozenset({"action", "product", "object", "people"})
# A duty written for all of its kind at once, read in the written words with their marks
# ("mọi" is not "đổi mới" folded, "các xã" not "cac xa" of a name): "Các địa phương triển
# khai …", "100% xã", "mọi Tòa án trong cả nước", "các bộ, ngành".
_FOR_ALL = re.compile(
    r"(?<!\w)(?:các địa phương|các bộ|bộ, ngành|toàn quốc|cả nước|toàn tỉnh|các tỉnh|các xã"
    r"|các cấp|100%|mọi|tất cả|các đơn vị thành viên|các cơ sở)(?!\w)"
)


def _for_all(parts: TaskParts) -> bool:
    return bool(parts.text) and bool(
        _FOR_ALL.search(unicodedata.normalize("NFC", parts.text.original.lower()))
    )


def _parent_and_part(a: TaskParts, b: TaskParts) -> bool:
    """Whether one task is a general duty and the other one unit's carrying-out of it (s-parent):
    the part names its place or body ("Công chức tư pháp - hộ tịch phường Rạch Giá tiếp nhận
    …", ``_names_one``) and is not written for all; the duty is written for all ("Các địa
    phương triển khai liên thông …", ``_for_all``), or names no body and is of a higher level
    than the part, a province's or a commune's ("Xây dựng bản đồ số vùng trồng của tỉnh" /
    "Xã … cập nhật … lên bản đồ số vùng trồng của tỉnh")."""
    for duty, part in ((a, b), (b, a)):
        if not (part.text and _names_one(part.text.original)) or _for_all(part):
            continue
        if _for_all(duty):
            return True
        if (
            duty.text
            and not _names_one(duty.text.original)
            and part.level in (PROVINCE, COMMUNE, VILLAGE)
            and _LEVEL_RANK.get(duty.level, -1) < _LEVEL_RANK[part.level]
        ):
            return True
    return False


def _makes_legal(a: TaskParts, b: TaskParts) -> bool:
    """Whether either task makes a law, decree or resolution (``_LEGAL``)."""
    return any(part.family in _LEGAL for parts in (a, b) for part in parts.made)


def _content(parts: TaskParts) -> set[str]:
    """The words a task says, those for one thing made one as the index makes them."""
    return set(_content_words(parts.text.folded)) if parts.text else set()


@lru_cache(maxsize=8192)
def _content_words(folded: str) -> frozenset[str]:
    # Cached: a task's title is compared with each of its candidates in turn.
    return frozenset(get_synonyms_folded(folded).split()) - STOP_WORDS


def _numbers(parts: TaskParts) -> set[str]:
    return {word for word in parts.text.words if word.isdigit()} if parts.text else set()


def _subject_words(parts: TaskParts) -> set[str]:
    if not (parts.text and parts.subject):
        return set()
    return set(parts.text.words[parts.subject[0] : parts.subject[1]]) - STOP_WORDS


# A duty written for many at once: "các địa phương", "các bộ, ngành", "toàn tỉnh",
# "trên địa bàn"… (folded). Its concrete carrying-out names one place or body instead, or
# a number, a venue ("tại"), a pilot ("thí điểm").
_GENERAL_SCOPE = re.compile(
    r"\b(?:cac dia phuong|dia phuong|cac bo|bo nganh|cac nganh|toan tinh|toan quoc|ca nuoc"
    r"|cac tinh|cac xa|cac so|cac cap|cac don vi|cac co quan|tren toan|tren dia ban)\b"
)
_CONCRETE = re.compile(r"\d|\btai\b|\bthi diem\b")


# Written words that open a document's name ("Luật Giáo dục", "Đề án 06").
_DOCUMENT_NAME_HEADS = frozenset({"Luật", "Nghị", "Thông", "Quyết", "Chỉ", "Chiến", "Đề", "Chương"})


def _names_one(original: str) -> bool:
    """Whether a wording names a place or body: two capitalised words in a row after its
    first word ("… chợ Cà Mau", "giao Sở Nội vụ"; a short form such as "UBND" is not)."""
    words = [word.strip(".,;:()[]\"'“”") for word in original.split()]
    titled = [len(word) > 1 and word[0].isupper() and word[1:].islower() for word in words]
    # "Luật Giáo dục", "Nghị quyết Trung ương", "Chương trình Mục tiêu …": a document's
    # name is no place or body that carries out a duty (t-read).
    # Nor is the nation's name one unit of it ("Đề án Việt Nam chủ động tham gia …"), nor
    # a body whose document is cited ("theo Bộ tiêu chí của Bộ Khoa học và Công nghệ",
    # "theo Kế hoạch của Sở Y tế"), as ``_level`` reads it (t-lines).
    return any(
        titled[i]
        and titled[i + 1]
        and words[i] not in _DOCUMENT_NAME_HEADS
        and (words[i], words[i + 1]) != ("Việt", "Nam")
        and fold_text(words[i - 1]) not in _CITING
        for i in range(1, len(words) - 1)
    )


def _scope(parts: TaskParts) -> tuple[bool, bool, bool]:
    """Whether a task is written as a general duty, carries concrete marks (numbers, a
    venue, a pilot), and names a place or body past its first word: what tells a duty
    from one unit's carrying-out of it, when the two share few words."""
    if not parts.text:
        return False, False, False
    folded = parts.text.folded
    return (
        bool(_GENERAL_SCOPE.search(folded)),
        bool(_CONCRETE.search(folded)),
        _names_one(parts.text.original),
    )


def _expanded(parts: TaskParts) -> bool:
    """Whether a short form was spelled out in the reading (``"IOC"``, ``"CSDL"``)."""
    return bool(parts.text) and len(parts.text.words) > len(parts.text.written)


def _share(x: set, y: set) -> float:
    """How much of the smaller set the other holds (1.0 when either is empty)."""
    return len(x & y) / min(len(x), len(y)) if x and y else 1.0


# The Government's tasks for Resolution 57 (Appendix II), the background corpus the index
# shipped with the app weighs words on (``index.get_background_texts``): a word most plans
# repeat weighs little, a word none of them says weighs most.
_BACKGROUND = Path(__file__).resolve().parent / "data" / "appendix2_tasks.csv"
# Differing runs counted up to this many (``_lexical``).
_RUNS = 6


@cache
def _background_weights() -> tuple[dict[str, float], float]:
    """Each folded word's inverse document frequency over the background corpus, and the
    weight of a word it never says (fixed data: no label of any labelled file)."""
    with _BACKGROUND.open(encoding="utf-8") as file:
        texts = [set(fold_for_matching(row["title"]).split()) for row in csv.DictReader(file)]
    counts: dict[str, int] = {}
    for words in texts:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    total = len(texts)
    weights = {word: math.log((1 + total) / (1 + count)) + 1 for word, count in counts.items()}
    return weights, math.log(1 + total) + 1


def _says_content(word: str) -> bool:
    """Whether a folded word says something, where only folded words are at hand (the
    words one side writes, ``_one_sided``); ``_says_content_at`` reads the written form."""
    return word not in STOP_WORDS and not word.isdigit()


# The stop words as written, with their marks: "khi", "có", "thì", "tỉnh", "năm" …
_WRITTEN_STOP_WORDS = frozenset(FUNCTION_WORDS) | frozenset(
    ("hướng", "tỉnh", "xã", "phường", "thành", "phố", "địa", "bàn", "năm", "giai", "đoạn")
)


def _says_content_at(text: MatchText, i: int) -> bool:
    """Whether folded word ``i`` of ``text`` says something, judged on the word as written
    when the text is written with its marks (t-fa3). Folded, a content syllable can fall
    onto a stop word and be dropped: "**khí** thải" is "khi thai" ("khi" = when), "bán
    **vé**" "ban ve" ("về"), "**mã** QR" "ma", "**cơ** sở" "co" ("có"), "**đê** điều"
    "de" ("để"), "**thi** tuyển" "thi" ("thì"). One template on two objects that differ in
    such a word ("quan trắc **nước** thải" / "quan trắc **khí** thải") then showed no
    swap on one side. A word the fixed table spelled out from a short form, or a text
    written without marks, is judged folded as before."""
    word = text.words[i]
    if word.isdigit():
        return False
    if word not in STOP_WORDS:
        return True
    if not _marked(text.original):
        return False
    written = _written_word(text, i)
    return fold_text(written) == word and written not in _WRITTEN_STOP_WORDS


# Words two differing runs may share between them and still be one run: "… 5.000 mẫu
# khoáng vật …" / "… 50.000 mẫu vật động vật …" differ in one place, not three.
_MERGE = 3
# The longest swapped run said as a difference ("khác đối tượng: … / …"): a longer one
# is most of the task, another wording as often as another object.
_SWAP_WORDS = 6


def _differing_regions(matcher: SequenceMatcher) -> list[tuple[int, int, int, int]]:
    """Where two aligned word sequences differ, as (start, end) in each: the matcher's
    changed runs, those apart by at most ``_MERGE`` shared words joined into one."""
    regions: list[list[int]] = []
    joinable = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            joinable = bool(regions) and i2 - i1 <= _MERGE
            continue
        if regions and joinable and regions[-1][1] <= i1:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
        joinable = False
    return [tuple(region) for region in regions]


# The measures ``_lexical`` gives of what the differing words say, in the decision's order.
LEXICAL_SIGNALS = (
    "differing_runs",
    "middle_swap",
    "middle_swap_unsaid",
    "unsaid_weight_min",
    "unsaid_weight_max",
    "swap_weight",
    "swap_share",
)


def _lexical(a: TaskParts, b: TaskParts) -> tuple[dict, tuple[str, str] | None]:
    """Which words two wordings differ in, and where (issue [S] #20, s-lexical). One
    body's template on a neighbour's object differs in one run of content words framed
    by the same words on both sides ("… hồ sơ kiểm soát chi **ngân sách nhà nước** …" /
    "… **vốn đầu tư công** …"), each run unsaid in the other task; two wordings of one
    task differ all over (another verb, an added doer, a deadline, short forms). The
    two folded word sequences are aligned (short forms spelled out as the reader does)
    and measured: how many runs differ in content words, the longest run replaced in the
    middle (same words before and after), whether both its sides say what the other task
    does not say anywhere, and how much the words each says alone weigh (inverse
    document frequency over the background corpus; the lighter and the heavier side).
    With the written words of the swapped run when it is the only
    one (each side unsaid in the other task): then the two tasks are one template on
    two objects."""
    if not (a.text and b.text and a.text.words and b.text.words):
        return dict.fromkeys(LEXICAL_SIGNALS, 0.0), None
    words_a, words_b = a.text.words, b.text.words
    vocabulary_a, vocabulary_b = _vocabulary(a, b), _vocabulary(b, a)
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    length = max(len(words_a), len(words_b))
    runs, swap, swap_unsaid, swapped = 0, 0, False, None
    for i1, i2, j1, j2 in _differing_regions(matcher):
        said_a = {words_a[i] for i in range(i1, i2) if _says_content_at(a.text, i)}
        said_b = {words_b[j] for j in range(j1, j2) if _says_content_at(b.text, j)}
        if not (said_a or said_b):
            continue
        runs += 1
        framed = i1 > 0 and j1 > 0 and i2 < len(words_a) and j2 < len(words_b)
        if framed and said_a and said_b:
            swap = max(swap, i2 - i1, j2 - j1)
            if said_a - vocabulary_b and said_b - vocabulary_a:
                swap_unsaid = True
                if max(i2 - i1, j2 - j1) <= _SWAP_WORDS and not said_a & said_b:
                    swapped = (_written(a.text, i1, i2), _written(b.text, j1, j2))
    weights, unseen = _background_weights()
    alone_a = {w for i, w in enumerate(words_a) if _says_content_at(a.text, i)} - vocabulary_b
    alone_b = {w for j, w in enumerate(words_b) if _says_content_at(b.text, j)} - vocabulary_a
    weight_a = max((weights.get(word, unseen) for word in alone_a), default=0.0) / unseen
    weight_b = max((weights.get(word, unseen) for word in alone_b), default=0.0) / unseen
    swap_weight, swap_share = _opposed(a, b, weights, unseen)
    signals = {
        "differing_runs": min(runs, _RUNS) / _RUNS,
        "middle_swap": swap / length,
        "middle_swap_unsaid": float(swap_unsaid),
        "unsaid_weight_min": min(weight_a, weight_b),
        "unsaid_weight_max": max(weight_a, weight_b),
        "swap_weight": swap_weight,
        "swap_share": swap_share,
    }
    return signals, swapped if runs == 1 else None


def _spelled_words(a: TaskParts, b: TaskParts) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """``a``'s folded words, each short form no table expands spelled out as ``b`` writes
    it ("CSDL người học, GV" / "… người học, giảng viên …": "gv" → "giang vien"), and for
    each word whether it names a field, a population or a thing: lower-case as written
    (not a name, a number or a short form left unexplained)."""
    acronyms = _acronyms(a, b)
    words, common = [], []
    for i, word in enumerate(a.text.words):
        spelled = acronyms.get(word)
        written = a.text.written[a.text.origin[i]].text
        if spelled and sum(ch.isupper() for ch in written) >= 2:
            words.extend(spelled)
            common.extend([True] * len(spelled))
        else:
            words.append(word)
            common.append(written[:1].islower() and _says_content_at(a.text, i))
    return tuple(words), tuple(common)


def _opposed(a: TaskParts, b: TaskParts, weights: dict, unseen: float) -> tuple[float, float]:
    """Where one template says one thing and the other another (s-lexical2): the two
    wordings aligned with their short forms spelled out as the other writes them, each
    run replaced by another in the middle (same words before and after) whose both sides
    say, in lower-case words, something the other task says nowhere ("… cơ sở dữ liệu
    **cơ sở vật chất, phòng thí nghiệm** …" / "… CSDL **người học, GV** …"). The heaviest
    such run (its lighter side's heaviest unsaid word, as ``unsaid_weight_*``) and the share
    of both tasks' words such runs take."""
    words_a, common_a = _spelled_words(a, b)
    words_b, common_b = _spelled_words(b, a)
    set_a, set_b = set(words_a), set(words_b)
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    heaviest, opposed = 0.0, 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or not (i1 and j1 and i2 < len(words_a) and j2 < len(words_b)):
            continue
        unsaid_a = {
            w for w, c in zip(words_a[i1:i2], common_a[i1:i2], strict=True) if c and w not in set_b
        }
        unsaid_b = {
            w for w, c in zip(words_b[j1:j2], common_b[j1:j2], strict=True) if c and w not in set_a
        }
        if not (unsaid_a and unsaid_b):
            continue
        weight = min(
            max(weights.get(word, unseen) for word in unsaid_a),
            max(weights.get(word, unseen) for word in unsaid_b),
        )
        heaviest = max(heaviest, weight / unseen)
        opposed += (i2 - i1) + (j2 - j1)
    return heaviest, opposed / (len(words_a) + len(words_b))


# The measures ``_template_runs`` gives of one template on two objects, in the order
# ``decision.FEATURES`` weighs them.
TEMPLATE_SIGNALS = ("template_share", "template_swapped", "swapped_runs", "swapped_in_template")
# The shortest run of words two wordings share that frames a template (``_template_runs``).
_TEMPLATE_FRAME = 2
# Swapped runs counted up to this many, and swapped runs inside the template.
_SWAPPED_RUNS = 6
_SWAPPED_IN_TEMPLATE = 4
# The template's share is read only from half of both tasks' words (t-obj3): under it, every
# pair reads as this floor. Free below, the trees learned from the labelled sets, chosen to
# look alike, that little shared wording means a rewording, and a refit warned on a plan's
# distinct duties just above the bar (t-obj2: 33 wrong plan warnings more).
_TEMPLATE_FLOOR = 0.5


def _template_runs(a: TaskParts, b: TaskParts) -> dict[str, float]:
    """One template written on another object, when other runs differ too (issue [S] #20,
    t-obj2). Two tasks of one body's plan, or of neighbouring bodies, often repeat one
    sentence and change what it is about in one or more places: "… ngân hàng câu hỏi thi
    … cho 40 học phần trình độ **thạc sĩ** …" / "… cho 120 HP **ĐH** …", "phần mềm tiếp
    nhận kiến nghị của **cử tri**" / "… của **đại biểu**", "cổng … bán **cổ phần**" / "…
    bán **nợ**". ``_lexical`` names such a swap only when it is the one run that differs;
    a count, a deadline or a doer written differently besides hides it. Here the two
    wordings (short forms spelled out as the other writes them, ``_spelled_words``) are
    aligned and measured: the share of both tasks' words in runs of ``_TEMPLATE_FRAME``
    words or more that both write (how much of the two is one template), that share again
    where the template frames a swap (a run replaced between two shared runs, whose both
    sides say in lower-case words something the other task says nowhere), the number of
    runs so replaced anywhere, and of those inside the template. A rewording shares few
    long runs, or changes words the other task says elsewhere; one template on another
    object shares long runs and swaps what it is about. The trees may never read more
    swapped runs, or a swap inside more of a template, as more likely the same work
    (``learning.MONOTONE``); the share is read from ``_TEMPLATE_FLOOR`` only (t-obj3), so
    that a plan's distinct duties, which share little wording, do not look like a
    rewording's."""
    if not (a.text and b.text and a.text.words and b.text.words):
        return {**dict.fromkeys(TEMPLATE_SIGNALS, 0.0), "template_share": _TEMPLATE_FLOOR}
    words_a, common_a = _spelled_words(a, b)
    words_b, common_b = _spelled_words(b, a)
    set_a, set_b = set(words_a), set(words_b)
    opcodes = SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes()

    def frames(k: int) -> bool:
        return (
            0 <= k < len(opcodes)
            and opcodes[k][0] == "equal"
            and opcodes[k][2] - opcodes[k][1] >= _TEMPLATE_FRAME
        )

    shared = sum(i2 - i1 for k, (_, i1, i2, _, _) in enumerate(opcodes) if frames(k))
    swapped = inside = 0
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        unsaid_a = any(
            c and w not in set_b for w, c in zip(words_a[i1:i2], common_a[i1:i2], strict=True)
        )
        unsaid_b = any(
            c and w not in set_a for w, c in zip(words_b[j1:j2], common_b[j1:j2], strict=True)
        )
        if unsaid_a and unsaid_b:
            swapped += 1
            inside += frames(k - 1) and frames(k + 1)
    share = 2 * shared / (len(words_a) + len(words_b))
    return {
        "template_share": max(share, _TEMPLATE_FLOOR),
        "template_swapped": share if inside else 0.0,
        "swapped_runs": min(swapped, _SWAPPED_RUNS) / _SWAPPED_RUNS,
        "swapped_in_template": min(inside, _SWAPPED_IN_TEMPLATE) / _SWAPPED_IN_TEMPLATE,
    }


def _signals(
    a: TaskParts, b: TaskParts, *, shared_action: bool, shared_product: bool, lexical: dict
) -> dict:
    """What the reading says of a pair besides its differences, as numbers between 0 and 1:
    the features of the learned decision (``decision.py``)."""
    words_a, words_b = _content(a), _content(b)
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    subject_a, subject_b = _subject_words(a), _subject_words(b)
    union = words_a | words_b
    (general_a, concrete_a, named_a), (general_b, concrete_b, named_b) = _scope(a), _scope(b)
    return {
        "action_same": float(shared_action),
        "action_missing": float(not (a.actions and b.actions)),
        "product_same": float(shared_product),
        "product_missing": float(not (a.products and b.products)),
        "object_head_shared": float(bool(a.objects.keys() & b.objects.keys())),
        "subject_share": _share(subject_a, subject_b),
        "subject_missing": float(not (subject_a and subject_b)),
        "level_one_side": float((a.level is None) != (b.level is None)),
        "years_same": float(bool(a.years and a.years == b.years)),
        "years_one_side": float((a.years is None) != (b.years is None)),
        "documents_shared": float(bool(a.documents & b.documents)),
        "people_shared": float(bool(a.beneficiaries & b.beneficiaries)),
        "people_one_side": float(bool(a.beneficiaries) != bool(b.beneficiaries)),
        "words_jaccard": len(words_a & words_b) / len(union) if union else 0.0,
        "words_contained": _share(words_a, words_b),
        "length_ratio": (
            min(len(words_a), len(words_b)) / max(len(words_a), len(words_b)) if union else 1.0
        ),
        "numbers_shared": float(bool(numbers_a & numbers_b)),
        "numbers_apart": float(bool(numbers_a and numbers_b and not numbers_a & numbers_b)),
        "short_form": float(_expanded(a) or _expanded(b)),
        "short_forms_unaccounted": _short_forms_unaccounted(a, b),
        **_template_runs(a, b),
        # Parent and part (s-tuner7): one a general duty, the other one unit's own.
        "general_one_side": float(general_a != general_b),
        "concrete_one_side": float(concrete_a != concrete_b),
        "named_one_side": float(named_a != named_b),
        "general_and_concrete": float(
            (general_a and not general_b and (concrete_b or named_b))
            or (general_b and not general_a and (concrete_a or named_a))
        ),
        **lexical,
    }


# Work that prepares other work: the options for it, its feasibility study, the drafts
# put out for comment. Folded → written.
_PREPARING = {
    "phuong an": "phương án",
    "tien kha thi": "tiền khả thi",
    "bao cao nghien cuu kha thi": "nghiên cứu khả thi",
    "lay y kien": "lấy ý kiến",
}
# How far into a task (in words after the doer) the preparation must be named to be
# what the task does.
_PREPARING_WITHIN = 6


def _preparing(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """The preparation one task is ("Xây dựng phương án hợp nhất …", "Lập báo cáo
    nghiên cứu tiền khả thi …") and the first words of the other, which does the work
    and never names that preparation; else ``None``."""
    if not (a.text and b.text):
        return None
    for first, other in ((a, b), (b, a)):
        head = " ".join(first.text.words[: first.begin + _PREPARING_WITHIN + 2])
        for key, label in _PREPARING.items():
            if (
                f" {key} " in f" {head} "
                and f" {key} " not in f" {other.text.folded} "
                and _names_preparation(first.text, key, label)
            ):
                doing = (
                    other.action.label
                    if other.action
                    else _written(other.text, other.begin, other.begin + 2).lower()
                )
                return (label, doing) if first is a else (doing, label)
    return None


def _names_preparation(text: MatchText, key: str, label: str) -> bool:
    """Whether ``key`` is written as the preparation ``label`` where the task names it:
    "UBND phường An Xuyên" folds to "phuong an" too."""
    marks, n = _has_marks(text), len(key.split())
    found = [i for i in range(len(text.words) - n + 1) if " ".join(text.words[i : i + n]) == key]
    return any(_written_as(text, i, n, key, label, marks) for i in found)


# Documents that are written first and carried out after: making one ("Xây dựng Đề
# án …") is not carrying it out ("Triển khai Đề án …"). Systems and centres are not
# here: building one and putting it to work are often one task.
_DOCUMENTS = frozenset(
    {"plan", "scheme", "masterplan", "rules", "policy", "resolution", "decree", "law"}
)
_MAKING = frozenset({"draft", "make"})
_DOING = ("trien khai", "thuc hien", "to chuc thuc hien", "ap dung")


def _making_or_doing(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """The actions of two tasks on one kind of document when one makes it and says
    nothing of carrying it out and the other carries it out and says nothing of making
    it ("Xây dựng / Triển khai Đề án đô thị thông minh …"), else ``None``."""
    if not (a.action and b.action and a.product and b.product and a.text and b.text):
        return None
    if a.product.family != b.product.family or a.product.family not in _DOCUMENTS:
        return None
    # A ministry issues a programme, a province carries it out: one is the other's
    # version at another level (``related``), not another piece of work.
    if a.level and b.level and a.level != b.level:
        return None
    # So is a document one body makes and another carries out ("Bộ Giáo dục và Đào tạo
    # ban hành …" / "Sở Giáo dục và Đào tạo … triển khai …").
    if a.begin and b.begin and a.text.words[: a.begin] != b.text.words[: b.begin]:
        return None
    # What the task does to the document: its action right before the product's name
    # ("Triển khai **Đề án** …"), not a document it works under ("… theo chương trình").
    if not (_acts_on(a) and _acts_on(b)):
        return None
    for maker, doer in ((a, b), (b, a)):
        if (
            maker.actions
            and _kinds(maker) <= _MAKING
            and doer.action.family == "carry"
            and not _kinds(doer) & _MAKING
            and not any(_says(maker, _written_action(key)) for key in _DOING)
        ):
            return (a.action.label, b.action.label)
    return None


def _acts_on(parts: TaskParts) -> bool:
    """Whether the task's first action is followed by its product ("Xây dựng **Đề
    án**", "Triển khai các **kế hoạch**")."""
    action, product = fold_text(parts.action.label), fold_text(parts.product.label)
    return bool(re.search(rf"\b{action}(?: cac| mot)? {product}\b", parts.text.folded))


def _written_action(key: str) -> str:
    return ACTIONS[key][0]


# A review's stage, with or without "hội nghị": halfway ("sơ kết") or at the end.
_REVIEW_STAGES = {"so ket": "sơ kết", "tong ket": "tổng kết"}


def _review_stages(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """The review stages two tasks name when they name different ones ("Sơ kết 6
    tháng …" / "Tổng kết năm …"), or ``None``."""
    if not (a.text and b.text):
        return None
    stages_a = {
        label for key, label in _REVIEW_STAGES.items() if f" {key} " in f" {a.text.folded} "
    }
    stages_b = {
        label for key, label in _REVIEW_STAGES.items() if f" {key} " in f" {b.text.folded} "
    }
    if stages_a and stages_b and not stages_a & stages_b:
        return ", ".join(sorted(stages_a)), ", ".join(sorted(stages_b))
    return None


# Words after which an inserted name is a head of its own: whose rules ("của **Tổ giúp
# việc** Ban Chỉ đạo"), what is done to what ("đối với").
_OWNER_WORDS = frozenset({("cua",), ("doi", "voi")})
_NAMED_PRODUCTS = frozenset(PRODUCTS) | frozenset(_OBJECT_HEADS)


def _inserted_head(a: TaskParts, b: TaskParts, vocabulary_a, vocabulary_b):
    """Two wordings alike but for words one inserts right after the product or after
    "của" ("Quy hoạch **sử dụng đất** tỉnh …", "của **Tổ giúp việc** Ban Chỉ đạo"),
    unsaid in the other: another object. The written words (before the insertion point
    and what is inserted) of each, or ``None``."""
    if not (a.text and b.text):
        return None
    matcher = SequenceMatcher(None, a.text.words, b.text.words, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] not in ("insert", "delete"):
        return None
    tag, i1, i2, j1, j2 = changed[0]
    short, long_, at, start, end, other_vocabulary = (
        (a, b, i1, j1, j2, vocabulary_a) if tag == "insert" else (b, a, j1, i1, i2, vocabulary_b)
    )
    if not at or at >= len(short.text.words):
        return None
    words = long_.text.words
    inserted = {words[k] for k in range(start, end)} - _GENERIC
    if not inserted - other_vocabulary or any(word.isdigit() for word in inserted):
        return None
    before = short.text.words[:at]
    products = _find(short.text.words, PRODUCTS, short.begin)
    lead = next(
        (
            position
            for position, length, _ in products
            if position + length == at
            # "Hệ thống **thông tin**": the product's fuller name, not another head.
            and " ".join(words[start - length : end]) not in _NAMED_PRODUCTS
        ),
        None,
    )
    owner = next((w for w in _OWNER_WORDS if before[-len(w) :] == w), None)
    if lead is None and owner is None:
        return None
    # Shown from the product or "của" to the word after: "của Hội đồng" / "của Tổ thư
    # ký Hội đồng", "Quy hoạch tỉnh" / "Quy hoạch sử dụng đất tỉnh".
    after = 1 if lead is not None else 2
    lead = at - len(owner) if lead is None else lead
    written_short = _written(short.text, lead, min(at + after, len(short.text.words)))
    written_long = _written(long_.text, lead, min(end + after, len(words)))
    return (written_short, written_long) if short is a else (written_long, written_short)


# Words a near-identical pair may swap and still be one task: actions, products and
# levels (compared on their own above), and words every task uses.
# What a slot swaps besides a task's generic words: the syllables of actions and products,
# levels, "ít nhất" / "tối thiểu", a deadline's words.
_SWAPPABLE_NAMED = (
    frozenset(word for key in (*ACTIONS, *PRODUCTS) for word in key.split())
    | {"tinh", "xa", "phuong", "cap", "dia", "ban"}
    # "ít nhất" / "tối thiểu"
    | {"it", "nhat", "toi", "thieu"}
    # A deadline written two ways ("hạn 6/2027" / "hoàn thành trước 30/6/2027", "xong
    # trước", "chậm nhất"): no object (t-abbrev).
    | {"han", "hoan", "thanh", "truoc", "xong", "cham"}
)
_SWAPPABLE = _GENERIC | _SWAPPABLE_NAMED


def _places(text: MatchText, begin: int = 0) -> set[int]:
    """Positions of the words that name who does the work or where: the doer named
    first (before ``begin``), a level and the name after it ("tỉnh Bắc Ninh")."""
    places = set(range(begin))
    words = text.words
    for i, word in enumerate(words):
        if word in {"tinh", "xa", "phuong", "huyen"} and words[i + 1 : i + 2] != ("hoi",):
            places.add(i)
            j = i + 1
            while j < len(words) and text.written[text.origin[j]].text[:1].isupper():
                places.add(j)
                j += 1
    return places


# Words after which a name says which place or body: "tỉnh Lào Cai", "thành phố Cần
# Thơ", "xã Y Tý", "Bộ Y tế" (a ministry by the first words of its name).
_NAME_KEYS = frozenset({"tinh", "xa", "phuong", "huyen", "pho", "thon", "bo"})


# Words for places of one level, whose names are compared with each other: "thành phố
# Huế" and "tỉnh Quảng Trị" are two provinces, "xã Tân Hưng" and "phường An Hải" two
# communes, so one template for both is two pieces of work.
_PLACE_LEVELS = {
    ("thanh", "pho"): "tinh",
    ("xa",): "xa",
    ("phuong",): "xa",
}


def _name_key(words: tuple[str, ...], i: int) -> str:
    """The word a name starting at word ``i`` is compared under (its level's, for places)."""
    return (
        _PLACE_LEVELS.get(words[i - 2 : i]) or _PLACE_LEVELS.get(words[i - 1 : i]) or words[i - 1]
    )


def _short_form(token: str) -> bool:
    return len(token) > 1 and token.isupper()


def _names(text: MatchText) -> dict[str, frozenset[str]]:
    """Proper names a task gives, by the word before them: "xã **Bắc Hà**", "tỉnh **Lào
    Cai**", "Luật **Dữ** liệu" → {"xa": {"bac ha"}, "tinh": {"lao cai"}, "luat": {"du"}}.
    A name is a run of written words in capitals (not short forms, not the first word)."""
    names: dict[str, set[str]] = {}
    written, words = text.written, text.words

    def capital(j: int) -> bool:
        token = written[text.origin[j]].text
        return token[:1].isupper() and not _short_form(token)

    i = 1
    while i < len(words):
        # "Xã **An Lão**": a place's name after the word for it, itself in capitals.
        if (
            text.origin[i] == 0
            or not capital(i)
            or (capital(i - 1) and words[i - 1] not in _NAME_KEYS)
        ):
            i += 1
            continue
        j = i
        while j < len(words) and capital(j):
            j += 1
        if words[i] == "luat" and j > i + 1:
            # "Luật Dữ liệu": the law's name follows the word.
            names.setdefault("luat", set()).add(" ".join(words[i + 1 : j]))
        elif words[i - 1] in _NAME_KEYS and not (
            # "… của Bộ Chính trị": a body whose document is cited, not one at work.
            words[i - 1] == "bo" and words[i - 2 : i - 1] in {(word,) for word in _CITING}
        ):
            names.setdefault(_name_key(words, i), set()).add(" ".join(words[i:j]))
        i = j
    return {key: frozenset(value) for key, value in names.items()}


def _other_names(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """Names after the same word that differ ("xã Bắc Hà" / "xã Y Tý", "Luật Dữ liệu" /
    "Luật Bảo vệ dữ liệu cá nhân"), neither said by the other task, or ``None``."""
    if not (a.text and b.text):
        return None
    names_a, names_b = _names(a.text), _names(b.text)
    initials_a, initials_b, folded_a, folded_b = _spelled_as_other_writes(a, b)
    for key in names_a.keys() & names_b.keys():
        # A law's name is its first words in capitals ("Dữ" liệu); a place's, said by
        # the other task elsewhere, is not another place.
        only_a = {
            name
            for name in names_a[key] - names_b[key]
            if key == "luat" or f" {_spelled(name, initials_a)} " not in folded_b
        }
        only_b = {
            name
            for name in names_b[key] - names_a[key]
            if key == "luat" or f" {_spelled(name, initials_b)} " not in folded_a
        }
        if only_a and only_b and not names_a[key] & names_b[key]:
            return _written_name(a.text, key, only_a), _written_name(b.text, key, only_b)
    return None


def _spelled_as_other_writes(a: TaskParts, b: TaskParts):
    """Each task's short forms spelled out as the other task writes them, and each
    wording so spelled, folded and spaced at both ends. A place or body written by its
    initials in one task and in full in the other is one name ("tỉnh QNg" / "tỉnh Quảng
    Ngãi": "khác đối tượng" vetoed three rewordings of the twenty-seventh dev half), as
    ``_other_owners`` compares bodies: the checks of differing names spell a name out
    before asking whether the other task says it."""
    initials_a, initials_b = _acronyms(a, b), _acronyms(b, a)
    return (
        initials_a,
        initials_b,
        f" {_spelled(a.text.folded, initials_a)} ",
        f" {_spelled(b.text.folded, initials_b)} ",
    )


def _owner_names(text: MatchText) -> list[tuple[str, str]]:
    return [(folded, name) for folded, name, _ in _owner_names_at(text)]


# A quarter or a month in capitals ("Quý II", "QIII") is a time, not a name.
_TIME_NAME = re.compile(r"^(quy|thang|q)?\s*[ivx]+$")
# A Roman numeral as written numbers a section, a phase or a unit ("II. Nhiệm vụ", "giai
# đoạn II", "cửa khẩu … số II Kim Thành"): a number, no word of the name it stands before
# ("khác đối tượng: II Kim Thành / Lào Cai", where the other task names Kim Thành; t-lines).
_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")


def _owner_names_at(text: MatchText) -> list[tuple[str, str, int]]:
    """The bodies, systems and places a task names: each run of two or more words in
    capitals, and each short form ("VOV", "BHXH": folded as spelled out where the reading
    knows how, so "BHXH" and "bảo hiểm xã hội" are one name), folded; with the whole name
    as written, a lower-case word inside it kept ("Đài **Tiếng** nói **Việt Nam**" gives
    "dai tieng" and "viet nam", both written "Đài Tiếng nói Việt Nam")."""
    by_origin: dict[int, list[str]] = {}
    for word, origin in zip(text.words, text.origin, strict=True):
        by_origin.setdefault(origin, []).append(word)
    written, original = text.written, text.original

    # The task's first words, when they are its verb ("Kiện toàn Ban Chỉ đạo …", "Phối
    # hợp Bộ KH&CN …"), are capitalised as a sentence's start, not as a name (t-lines).
    opening = 2 if len(written) > 1 and _opens_with_verb(written) else 0

    def capital(k: int) -> bool:
        return k >= opening and written[k].text[:1].isupper() and not _ROMAN.match(written[k].text)

    def joined(k: int) -> bool:
        # Nothing but spaces between word k - 1 and word k (no comma, no bracket), or
        # the point of "TP. Hồ Chí Minh" (read "TP" alone, a kind of place, t-explain).
        between = original[written[k - 1].end : written[k].start].strip()
        return not between or (between == "." and written[k - 1].text in _POINTED_KINDS)

    found = []
    i = 0
    while i < len(written):
        if not capital(i):
            i += 1
            continue
        # The name as written: capitals, a lower-case word between two of them, and
        # "và" between two parts of one name ("Bộ Nông nghiệp **và** Môi trường", read
        # "Bộ Nông nghiệp" before t-explain), not between two bodies.
        j = i + 1
        while j < len(written) and joined(j):
            if capital(j):
                j += 1
            elif j + 1 < len(written) and capital(j + 1) and joined(j + 1):
                j += 2
            elif (
                j + 2 < len(written)
                and written[j + 1].text == "và"
                and capital(j + 2)
                and joined(j + 1)
                and joined(j + 2)
                and written[j + 2].text.lower() not in _KIND_FIRST_WORDS
                and _inside_name(text, j)
            ):
                j += 3
            else:
                break
        rest = _name_rest(text, i, j)
        name = " ".join(written[k].text for k in range(i, rest))
        # What is compared: its runs of capitals (held out, comparing the whole name
        # instead found fewer pairs pooled and did worse on three sealed test halves).
        k = i
        while k < rest:
            if not capital(k):
                k += 1
                continue
            run = k + 1
            while run < rest and capital(run) and joined(run):
                run += 1
            # A kind of body or place by itself ("UBND", "TT", "TP") names none.
            kind = run - k == 1 and written[k].text.lower() in _KIND_SHORT_FORMS
            if (run - k >= 2 or _short_form(written[k].text)) and not kind:
                folded = " ".join(word for m in range(k, run) for word in by_origin.get(m, ()))
                if folded and not _TIME_NAME.match(folded):
                    # Shown as the reader finds it (s-tuner12): a short form by
                    # itself when other words join it ("AI", not "AI cho KSV"; but
                    # "UBND tỉnh Lai Châu" whole), a body's name with its last
                    # word in small letters ("Trường Đại học Bách khoa", not "… Bách").
                    if (
                        run - k == 1
                        and _short_form(written[k].text)
                        and any(
                            not written[m].text[:1].isupper()
                            and written[m].text not in _NAME_PLACE_WORDS
                            for m in range(i, j)
                        )
                    ):
                        shown = written[k].text
                    elif rest == j and _name_cut(text, j):
                        shown = f"{name} {written[j].text}"
                    elif (
                        k > i
                        and _short_form(written[i].text)
                        and any(
                            not written[m].text[:1].isupper()
                            and written[m].text not in _NAME_PLACE_WORDS
                            for m in range(i, k)
                        )
                    ):
                        # A name after a short form and a word of the sentence ("KH&CN
                        # cấp Bộ Y tế"): the name by itself, "Bộ Y tế" (t-lines).
                        shown = " ".join(written[m].text for m in range(k, rest))
                    else:
                        shown = name
                    found.append((folded, shown, i))
            k = run
        i = rest
    return found


def _other_owners(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """A name each task gives that the other does not say, or ``None``."""
    if not (a.text and b.text):
        return None
    # Short forms each task writes that the other spells out, both ways round: a name is
    # compared with its short forms spelled out, in the other's wording spelled out too,
    # so "Cục QL&PTTTTN" and "Cục Quản lý và Phát triển thị trường trong nước" are one
    # name (t-abbrev), as "NK" and "Ninh Kiều" are.
    initials_a, initials_b = _acronyms(a, b), _acronyms(b, a)
    folded_a = _unjoined(_spelled(a.text.folded, initials_a))
    folded_b = _unjoined(_spelled(b.text.folded, initials_b))
    said_a = {" ".join(words) for words in initials_a.values()} | initials_b.keys()
    said_b = {" ".join(words) for words in initials_b.values()} | initials_a.keys()

    def only(
        x: TaskParts,
        initials: dict[str, tuple[str, ...]],
        folded: str,
        said: set[str],
        other: MatchText,
    ) -> list[str]:
        # A name the other task gives by its initials ("NK" / "Ninh Kiều") is said; the
        # names past the doer named first come first ("P. NK: … chợ đêm Tây Đô" / "UBND
        # phường Ninh Kiều … chợ Xuân Khánh" differ in the market, not the ward).
        doer = x.text.origin[x.begin] if 0 < x.begin < len(x.text.origin) else 0
        names = [
            (start == 0 or start < doer, written)
            for name, written, start in _owner_names_at(x.text)
            if _unjoined(_spelled(name, initials)) not in folded
            and name not in said
            and not _writes(other, written)
        ]
        return [written for _, written in sorted(names, key=lambda name: name[0])]

    only_a = only(a, initials_a, folded_b, said_b, b.text)
    only_b = only(b, initials_b, folded_a, said_a, a.text)
    if only_a and only_b:
        return only_a[0], only_b[0]
    return None


def _writes(text: MatchText, name: str) -> bool:
    """Whether ``text`` writes ``name`` word for word, as whole words. Names are compared
    spelled out, a short form as learned from the words around it ("(AMI)" after "… đọc
    từ xa") and as the other task spells its initials, so a name both tasks write alike
    could differ ("khác đối tượng: AMI / AMI", "GIS / GIS", "LMS / LMS", "TT-BYT /
    TT-BYT", all but one on pairs labelled the same work): the same written name is no
    other body (t-reader2)."""
    return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text.original))


def _spelled(folded: str, initials: dict[str, tuple[str, ...]]) -> str:
    """A folded wording with each of its short forms in ``initials`` spelled out."""
    return " ".join(" ".join(initials.get(word, (word,))) for word in folded.split())


def _opens_with_verb(written) -> bool:
    """Whether a wording's first two written words are a verb of the tables or "phối
    hợp": its capital is the sentence's, no name's."""
    pair = (fold_text(written[0].text), fold_text(written[1].text))
    return pair in _ACTION_OPENINGS or pair in _IN_PASSING_OPENINGS


_IN_PASSING_OPENINGS = frozenset({("phoi", "hop")})


def _unjoined(folded: str) -> str:
    """A folded wording without its "và", spaced at both ends: one short form is written
    "KH&CN", "KH,CN", "KHCN" or in full, "khoa học và công nghệ" or "khoa học, công
    nghệ" (read "khoa hoc va cong nghe", "khoa hoc cong nghe"), and is one thing
    (t-lines: "khác đối tượng: KH,CN / KH&CN")."""
    return " " + " ".join(word for word in folded.split() if word != "va") + " "


# Words that start a clause or a time, not an object (``_clause``), folded.
_CLAUSE_STARTS = frozenset({"thay", "tu", "bat", "thang", "xong", "hoan"})


def _clause(written: str) -> bool:
    """Whether an object as written starts with a verb or a time, not a thing."""
    words = tuple(fold_text(written).split())
    if not words:
        return False
    return words[0] in _CLAUSE_STARTS or bool(_find(words[:3], ACTIONS, 0, 1))


def _name_cut(text: MatchText, j: int) -> bool:
    """Whether a body's name, ending before written word ``j``, runs on in that word in
    small letters ("Trường Đại học Bách **khoa**", "Ban Thường **vụ**", "Tỉnh **ủy**",
    "Bộ Giáo **dục**"): the two words are one of the names' known pairs."""
    written, original = text.written, text.original
    return (
        0 < j < len(written)
        and not original[written[j - 1].end : written[j].start].strip()
        and written[j].text[:1].islower()
        and (fold_text(written[j - 1].text), fold_text(written[j].text)) in _NAME_PAIRS
    )


# Short forms of a kind of body or place, written alone ("UBND tỉnh", "TT", "TP."):
# no body's name (t-explain: "khác đối tượng: Hà Nội / UBND").
_KIND_SHORT_FORMS = frozenset({"ubnd", "hđnd", "ub", "tt", "tp", "bv"})
_POINTED_KINDS = frozenset({"TP", "Tp"})
# First words of a body's kind (written, lower case): "và" before one joins two bodies,
# not two parts of one name ("Sở Y tế **và Sở** Giáo dục").
_KIND_FIRST_WORDS = frozenset(
    {"sở", "bộ", "cục", "ban", "ubnd", "ủy", "uỷ", "trường", "trung", "bệnh", "viện", "tổng"}
    | {"tập", "ngân", "đài", "chi", "văn", "phòng", "cảng", "vườn", "kho", "hđnd"}
)
# A body's kind as written opening a name, in capitals ("Bộ", "Sở", "Cục" …).
_KIND_FIRST_WORDS_WRITTEN = frozenset({"Bộ", "Sở", "Cục", "Ban", "Viện", "Trường", "Trung"})
# The most small-letter words a name's last word runs on in ("Cục Di **sản văn hóa**").
_NAME_REST_WORDS = 3
# Kinds of body whose name ``_name_rest`` reads on (written, lower case).
_REST_KINDS = frozenset(
    {"sở", "bộ", "cục", "ban", "viện", "trường", "phòng", "trung tâm", "bệnh viện"}
    | {"tổng cục", "chi cục", "học viện", "văn phòng", "cảng vụ", "ngân hàng"}
)
# Written words that end a name: what the body does, for whom, where, when.
_NAME_REST_ENDS = frozenset(FUNCTION_WORDS) | frozenset(
    {"trước", "sau", "phối", "chủ", "trực", "qua", "bằng", "toàn", "tự", "thí", "ngay", "chỉ"}
    | {"quy", "chuyển"}
)
_ACTION_OPENINGS = frozenset(tuple(key.split()[:2]) for key in ACTIONS)


def _after_and(text: MatchText, j: int) -> bool:
    """Whether the name ending before written word ``j`` ends in "và" and one capital
    whose word runs on in ``j`` ("Cục Trồng trọt và Bảo **vệ** thực vật", "Cục Hàng hải
    và Đường **thủy**"): two parts of a name joined by "và" are words of two syllables."""
    written = text.written
    return (
        2 <= j < len(written)
        and written[j - 2].text == "và"
        and written[j].text[:1].islower()
        and _joined(text, j)
    )


def _name_rest(text: MatchText, i: int, j: int) -> int:
    """Where a body's name that starts at written word ``i`` and whose capitals end at
    ``j`` ends, its last word a capital by itself run on in small letters ("Cục Di
    **sản văn hóa** hoàn thiện …", "Bộ Dân tộc và Tôn **giáo** cung cấp …"): past a
    known pair of the name's words (``_name_cut``), else at the work that follows (an
    action of the table or a plain verb), a function word, a number or a clause's end
    within ``_NAME_REST_WORDS``; else ``j``, the name as its capitals give it. Shown
    only: "Cục Di", "Bộ Dân" read the names cut (t-explain)."""
    written = text.written
    if j - i < 2 or j >= len(written) or _short_form(written[j - 1].text):
        return j
    lower = [word.text.lower() for word in written]
    kind = next((size for size in (2, 1) if " ".join(lower[i : i + size]) in _REST_KINDS), 0)
    # Read on only after the kind and one capital ("Cục Di", "Bộ Dân"): a name of more
    # capitals has said itself ("Trường Cao đẳng Đường sắt **tuyển chọn** …").
    if not kind or j - 1 != i + kind:
        return j + 1 if _name_cut(text, j) or _after_and(text, j) else j
    # "Ban Quản lý **các** khu công nghiệp tỉnh Phú Thọ": a kind that names no body yet.
    kind_only = lower[i : j + 1] == ["ban", "quản", "lý"]
    ends = _NAME_REST_ENDS - {"các"} if kind_only else _NAME_REST_ENDS
    limit = _NAME_REST_WORDS + 2 if kind_only else _NAME_REST_WORDS
    for end in range(j, min(len(written), j + limit + 1)):
        if end > j and not _joined(text, end):
            return end
        word = lower[end]
        pair = (fold_text(word), fold_text(lower[end + 1]) if end + 1 < len(written) else "")
        # A place ends the name with its own ("… khu công nghiệp **tỉnh Phú Thọ**").
        if (
            end > j
            and word in _NAME_PLACE_WORDS
            and end + 1 < len(written)
            and written[end + 1].text[:1].isupper()
            and _joined(text, end + 1)
        ):
            stop = end + 1
            while stop < len(written) and written[stop].text[:1].isupper():
                stop += 1
            return stop
        if end > j and (
            word in ends
            or word[:1].isdigit()
            or word in _PLAIN_VERBS
            or " ".join(lower[end : end + 2]) in _PLAIN_VERBS
            or pair in _ACTION_OPENINGS
            or pair[:1] in _ACTION_OPENINGS
        ):
            return end
        if not word[:1].islower() or (end == j and word in ends):
            break
    return j + 1 if _name_cut(text, j) else j


# Words for places inside a body's name ("UBND **tỉnh** Lai Châu"): shown whole.
_NAME_PLACE_WORDS = frozenset({"tỉnh", "xã", "phường", "huyện", "thành", "phố", "thị", "trấn"})
# Two words of a body's name, the second in small letters (``_name_cut``), folded.
_NAME_PAIRS = frozenset(
    tuple(pair.split())
    for pair in (
        "bach khoa",
        "thuong vu",
        "tinh uy",
        "thanh uy",
        "huyen uy",
        "dang uy",
        "ngoai ngu",
        "giao duc",
        "thuc hanh",
        "cong an",
        "dang bo",
        "dich vu",
        "noi vu",
        "tu phap",
        "chinh tri",
        "y te",
        "tai chinh",
        "cong thuong",
        "xay dung",
        "van hoa",
        "khoa hoc",
        "kinh te",
        "nong nghiep",
        "giao thong",
        "quoc phong",
        "ngoai giao",
        "lao dong",
        "tai nguyen",
        "to chuc",
        "kiem sat",
        "nhan dan",
        "hanh chinh",
        "thong tin",
        # Read on past "và" and a capital (t-explain): "Bộ Khoa học và Công **nghệ**".
        "cong nghe",
        "boi duong",
        "dao tao",
        "trung uong",
        "thong ke",
        "dan toc",
        "ton giao",
        "du lich",
        "di san",
        "hang hai",
        "moi truong",
        "duong sat",
        "quan ly",
    )
)


# Bodies a task sets up or runs, whose own name follows in capitals: "Trung tâm **Đổi
# mới sáng tạo**", "Quỹ **Phát triển khoa học và công nghệ**" (folded).
_BODY_HEADS = (("trung", "tam"), ("quy",))
# Folded words that end a body's name: a place, its owner, what it is for.
_BODY_NAME_ENDS = frozenset({"tinh", "xa", "phuong", "thanh", "huyen", "cua", "de", "tai", "cho"})
_BODY_NAME_WORDS = 8


def _body_names(text: MatchText) -> list[tuple[int, int, int]]:
    """Where the bodies a task names start, their names start and end ("Trung tâm
    **Chuyển đổi số** tỉnh …"): the words after the head, from one in capitals (not a
    short form) to a place, an owner or a clause's end."""
    words, written = text.words, text.written
    breaks = _breaks(text)
    found = []
    for head in _BODY_HEADS:
        size = len(head)
        for i in range(len(words) - size):
            start = i + size
            token = written[text.origin[start]].text
            if (
                words[i:start] != head
                or not written[text.origin[i]].text[:1].isupper()
                or not token[:1].isupper()
                or _short_form(token)
            ):
                continue
            end = start + 1
            while (
                end < min(len(words), start + _BODY_NAME_WORDS)
                and not breaks[end]
                and words[end] not in _BODY_NAME_ENDS
            ):
                end += 1
            found.append((i, start, end))
    return found


def _other_bodies(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """Two bodies by name ("Trung tâm Đổi mới sáng tạo" / "Trung tâm Chuyển đổi số"), the
    words of each mostly not said by the other task, or ``None``: setting up or running
    one is not the other, though both say "thành lập trung tâm"."""
    if not (a.text and b.text):
        return None
    bodies_a, bodies_b = _body_names(a.text), _body_names(b.text)
    if not (bodies_a and bodies_b):
        return None
    vocabulary_a, vocabulary_b = set(a.text.words), set(b.text.words)
    for head_a, start_a, end_a in bodies_a:
        for head_b, start_b, end_b in bodies_b:
            if a.text.words[head_a:start_a] != b.text.words[head_b:start_b]:
                continue
            name_a = set(a.text.words[start_a:end_a])
            name_b = set(b.text.words[start_b:end_b])
            if len(name_a - vocabulary_b) * 2 > len(name_a) and len(
                name_b - vocabulary_a
            ) * 2 > len(name_b):
                return _written(a.text, head_a, end_a), _written(b.text, head_b, end_b)
    return None


def _name_word(text: MatchText, i: int) -> bool:
    """Whether folded word ``i`` is part of a proper name: written in capitals (not a
    short form, not the text's first word), or a number right after such a word ("xã
    Đam Rông **1**")."""
    origin = text.origin[i]
    if origin == 0:
        return False
    token = text.written[origin].text
    if token.isdigit():
        return _name_word(text, i - 1)
    return token[:1].isupper() and not _short_form(token)


def _swapped_names(a: TaskParts, b: TaskParts) -> tuple[str, str] | None:
    """Two wordings alike but for a proper name ("Đặc khu **Vân Đồn** / **Cô Tô** …",
    "cửa khẩu **Mộc Bài** / **Xa Mát**", "xã Đam Rông **1** / **2**"): the same work for
    two named places or bodies is two pieces of work. The written words (the word before
    the name and the name) of each, or ``None``. A name the other task says elsewhere is
    a rewording, not another place."""
    if not (a.text and b.text):
        return None
    matcher = SequenceMatcher(None, a.text.words, b.text.words, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    if same < 0.6 * max(len(a.text.words), len(b.text.words)):
        return None
    initials_a, initials_b, folded_a, folded_b = _spelled_as_other_writes(a, b)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or not i1 or not j1:
            continue
        if not (_is_name(a.text, i1, i2) and _is_name(b.text, j1, j2)):
            continue
        name_a, name_b = " ".join(a.text.words[i1:i2]), " ".join(b.text.words[j1:j2])
        if (
            f" {_spelled(name_a, initials_a)} " in folded_b
            or f" {_spelled(name_b, initials_b)} " in folded_a
        ):
            continue
        return (
            _written(a.text, _name_start(a.text, i1), _name_end(a.text, i2)),
            _written(b.text, _name_start(b.text, j1), _name_end(b.text, j2)),
        )
    return None


def _is_name(text: MatchText, start: int, end: int) -> bool:
    """Whether words ``start:end`` are all of a proper name ("Vân Đồn", "1" after "Đam
    Rông")."""
    return all(_name_word(text, i) for i in range(start, end))


def _name_start(text: MatchText, i: int) -> int:
    """Where to show a name from that starts at or runs through word ``i``: its first
    word and up to two written words before it that say what it names ("Đặc khu",
    "cửa khẩu", "xã"), not a function word nor a short form."""
    while i > 0 and _name_word(text, i - 1):
        i -= 1
    for _step in range(2):
        if i == 0:
            break
        token = text.written[text.origin[i - 1]].text
        if token.lower() in FUNCTION_WORDS or _short_form(token) or token[:1].isdigit():
            break
        i -= 1
        while i > 0 and text.origin[i - 1] == text.origin[i]:
            i -= 1
    return i


def _name_end(text: MatchText, i: int) -> int:
    """The end of the name that runs through word ``i - 1``."""
    while i < len(text.words) and _name_word(text, i):
        i += 1
    return i


def _ministry_end(text: MatchText, end: int) -> int:
    """Where a ministry's name whose first words end at ``end`` ends ("Bộ Y **tế**", "Bộ
    Tài **chính**"): at the work it does, a clause's end, or a few words on."""
    words, breaks = text.words, _breaks(text)
    limit = min(len(words), end + 4)
    while (
        end < limit
        and not breaks[end]
        and not any(
            position == end
            for position, _, _ in _find(words, ACTIONS, end, min(len(words), end + 3))
        )
        and words[end] not in {"chu", "phoi", "cua", "va"}
    ):
        end += 1
    return end


def _written_name(text: MatchText, key: str, names: set[str]) -> str:
    words = text.words
    for name in sorted(names):
        size = len(name.split())
        for i in range(1, len(words) - size + 1):
            if (words[i - 1] == "luat" or _name_key(words, i) == key) and " ".join(
                words[i : i + size]
            ) == name:
                start = i - 2 if words[i - 2 : i] == ("thanh", "pho") else i - 1
                end = i + size
                if key == "bo":
                    end = _ministry_end(text, end)
                return _written(text, start, end)
    return ", ".join(sorted(names))


def _slot_word(text: MatchText, i: int) -> bool:
    """Whether folded word ``i`` can tell one slot's filling from another's: not a word
    every task says (``_SWAPPABLE``), unless it is there only as a stop word its written
    form is not ("nước thải" / "**khí** thải": ``_says_content_at``, t-fa3)."""
    word = text.words[i]
    if word not in _SWAPPABLE:
        return True
    return word in STOP_WORDS and word not in _SWAPPABLE_NAMED and _says_content_at(text, i)


def _swapped_slot(
    a: MatchText,
    b: MatchText,
    vocabulary_a: set[str],
    vocabulary_b: set[str],
    begin_a: int = 0,
    begin_b: int = 0,
) -> tuple[str, str] | None:
    """The written words of the one slot that two otherwise alike wordings fill with
    different things ("đề án phát triển đô thị thông minh" / "… nông nghiệp thông
    minh"), or ``None``. Alike: most words in the same order; one slot replaced, with
    subject words on both sides and none in common."""
    matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    same = sum(size for *_, size in matcher.get_matching_blocks())
    if not changed or len(changed) > 2 or same < 0.55 * max(len(a.words), len(b.words)):
        return None
    places_a, places_b = _places(a, begin_a), _places(b, begin_b)
    spans_a = [(op[1], op[2]) for op in changed if op[2] > op[1]]
    spans_b = [(op[3], op[4]) for op in changed if op[4] > op[3]]
    words_a = {
        a.words[i]
        for start, end in spans_a
        for i in range(start, end)
        if i not in places_a and _slot_word(a, i)
    }
    words_b = {
        b.words[j]
        for start, end in spans_b
        for j in range(start, end)
        if j not in places_b and _slot_word(b, j)
    }
    if not words_a or not words_b or words_a & words_b:
        return None
    if not (words_a - vocabulary_b) or not (words_b - vocabulary_a):
        return None
    if any(word.isdigit() for word in words_a | words_b):
        return None
    return (
        " … ".join(_written(a, start, end) for start, end in spans_a),
        " … ".join(_written(b, start, end) for start, end in spans_b),
    )


def _acronyms(a: TaskParts, b: TaskParts) -> Mapping[str, tuple[str, ...]]:
    """Short forms written in capitals in ``a`` that no table expands, spelled out by a
    run of words in ``b`` whose initials they are ("CNVCLĐ" → "công nhân viên chức lao
    động")."""
    if not a.text or not b.text:
        return MappingProxyType({})
    return _spelled_short_forms(tuple(written.text for written in a.text.written), b.text.words)


# One comparison asks for a pair's short forms about sixteen times, from each helper that
# reads them; spelling them out each time was a third of a comparison's time. A query
# compares a task with up to 30 candidates, so the last few pairs are kept. The result is
# shared: read only.
@lru_cache(maxsize=256)
def _spelled_short_forms(
    tokens: tuple[str, ...], words_b: tuple[str, ...]
) -> MappingProxyType[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for token in tokens:
        parts = [part for part in _JOINED.split(fold_text(token)) if part]
        letters = "".join(parts)
        if not (
            2 <= len(letters) <= 12
            and letters.isalpha()
            and all(len(part) >= 2 for part in parts)
            and sum(ch.isupper() for ch in token) >= 2
            and (len(parts) == 1 or len(letters) <= 2 * sum(ch.isupper() for ch in token))
        ):
            continue
        if len(parts) == 1 and len(letters) > 8:
            continue
        spelled = _spell(parts, words_b) or _spell_openings(token, words_b)
        if spelled:
            found.update(spelled)
    return MappingProxyType(found)


def _spell_openings(token: str, words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """A short form in capitals and small letters spelled by the run of ``words`` each of
    its capitals opens with the small letters after it: a syllable's first consonants
    ("QNg" → "Quảng Ngãi", not Quảng Nam or Quảng Ninh), which place names of one
    initial ("QN") write to tell themselves apart. Only where the letters one by one
    spell nothing ("TpHCM" is "thành phố Hồ Chí Minh" by its letters)."""
    if not token[:1].isupper() or token.isupper() or not token.isalpha():
        return {}
    openings: list[str] = []
    for letter in token:
        if letter.isupper():
            openings.append(letter)
        else:
            openings[-1] += letter
    if len(openings) < 2:
        return {}
    openings = [fold_text(opening) for opening in openings]
    for i in range(len(words) - len(openings) + 1):
        run = words[i : i + len(openings)]
        if all(word.startswith(opening) for word, opening in zip(run, openings, strict=True)):
            return {fold_text(token): run}
    return {}


# A short form in parts joined by "&" or "," ("QL&PTTTTN": "quản lý và phát triển thị trường
# trong nước", "VH,TT&DL"): each part spells words, the joiner stands for "và" or nothing.
_JOINED = re.compile(r"[&,]")


def _spell(parts: list[str], words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each part of a short form with the run of ``words`` its letters are the initials
    of, the parts' runs following one another with at most a "và" between two: the
    first such run, or nothing."""
    for i in range(len(words)):
        spelled, j = {}, i
        for n, part in enumerate(parts):
            if n and j < len(words) and words[j] == "va" and part[:1] != "v":
                j += 1
            run = words[j : j + len(part)]
            if len(run) < len(part) or any(
                word[:1] != ch for word, ch in zip(run, part, strict=True)
            ):
                break
            spelled[part] = run
            j += len(part)
        else:
            return spelled
    return {}


# A quarter ("QIII") or a Roman numeral ("II", "XIV") in capitals is a time or a number, no
# short form of a thing.
_NOT_SHORT_FORM = re.compile(r"^(?:Q(?:I{1,3}|IV)|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))$")
# Of the short forms spelled out by a table, the share of its words the other task must say
# for it to say the thing in full.
_SPELLED_SHARE = 0.75


def _short_forms_unaccounted(a: TaskParts, b: TaskParts) -> float:
    """The share of a side's written words that are short forms the other task does not
    account for, the larger side's (issue [S] #20, t-fa2). A short form ("CSDL", "TKX",
    "GCN", "KH&CN": two capitals at least, no digit; not a quarter, a Roman numeral or a
    document's symbol after "/") names what the work is on, its body or its place. A task
    that is the same work either writes that short form too or says it in full: three in
    four of the words a table spells it out in, or a run whose initials spell it
    (``_acronyms``). One the other task does not account for names something that task
    does not say: "CSDL TKX học đường: BV Mắt TW tiếp nhận KQ khám mắt HS …" / "… cơ sở
    dữ liệu người bệnh glôcôm …", where the short forms hide another object (the largest
    group of false alarms held out, docs/overlap.md "t-fa"). A share, not a count: a title
    written mostly in short forms says most of what it is in them, while a long title in
    full with one "UBND" or "mã QR" the other task does not write says little by it (the
    count held out 0.841 / 0.763, the share 0.845 / 0.767; t-fa2)."""
    return max(_unaccounted_share(a, b), _unaccounted_share(b, a))


def _unaccounted_share(a: TaskParts, b: TaskParts) -> float:
    if not (a.text and b.text and a.text.written):
        return 0.0
    text = a.text
    expansions: dict[int, list[str]] = {}
    for word, origin in zip(text.words, text.origin, strict=True):
        expansions.setdefault(origin, []).append(word)
    written_b = {fold_text(word.text) for word in b.text.written}
    words_b = set(b.text.words)
    acronyms = None
    unaccounted = 0
    for i, written in enumerate(text.written):
        token = written.text
        if (
            sum(ch.isupper() for ch in token) < 2
            or any(ch.isdigit() for ch in token)
            or "_" in token
            or _NOT_SHORT_FORM.match(token)
            or text.original[max(0, written.start - 1) : written.start] == "/"
        ):
            continue
        folded = fold_text(token)
        if folded in written_b:
            continue
        expansion = expansions.get(i, [])
        if expansion and expansion != [folded]:
            said = sum(word in words_b for word in expansion)
            if said >= _SPELLED_SHARE * len(expansion):
                continue
        if acronyms is None:
            acronyms = _acronyms(a, b)
        parts = [part for part in _JOINED.split(folded) if part]
        if parts and all(part in acronyms for part in parts):
            continue
        unaccounted += 1
    return unaccounted / len(text.written)


def _vocabulary(a: TaskParts, b: TaskParts) -> set[str]:
    """The words task ``a`` says, its short forms spelled out as task ``b`` writes them."""
    if not a.text:
        return set()
    words = set(a.text.words)
    for spelled in _acronyms(a, b).values():
        words.update(spelled)
    return words


def _spelled_out(words: frozenset[str], a: TaskParts, b: TaskParts) -> frozenset[str]:
    acronyms = _acronyms(a, b)
    if not acronyms or not words & acronyms.keys():
        return words
    return frozenset(spelled for word in words for spelled in acronyms.get(word, (word,)))


# Words for one thing that tasks use in turn: training is "đào tạo", "bồi dưỡng" or
# "tập huấn".
_SYNONYMS: dict[frozenset[str], frozenset[str]] = {
    frozenset({"boi", "duong"}): frozenset({"dao", "tao"}),
    frozenset({"tap", "huan"}): frozenset({"dao", "tao"}),
    frozenset({"thu", "tuc", "hanh", "chinh"}): frozenset({"dich", "vu", "cong"}),
}


def _canonical(words: frozenset[str]) -> frozenset[str]:
    for synonym, canonical in _SYNONYMS.items():
        if synonym <= words:
            words = (words - synonym) | canonical
    return words


# "cấp …" of the work itself (a province-grade research task), folded → written.
_GRADES = {
    "tinh": "cấp tỉnh",
    "xa": "cấp xã",
    "co so": "cấp cơ sở",
    "bo": "cấp bộ",
    "quoc": "cấp quốc gia",
    "huyen": "cấp huyện",
}


def _grades(text: MatchText) -> frozenset[str]:
    """What "cấp …" a task names of its object ("nhiệm vụ cấp tỉnh" / "cấp cơ sở")."""
    words = text.words
    return frozenset(
        " ".join(words[i + 1 : i + 3]) if words[i + 1 : i + 3] == ("co", "so") else words[i + 1]
        for i in range(len(words) - 1)
        if words[i] == "cap"
        and words[i + 1] in {"tinh", "xa", "co", "bo", "quoc", "huyen"}
        and (words[i + 1] != "co" or words[i + 2 : i + 3] == ("so",))
    )


def level_differ(level: str, other: str) -> str:
    """ "khác cấp: tỉnh / xã"."""
    return _("khác cấp: %(a)s / %(b)s") % {"a": level, "b": other}


def _period(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def _one_sided(a: TaskParts, b: TaskParts) -> tuple[frozenset[str], frozenset[str]]:
    """The words each task writes that the other does not (issue [S] #20, t-lex): its
    content syllables the other task does not say (its short forms spelled out as the
    other writes them, ``_spelled_words``), and its pairs of adjacent content syllables the
    other does not write side by side where one of the two at least is unsaid there
    ("dan_cu", "bao_hiem"). Which work two tasks are turns on these words: one template
    on another object differs in them ("… CSDL về **dân cư**" / "… về **bảo hiểm**"), a
    rewording in words that say nothing of the work ("xong trước", "qua mạng"). What each
    such word says is learned from the labelled pairs (``learning.get_lexicon``): how
    often a pair where it is on one side only is different work. Syllables, and pairs of
    them for the words of two syllables Vietnamese writes most ("bảo hiểm", "dân cư"):
    held out at the bar 0.55 (prototype), the syllables alone 0.875 / 0.768, with the
    pairs 0.881 / 0.769 (t-lex)."""
    if not (a.text and b.text and a.text.words and b.text.words):
        return frozenset(), frozenset()
    words_a, _common_a = _spelled_words(a, b)
    words_b, _common_b = _spelled_words(b, a)
    said_a = _vocabulary(a, b) | set(words_a)
    said_b = _vocabulary(b, a) | set(words_b)
    return (
        _unsaid_words(words_a, said_b, words_b),
        _unsaid_words(words_b, said_a, words_a),
    )


def _unsaid_words(words: tuple[str, ...], said: set[str], other: tuple[str, ...]) -> frozenset[str]:
    """``words``' content syllables not in ``said``, and its pairs of adjacent content
    syllables ``other`` does not write side by side, one of them at least not in ``said``
    (joined by "_")."""
    alone = {word for word in words if _says_content(word) and word not in said}
    beside = set(pairwise(other))
    pairs = {
        f"{x}_{y}"
        for x, y in pairwise(words)
        if _says_content(x)
        and _says_content(y)
        and (x, y) not in beside
        and (x not in said or y not in said)
    }
    return frozenset(alone | pairs)
