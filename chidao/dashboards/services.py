"""The dashboards' writes: weights, saved views and the public page's settings.

Callers have checked that the user manages the committee (``access_committee(…,
"manage")``); each write is one transaction and its history row is written with it.
"""

from django.db import transaction

from chidao.core.history import set_history_user
from chidao.dashboards.models import EvaluationWeights, Publication, SavedView


@transaction.atomic(durable=True)
def do_save_weights(*, form, committee, acting_user) -> EvaluationWeights:
    """Save the committee's evaluation weights from a valid ``EvaluationWeightsForm``."""
    weights = form.save(commit=False)
    weights.committee = committee
    set_history_user(weights, acting_user)
    weights.save()
    return weights


@transaction.atomic
def do_save_publication(*, form, committee, acting_user) -> Publication:
    """Save what the committee publishes; the public page's cache key changes with
    ``updated_at``, so the page shows the new choice at once."""
    publication = form.save(commit=False)
    publication.committee = committee
    set_history_user(publication, acting_user)
    publication.save()
    form.save_m2m()
    return publication


@transaction.atomic(durable=True)
def do_save_view(*, form, committee, acting_user) -> SavedView:
    view = form.save(commit=False)
    view.committee = committee
    if view.created_by_id is None:
        view.created_by = acting_user
    set_history_user(view, acting_user)
    view.save()
    form.save_m2m()
    return view


@transaction.atomic(durable=True)
def do_delete_view(*, view: SavedView, acting_user) -> None:
    set_history_user(view, acting_user)
    view.delete()
