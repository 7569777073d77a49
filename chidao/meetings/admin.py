from django.contrib import admin

from chidao.meetings.models import (
    AgendaItem,
    Conclusion,
    ConclusionTask,
    Meeting,
    MeetingAttendance,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    raw_id_fields = ("document",)


class AttendanceInline(admin.TabularInline):
    model = MeetingAttendance
    extra = 0
    raw_id_fields = ("membership",)


class ConclusionInline(admin.StackedInline):
    model = Conclusion
    extra = 0
    fields = ("number", "text")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "committee", "held_on", "place", "notice_document")
    list_filter = ("committee",)
    list_select_related = ("committee", "notice_document")
    raw_id_fields = ("chair", "notice_document", "created_by")
    inlines = (AgendaItemInline, AttendanceInline, ConclusionInline)


@admin.register(ConclusionTask)
class ConclusionTaskAdmin(admin.ModelAdmin):
    list_display = ("conclusion", "task", "created_at")
    raw_id_fields = ("conclusion", "task")
