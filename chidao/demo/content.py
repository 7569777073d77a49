"""The demo's content: two provincial steering committees carrying out Resolution 57-NQ/TW.

Sources (copied here; the project never reads them at run time):

* The Nam Định committee as Báo Nam Định reported its first meeting (20/3/2025): its
  leaders, Decision 1407-QĐ/TU, Programme 54-CTr/TU of 24/02/2025 and the provincial
  People's Committee plan of 21/02/2025, which the article writes "29/UBND-KH".
* The Long An committee's meeting of 27/3/2025 (Nguyễn Văn Quyết, Nguyễn Minh Hải).
* Tasks adapted to a province from Appendix II, and indicators from Appendix I, of the
  Government's action programme (Resolution 03/NQ-CP, 2025) for Resolution 57.

Every person not named in the articles is invented, with a name no one bears ("Nguyễn
Văn Demo", "Trần Thị Mẫu"). Document numbers marked "số hiệu minh họa", and the numbers
of outputs (decisions, plans, reports) that tasks produce, are invented too.

Dates: deadline phrases are templates relative to the load day, and other dates are days
before it (see ``timeline``); a task's ``story`` says what happens to it (``stories``).
"""

from datetime import date

from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.demo.records import (
    AccountRow,
    CommitteeRow,
    DocumentRow,
    IndicatorRow,
    MemberRow,
    PersonRow,
    TaskRow,
    UnitRow,
)
from chidao.demo.stories import (
    Cancelled,
    Extension,
    InProgress,
    Late,
    Ongoing,
    OnTime,
    Overdue,
    Paused,
    ReturnedClaim,
)
from chidao.indicators.choices import Direction, IndicatorLevel, Rollup, ValueType
from chidao.org.choices import UnitKind

DEMO_PASSWORD = "ChiDao@Demo2025"
SITE_URL = "http://127.0.0.1:8000/"
# The unit whose values are the province's own (observations, as the People's Committee
# reports them); communes report theirs under their own units.
PROVINCE_UNIT = "ND-UBND"

# The committee whose presence means the demo is already loaded.
NAM_DINH_COMMITTEE = (
    "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Nam Định"
)

