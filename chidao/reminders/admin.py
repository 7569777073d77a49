from django.contrib import admin

from chidao.reminders.models import (
    AnnouncedDay,
    Notification,
    NotificationPreference,
    ReminderRule,
)


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = [
        "committee",
        "is_active",
        "days_before",
        "on_due_day",
        "overdue_every_days",
        "escalate_after_days",
        "review_wait_working_days",
    ]
    list_select_related = ["committee"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Raw data for administrators; users reach their own notices on their own pages."""

    list_display = ["subject", "recipient", "kind", "channel", "occurrence", "sent_at", "read_at"]
    list_filter = ["kind", "channel", "occurrence"]
    list_select_related = ["recipient__person"]
    search_fields = ["subject", "recipient__username"]
    date_hierarchy = "created_at"
    raw_id_fields = ["recipient", "committee", "task"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "in_app", "email", "digest_weekday"]
    list_select_related = ["user__person"]


@admin.register(AnnouncedDay)
class AnnouncedDayAdmin(admin.ModelAdmin):
    """The days off and swapped working days the Government announces each year."""

    list_display = ["day", "kind", "reason"]
    list_filter = ["kind"]
    date_hierarchy = "day"
    search_fields = ["reason"]
