"""Form widgets shared by the lists' filter forms."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

# The query parameter that carries what was typed into a picker's search box.
SEARCH_SUFFIX = "_search"


@dataclass(frozen=True)
class Suggestions:
    """What a picker offers: the chosen option (kept whatever was typed), up to a few
    matches of the typed text, and whether more matched than are shown."""

    chosen: tuple[str, str] | None = None
    options: list[tuple[str, str]] = field(default_factory=list)
    more: bool = False


class SearchPicker(forms.Widget):
    """A choice among thousands (every committee of the country) without listing them.

    A search box and a few radio buttons: the chosen option, "Tất cả" and the first
    matches of what was typed. htmx asks for matches when the box first takes the focus and
    as the user types (``options_url`` answers with ``render_options``), so the page itself
    lists no matches until something is typed: a page with six pickers does not pay six
    searches nobody may look at. Without script, the search text goes with the form and the
    page comes back with its matches. The form that owns the widget sets
    ``suggest(text, value, *, listed) -> Suggestions`` (the user's own scope; ``listed``
    false: the chosen option only), ``search_text`` and ``options_url``; a
    ``ModelChoiceField`` still checks the submitted value.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices: object = ()  # set by ModelChoiceField; never listed
        self.suggest: Callable[..., Suggestions] | None = None
        self.search_text = ""
        self.options_url = ""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        widget_id = attrs.pop("id", None) or f"id_{name}"
        options_id = f"{widget_id}_options"
        search = format_html(
            '<input type="search" name="{}" id="{}" value="{}"{} autocomplete="off"'
            ' placeholder="{}" aria-controls="{}" hx-get="{}"'
            ' hx-trigger="focus once, input changed delay:300ms, search" hx-target="#{}"'
            ' hx-include="#{} input:checked" hx-sync="this:replace">',
            f"{name}{SEARCH_SUFFIX}",
            widget_id,
            self.search_text,
            flatatt(attrs),
            _("Gõ để tìm…"),
            options_id,
            self.options_url,
            options_id,
            options_id,
        )
        return format_html(
            '<div class="search-picker">{}<div id="{}" class="search-picker-options mt-1"'
            ' role="group" aria-live="polite" aria-label="{}">{}</div></div>',
            search,
            options_id,
            _("Lựa chọn"),
            self.render_options(name, value, widget_id=widget_id, listed=bool(self.search_text)),
        )

    def render_options(
        self, name, value, *, widget_id: str | None = None, listed: bool = True
    ) -> str:
        """The radio buttons for ``value`` and the current search text (with ``listed``
        false, only "Tất cả" and the chosen option: the matches come on focus)."""
        widget_id = widget_id or f"id_{name}"
        found = (
            self.suggest(self.search_text, value, listed=listed) if self.suggest else Suggestions()
        )
        chosen = found.chosen[0] if found.chosen else ""
        options = [("", _("Tất cả"))]
        if found.chosen:
            options.append(found.chosen)
        options += [option for option in found.options if option[0] != chosen]
        radios = format_html_join(
            "",
            '<div class="form-check"><input class="form-check-input" type="radio" name="{}"'
            ' id="{}_{}" value="{}"{}><label class="form-check-label" for="{}_{}">{}</label>'
            "</div>",
            (
                (
                    name,
                    widget_id,
                    number,
                    option_value,
                    " checked" if option_value == chosen else "",
                    widget_id,
                    number,
                    label,
                )
                for number, (option_value, label) in enumerate(options)
            ),
        )
        if found.more:
            note = _("Còn nữa: gõ thêm để thu hẹp.")
        elif self.search_text and not found.options:
            note = _("Không tìm thấy.")
        else:
            return radios
        return format_html('{}<div class="form-text">{}</div>', radios, note)
