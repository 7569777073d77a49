from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """Kinds of directive documents, valued by the abbreviation used in their symbol.

    The abbreviations are those of Decree 30/2020/NĐ-CP (state bodies) and of the
    Party's document guidance (Party committees); both systems share them.
    """

    RESOLUTION = "NQ", _("Nghị quyết")
    ACTION_PROGRAMME = "CTr", _("Chương trình hành động")
    PLAN = "KH", _("Kế hoạch")
    DECISION = "QĐ", _("Quyết định")
    CONCLUSION = "KL", _("Kết luận")
    NOTICE = "TB", _("Thông báo")
    DIRECTIVE = "CT", _("Chỉ thị")
    OFFICIAL_LETTER = "CV", _("Công văn")
    REGULATION = "QC", _("Quy chế")
    REPORT = "BC", _("Báo cáo")
    INSTRUCTION = "HD", _("Hướng dẫn")
    DECREE = "NĐ", _("Nghị định")
    CIRCULAR = "TT", _("Thông tư")
    SCHEME = "ĐA", _("Đề án")
    SUBMISSION = "TTr", _("Tờ trình")


class SymbolSystem(models.TextChoices):
    STATE = "state", _("Văn bản hành chính nhà nước")
    PARTY = "party", _("Văn bản của Đảng")
