from chidao.committees.choices import CommitteeLevel
from chidao.onboarding.models import Onboarding
from chidao.onboarding.tests.files import build_list_xlsx


def build_onboarding(*, by, parent=None, **fields) -> Onboarding:
    """A set-up in preview: a commune committee under ``parent`` from a short list."""
    fields = {
        "name": "Ban Chỉ đạo xã Phú Bình",
        "level": CommitteeLevel.COMMUNE,
        "place": "xã Phú Bình",
        "standing_unit_name": "Văn phòng HĐND và UBND xã",
        "secretariat_username": "thuongtruc.phubinh",
        "filename": "don-vi.xlsx",
        **fields,
    }
    content = build_list_xlsx(
        [("1", "Đảng ủy xã", "", ""), ("2", "Văn phòng HĐND và UBND xã", "", "")],
        title=("DANH SÁCH ĐƠN VỊ",),
    )
    return Onboarding.objects.create(created_by=by, parent=parent, content=content, **fields)
