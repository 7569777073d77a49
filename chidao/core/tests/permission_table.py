"""The allow/deny table: every URL of the site × every role × method, in one file.

``test_permissions.py`` walks every URL pattern and fails for a pattern missing here.
Each rule is a string with one letter per role, in the order of ``world.ROLES``:

    anonymous, unit_officer, coordinating_officer, other_unit_officer, unit_head,
    secretariat, other_secretariat, leader, admin

    A  allowed (2xx, or a redirect that is not to the sign-in page)
    L  sent to the sign-in page
    N  404: the user may not know the object exists
    F  403: the user sees the object but may not do this
    U  401 or 403 for an API call without credentials (the API never redirects to sign-in)

An API write (``api:…`` POST) sent with the walk's empty body counts as allowed when it
passes the gate and is refused with 400 for its missing fields.

Spaces are ignored (group the letters as you like). ``kwargs`` name objects of the
test world (``world.objects``) whose primary keys fill the URL.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Route:
    get: str | None = None
    post: str | None = None
    kwargs: dict[str, str] = field(default_factory=dict)


# Pages every signed-in user may open.
SIGNED_IN = "L AAAA AAAA"

TABLE: dict[str, Route] = {
    "home": Route(get=SIGNED_IN),
    # Liveness check (operations, bench/load.sh): anyone, no data in the answer.
    "healthz": Route(get="A AAAA AAAA"),
    # Readiness check (operations): anyone; the answer names failed parts, no reasons.
    "readyz": Route(get="A AAAA AAAA"),
    "login": Route(get="A AAAA AAAA", post="A AAAA AAAA"),
    "logout": Route(post="A AAAA AAAA"),
    "password_change": Route(get=SIGNED_IN, post=SIGNED_IN),
    "password_change_done": Route(get=SIGNED_IN),
    "two_factor_verify": Route(get=SIGNED_IN, post=SIGNED_IN),
    "two_factor_setup": Route(get=SIGNED_IN, post=SIGNED_IN),
    "two_factor_recovery_codes": Route(get=SIGNED_IN, post=SIGNED_IN),
    # Overlap detection (issue [J]): like tasks are only ever tasks the user may see; the
    # warning before saving and the text assistant are the secretariat's; the report is for
    # the secretariat and the leaders.
    "overlap:report_index": Route(get=SIGNED_IN),
    "overlap:similar_tasks": Route(get="L AANA ANAA", kwargs={"pk": "task"}),
    "overlap:report": Route(get="L FFNF ANAA", kwargs={"committee_pk": "committee"}),
    "overlap:check_draft": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "overlap:draft_from_text": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    # The committee's own short forms: the secretariat writes them, the leaders read them
    # (they say why the report pairs what it pairs).
    "overlap:short_forms": Route(
        get="L FFNF ANAA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "overlap:short_form_delete": Route(post="L FFNF ANFA", kwargs={"pk": "short_form"}),
    # Task pages (issue [B] §1–4). Lists show only what each user may see.
    "assignments:task_list": Route(get=SIGNED_IN),
    "assignments:unit_tasks": Route(get=SIGNED_IN),
    # The chains of dependent tasks: whoever may see the committee (its tasks filtered).
    "assignments:dependency_chains": Route(get="L AANA ANAA", kwargs={"pk": "committee"}),
    "assignments:task_export": Route(get=SIGNED_IN),
    # The filter pickers' choices (htmx): each user is offered only their own scope.
    **{
        f"assignments:task_filter_{name}": Route(get=SIGNED_IN)
        for name in (
            "committee",
            "group",
            "lead_unit",
            "coordinating_unit",
            "source_document",
            "overseeing_member",
        )
    },
    "assignments:task_detail": Route(get="L AANA ANAA", kwargs={"pk": "task"}),
    "assignments:task_create": Route(get="L FFFF AAFA", post="L FFFF AAFA"),
    "assignments:task_edit": Route(get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "task"}),
    "assignments:task_breakdown": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "task"}
    ),
    # Reports, reviews, deadline changes, directions (issue [B] §1, §5–§8). A report by
    # the lead or a coordinating unit; the head approves only their unit's; nobody reviews
    # their own; the lead unit alone asks to move the deadline; leaders give directions.
    "assignments:secretariat_home": Route(get="L FFFF AAFA"),
    "assignments:unit_approvals": Route(get="L FFFA FFFF"),
    "assignments:progress_create": Route(
        get="L AANA FNFF", post="L AANA FNFF", kwargs={"pk": "task"}
    ),
    "assignments:progress_approve_unit": Route(
        get="L FFNA FNFF", post="L FFNA FNFF", kwargs={"pk": "progress_update_pending_unit"}
    ),
    "assignments:progress_review": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "completion_claim"}
    ),
    "assignments:deadline_change_request": Route(
        get="L AFNA FNFF", post="L AFNA FNFF", kwargs={"pk": "task"}
    ),
    "assignments:deadline_change_decide": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "deadline_change"}
    ),
    "assignments:direction_create": Route(
        get="L FFNF FNAA", post="L FFNF FNAA", kwargs={"pk": "task"}
    ),
    "assignments:evidence_download": Route(get="L AANA ANAA", kwargs={"pk": "evidence"}),
    # Notifications (issue [F]): each user only ever reaches their own.
    "reminders:notification_list": Route(get=SIGNED_IN),
    "reminders:mark_read": Route(post="L ANNN NNNN", kwargs={"pk": "notification"}),
    "reminders:mark_all_read": Route(post=SIGNED_IN),
    "reminders:preferences": Route(get=SIGNED_IN, post=SIGNED_IN),
    "reminders:sent_list": Route(get="L FFFF AAFA"),
    "reminders:urge_task": Route(get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "task"}),
    # Urging several tasks at once: each chosen task (?task=) passes the task gate
    # (test_urge_where_it_shows.py); with none chosen the page only asks for a choice.
    "reminders:urge_tasks": Route(get=SIGNED_IN, post=SIGNED_IN),
    "reminders:urge_unit": Route(
        get="L FFNF ANFA",
        post="L FFNF ANFA",
        kwargs={"committee_pk": "committee", "unit_pk": "lead_unit"},
    ),
    "reminders:urge_letter": Route(
        get="L FFNF ANFA", kwargs={"committee_pk": "committee", "unit_pk": "lead_unit"}
    ),
    # Audit log (issue [F] §6): system administrators only.
    "audit:event_list": Route(get="L FFFF FFFA"),
    "audit:event_export": Route(get="L FFFF FFFA"),
    # Imports (issue [E]): only the committee's secretariat (and admins).
    "imports:index": Route(get=SIGNED_IN),
    "imports:task_template": Route(get=SIGNED_IN),
    "imports:indicator_template": Route(get=SIGNED_IN),
    "imports:task_upload": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "imports:alias_create": Route(post="L FFNF ANFA", kwargs={"committee_pk": "committee"}),
    "imports:task_preview": Route(get="L FFNF ANFA", kwargs={"pk": "task_import"}),
    "imports:task_commit": Route(post="L FFNF ANFA", kwargs={"pk": "task_import"}),
    # The progress of a big file's background commit: as the preview.
    "imports:task_progress": Route(get="L FFNF ANFA", kwargs={"pk": "task_import"}),
    "imports:task_decide": Route(post="L FFNF ANFA", kwargs={"pk": "task_import"}),
    "imports:indicator_upload": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "imports:indicator_preview": Route(get="L FFNF ANFA", kwargs={"pk": "indicator_import"}),
    "imports:indicator_commit": Route(post="L FFNF ANFA", kwargs={"pk": "indicator_import"}),
    "imports:observation_upload": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "imports:observation_preview": Route(get="L FFNF ANFA", kwargs={"pk": "observation_import"}),
    "imports:observation_commit": Route(post="L FFNF ANFA", kwargs={"pk": "observation_import"}),
    # Setting a committee up (issue [K]): admins, and a secretariat for the committees below
    # its own; a set-up in progress is its author's, an admin's and the parent's secretariat's.
    # The hand-over link's page is for anyone holding a link (an invalid one says so).
    "onboarding:start": Route(get="L FFFF AAFA", post="L FFFF AAFA"),
    "onboarding:preview": Route(get="L NNNN ANNA", post="L NNNN ANNA", kwargs={"pk": "onboarding"}),
    "onboarding:commit": Route(post="L NNNN ANNA", kwargs={"pk": "onboarding"}),
    "onboarding:accounts": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "onboarding:first_sign_in": Route(get="A AAAA AAAA", post="A AAAA AAAA"),
    # The API (issue [E]): the pages' gates; anonymous calls get 401, never a redirect.
    "api:task-list": Route(get="U AAAA AAAA"),
    "api:task-detail": Route(get="U AANA ANAA", kwargs={"pk": "task"}),
    "api:task-progress": Route(get="U AANA ANAA", post="U AANA FNFF", kwargs={"pk": "task"}),
    "api:task-counts": Route(get="U AAAA AAAA"),
    "api:task-deadline-changes": Route(get="U AANA ANAA", kwargs={"pk": "task"}),
    "api:document-list": Route(get="U AAAA AAAA"),
    "api:document-detail": Route(get="U AANA ANAA", kwargs={"pk": "document"}),
    "api:unit-list": Route(get="U AAAA AAAA"),
    "api:unit-detail": Route(get="U AAAA AAAA", kwargs={"pk": "lead_unit"}),
    "api:committee-list": Route(get="U AAAA AAAA"),
    "api:committee-detail": Route(get="U AANA ANAA", kwargs={"pk": "committee"}),
    "api:committee-export": Route(get="U FFNF ANFA", kwargs={"pk": "committee"}),
    "api:indicator-list": Route(get="U AAAA AAAA"),
    "api:indicator-detail": Route(get="U ANNA ANAA", kwargs={"pk": "indicator"}),
    "api:observation-list": Route(get="U AAAA AAAA", post="U AAAA AAAA"),
    "api:observation-detail": Route(get="U ANNA ANAA", kwargs={"pk": "observation"}),
    "api:schema": Route(get="U AAAA AAAA"),
    "api:docs": Route(get="U AAAA AAAA"),
    "api:token_list": Route(get=SIGNED_IN, post=SIGNED_IN),
    "api:token_revoke": Route(post="L ANNN NNNN", kwargs={"pk": "api_token"}),
    "api:webhook_list": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "api:webhook_stop": Route(post="L FFNF ANFA", kwargs={"pk": "webhook_subscription"}),
    # Committees, documents, indicator values (issue [B] §9–§11, the leader's home).
    "committees:committee_list": Route(get=SIGNED_IN),
    "committees:committee_detail": Route(get="L AANA ANAA", kwargs={"pk": "committee"}),
    "committees:overview": Route(get=SIGNED_IN),
    "documents:document_list": Route(get=SIGNED_IN),
    "documents:document_create": Route(get="L FFFF AAFA", post="L FFFF AAFA"),
    "documents:document_detail": Route(get="L AANA ANAA", kwargs={"pk": "document"}),
    "documents:document_file": Route(get="L AANA ANAA", kwargs={"pk": "document"}),
    "indicators:indicator_list": Route(get=SIGNED_IN),
    "indicators:indicator_detail": Route(get="L ANNA ANAA", kwargs={"pk": "indicator"}),
    "indicators:data_entry": Route(get=SIGNED_IN, post=SIGNED_IN),
    "indicators:unit_data_entry": Route(
        get="L ANNA NNNA", post="L ANNA NNNA", kwargs={"unit_pk": "lead_unit"}
    ),
    "indicators:review": Route(get="L FFFF AAFA"),
    "indicators:observation_approve": Route(post="L FNNF ANFA", kwargs={"pk": "observation"}),
    "indicators:observation_return": Route(post="L FNNF ANFA", kwargs={"pk": "observation"}),
    "indicators:observation_evidence": Route(get="L ANNA ANAA", kwargs={"pk": "observation"}),
    # Reporting cycles (issue [D]): the secretariat manages, leaders read, the lead unit
    # (required in the cycle) sees and writes only its own report, not the board (403).
    "reporting:cycle_list": Route(get=SIGNED_IN),
    "reporting:cycle_create": Route(get="L FFFF AAFA", post="L FFFF AAFA"),
    "reporting:schedule_create": Route(get="L FFFF AAFA", post="L FFFF AAFA"),
    "reporting:cycle_detail": Route(get="L FNNF ANAA", kwargs={"pk": "cycle"}),
    "reporting:cycle_edit": Route(get="L FNNF ANFA", post="L FNNF ANFA", kwargs={"pk": "cycle"}),
    "reporting:cycle_close": Route(post="L FNNF ANFA", kwargs={"pk": "cycle"}),
    "reporting:report_docx": Route(get="L FNNF ANAA", kwargs={"pk": "cycle"}),
    "reporting:report_xlsx": Route(get="L FNNF ANAA", kwargs={"pk": "cycle"}),
    "reporting:cycle_board_csv": Route(get="L FNNF ANAA", kwargs={"pk": "cycle"}),
    "reporting:cycle_board_xlsx": Route(get="L FNNF ANAA", kwargs={"pk": "cycle"}),
    "reporting:submission_detail": Route(
        get="L ANNA ANAA", post="L ANNA FNFF", kwargs={"pk": "submission"}
    ),
    "reporting:submission_approve": Route(post="L FNNA FNFF", kwargs={"pk": "submission"}),
    "reporting:submission_return": Route(post="L FNNA ANFA", kwargs={"pk": "submission"}),
    "reporting:report_pdf": Route(get="L FNNF ANAA", kwargs={"pk": "cycle"}),
    "reporting:report_template": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "reporting:report_template_download": Route(
        get="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    # Dashboards (issue [C]): a committee's leaders and secretariat read its dashboard and
    # ranking; units that see the committee through a task get 403; the secretariat sets
    # weights, saved views and what is published; the public page needs no sign-in.
    "dashboards:index": Route(get=SIGNED_IN),
    "dashboards:committee_dashboard": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    # The early-warning panel, loaded after the dashboard: the dashboard's own gate.
    "dashboards:committee_at_risk": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    "dashboards:unit_ranking": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    "dashboards:unit_ranking_xlsx": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    "dashboards:unit_evaluation": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    "dashboards:unit_evaluation_docx": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    "dashboards:unit_evaluation_xlsx": Route(get="L FFNF ANAA", kwargs={"pk": "committee"}),
    "dashboards:evaluation_weights": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "committee"}
    ),
    "dashboards:saved_view_create": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "committee"}
    ),
    "dashboards:saved_view_delete": Route(post="L FFNF ANFA", kwargs={"pk": "saved_view"}),
    "dashboards:publication_settings": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "committee"}
    ),
    "dashboards:public_index": Route(get="A AAAA AAAA"),
    "dashboards:public_committee": Route(get="A AAAA AAAA", kwargs={"pk": "committee"}),
    # Meetings (issue [I]): the committee's leaders and secretariat read meetings, their
    # conclusions and follow-up briefs; units that see the committee through a task get
    # 403; the secretariat records meetings, conclusions and the conclusion notice.
    "meetings:meeting_list": Route(get=SIGNED_IN),
    "meetings:meeting_create": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "meetings:meeting_detail": Route(get="L FFNF ANAA", kwargs={"pk": "meeting"}),
    "meetings:meeting_edit": Route(get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "meeting"}),
    "meetings:meeting_minutes_file": Route(get="L FFNF ANAA", kwargs={"pk": "meeting"}),
    "meetings:conclusion_create": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "meeting"}
    ),
    "meetings:conclusion_notice_docx": Route(get="L FFNF ANAA", kwargs={"pk": "meeting"}),
    "meetings:conclusion_notice_register": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "meeting"}
    ),
    "meetings:follow_up": Route(get="L FFNF ANAA", kwargs={"pk": "meeting"}),
    "meetings:follow_up_docx": Route(get="L FFNF ANAA", kwargs={"pk": "meeting"}),
    "meetings:inspection_create": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"committee_pk": "committee"}
    ),
    "meetings:inspection_detail": Route(get="L FFNF ANAA", kwargs={"pk": "inspection"}),
    "meetings:finding_create": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "inspection"}
    ),
    # Proposals and initiatives (issue [I] §5): anyone sends, tracks and reads published
    # answers without an account; the committee's secretariat and leaders read proposals;
    # the unit it is routed to reads it and drafts the answer; the secretariat routes and
    # approves. Units that see the committee through a task get 403.
    "proposals:public_submit": Route(get="A AAAA AAAA", post="A AAAA AAAA"),
    "proposals:public_track": Route(get="A AAAA AAAA"),
    "proposals:public_answers": Route(get="A AAAA AAAA"),
    "proposals:proposal_list": Route(get=SIGNED_IN),
    "proposals:proposal_detail": Route(get="L AFNA ANAA", kwargs={"pk": "proposal"}),
    "proposals:proposal_attachment": Route(
        get="L AFNA ANAA", kwargs={"pk": "proposal", "attachment_pk": "proposal_attachment"}
    ),
    "proposals:proposal_route": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "proposal"}
    ),
    "proposals:proposal_draft": Route(
        get="L AFNA ANFA", post="L AFNA ANFA", kwargs={"pk": "proposal"}
    ),
    "proposals:proposal_approve": Route(
        get="L FFNF ANFA", post="L FFNF ANFA", kwargs={"pk": "proposal"}
    ),
}
