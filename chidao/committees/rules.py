"""Pure rules about committees: plain values in, plain values out."""

from chidao.committees.choices import CommitteeLevel


def group_by_province(committees) -> list[tuple[str, list]]:
    """``committees`` under the committee of their province (the top of their ``parent``
    chain; a central committee under "Trung ương"), the groups by name, each with the
    province's own committee first, then by name. Expects parents selected or cached."""
    groups: dict[str, list] = {}
    for committee in committees:
        top = committee
        seen = {top.pk}
        while top.parent_id is not None and top.parent_id not in seen:
            top = top.parent
            seen.add(top.pk)
        label = (
            str(CommitteeLevel.CENTRAL.label) if top.level == CommitteeLevel.CENTRAL else top.name
        )
        groups.setdefault(label, []).append(committee)
    return [
        (label, sorted(members, key=lambda c: (c.parent_id is not None, c.name)))
        for label, members in sorted(groups.items())
    ]