# The seven groups of tasks and solutions of Resolution 57-NQ/TW, section III.
TASK_GROUPS = (
    (
        "I",
        "Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh "
        "mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong toàn xã hội "
        "về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    (
        "II",
        "Khẩn trương, quyết liệt hoàn thiện thể chế; xoá bỏ mọi tư tưởng, quan niệm, rào "
        "cản đang cản trở sự phát triển; đưa thể chế thành một lợi thế cạnh tranh trong phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    ),
    (
        "III",
        "Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và "
        "chuyển đổi số quốc gia",
    ),
    (
        "IV",
        "Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài đáp ứng yêu cầu phát triển "
        "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    (
        "V",
        "Đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo trong hoạt "
        "động của các cơ quan trong hệ thống chính trị; nâng cao hiệu quả quản trị quốc gia, "
        "hiệu lực quản lý nhà nước trên các lĩnh vực, bảo đảm quốc phòng và an ninh",
    ),
    (
        "VI",
        "Thúc đẩy mạnh mẽ hoạt động khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
        "trong doanh nghiệp",
    ),
    (
        "VII",
        "Tăng cường hợp tác quốc tế trong phát triển khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số",
    ),
)

# What a unit writes in a report when the task row gives no words of its own.
STOCK_NOTES = {
    "start": (
        "Đã giao phòng chuyên môn chủ trì; xây dựng đề cương, kế hoạch chi tiết và phân "
        "công cán bộ thực hiện."
    ),
    "draft": (
        "Đã hoàn thành dự thảo, gửi lấy ý kiến các sở, ngành, UBND các xã, phường và đăng "
        "tải trên Cổng thông tin điện tử tỉnh để lấy ý kiến rộng rãi."
    ),
    "final": (
        "Đã tổng hợp, tiếp thu, giải trình ý kiến góp ý; hoàn thiện hồ sơ trình cấp có "
        "thẩm quyền xem xét, ban hành."
    ),
    "done": "Đã hoàn thành; sản phẩm đã được ban hành và gửi các cơ quan, đơn vị thực hiện.",
    "ongoing": (
        "Triển khai thường xuyên theo kế hoạch; kết quả trong kỳ đã được tổng hợp trong báo "
        "cáo định kỳ gửi Thường trực Ban Chỉ đạo."
    ),
    "late": (
        "Nội dung phức tạp, phải lấy ý kiến nhiều cơ quan nên tiến độ chậm so với thời hạn "
        "được giao."
    ),
}

# --- Units --------------------------------------------------------------------------------

COMMUNES = ("ND-PNAMDINH", "ND-XHAIHAU", "ND-XGIAOTHUY", "ND-XXUANTRUONG", "ND-XNGHIAHUNG")

D, P, C = UnitKind.DEPARTMENT, UnitKind.PEOPLES_COMMITTEE, UnitKind.COMMUNE
UNITS = (
    UnitRow("TW-BCT", "Bộ Chính trị", "Bộ Chính trị", UnitKind.CENTRAL_BODY),
    # Nam Định: Party bodies
    UnitRow("ND-TU", "Tỉnh ủy Nam Định", "Tỉnh ủy", UnitKind.PARTY_COMMITTEE),
    UnitRow(
        "ND-BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Nam Định", "Ban TG&DV Tỉnh ủy", D, "ND-TU"
    ),
    UnitRow("ND-BTCTU", "Ban Tổ chức Tỉnh ủy Nam Định", "Ban Tổ chức Tỉnh ủy", D, "ND-TU"),
    UnitRow("ND-BAO", "Báo Nam Định", "Báo Nam Định", UnitKind.OTHER, "ND-TU"),
    # Nam Định: People's Council, People's Committee and its departments
    UnitRow("ND-HDND", "Hội đồng nhân dân tỉnh Nam Định", "HĐND tỉnh", UnitKind.PEOPLES_COUNCIL),
    UnitRow("ND-UBND", "Ủy ban nhân dân tỉnh Nam Định", "UBND tỉnh", P),
    UnitRow(
        "ND-VP", "Văn phòng Ủy ban nhân dân tỉnh Nam Định", "Văn phòng UBND tỉnh", D, "ND-UBND"
    ),
    UnitRow(
        "ND-TTHCC",
        "Trung tâm Phục vụ hành chính công tỉnh Nam Định",
        "Trung tâm PVHCC",
        UnitKind.OTHER,
        "ND-VP",
    ),
    # The one unit whose head approves its reports before the secretariat sees them
    # (lanhdao.khcn's "Báo cáo chờ duyệt"); the committee does not ask it of every unit.
    UnitRow(
        "ND-SKHCN",
        "Sở Khoa học và Công nghệ tỉnh Nam Định",
        "Sở KH&CN",
        D,
        "ND-UBND",
        requires_head_approval=True,
    ),
    UnitRow("ND-STC", "Sở Tài chính tỉnh Nam Định", "Sở Tài chính", D, "ND-UBND"),
    UnitRow("ND-SNV", "Sở Nội vụ tỉnh Nam Định", "Sở Nội vụ", D, "ND-UBND"),
    UnitRow("ND-STP", "Sở Tư pháp tỉnh Nam Định", "Sở Tư pháp", D, "ND-UBND"),
    UnitRow("ND-SGDDT", "Sở Giáo dục và Đào tạo tỉnh Nam Định", "Sở GD&ĐT", D, "ND-UBND"),
    UnitRow("ND-SYT", "Sở Y tế tỉnh Nam Định", "Sở Y tế", D, "ND-UBND"),
    UnitRow("ND-SCT", "Sở Công Thương tỉnh Nam Định", "Sở Công Thương", D, "ND-UBND"),
    UnitRow("ND-SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Nam Định", "Sở NN&MT", D, "ND-UBND"),
    UnitRow("ND-SXD", "Sở Xây dựng tỉnh Nam Định", "Sở Xây dựng", D, "ND-UBND"),
    UnitRow(
        "ND-SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Nam Định",
        "Sở VH-TT-DL",
        D,
        "ND-UBND",
    ),
    UnitRow("ND-CA", "Công an tỉnh Nam Định", "Công an tỉnh", D, "ND-UBND"),
    UnitRow(
        "ND-BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh Nam Định", "Ban QL các KCN", D, "ND-UBND"
    ),
    # Merged in the 2025 reorganisation: kept, inactive, pointing to their successor.
    UnitRow(
        "ND-STTTT",
        "Sở Thông tin và Truyền thông tỉnh Nam Định",
        "Sở TT&TT",
        D,
        "ND-UBND",
        successor="ND-SKHCN",
    ),
    UnitRow(
        "ND-SKHDT",
        "Sở Kế hoạch và Đầu tư tỉnh Nam Định",
        "Sở KH&ĐT",
        D,
        "ND-UBND",
        successor="ND-STC",
    ),
    # Nam Định: a university and the telecom operators
    UnitRow(
        "ND-DHSPKT",
        "Trường Đại học Sư phạm Kỹ thuật Nam Định",
        "Trường ĐH SPKT Nam Định",
        UnitKind.INSTITUTE,
    ),
    UnitRow("ND-VNPT", "Viễn thông Nam Định (VNPT Nam Định)", "VNPT Nam Định", UnitKind.ENTERPRISE),
    UnitRow("ND-VIETTEL", "Viettel Nam Định", "Viettel Nam Định", UnitKind.ENTERPRISE),
    # Nam Định: communes and wards (no district level since 1/7/2025)
    UnitRow("ND-PNAMDINH", "Ủy ban nhân dân phường Nam Định", "UBND phường Nam Định", C, "ND-UBND"),
    UnitRow("ND-XHAIHAU", "Ủy ban nhân dân xã Hải Hậu", "UBND xã Hải Hậu", C, "ND-UBND"),
    UnitRow("ND-XGIAOTHUY", "Ủy ban nhân dân xã Giao Thủy", "UBND xã Giao Thủy", C, "ND-UBND"),
    UnitRow(
        "ND-XXUANTRUONG", "Ủy ban nhân dân xã Xuân Trường", "UBND xã Xuân Trường", C, "ND-UBND"
    ),
    UnitRow("ND-XNGHIAHUNG", "Ủy ban nhân dân xã Nghĩa Hưng", "UBND xã Nghĩa Hưng", C, "ND-UBND"),
    # Long An
    UnitRow("LA-TU", "Tỉnh ủy Long An", "Tỉnh ủy Long An", UnitKind.PARTY_COMMITTEE),
    UnitRow("LA-BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Long An", "Ban TG&DV (LA)", D, "LA-TU"),
    UnitRow("LA-UBND", "Ủy ban nhân dân tỉnh Long An", "UBND tỉnh Long An", P),
    UnitRow("LA-VP", "Văn phòng Ủy ban nhân dân tỉnh Long An", "Văn phòng UBND (LA)", D, "LA-UBND"),
    UnitRow("LA-SKHCN", "Sở Khoa học và Công nghệ tỉnh Long An", "Sở KH&CN (LA)", D, "LA-UBND"),
    UnitRow("LA-SNV", "Sở Nội vụ tỉnh Long An", "Sở Nội vụ (LA)", D, "LA-UBND"),
    UnitRow("LA-STC", "Sở Tài chính tỉnh Long An", "Sở Tài chính (LA)", D, "LA-UBND"),
    UnitRow("LA-SCT", "Sở Công Thương tỉnh Long An", "Sở Công Thương (LA)", D, "LA-UBND"),
)

# --- People and accounts ----------------------------------------------------------------

PEOPLE = (
    # Named in the articles
    PersonRow("Đặng Khánh Toàn", "Bí thư Tỉnh ủy", "ND-TU"),
    PersonRow(
        "Lê Quốc Chỉnh",
        "Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn Đoàn đại biểu Quốc hội tỉnh, "
        "Chủ tịch HĐND tỉnh",
        "ND-HDND",
    ),
    PersonRow("Phạm Đình Nghị", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "ND-UBND"),
    PersonRow("Nguyễn Văn Quyết", "Bí thư Tỉnh ủy", "LA-TU"),
    PersonRow("Nguyễn Minh Hải", "Giám đốc Sở Khoa học và Công nghệ", "LA-SKHCN", True),
    # Invented: the demo accounts
    PersonRow("Nguyễn Văn Demo", "Chuyên viên quản trị hệ thống", "ND-SKHCN"),
    PersonRow("Trần Thị Mẫu", "Chuyên viên Sở Khoa học và Công nghệ, Tổ giúp việc", "ND-SKHCN"),
    PersonRow("Đỗ Văn Thí Điểm", "Phó Chủ tịch UBND tỉnh", "ND-UBND"),
    PersonRow(
        "Phạm Thị Minh Họa",
        "Chuyên viên Phòng Chuyển đổi số, Sở Khoa học và Công nghệ",
        "ND-SKHCN",
        is_focal=True,
    ),
    PersonRow(
        "Hoàng Văn Ví Dụ",
        "Chuyên viên Phòng Tài chính đầu tư, Sở Tài chính",
        "ND-STC",
        is_focal=True,
    ),
    PersonRow("Vũ Thị Giả Định", "Phó Giám đốc Sở Khoa học và Công nghệ", "ND-SKHCN", True),
    # Invented: committee members and the support team
    PersonRow("Lê Văn Thử", "Giám đốc Sở Khoa học và Công nghệ", "ND-SKHCN", True),
    PersonRow("Đặng Văn Kiểm Thử", "Giám đốc Sở Tài chính", "ND-STC", True),
    PersonRow("Bùi Thị Mô Phỏng", "Giám đốc Sở Nội vụ", "ND-SNV", True),
    PersonRow("Lý Thị Thử Nghiệm", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", "ND-BTGDV", True),
    PersonRow("Dương Văn Mô Hình", "Chánh Văn phòng UBND tỉnh", "ND-VP", True),
    PersonRow("Hồ Văn Phác Thảo", "Giám đốc Công an tỉnh", "ND-CA", True),
    PersonRow("Ngô Thị Tạm", "Giám đốc Sở Giáo dục và Đào tạo", "ND-SGDDT", True),
    PersonRow("Mai Văn Sơ Bộ", "Phó Chánh Văn phòng Tỉnh ủy, Tổ giúp việc", "ND-TU"),
    # Invented: focal persons (cán bộ đầu mối) who report for their units
    PersonRow("Trịnh Thị Nháp", "Chuyên viên Ban Tuyên giáo và Dân vận", "ND-BTGDV", is_focal=True),
    PersonRow("Cao Văn Dàn Ý", "Chuyên viên Ban Tổ chức Tỉnh ủy", "ND-BTCTU", is_focal=True),
    PersonRow("Châu Văn Minh Chứng", "Phóng viên Báo Nam Định", "ND-BAO", is_focal=True),
    PersonRow("Mai Thị Dự Thảo", "Chuyên viên Văn phòng UBND tỉnh", "ND-VP", is_focal=True),
    PersonRow(
        "Tạ Văn Giả Lập", "Viên chức Trung tâm Phục vụ hành chính công", "ND-TTHCC", is_focal=True
    ),
    PersonRow("Đinh Thị Bản Mẫu", "Chuyên viên Sở Nội vụ", "ND-SNV", is_focal=True),
    PersonRow("Lương Văn Giả Sử", "Chuyên viên Sở Tư pháp", "ND-STP", is_focal=True),
    PersonRow("Phan Thị Tạm Tính", "Chuyên viên Sở Giáo dục và Đào tạo", "ND-SGDDT", is_focal=True),
    PersonRow("Kiều Văn Ước Lệ", "Chuyên viên Sở Y tế", "ND-SYT", is_focal=True),
    PersonRow("Tô Thị Tượng Trưng", "Chuyên viên Sở Công Thương", "ND-SCT", is_focal=True),
    PersonRow(
        "Lại Văn Phỏng Định", "Chuyên viên Sở Nông nghiệp và Môi trường", "ND-SNNMT", is_focal=True
    ),
    PersonRow("Hà Thị Sơ Thảo", "Chuyên viên Sở Xây dựng", "ND-SXD", is_focal=True),
    PersonRow(
        "Quách Văn Phương Án",
        "Chuyên viên Sở Văn hóa, Thể thao và Du lịch",
        "ND-SVHTTDL",
        is_focal=True,
    ),
    PersonRow(
        "Triệu Văn Mẫu Số", "Cán bộ Phòng An ninh mạng, Công an tỉnh", "ND-CA", is_focal=True
    ),
    PersonRow(
        "Lâm Thị Khung Mẫu",
        "Chuyên viên Ban Quản lý các khu công nghiệp",
        "ND-BQLKCN",
        is_focal=True,
    ),
    PersonRow(
        "Mạc Thị Đề Cương",
        "Trưởng phòng Khoa học công nghệ, Trường ĐH SPKT",
        "ND-DHSPKT",
        is_focal=True,
    ),
    # Invented: communes and wards
    PersonRow("Nghiêm Văn Mẫu Một", "Bí thư Đảng ủy phường Nam Định", "ND-PNAMDINH"),
    PersonRow("Thân Thị Mẫu Hai", "Chủ tịch UBND phường Nam Định", "ND-PNAMDINH", True),
    PersonRow(
        "Doãn Thị Mô Tả", "Công chức Văn phòng HĐND và UBND phường", "ND-PNAMDINH", is_focal=True
    ),
    PersonRow("Ứng Văn Thử Một", "Bí thư Đảng ủy xã Hải Hậu", "ND-XHAIHAU"),
    PersonRow("Giáp Thị Thử Hai", "Chủ tịch UBND xã Hải Hậu", "ND-XHAIHAU", True),
    PersonRow(
        "Khúc Văn Thí Dụ", "Công chức Văn phòng HĐND và UBND xã", "ND-XHAIHAU", is_focal=True
    ),
    PersonRow("La Văn Nháp Một", "Bí thư Đảng ủy xã Giao Thủy", "ND-XGIAOTHUY"),
    PersonRow("Đàm Thị Nháp Hai", "Chủ tịch UBND xã Giao Thủy", "ND-XGIAOTHUY", True),
    PersonRow(
        "Lều Thị Giả Thiết", "Công chức Văn phòng HĐND và UBND xã", "ND-XGIAOTHUY", is_focal=True
    ),
    PersonRow(
        "Bạch Văn Số Liệu",
        "Công chức Văn hóa - Xã hội xã Xuân Trường",
        "ND-XXUANTRUONG",
        is_focal=True,
    ),
    PersonRow(
        "Giang Thị Bảng Biểu",
        "Công chức Văn hóa - Xã hội xã Nghĩa Hưng",
        "ND-XNGHIAHUNG",
        is_focal=True,
    ),
    # Invented: Long An
    PersonRow(
        "Phan Thị Kịch Bản",
        "Chuyên viên Sở Khoa học và Công nghệ, Tổ giúp việc",
        "LA-SKHCN",
        is_focal=True,
    ),
    PersonRow(
        "Từ Văn Kế Hoạch", "Chuyên viên Ban Tuyên giáo và Dân vận", "LA-BTGDV", is_focal=True
    ),
    PersonRow("Võ Thị Lấy Mẫu", "Chuyên viên Sở Nội vụ", "LA-SNV", is_focal=True),
    PersonRow("Huỳnh Văn Giả Thuyết", "Chuyên viên Sở Tài chính", "LA-STC", is_focal=True),
    PersonRow("Trương Thị Thử Việc", "Chuyên viên Sở Công Thương", "LA-SCT", is_focal=True),
    PersonRow("Lưu Văn Sơ Đồ", "Chuyên viên Văn phòng UBND tỉnh", "LA-VP", is_focal=True),
)

# One account per role. Focal persons without a row here get an account that cannot sign
# in (no usable password), named after their unit's code, to sign their unit's reports.
ACCOUNTS = (
    AccountRow("admin", "Quản trị hệ thống", "Nguyễn Văn Demo", is_superuser=True, is_staff=True),
    AccountRow("thuongtruc", "Thường trực BCĐ (Tổ giúp việc)", "Trần Thị Mẫu", is_staff=True),
    AccountRow("lanhdao", "Lãnh đạo, thành viên BCĐ", "Đỗ Văn Thí Điểm"),
    AccountRow("canbo.khcn", "Cán bộ đầu mối", "Phạm Thị Minh Họa"),
    AccountRow("canbo.taichinh", "Cán bộ đầu mối", "Hoàng Văn Ví Dụ"),
    AccountRow("lanhdao.khcn", "Lãnh đạo đơn vị", "Vũ Thị Giả Định"),
)

# --- Documents ----------------------------------------------------------------------------

# Whose account registers the documents (the person of an account in ACCOUNTS).
DOCUMENT_REGISTRAR = "Trần Thị Mẫu"

DOCUMENTS = (
    DocumentRow(
        "nq57",
        "57-NQ/TW",
        "TW-BCT",
        date(2024, 12, 22),
        "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        signer="Tô Lâm",
    ),
    DocumentRow(
        "ctr54",
        "54-CTr/TU",
        "ND-TU",
        date(2025, 2, 24),
        "Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW "
        "ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới "
        "sáng tạo và chuyển đổi số quốc gia",
        implements="nq57",
    ),
    # The article writes "29/UBND-KH"; the parser puts it in Decree 30 order and says so.
    # Dated before the programme it implements, as the article dates both.
    DocumentRow(
        "kh29",
        "29/UBND-KH",
        "ND-UBND",
        date(2025, 2, 21),
        "Kế hoạch thực hiện Chương trình hành động số 54-CTr/TU của Ban Thường vụ Tỉnh ủy "
        "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        implements="ctr54",
    ),
    # The article gives no date; early March 2025 is assumed (the first meeting was 20/3).
    DocumentRow(
        "qd1407",
        "1407-QĐ/TU",
        "ND-TU",
        date(2025, 3, 5),
        "Về việc thành lập Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và "
        "chuyển đổi số tỉnh Nam Định",
        implements="nq57",
    ),
    # Commune plans, issued a little before their committees' tasks were assigned.
    DocumentRow(
        "kh-pnamdinh",
        "45/KH-UBND",
        "ND-PNAMDINH",
        -205,
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn phường Nam "
        "Định (số hiệu minh họa)",
        implements="kh29",
    ),
    DocumentRow(
        "kh-haihau",
        "32/KH-UBND",
        "ND-XHAIHAU",
        -204,
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn xã Hải Hậu "
        "(số hiệu minh họa)",
        implements="kh29",
    ),
    DocumentRow(
        "kh-giaothuy",
        "27/KH-UBND",
        "ND-XGIAOTHUY",
        -203,
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn xã Giao "
        "Thủy (số hiệu minh họa)",
        implements="kh29",
    ),
    # Long An: the article names the documents but not their numbers or dates.
    DocumentRow(
        "la-qd",
        "1520-QĐ/TU",
        "LA-TU",
        date(2025, 1, 15),
        "Về việc thành lập Ban Chỉ đạo tỉnh thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính "
        "trị (số hiệu minh họa)",
        implements="nq57",
    ),
    DocumentRow(
        "la-kh",
        "35-KH/TU",
        "LA-TU",
        date(2025, 1, 20),
        "Kế hoạch phổ biến, tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị (số hiệu "
        "minh họa)",
        implements="nq57",
    ),
    DocumentRow(
        "la-ctr",
        "40-CTr/TU",
        "LA-TU",
        date(2025, 2, 10),
        "Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị (số hiệu "
        "minh họa)",
        implements="nq57",
    ),
)

# --- Nam Định: the provincial committee -------------------------------------------------

H, SD, DP, M, ST = (
    MemberRole.HEAD,
    MemberRole.STANDING_DEPUTY,
    MemberRole.DEPUTY,
    MemberRole.MEMBER,
    MemberRole.SUPPORT_TEAM,
)
NAM_DINH_MEMBERS = (
    MemberRow("Đặng Khánh Toàn", H, "Bí thư Tỉnh ủy", "Lãnh đạo, chỉ đạo toàn diện Ban Chỉ đạo"),
    MemberRow(
        "Lê Quốc Chỉnh",
        DP,
        "Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn Đoàn đại biểu Quốc hội tỉnh, "
        "Chủ tịch HĐND tỉnh",
        "Công tác tuyên truyền, tổ chức cán bộ; giám sát việc ban hành cơ chế, chính sách",
        ("ND-BTGDV", "ND-BTCTU", "ND-BAO", "ND-STP"),
    ),
    MemberRow(
        "Phạm Đình Nghị",
        SD,
        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
        "Chỉ đạo UBND tỉnh tổ chức thực hiện; cải cách hành chính, chính quyền số",
        (
            "ND-VP",
            "ND-TTHCC",
            "ND-CA",
            "ND-SNV",
            "ND-SNNMT",
            "ND-SXD",
            "ND-SVHTTDL",
            "ND-PNAMDINH",
        ),
    ),
    MemberRow(
        "Đỗ Văn Thí Điểm",
        DP,
        "Phó Chủ tịch UBND tỉnh",
        "Khoa học, công nghệ, đổi mới sáng tạo; kinh tế số; giáo dục, y tế",
        ("ND-SKHCN", "ND-STC", "ND-SCT", "ND-BQLKCN", "ND-SGDDT", "ND-SYT", "ND-DHSPKT"),
    ),
    MemberRow("Lê Văn Thử", M, "Giám đốc Sở Khoa học và Công nghệ", "Cơ quan thường trực"),
    MemberRow("Đặng Văn Kiểm Thử", M, "Giám đốc Sở Tài chính", "Bố trí nguồn lực"),
    MemberRow("Bùi Thị Mô Phỏng", M, "Giám đốc Sở Nội vụ", "Nhân lực, thi đua, khen thưởng"),
    MemberRow("Lý Thị Thử Nghiệm", M, "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", "Tuyên truyền"),
    MemberRow("Dương Văn Mô Hình", M, "Chánh Văn phòng UBND tỉnh", "Dịch vụ công trực tuyến"),
    MemberRow("Hồ Văn Phác Thảo", M, "Giám đốc Công an tỉnh", "Đề án 06; an ninh mạng"),
    MemberRow("Ngô Thị Tạm", M, "Giám đốc Sở Giáo dục và Đào tạo", "Chuyển đổi số giáo dục"),
    MemberRow("Trần Thị Mẫu", ST, "Chuyên viên Sở Khoa học và Công nghệ", "Theo dõi, tổng hợp"),
    MemberRow("Mai Văn Sơ Bộ", ST, "Phó Chánh Văn phòng Tỉnh ủy", "Theo dõi khối Đảng"),
)

KH = "Kế hoạch của UBND tỉnh"
QD = "Quyết định của UBND tỉnh"
NQ_HDND = "Nghị quyết của HĐND tỉnh"

NAM_DINH_TASKS = (
    # I. Nhận thức
    TaskRow(
        "I.1",
        "Xây dựng, triển khai Kế hoạch tuyên truyền thường xuyên, sâu rộng về Nghị quyết số "
        "57-NQ/TW và Chương trình hành động số 54-CTr/TU trên địa bàn tỉnh",
        "ND-BTGDV",
        ("ND-SVHTTDL", "ND-SKHCN", "ND-BAO"),
        "Kế hoạch",
        "Tháng {M-12}",
        OnTime("Kế hoạch số 15-KH/BTGDVTU", days_early=12),
        is_key=True,
    ),
    TaskRow(
        "I.2",
        "Xây dựng chuyên trang, chuyên mục về khoa học, công nghệ, đổi mới sáng tạo và chuyển "
        "đổi số trên Báo Nam Định, Cổng thông tin điện tử tỉnh và mạng xã hội",
        "ND-BAO",
        ("ND-BTGDV", "ND-SKHCN", "ND-VP"),
        "Chuyên trang, chuyên mục",
        "Thường xuyên",
        Ongoing(),
        note="Trong quý đã đăng 46 tin, bài và 6 phóng sự về chuyển đổi số, đổi mới sáng tạo.",
    ),
    TaskRow(
        "I.3",
        'Triển khai phong trào "Bình dân học vụ số", phổ cập kiến thức, kỹ năng số cho cán '
        "bộ, công chức, viên chức và Nhân dân",
        "ND-SKHCN",
        ("ND-SGDDT", "ND-SNV", *COMMUNES),
        "Kế hoạch; báo cáo kết quả hằng quý",
        "{Y-1} và những năm tiếp theo",
        Ongoing(percent=60),
        is_key=True,
        note="Đã tổ chức 128 lớp phổ cập kỹ năng số tại các xã, phường với hơn 9.000 lượt "
        "người tham gia.",
        difficulty="Một số thôn, xóm chưa có người hướng dẫn đủ kỹ năng.",
    ),
    TaskRow(
        "I.4",
        "Ban hành quy định trách nhiệm người đứng đầu cơ quan, đơn vị trong lãnh đạo, chỉ đạo "
        "triển khai nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "ND-SNV",
        ("ND-SKHCN", "ND-VP"),
        QD,
        "Tháng {M-10}",
        Late("Quyết định số 1286/QĐ-UBND", days_late=26),
        difficulty="Phải chờ hướng dẫn của Bộ Nội vụ về đánh giá cán bộ gắn với kết quả "
        "chuyển đổi số.",
    ),
    TaskRow(
        "I.5",
        "Cụ thể hóa nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
        "trong chương trình, kế hoạch công tác năm của các sở, ngành, UBND các xã, phường",
        "ND-VP",
        ("ND-SKHCN",),
        "Kế hoạch công tác năm",
        "Hằng năm",
        Ongoing(percent=70),
    ),
    TaskRow(
        "I.6",
        "Xây dựng Kế hoạch đào tạo, bồi dưỡng kiến thức về khoa học, công nghệ, đổi mới sáng "
        "tạo và chuyển đổi số cho cán bộ, công chức, viên chức năm {Y}",
        "ND-SNV",
        ("ND-SKHCN", "ND-DHSPKT"),
        KH,
        "Quý {Q-1}",
        OnTime("Kế hoạch số 142/KH-UBND", days_early=15),
    ),
    TaskRow(
        "I.7",
        "Phát động phong trào thi đua đẩy mạnh chuyển đổi số, đổi mới sáng tạo; biểu dương, "
        "khen thưởng kịp thời tổ chức, cá nhân có sáng kiến, cải tiến",
        "ND-SNV",
        ("ND-SKHCN", "ND-BTGDV"),
        "Kế hoạch phát động phong trào thi đua",
        "Tháng {M-2}",
        Overdue(60),
        difficulty="Chưa thống nhất tiêu chí chấm điểm sáng kiến giữa các ngành.",
        proposal="Đề nghị Sở KH&CN hướng dẫn tiêu chí công nhận sáng kiến về chuyển đổi số.",
    ),
    TaskRow(
        "I.8",
        "Tổ chức hội nghị quán triệt, triển khai Nghị quyết số 57-NQ/TW và Chương trình hành "
        "động số 54-CTr/TU đến cán bộ chủ chốt các cấp",
        "ND-BTGDV",
        ("ND-TU", "ND-SKHCN"),
        "Hội nghị được tổ chức; báo cáo kết quả",
        "Tháng {M-13}",
        OnTime("Báo cáo số 08-BC/BTGDVTU", days_early=5),
    ),
    TaskRow(
        "I.9",
        "Tổ chức tọa đàm lấy ý kiến nhà khoa học, chuyên gia trong và ngoài tỉnh về giải pháp "
        "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của tỉnh",
        "ND-SKHCN",
        ("ND-DHSPKT", "ND-BTGDV"),
        "Báo cáo tổng hợp ý kiến",
        "Quý {Q+1}",
        InProgress(40),
        note="Đã gửi thư mời 35 nhà khoa học, chuyên gia; dự kiến tổ chức tọa đàm trong quý.",
    ),
    # II. Thể chế
    TaskRow(
        "II.1",
        "Rà soát văn bản quy phạm pháp luật của tỉnh, đề xuất sửa đổi, bãi bỏ quy định cản "
        "trở phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "ND-STP",
        ("ND-SKHCN", "ND-STC", "ND-SNV"),
        "Báo cáo rà soát",
        "Tháng {M-9}",
        OnTime(
            "Báo cáo số 214/BC-STP",
            days_early=20,
            returned="Báo cáo chưa kèm danh mục văn bản đề xuất sửa đổi, bãi bỏ; đề nghị bổ sung.",
        ),
    ),
    TaskRow(
        "II.2",
        "Xây dựng, trình HĐND tỉnh ban hành Nghị quyết quy định chính sách hỗ trợ hoạt động "
        "khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh",
        "ND-SKHCN",
        ("ND-STC", "ND-STP"),
        NQ_HDND,
        "Tháng {M-1}",
        InProgress(
            75,
            extension=Extension(
                "Tháng {M+1}",
                "Dự thảo đã hoàn thiện; đề nghị trình tại kỳ họp thường lệ gần nhất của HĐND tỉnh.",
                decided=-40,
                note="Đồng ý gia hạn; Sở KH&CN phối hợp Văn phòng UBND tỉnh hoàn thiện hồ sơ.",
            ),
        ),
        is_key=True,
        note="Sở Tư pháp đã thẩm định dự thảo Nghị quyết; đang hoàn thiện hồ sơ trình.",
    ),
    TaskRow(
        "II.3",
        "Ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh theo hướng đơn giản "
        "hóa thủ tục, chấp nhận rủi ro trong nghiên cứu",
        "ND-SKHCN",
        ("ND-STC", "ND-STP"),
        QD,
        "Quý {Q-2}",
        Late("Quyết định số 1598/QĐ-UBND", days_late=25),
    ),
    TaskRow(
        "II.4",
        "Xây dựng cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học và công "
        "nghệ sử dụng ngân sách tỉnh",
        "ND-STC",
        ("ND-SKHCN",),
        QD,
        "{Y}",
        InProgress(50),
    ),
    TaskRow(
        "II.5",
        "Xây dựng chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo, doanh nghiệp công nghệ "
        "số đầu tư trên địa bàn tỉnh",
        "ND-STC",
        ("ND-SKHCN", "ND-SCT", "ND-BQLKCN"),
        NQ_HDND,
        "Quý {Q-1}",
        Overdue(
            45,
            returned_claim=ReturnedClaim(
                "Tờ trình số 112/TTr-STC",
                "Sản phẩm mới là tờ trình; nhiệm vụ hoàn thành khi Nghị quyết được HĐND tỉnh "
                "thông qua.",
                days_ago=30,
            ),
        ),
        difficulty="Nguồn ngân sách hỗ trợ chưa cân đối được trong kế hoạch tài chính 05 năm.",
        proposal="Đề nghị UBND tỉnh cho ý kiến về mức hỗ trợ tối đa đối với mỗi doanh nghiệp.",
    ),
    TaskRow(
        "II.6",
        "Rà soát, điều chỉnh quy trình nội bộ giải quyết thủ tục hành chính để sử dụng giấy tờ "
        "điện tử tích hợp trên tài khoản định danh điện tử thay thế giấy tờ giấy",
        "ND-VP",
        ("ND-CA", "ND-TTHCC"),
        "Quyết định phê duyệt quy trình nội bộ",
        "Tháng {M-5}",
        OnTime("Quyết định số 905/QĐ-UBND", days_early=16),
    ),
    TaskRow(
        "II.7",
        "Xây dựng Đề án thí điểm cơ chế thử nghiệm có kiểm soát đối với sản phẩm, dịch vụ, mô "
        "hình kinh doanh công nghệ mới trên địa bàn tỉnh",
        "ND-SKHCN",
        ("ND-STP",),
        "Đề án",
        "{Y}",
        Cancelled(
            150,
            "Cơ chế thử nghiệm có kiểm soát do Trung ương quy định thống nhất; tỉnh dừng xây "
            "dựng đề án riêng, thực hiện theo hướng dẫn của Bộ Khoa học và Công nghệ.",
        ),
    ),
    TaskRow(
        "II.8",
        "Ban hành định mức kinh tế - kỹ thuật, đơn giá thuê dịch vụ công nghệ thông tin, dịch "
        "vụ chuyển đổi số của tỉnh",
        "ND-STC",
        ("ND-SKHCN",),
        QD,
        "Tháng {M+2}",
        InProgress(30),
    ),
    TaskRow(
        "II.9",
        "Xây dựng cơ chế đặt hàng, giao nhiệm vụ khoa học và công nghệ cho trường đại học, viện "
        "nghiên cứu, doanh nghiệp giải quyết các bài toán của tỉnh",
        "ND-SKHCN",
        ("ND-STC", "ND-DHSPKT"),
        QD,
        "Tháng {M-7}",
        OnTime("Quyết định số 1120/QĐ-UBND", days_early=5),
    ),
    # III. Hạ tầng
    TaskRow(
        "III.1",
        "Xây dựng Kế hoạch phát triển hạ tầng số tỉnh Nam Định giai đoạn 2026 - 2030",
        "ND-SKHCN",
        ("ND-VNPT", "ND-VIETTEL", "ND-SXD"),
        KH,
        "Tháng {M-8}",
        Late("Kế hoạch số 176/KH-UBND", days_late=35),
        difficulty="Chờ các doanh nghiệp viễn thông cung cấp số liệu quy hoạch trạm phát sóng.",
    ),
    TaskRow(
        "III.2",
        "Triển khai hạ tầng 5G, IoT tại các khu công nghiệp, cụm công nghiệp",
        "ND-BQLKCN",
        ("ND-VIETTEL", "ND-VNPT", "ND-SCT"),
        "Báo cáo kết quả phủ sóng",
        "{Y} - {Y+1}",
        InProgress(35),
        note="Đã phủ sóng 5G tại 3/7 khu công nghiệp; đang khảo sát các cụm công nghiệp.",
    ),
    TaskRow(
        "III.3",
        "Hoàn thành kéo cáp quang đến 100% thôn, tổ dân phố; xóa vùng lõm sóng di động",
        "ND-SKHCN",
        ("ND-VNPT", "ND-VIETTEL", *COMMUNES),
        "Báo cáo kết quả",
        "{Y}",
        InProgress(80),
        is_key=True,
        note="Đã có cáp quang đến 97,6% thôn, tổ dân phố; còn 23 điểm lõm sóng ven biển.",
        indicators=("CĐS-06", "CĐS-07"),
    ),
    TaskRow(
        "III.4",
        "Nâng cấp Trung tâm dữ liệu tỉnh, di chuyển các hệ thống thông tin lên hạ tầng điện "
        "toán đám mây",
        "ND-SKHCN",
        ("ND-STC", "ND-VNPT"),
        "Trung tâm dữ liệu được nâng cấp, đưa vào sử dụng",
        "Quý {Q-2}",
        Overdue(70),
        note="Đã lắp đặt xong thiết bị lưu trữ; đang di chuyển 14/22 hệ thống thông tin.",
        difficulty="Thủ tục thẩm định giá thiết bị kéo dài; vốn đầu tư công bố trí chậm.",
        proposal="Đề nghị Sở Tài chính ưu tiên giải ngân vốn cho dự án trong quý tới.",
    ),
    TaskRow(
        "III.5",
        "Xây dựng, đưa vào vận hành Trung tâm giám sát, điều hành thông minh (IOC) cấp tỉnh",
        "ND-SKHCN",
        ("ND-VP", "ND-CA"),
        "Trung tâm IOC đi vào vận hành",
        "Tháng {M-4}",
        OnTime("Quyết định số 2034/QĐ-UBND", days_early=10),
        is_key=True,
    ),
    TaskRow(
        "III.6",
        "Bố trí tối thiểu 3% tổng chi ngân sách địa phương hằng năm cho phát triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "ND-STC",
        ("ND-SKHCN",),
        "Dự toán ngân sách được giao",
        "Hằng năm",
        Ongoing(percent=40),
        is_key=True,
        note="Dự toán năm đạt 2,1% tổng chi ngân sách địa phương.",
        difficulty="Nguồn thu ngân sách khó khăn, chưa bố trí đủ tỷ lệ 3%.",
        indicators=("KHCN-01",),
    ),
    TaskRow(
        "III.7",
        "Xây dựng, đưa vào khai thác cơ sở dữ liệu đất đai tỉnh, kết nối với cơ sở dữ liệu "
        "quốc gia về đất đai",
        "ND-SNNMT",
        ("ND-CA", "ND-SKHCN"),
        "Cơ sở dữ liệu đất đai",
        "{D-9}",
        Overdue(85),
        note="Đã số hóa 92% hồ sơ địa chính; đang kiểm tra, nghiệm thu dữ liệu.",
    ),
    TaskRow(
        "III.8",
        "Xây dựng nền tảng số giám sát, thu thập dữ liệu quan trắc môi trường, cảnh báo thiên "
        "tai vùng ven biển",
        "ND-SNNMT",
        ("ND-SKHCN", "ND-XGIAOTHUY", "ND-XHAIHAU"),
        "Nền tảng số được triển khai",
        "Quý {Q+2}",
        InProgress(25),
    ),
    TaskRow(
        "III.9",
        "Xây dựng Đề án đô thị thông minh phường Nam Định",
        "ND-PNAMDINH",
        ("ND-SXD", "ND-SKHCN"),
        "Đề án được phê duyệt",
        "{Y+1}",
        Paused(75, "Chờ điều chỉnh quy hoạch chung sau sắp xếp đơn vị hành chính.", percent=15),
    ),
    TaskRow(
        "III.10",
        "Đầu tư phòng thí nghiệm dùng chung phục vụ nghiên cứu, thử nghiệm, kiểm định sản phẩm "
        "công nghệ của tỉnh",
        "ND-SKHCN",
        ("ND-DHSPKT", "ND-STC"),
        "Dự án được phê duyệt chủ trương đầu tư",
        "{Y} - {Y+1}",
        InProgress(20),
    ),
    TaskRow(
        "III.11",
        "Kết nối Hệ thống thông tin giải quyết thủ tục hành chính tỉnh với Cơ sở dữ liệu quốc "
        "gia về dân cư",
        "ND-VP",
        ("ND-CA", "ND-SKHCN"),
        "Hoàn thành kết nối",
        "Tháng {M-6}",
        OnTime("Báo cáo số 96/BC-VPUBND", days_early=25),
    ),
    TaskRow(
        "III.12",
        "Xây dựng Kho dữ liệu dùng chung của tỉnh; ban hành danh mục dữ liệu mở",
        "ND-SKHCN",
        ("ND-VP", "ND-STC", "ND-SNNMT"),
        "Quyết định ban hành danh mục dữ liệu mở",
        "{D+5}",
        InProgress(90),
        note="Dự thảo danh mục 58 bộ dữ liệu mở đã trình UBND tỉnh.",
    ),
    # IV. Nhân lực
    TaskRow(
        "IV.1",
        "Xây dựng chính sách thu hút, trọng dụng nhân lực chất lượng cao, chuyên gia trong "
        "lĩnh vực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "ND-SNV",
        ("ND-STC", "ND-SKHCN"),
        NQ_HDND,
        "Tháng {M-3}",
        Overdue(
            80,
            extension=Extension(
                "Tháng {M+3}",
                "Cần thêm thời gian lấy ý kiến Bộ Nội vụ về chế độ đãi ngộ đặc thù.",
                decided=-20,
                approved=False,
                note="Nhiệm vụ trọng tâm; không gia hạn, đề nghị khẩn trương hoàn thiện hồ sơ.",
            ),
        ),
        is_key=True,
        difficulty="Mức hỗ trợ đặc thù vượt khung quy định hiện hành.",
        proposal="Đề nghị Thường trực HĐND tỉnh cho ý kiến về phạm vi đối tượng thu hút.",
    ),
    TaskRow(
        "IV.2",
        "Rà soát, bố trí tỷ lệ phù hợp cán bộ có chuyên môn khoa học kỹ thuật trong đội ngũ "
        "lãnh đạo các cơ quan, đơn vị",
        "ND-BTCTU",
        ("ND-SNV",),
        "Báo cáo rà soát",
        "Thường xuyên",
        Ongoing(),
    ),
    TaskRow(
        "IV.3",
        "Đào tạo, bồi dưỡng kỹ năng số cho 100% cán bộ, công chức cấp xã sau sắp xếp",
        "ND-SNV",
        ("ND-SKHCN", *COMMUNES),
        "Báo cáo kết quả đào tạo",
        "Quý {Q}",
        InProgress(65),
        note="Đã bồi dưỡng 1.240/1.900 cán bộ, công chức cấp xã.",
        assigned_days_ago=150,
    ),
    TaskRow(
        "IV.4",
        "Xây dựng Đề án phát triển Trường Đại học Sư phạm Kỹ thuật Nam Định thành trung tâm "
        "đào tạo nhân lực kỹ thuật số của tỉnh",
        "ND-DHSPKT",
        ("ND-SGDDT", "ND-SNV"),
        "Đề án",
        "Tháng {M-5}",
        Late("Quyết định số 745/QĐ-ĐHSPKTNĐ", days_late=40),
    ),
    TaskRow(
        "IV.5",
        "Đẩy mạnh giáo dục STEM, tin học, trí tuệ nhân tạo trong các cơ sở giáo dục phổ thông",
        "ND-SGDDT",
        ("ND-SKHCN",),
        "Kế hoạch; báo cáo kết quả",
        "{Y-1} và những năm tiếp theo",
        Ongoing(percent=55),
        note="100% trường trung học phổ thông đã tổ chức hoạt động giáo dục STEM.",
    ),
    TaskRow(
        "IV.6",
        "Tuyển dụng, bố trí đủ cán bộ chuyên trách công nghệ thông tin, chuyển đổi số tại các "
        "sở, ngành và UBND cấp xã",
        "ND-SNV",
        (*COMMUNES,),
        "Báo cáo",
        "Tháng {M+3}",
        InProgress(
            40,
            returned="Báo cáo chưa nêu số cán bộ đã tuyển dụng, bố trí theo từng đơn vị; đề nghị "
            "bổ sung biểu số liệu.",
        ),
    ),
    TaskRow(
        "IV.7",
        "Tổ chức Hội thi sáng tạo kỹ thuật tỉnh Nam Định",
        "ND-SKHCN",
        ("ND-SGDDT", "ND-BAO"),
        "Hội thi được tổ chức; quyết định khen thưởng",
        "Tháng {M-4}",
        OnTime("Quyết định số 310/QĐ-SKHCN", days_early=7),
    ),
    TaskRow(
        "IV.8",
        "Đào tạo kỹ năng số cho lao động nông thôn, lao động trong doanh nghiệp nhỏ và vừa",
        "ND-SNV",
        ("ND-SCT", "ND-SNNMT"),
        "Kế hoạch; báo cáo kết quả",
        "{D-2}",
        Overdue(75),
    ),
    # Planted overlap (issue [J]): IV.3 already gives this training to the Department of
    # Home Affairs; the overlaps report lists the pair.
    TaskRow(
        "IV.9",
        "Bồi dưỡng kỹ năng số cho cán bộ, công chức các xã, phường sau sắp xếp",
        "ND-SKHCN",
        ("ND-DHSPKT",),
        "Báo cáo kết quả bồi dưỡng",
        "{Y+1}",
        InProgress(20),
        assigned_days_ago=90,
    ),
    # V. Chuyển đổi số trong hệ thống chính trị
    TaskRow(
        "V.1",
        "Xây dựng Kế hoạch nâng cao chất lượng dịch vụ công trực tuyến toàn trình; cung cấp "
        "dịch vụ công không phụ thuộc địa giới hành chính trong phạm vi tỉnh",
        "ND-VP",
        ("ND-TTHCC", "ND-SKHCN"),
        KH,
        "Tháng {M-11}",
        OnTime("Kế hoạch số 58/KH-UBND", days_early=10),
        is_key=True,
        indicators=("CĐS-01", "CĐS-02"),
    ),
    TaskRow(
        "V.2",
        "Đưa 100% thủ tục hành chính đủ điều kiện lên cung cấp dịch vụ công trực tuyến toàn trình",
        "ND-TTHCC",
        ("ND-VP", "ND-SKHCN"),
        "Báo cáo",
        "{Y}",
        InProgress(85),
        note="Đã cung cấp 1.086/1.270 thủ tục đủ điều kiện dưới dạng toàn trình.",
        indicators=("CĐS-01",),
    ),
    TaskRow(
        "V.3",
        "Triển khai thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công",
        "ND-TTHCC",
        ("ND-STC",),
        "Báo cáo",
        "Thường xuyên",
        Ongoing(),
        indicators=("CĐS-03",),
    ),
    TaskRow(
        "V.4",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực; tái sử dụng dữ liệu "
        "đã số hóa",
        "ND-TTHCC",
        ("ND-STP", "ND-SNNMT"),
        "Kho dữ liệu số hóa",
        "Tháng {M-1}",
        Overdue(70),
        difficulty="Khối lượng hồ sơ lưu trữ lớn; thiếu nhân lực số hóa tại cấp xã.",
    ),
    TaskRow(
        "V.5",
        "Xử lý hồ sơ công việc toàn trình trên môi trường điện tử; liên thông văn bản bốn cấp",
        "ND-VP",
        ("ND-SKHCN",),
        "Báo cáo",
        "Quý {Q-3}",
        OnTime("Báo cáo số 132/BC-VPUBND", days_early=8),
        indicators=("CĐS-09",),
    ),
    TaskRow(
        "V.6",
        "Triển khai hệ thống theo dõi, đôn đốc nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao "
        "trên môi trường điện tử",
        "ND-VP",
        ("ND-SKHCN",),
        "Hệ thống đi vào vận hành",
        "{D+2}",
        InProgress(95),
        note="Đã chạy thử với 12 sở, ngành; đang hoàn thiện báo cáo tổng hợp.",
    ),
    TaskRow(
        "V.7",
        "Ban hành Kiến trúc chính quyền số tỉnh Nam Định phiên bản 4.0",
        "ND-SKHCN",
        ("ND-VP",),
        QD,
        "Quý {Q-2}",
        Late(
            "Quyết định số 1876/QĐ-UBND",
            days_late=20,
            returned="Chưa kèm ý kiến thẩm định của Bộ Khoa học và Công nghệ; đề nghị bổ sung.",
        ),
    ),
    TaskRow(
        "V.8",
        "Triển khai Đề án 06 trong tiếp nhận, giải quyết thủ tục hành chính; khai thác dữ liệu "
        "dân cư, định danh và xác thực điện tử",
        "ND-CA",
        ("ND-VP", "ND-TTHCC"),
        "Báo cáo",
        "{Y-1} và những năm tiếp theo",
        Ongoing(),
    ),
    TaskRow(
        "V.9",
        "Triển khai bệnh án điện tử, sổ sức khỏe điện tử tại các cơ sở khám bệnh, chữa bệnh",
        "ND-SYT",
        ("ND-CA", "ND-SKHCN"),
        "Bệnh án điện tử tại 100% bệnh viện công lập",
        "Quý {Q-2}",
        Overdue(
            80,
            extension=Extension(
                "Tháng {M-1}",
                "Hai bệnh viện đang nâng cấp hạ tầng máy chủ, chưa đủ điều kiện.",
                decided=-100,
                note="Đồng ý gia hạn một lần.",
            ),
        ),
        note="Đã triển khai bệnh án điện tử tại 9/11 bệnh viện công lập.",
        indicators=("CĐS-08",),
    ),
    TaskRow(
        "V.10",
        "Chuyển đổi số trong ngành giáo dục: học bạ số, sổ điểm điện tử, thu học phí không dùng "
        "tiền mặt",
        "ND-SGDDT",
        (),
        "Báo cáo",
        "Tháng {M-3}",
        OnTime("Báo cáo số 401/BC-SGDĐT", days_early=12),
    ),
    TaskRow(
        "V.11",
        "Xây dựng nền tảng du lịch thông minh; số hóa di tích, di sản văn hóa tiêu biểu của tỉnh",
        "ND-SVHTTDL",
        ("ND-SKHCN",),
        "Nền tảng được đưa vào sử dụng",
        "Quý {Q+1}",
        InProgress(45),
        note="Đã số hóa 3D Khu di tích lịch sử văn hóa Đền Trần và 12 di tích cấp quốc gia.",
    ),
    TaskRow(
        "V.12",
        "Xây dựng quy tắc ứng xử trên không gian mạng cho cán bộ, công chức và Nhân dân trên "
        "địa bàn tỉnh",
        "ND-SVHTTDL",
        ("ND-BTGDV", "ND-CA"),
        QD,
        "Tháng {M-6}",
        Cancelled(
            200,
            "Trùng với Bộ quy tắc ứng xử trên mạng xã hội đã ban hành ở Trung ương; các cơ "
            "quan, đơn vị thực hiện theo quy tắc chung.",
        ),
    ),
    TaskRow(
        "V.13",
        "Bảo đảm an toàn, an ninh mạng cho các hệ thống thông tin của tỉnh theo mô hình bốn lớp",
        "ND-CA",
        ("ND-SKHCN",),
        "Báo cáo",
        "Thường xuyên",
        Ongoing(),
    ),
    TaskRow(
        "V.14",
        "Kết nối hệ thống camera giám sát an ninh, trật tự, giao thông với Trung tâm IOC",
        "ND-CA",
        ("ND-SXD", "ND-SKHCN"),
        "Hệ thống camera được kết nối",
        "Tháng {M-1}",
        Overdue(
            60,
            extension=Extension(
                "Quý {Q+1}",
                "Nhà thầu chậm cung cấp thiết bị do thay đổi chủng loại camera.",
                decided=None,
            ),
        ),
    ),
    TaskRow(
        "V.15",
        "Triển khai hệ thống tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp "
        "trên nền tảng số",
        "ND-VP",
        ("ND-TTHCC",),
        "Hệ thống đi vào vận hành",
        "{D+6}",
        InProgress(90),
    ),
    TaskRow(
        "V.16",
        "Xây dựng cơ sở dữ liệu ngành nông nghiệp; cấp mã số vùng trồng, truy xuất nguồn gốc "
        "sản phẩm OCOP",
        "ND-SNNMT",
        ("ND-SCT",),
        "Cơ sở dữ liệu",
        "Tháng {M+4}",
        InProgress(30),
    ),
    TaskRow(
        "V.17",
        "Cấp giấy phép xây dựng trực tuyến; số hóa quản lý kết cấu hạ tầng giao thông",
        "ND-SXD",
        ("ND-SKHCN", "ND-TTHCC"),
        "Báo cáo",
        "{Y-1}",
        Overdue(55),
        difficulty="Dữ liệu quy hoạch chi tiết chưa được số hóa đồng bộ.",
    ),
    # VI. Doanh nghiệp
    TaskRow(
        "VI.1",
        "Xây dựng, triển khai Chương trình hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh "
        "doanh chuyển đổi số",
        "ND-SCT",
        ("ND-SKHCN", "ND-STC"),
        "Chương trình được ban hành",
        "Tháng {M-8}",
        OnTime("Quyết định số 1432/QĐ-UBND", days_early=14),
        is_key=True,
    ),
    TaskRow(
        "VI.2",
        "Công bố danh mục các bài toán lớn về khoa học, công nghệ, đổi mới sáng tạo và chuyển "
        "đổi số của tỉnh để doanh nghiệp, nhà khoa học tham gia giải quyết",
        "ND-SKHCN",
        (),
        "Danh mục được công bố trên Cổng thông tin điện tử tỉnh",
        "Hằng năm",
        Ongoing(),
    ),
    TaskRow(
        "VI.3",
        "Hỗ trợ doanh nghiệp, hợp tác xã đưa sản phẩm OCOP, nông sản lên sàn thương mại điện tử",
        "ND-SCT",
        ("ND-SNNMT", *COMMUNES),
        "Báo cáo",
        "Thường xuyên",
        Ongoing(),
        note="Thêm 84 sản phẩm OCOP lên sàn thương mại điện tử trong quý.",
    ),
    TaskRow(
        "VI.4",
        "Thành lập Trung tâm Đổi mới sáng tạo tỉnh Nam Định",
        "ND-SKHCN",
        ("ND-SNV", "ND-STC"),
        QD,
        "Quý {Q-3}",
        Late("Quyết định số 2210/QĐ-UBND", days_late=30),
    ),
    TaskRow(
        "VI.5",
        "Hỗ trợ doanh nghiệp xác lập quyền sở hữu trí tuệ, đăng ký sáng chế, nhãn hiệu",
        "ND-SKHCN",
        ("ND-SCT",),
        "Báo cáo",
        "{Y} - {Y+1}",
        InProgress(30),
    ),
    TaskRow(
        "VI.6",
        "Thu hút doanh nghiệp công nghệ số đầu tư vào các khu công nghiệp; hình thành khu công "
        "nghệ thông tin tập trung",
        "ND-BQLKCN",
        ("ND-STC", "ND-SKHCN"),
        "Báo cáo",
        "{Y+1}",
        InProgress(20),
    ),
    TaskRow(
        "VI.7",
        "Chứng nhận doanh nghiệp khoa học và công nghệ; hỗ trợ doanh nghiệp đổi mới công nghệ",
        "ND-SKHCN",
        (),
        "Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
        "Thường xuyên",
        Ongoing(),
        indicators=("ĐMST-01",),
    ),
    TaskRow(
        "VI.8",
        "Triển khai nền tảng số hỗ trợ doanh nghiệp xúc tiến thương mại, logistics",
        "ND-SCT",
        (),
        "Nền tảng số",
        "Tháng {M-6}",
        Overdue(50),
        difficulty="Chưa lựa chọn được đơn vị cung cấp nền tảng phù hợp.",
    ),
    TaskRow(
        "VI.9",
        "Xây dựng bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp trên địa bàn tỉnh",
        "ND-SKHCN",
        ("ND-SCT",),
        "Quyết định ban hành Bộ tiêu chí",
        "Quý {Q+1}",
        Paused(40, "Chờ Bộ Khoa học và Công nghệ ban hành bộ tiêu chí quốc gia để thống nhất."),
    ),
    TaskRow(
        "VI.10",
        "Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Nam Định năm {Y}",
        "ND-SKHCN",
        ("ND-DHSPKT", "ND-BAO"),
        "Ngày hội được tổ chức",
        "Quý {Q}",
        InProgress(55),
        assigned_days_ago=150,
    ),
    # Planted overlap (issue [J]): VI.1 gives the same support to the Department of
    # Industry and Trade, in other words and with abbreviations.
    TaskRow(
        "VI.11",
        "Hỗ trợ DNNVV, HTX, hộ kinh doanh chuyển đổi số, đưa hoạt động sản xuất, kinh doanh "
        "lên môi trường số",
        "ND-SKHCN",
        ("ND-SCT",),
        "Báo cáo",
        "Quý {Q+1}",
        InProgress(30),
        assigned_days_ago=120,
    ),
    # VII. Hợp tác quốc tế
    TaskRow(
        "VII.1",
        "Xây dựng cơ sở dữ liệu chuyên gia, nhà khoa học, trí thức người Nam Định trong và "
        "ngoài nước",
        "ND-SKHCN",
        ("ND-SNV", "ND-DHSPKT"),
        "Cơ sở dữ liệu",
        "Tháng {M-5}",
        OnTime("Thông báo số 52/TB-SKHCN", days_early=20),
    ),
    TaskRow(
        "VII.2",
        "Xây dựng Kế hoạch hợp tác quốc tế về khoa học, công nghệ, đổi mới sáng tạo và chuyển "
        "đổi số",
        "ND-VP",
        ("ND-SKHCN", "ND-STC"),
        KH,
        "Quý {Q-3}",
        Overdue(40),
    ),
    TaskRow(
        "VII.3",
        "Hợp tác với tập đoàn công nghệ, trường đại học, viện nghiên cứu trong và ngoài nước; "
        "ký kết thỏa thuận hợp tác",
        "ND-SKHCN",
        ("ND-DHSPKT",),
        "Thỏa thuận hợp tác",
        "Thường xuyên",
        Ongoing(),
    ),
    TaskRow(
        "VII.4",
        "Quảng bá môi trường đầu tư, đổi mới sáng tạo của tỉnh tại các diễn đàn trong nước và "
        "quốc tế",
        "ND-STC",
        ("ND-SCT", "ND-SVHTTDL"),
        "Chương trình xúc tiến đầu tư",
        "Hằng năm",
        Ongoing(),
    ),
    TaskRow(
        "VII.5",
        "Kết nối mạng lưới đổi mới sáng tạo Việt Nam, chuyên gia người Việt Nam ở nước ngoài hỗ "
        "trợ tỉnh",
        "ND-SKHCN",
        (),
        "Báo cáo",
        "{Y}",
        InProgress(50),
    ),
)

NAM_DINH = CommitteeRow(
    key="nam-dinh",
    name=NAM_DINH_COMMITTEE,
    short_name="BCĐ tỉnh Nam Định",
    level=CommitteeLevel.PROVINCE,
    host="ND-TU",
    standing="ND-SKHCN",
    resolution="nq57",
    founding="qd1407",
    secretariat="Trần Thị Mẫu",
    source="kh29",
    assigned_days_ago=420,
    members=NAM_DINH_MEMBERS,
    tasks=NAM_DINH_TASKS,
)

# --- Nam Định: three commune committees (the three-level model) --------------------------


def _commune_committee(
    key: str, place: str, host: str, source: str, people: tuple[str, str, str], tasks
) -> CommitteeRow:
    secretary, chair, officer = people
    return CommitteeRow(
        key=key,
        name="Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi "
        f"số {place}",
        short_name=f"BCĐ {place}",
        level=CommitteeLevel.COMMUNE,
        parent="nam-dinh",
        host=host,
        resolution="nq57",
        secretariat=officer,
        source=source,
        assigned_days_ago=200,
        members=(
            MemberRow(secretary, H, f"Bí thư Đảng ủy {place}"),
            MemberRow(chair, SD, f"Chủ tịch UBND {place}", follows=(host,)),
            MemberRow(officer, ST, "Công chức Văn phòng HĐND và UBND"),
        ),
        tasks=tasks,
    )


COMMUNE_COMMITTEES = (
    _commune_committee(
        "p-nam-dinh",
        "phường Nam Định",
        "ND-PNAMDINH",
        "kh-pnamdinh",
        ("Nghiêm Văn Mẫu Một", "Thân Thị Mẫu Hai", "Doãn Thị Mô Tả"),
        (
            TaskRow(
                "I.1",
                'Triển khai phong trào "Bình dân học vụ số" trên địa bàn phường',
                "ND-PNAMDINH",
                (),
                "Báo cáo kết quả",
                "Thường xuyên",
                Ongoing(),
                parent="I.3",
            ),
            TaskRow(
                "III.1",
                "Rà soát tổ dân phố chưa có cáp quang, điểm lõm sóng di động",
                "ND-PNAMDINH",
                ("ND-VNPT", "ND-VIETTEL"),
                "Báo cáo rà soát",
                "Tháng {M-2}",
                OnTime("Báo cáo số 118/BC-UBND", days_early=6),
                parent="III.3",
            ),
            TaskRow(
                "V.1",
                "Thành lập tổ công nghệ số cộng đồng hướng dẫn người dân sử dụng dịch vụ công "
                "trực tuyến",
                "ND-PNAMDINH",
                (),
                "Quyết định thành lập tổ",
                "{Y}",
                InProgress(70),
                parent="V.2",
            ),
            TaskRow(
                "V.2",
                "Xây dựng Kế hoạch chuyển đổi số phường năm {Y}",
                "ND-PNAMDINH",
                (),
                "Kế hoạch của UBND phường",
                "Quý {Q-2}",
                Late("Kế hoạch số 61/KH-UBND", days_late=15),
            ),
            # Planted overlap (issue [J]): the province's III.9 already asks the ward for it.
            TaskRow(
                "III.2",
                "Xây dựng, triển khai Đề án đô thị thông minh trên địa bàn phường",
                "ND-PNAMDINH",
                (),
                "Đề án",
                "Quý {Q+1}",
                InProgress(25),
            ),
        ),
    ),
    _commune_committee(
        "x-hai-hau",
        "xã Hải Hậu",
        "ND-XHAIHAU",
        "kh-haihau",
        ("Ứng Văn Thử Một", "Giáp Thị Thử Hai", "Khúc Văn Thí Dụ"),
        (
            TaskRow(
                "VI.1",
                "Hỗ trợ hộ sản xuất, hợp tác xã đưa gạo, nông sản OCOP của xã lên sàn thương "
                "mại điện tử",
                "ND-XHAIHAU",
                (),
                "Báo cáo",
                "Thường xuyên",
                Ongoing(),
                parent="VI.3",
            ),
            TaskRow(
                "I.1",
                "Kiện toàn tổ công nghệ số cộng đồng ở 100% thôn, xóm",
                "ND-XHAIHAU",
                (),
                "Quyết định của UBND xã",
                "Tháng {M-4}",
                OnTime("Quyết định số 204/QĐ-UBND", days_early=9),
            ),
            TaskRow(
                "V.1",
                "Số hóa hồ sơ hộ tịch, hồ sơ đất đai lưu trữ tại xã",
                "ND-XHAIHAU",
                (),
                "Dữ liệu số hóa",
                "Tháng {M-1}",
                Overdue(60),
                parent="V.4",
                difficulty="Hồ sơ giấy của các xã cũ trước sắp xếp chưa được bàn giao đầy đủ.",
            ),
            # Planted overlap (issue [J]), typed without diacritics: the province's V.4.
            TaskRow(
                "V.2",
                "So hoa ho so, ket qua giai quyet TTHC con hieu luc tai xa",
                "ND-XHAIHAU",
                (),
                "Du lieu so hoa",
                "{Y+1}",
                InProgress(10),
            ),
            TaskRow(
                "III.1",
                "Lắp đặt wifi công cộng tại trung tâm xã và nhà văn hóa các thôn",
                "ND-XHAIHAU",
                ("ND-VNPT",),
                "Báo cáo",
                "Quý {Q+1}",
                InProgress(35),
                parent="III.3",
            ),
        ),
    ),
    _commune_committee(
        "x-giao-thuy",
        "xã Giao Thủy",
        "ND-XGIAOTHUY",
        "kh-giaothuy",
        ("La Văn Nháp Một", "Đàm Thị Nháp Hai", "Lều Thị Giả Thiết"),
        (
            TaskRow(
                "I.1",
                "Tuyên truyền Nghị quyết số 57-NQ/TW đến cán bộ, đảng viên và Nhân dân trong xã",
                "ND-XGIAOTHUY",
                (),
                "Báo cáo",
                "Tháng {M-6}",
                OnTime("Báo cáo số 75/BC-UBND", days_early=4),
                parent="I.1",
            ),
            TaskRow(
                "V.1",
                "Ứng dụng công nghệ số quảng bá du lịch sinh thái Vườn quốc gia Xuân Thủy",
                "ND-XGIAOTHUY",
                ("ND-SVHTTDL",),
                "Trang thông tin du lịch số",
                "{Y}",
                InProgress(50),
                parent="V.11",
            ),
            TaskRow(
                "V.2",
                "Triển khai thanh toán không dùng tiền mặt tại chợ, trường học, trạm y tế xã",
                "ND-XGIAOTHUY",
                (),
                "Báo cáo",
                "Quý {Q-1}",
                Overdue(65),
            ),
            TaskRow(
                "III.1",
                "Thí điểm ứng dụng IoT giám sát môi trường nuôi trồng thủy sản",
                "ND-XGIAOTHUY",
                ("ND-SNNMT",),
                "Mô hình thí điểm",
                "{Y+1}",
                InProgress(15),
                parent="III.8",
            ),
        ),
    ),
)

# --- Long An --------------------------------------------------------------------------------

LONG_AN = CommitteeRow(
    key="long-an",
    name="Ban Chỉ đạo tỉnh Long An thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột "
    "phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    short_name="BCĐ tỉnh Long An",
    level=CommitteeLevel.PROVINCE,
    host="LA-TU",
    standing="LA-SKHCN",
    resolution="nq57",
    founding="la-qd",
    secretariat="Phan Thị Kịch Bản",
    source="la-ctr",
    assigned_days_ago=400,
    members=(
        MemberRow("Nguyễn Văn Quyết", H, "Bí thư Tỉnh ủy", "Lãnh đạo, chỉ đạo toàn diện"),
        MemberRow(
            "Nguyễn Minh Hải",
            M,
            "Giám đốc Sở Khoa học và Công nghệ",
            "Cơ quan thường trực; báo cáo kết quả công tác của Ban Chỉ đạo",
        ),
        MemberRow("Phan Thị Kịch Bản", ST, "Chuyên viên Sở Khoa học và Công nghệ"),
    ),
    tasks=(
        TaskRow(
            "I.1",
            "Quán triệt, tuyên truyền Nghị quyết số 57-NQ/TW đến cán bộ, đảng viên và các tầng "
            "lớp Nhân dân",
            "LA-BTGDV",
            ("LA-SKHCN",),
            "Báo cáo kết quả",
            "Tháng {M-11}",
            OnTime("Báo cáo số 21-BC/BTGDVTU", days_early=10),
        ),
        TaskRow(
            "I.2",
            "Kiện toàn Ban Chỉ đạo tỉnh và thành lập Tổ giúp việc Ban Chỉ đạo",
            "LA-SKHCN",
            ("LA-SNV",),
            "Quyết định của Ban Thường vụ Tỉnh ủy",
            "Tháng {M-12}",
            OnTime("Quyết định số 1610-QĐ/TU", days_early=3),
            is_key=True,
        ),
        TaskRow(
            "I.3",
            "Rà soát, bổ sung nhiệm vụ cụ thể, trọng tâm vào chương trình công tác năm {Y} của "
            "Ban Chỉ đạo",
            "LA-SKHCN",
            ("LA-VP",),
            "Chương trình công tác năm",
            "Tháng {M-4}",
            Late("Thông báo số 88-TB/BCĐ", days_late=20),
        ),
        TaskRow(
            "II.1",
            "Xây dựng cơ chế, chính sách thu hút, phát triển nguồn nhân lực chất lượng cao "
            "trong lĩnh vực khoa học, công nghệ và đổi mới sáng tạo",
            "LA-SNV",
            ("LA-STC", "LA-SKHCN"),
            "Nghị quyết của HĐND tỉnh",
            "{Y}",
            InProgress(45),
            is_key=True,
        ),
        TaskRow(
            "III.1",
            "Phát triển hạ tầng 5G tại các khu công nghiệp",
            "LA-SKHCN",
            ("LA-SCT",),
            "Báo cáo",
            "Tháng {M+2}",
            InProgress(60),
        ),
        TaskRow(
            "III.2",
            "Bố trí kinh phí thực hiện Nghị quyết số 57-NQ/TW",
            "LA-STC",
            ("LA-SKHCN",),
            "Dự toán ngân sách",
            "Hằng năm",
            Ongoing(),
        ),
        TaskRow(
            "IV.1",
            "Tập huấn, đào tạo kiến thức về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi "
            "số cho cán bộ, công chức",
            "LA-SNV",
            ("LA-SKHCN",),
            "Báo cáo kết quả",
            "Hằng năm",
            Ongoing(),
        ),
        TaskRow(
            "V.1",
            "Nâng cao tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến",
            "LA-VP",
            (),
            "Báo cáo",
            "Thường xuyên",
            Ongoing(),
        ),
        TaskRow(
            "V.2",
            "Đưa vào vận hành Trung tâm giám sát, điều hành thông minh tỉnh",
            "LA-SKHCN",
            ("LA-VP",),
            "Trung tâm đi vào vận hành",
            "Quý {Q-1}",
            Overdue(75),
        ),
        TaskRow(
            "VI.1",
            "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
            "LA-SCT",
            ("LA-SKHCN",),
            "Chương trình hỗ trợ",
            "{Y} - {Y+1}",
            InProgress(30),
        ),
    ),
)

COMMITTEES = (NAM_DINH, *COMMUNE_COMMITTEES, LONG_AN)

# --- Indicators of the Nam Định committee ----------------------------------------------
#
# Series are quarterly values, oldest first. They are shaped so that, projected to the end
# of the year, indicators are on track, at risk or off track; ĐMST-02 has no data and
# KHCN-02 stopped being reported (stale).

HI, LO = Direction.HIGHER_BETTER, Direction.LOWER_BETTER
PCT, NUM = ValueType.PERCENT, ValueType.NUMBER
INDICATORS = (
    IndicatorRow(
        "CĐS-01",
        "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện",
        "%",
        "V",
        "ND-VP",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 80"), ("{Y}", "≥ 85"), ("2030", "90")),
        (70, 72, 74, 76, 78, 80, 82, 84),
        data_source="Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
    ),
    IndicatorRow(
        "CĐS-02",
        "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
        "%",
        "V",
        "ND-TTHCC",
        HI,
        PCT,
        Rollup.MEAN,
        (("{Y-1}", "≥ 50"), ("{Y}", "≥ 62"), ("2030", "≥ 80")),
        (54, 54.5, 55, 55.5, 56, 56.5, 57, 57.5),
        data_source="Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
        by_commune=(
            ("ND-PNAMDINH", (62, 63, 64, 65, 66, 67, 68, 69)),
            ("ND-XHAIHAU", (48, 49, 50, 50.5, 51, 52, 52.5, 53)),
            ("ND-XGIAOTHUY", (45, 46, 46.5, 47, 48, 48.5, 49, 50)),
            ("ND-XXUANTRUONG", (50, 51, 52, 53, 54, 55, 56, 57)),
            ("ND-XNGHIAHUNG", (47, 48, 49, 49.5, 50, 51, 51.5, 52)),
        ),
    ),
    IndicatorRow(
        "CĐS-03",
        "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công",
        "%",
        "V",
        "ND-TTHCC",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 40"), ("{Y}", "≥ 50"), ("2030", "80")),
        (36, 38, 40, 42, 44, 46, 48, 50),
        level=IndicatorLevel.OPERATIONAL,
    ),
    IndicatorRow(
        "CĐS-04",
        "Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn tỉnh (GRDP)",
        "% GRDP",
        "VI",
        "ND-STC",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 12"), ("{Y}", "≥ 15"), ("2030", "≥ 30")),
        (8.0, 8.3, 8.5, 8.8, 9.0, 9.2, 9.5, 9.7),
        data_source="Ước tính của Thống kê tỉnh",
    ),
    IndicatorRow(
        "KHCN-01",
        "Tỷ lệ chi ngân sách địa phương cho phát triển khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số trên tổng chi ngân sách",
        "% tổng chi NSĐP",
        "III",
        "ND-STC",
        HI,
        PCT,
        Rollup.NONE,
        (
            ("{Y-1}", "≥ 3% và tăng dần theo yêu cầu phát triển"),
            ("{Y}", "≥ 3% và tăng dần theo yêu cầu phát triển"),
            ("2030", "≥ 3"),
        ),
        (1.1, 1.3, 1.5, 1.6, 1.8, 1.9, 2.0, 2.1),
        data_source="Báo cáo quyết toán ngân sách",
    ),
    IndicatorRow(
        "ĐMST-01",
        "Số doanh nghiệp khoa học và công nghệ được cấp giấy chứng nhận (lũy kế)",
        "doanh nghiệp",
        "VI",
        "ND-SKHCN",
        HI,
        NUM,
        Rollup.SUM,
        (("{Y-1}", "≥ 20"), ("{Y}", "≥ 23"), ("2030", "≥ 50")),
        (20, 20, 20, 21, 21, 21, 21, 22),
    ),
    IndicatorRow(
        "CĐS-05",
        "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân",
        "%",
        "V",
        "ND-SKHCN",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 40"), ("{Y}", "≥ 50"), ("2030", "≥ 70")),
        (30, 33, 36, 39, 42, 45, 48, 51),
    ),
    IndicatorRow(
        "CĐS-06",
        "Tỷ lệ dân số được phủ sóng 5G",
        "% dân số",
        "III",
        "ND-SKHCN",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 40"), ("{Y}", "≥ 60"), ("2030", "99")),
        (10, 15, 20, 26, 32, 38, 44, 50),
        data_source="Số liệu của các doanh nghiệp viễn thông",
    ),
    IndicatorRow(
        "CĐS-07",
        "Tỷ lệ thôn, tổ dân phố có cáp quang băng rộng",
        "%",
        "III",
        "ND-SKHCN",
        HI,
        PCT,
        Rollup.MEAN,
        (("{Y-1}", "≥ 95"), ("{Y}", "100"), ("2030", "100")),
        (90, 91, 92.5, 94, 95, 96, 97, 97.6),
        by_commune=(
            ("ND-PNAMDINH", (100, 100, 100, 100, 100, 100, 100, 100)),
            ("ND-XHAIHAU", (85, 87, 89, 91, 93, 95, 96, 97)),
            ("ND-XGIAOTHUY", (80, 82, 84, 86, 88, 90, 92, 94)),
            ("ND-XXUANTRUONG", (92, 93, 94, 95, 96, 97, 98, 99)),
            ("ND-XNGHIAHUNG", (88, 89, 90, 92, 93, 94, 96, 97)),
        ),
    ),
    IndicatorRow(
        "CĐS-08",
        "Tỷ lệ người dân có hồ sơ sức khỏe điện tử",
        "%",
        "V",
        "ND-SYT",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 70"), ("{Y}", "≥ 85"), ("2030", "≥ 95")),
        (55, 60, 64, 68, 72, 76, 80, 84),
    ),
    IndicatorRow(
        "CĐS-09",
        "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn",
        "%",
        "V",
        "ND-VP",
        LO,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≤ 2"), ("{Y}", "≤ 1"), ("2030", "0")),
        (3.2, 2.9, 2.5, 2.2, 1.8, 1.5, 1.2, 0.9),
        level=IndicatorLevel.OPERATIONAL,
    ),
    IndicatorRow(
        "CĐS-10",
        "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng",
        "%",
        "V",
        "ND-STC",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y-1}", "≥ 85"), ("{Y}", "≥ 88"), ("2030", "≥ 95")),
        (82, 83, 84, 85, 86, 87, 88, 89),
    ),
    IndicatorRow(
        "ĐMST-02",
        "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo",
        "%",
        "VI",
        "ND-SKHCN",
        HI,
        PCT,
        Rollup.NONE,
        (("{Y}", "≥ 20"), ("2030", "≥ 40")),
        (),
        data_source="Điều tra doanh nghiệp (chưa triển khai)",
    ),
    IndicatorRow(
        "KHCN-02",
        "Số sáng kiến, giải pháp kỹ thuật được công nhận có phạm vi ảnh hưởng toàn tỉnh",
        "sáng kiến",
        "IV",
        "ND-SKHCN",
        HI,
        NUM,
        Rollup.SUM,
        (("{Y}", "≥ 120"), ("2030", "≥ 200")),
        (18, 22, 25, 30, 27, 31, 35, 38),
        stale_quarters=5,
    ),
)
