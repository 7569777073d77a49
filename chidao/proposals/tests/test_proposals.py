"""Proposals: the public form under bad input, tracking, routing, answering, publishing."""

import datetime

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.tests.factories import MINIMAL_PDF
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import PASSWORD, make_user
from chidao.org.tests.factories import UnitFactory
from chidao.proposals.choices import ProposalStatus
from chidao.proposals.forms import read_challenge
from chidao.proposals.models import Proposal
from chidao.proposals.rules import MAX_CONTENT_CHARS, parse_contact
from chidao.proposals.tests.factories import build_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    return CommitteeFactory(name="Ban Chỉ đạo tỉnh Nam Định")


def fill(client, committee, **fields):
    """The public form as a person fills it, with the right sum."""
    page = client.get(reverse("proposals:public_submit"))
    token = page.context["form"].initial["challenge_token"]
    challenge = read_challenge(token)
    data = {
        "committee": committee.pk,
        "kind": "proposal",
        "category": "agencies",
        "title": "Mở rộng dịch vụ công trực tuyến",
        "content": "Đề nghị đưa thủ tục cấp phép xây dựng lên dịch vụ công toàn trình.",
        "sender_name": "Nguyễn Thị Người Dân",
        "contact": "0912 345 678",
        "organisation": "",
        "consents_to_publish": "on",
        "challenge_answer": str(challenge["a"] + challenge["b"]),
        "challenge_token": token,
        "website": "",
    }
    data.update(fields)
    return client.post(reverse("proposals:public_submit"), data)


def test_a_citizen_sends_and_tracks_a_proposal(client, committee):
    response = fill(client, committee)

    assert response.status_code == 200
    proposal = Proposal.objects.get()
    assert proposal.tracking_code in response.content.decode()
    assert proposal.contact_key == "0912345678"
    assert proposal.submitted_by is None
    assert proposal.source_ip == "127.0.0.1"
    tracked = client.get(reverse("proposals:public_track"), {"ma": proposal.tracking_code.lower()})
    assert 'data-status="received"' in tracked.content.decode()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"contact": "gọi tôi"}, "contact"),
        ({"contact": "nguoidan@"}, "contact"),
        ({"content": "x" * (MAX_CONTENT_CHARS + 1)}, "content"),
        ({"content": "   "}, "content"),
        ({"challenge_answer": "99"}, "challenge_answer"),
        ({"challenge_token": "gia-mao"}, "challenge_answer"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, committee, fields, field):
    response = fill(client, committee, **fields)

    assert response.status_code == 200
    assert f'id="id_{field}-error"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_filled_trap_field_is_refused(client, committee):
    response = fill(client, committee, website="http://spam.invalid")

    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_script_is_stored_as_text_and_shown_escaped(client, committee):
    fill(client, committee, title="<script>alert(1)</script>", content="<b>đậm</b>\x07")
    proposal = Proposal.objects.get()
    assert proposal.content == "<b>đậm</b>"

    tracked = client.get(reverse("proposals:public_track"), {"ma": proposal.tracking_code})

    html = tracked.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_repeated_proposal_is_refused_without_revealing_its_tracking_code(client, committee):
    """Whoever knows a sender's contact and exact words must not learn the code (issue 19,
    item 7): the answer points to the code the sender already has."""
    fill(client, committee)
    first = Proposal.objects.get()

    again = fill(client, committee, contact="+84 912 345 678")

    assert Proposal.objects.count() == 1
    html = again.content.decode()
    assert "đã được gửi và đang được xử lý" in html
    assert first.tracking_code not in html
    assert first.tracking_code.split("-")[1] not in html


# The sum challenge (issue 19, item 6): not readable from the token, and single-use.


def test_the_challenge_token_does_not_carry_its_numbers(client):
    form = client.get(reverse("proposals:public_submit")).context["form"]
    token = form.initial["challenge_token"]
    payload = signing.loads(token, salt="chidao.proposals.challenge")
    assert set(payload) == {"id", "at"}
    assert form.challenge["a"] + form.challenge["b"] >= 2
    # Without the server's key the token says nothing of the numbers.
    with override_settings(SECRET_KEY="another-installation-key"):
        assert read_challenge(token) is None


def test_a_solved_challenge_serves_one_proposal_only(client, committee):
    page = client.get(reverse("proposals:public_submit"))
    token = page.context["form"].initial["challenge_token"]
    challenge = read_challenge(token)
    answer = str(challenge["a"] + challenge["b"])
    responses = [
        fill(
            Client(REMOTE_ADDR=f"203.0.113.{n}"),
            committee,
            challenge_token=token,
            challenge_answer=answer,
            contact=f"09123456{n:02d}",
            content=f"Kiến nghị số {n}",
        )
        for n in range(5)
    ]
    assert Proposal.objects.count() == 1
    for refused in responses[1:]:
        assert "Phép tính này đã được dùng" in refused.content.decode()
        # A new question is asked.
        assert refused.context["form"].data["challenge_token"] != token


def test_a_wrong_answer_spends_the_question(client, committee):
    page = client.get(reverse("proposals:public_submit"))
    token = page.context["form"].initial["challenge_token"]
    challenge = read_challenge(token)
    wrong = fill(client, committee, challenge_token=token, challenge_answer="99")
    assert "chưa đúng" in wrong.content.decode()
    new_token = wrong.context["form"].data["challenge_token"]
    assert new_token != token
    # The page asks the new question, with its token in the hidden field.
    asked = read_challenge(new_token)
    html = wrong.content.decode()
    assert f"Kết quả phép tính {asked['a']} + {asked['b']}" in html
    assert f'value="{new_token}"' in html
    # The right answer to the same question, tried afterwards, is refused.
    right = fill(
        client,
        committee,
        challenge_token=token,
        challenge_answer=str(challenge["a"] + challenge["b"]),
    )
    assert "Phép tính này đã được dùng" in right.content.decode()
    assert not Proposal.objects.exists()


# Tracking-code lookups (issue 19, item 8): rate-limited per address.


@override_settings(CHIDAO_TRACKING_LOOKUP_RATE="3/hour")
def test_tracking_code_lookups_are_limited_per_address(committee, still_rate_clock):
    cache.clear()
    proposal = build_proposal(committee=committee)
    url = reverse("proposals:public_track")
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(3):
        assert guesser.get(url, {"ma": f"KN-AAAAAAA{n + 2}"}).status_code == 200
    refused = guesser.get(url, {"ma": proposal.tracking_code})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "tra cứu quá nhiều lần" in refused.content.decode()
    assert proposal.title not in refused.content.decode()
    # The empty form is not counted, and another address still looks its code up.
    assert guesser.get(url).status_code == 200
    sender = Client(REMOTE_ADDR="198.51.100.4")
    assert proposal.title in sender.get(url, {"ma": proposal.tracking_code}).content.decode()
    cache.clear()


def test_limits_per_contact_and_per_address(client, committee):
    for number in range(3):
        fill(client, committee, content=f"Kiến nghị số {number}")
    refused = fill(client, committee, content="Kiến nghị thứ tư")
    assert Proposal.objects.count() == 3
    assert 'id="id_contact-error"' in refused.content.decode()

    for number in range(2):
        fill(client, committee, contact=f"nguoi{number}@example.com", content=f"Ý kiến {number}")
    refused = fill(client, committee, contact="khac@example.com", content="Ý kiến khác")
    assert Proposal.objects.count() == 5
    assert "trong một giờ" in refused.content.decode()


def test_phone_numbers_are_one_sender_however_written():
    assert {parse_contact(v) for v in ("+84 912 345 678", "0912.345.678", "84912345678")} == {
        "0912345678"
    }


def test_route_draft_approve_and_publish(client, committee):
    science = UnitFactory(name="Sở Khoa học và Công nghệ")
    secretariat = make_user("tgv", science)
    Membership.objects.create(
        committee=committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
    )
    officer = make_user("canbo_khcn", science)
    stranger = make_user("canbo_khac", UnitFactory())
    proposal = build_proposal(committee=committee)

    client.login(username=secretariat.username, password=PASSWORD)
    due = timezone.localdate() + datetime.timedelta(days=15)
    client.post(
        reverse("proposals:proposal_route", args=[proposal.pk]),
        {"unit": science.pk, "response_due": due.isoformat()},
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.routed_unit, proposal.response_due) == (
        ProposalStatus.ROUTED,
        science,
        due,
    )

    client.login(username=stranger.username, password=PASSWORD)
    assert client.get(reverse("proposals:proposal_draft", args=[proposal.pk])).status_code == 404
    client.login(username=officer.username, password=PASSWORD)
    client.post(
        reverse("proposals:proposal_draft", args=[proposal.pk]),
        {"answer_draft": "Sở sẽ đưa thủ tục lên dịch vụ công toàn trình trong quý tới."},
    )
    assert (
        client.post(
            reverse("proposals:proposal_approve", args=[proposal.pk]), {"answer": "x"}
        ).status_code
        == 403
    )

    client.login(username=secretariat.username, password=PASSWORD)
    client.post(
        reverse("proposals:proposal_approve", args=[proposal.pk]),
        {"answer": "Sở sẽ đưa thủ tục lên dịch vụ công toàn trình trong quý tới.", "publish": "on"},
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ANSWERED
    assert proposal.is_public
    assert proposal.history.count() == 4

    client.logout()
    public = client.get(reverse("proposals:public_answers")).content.decode()
    assert "Sở sẽ đưa thủ tục lên dịch vụ công toàn trình trong quý tới." in public
    assert "Nguyễn Thị Người Dân" not in public
    assert "0912345678" not in public
    tracked = client.get(reverse("proposals:public_track"), {"ma": proposal.tracking_code})
    assert 'id="proposal-answer"' in tracked.content.decode()


def test_an_answer_is_published_only_with_consent(client, committee):
    from chidao.proposals.services import do_approve_answer

    secretariat = make_user("tgv2", UnitFactory())
    proposal = build_proposal(committee=committee, consents_to_publish=False)

    with pytest.raises(Exception, match="không đồng ý công khai"):
        do_approve_answer(proposal=proposal, by=secretariat, answer="Trả lời.", publish=True)
    answered = do_approve_answer(
        proposal=proposal, by=secretariat, answer="Trả lời.", publish=False
    )
    assert answered.status == ProposalStatus.ANSWERED
    assert not answered.is_public


# Attachments ------------------------------------------------------------------------


TITLE = "Số hóa hồ sơ đất đai"


def test_a_sender_attaches_files_that_only_readers_of_the_proposal_download(
    client, settings, tmp_path, committee
):
    settings.MEDIA_ROOT = tmp_path
    secretariat = make_user("tgv3", UnitFactory())
    Membership.objects.create(
        committee=committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
    )
    pdf = SimpleUploadedFile("Đề án số hóa.pdf", MINIMAL_PDF, content_type="application/pdf")

    response = fill(client, committee, title=TITLE, attachments=[pdf])

    assert response.status_code == 200
    proposal = Proposal.objects.get(title=TITLE)
    [attachment] = proposal.attachments.all()
    assert attachment.original_name == "Đề án số hóa.pdf"
    assert not attachment.file.name.endswith("Đề án số hóa.pdf")  # a generated name on disk
    url = reverse("proposals:proposal_attachment", args=[proposal.pk, attachment.pk])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(secretariat)
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == MINIMAL_PDF
    client.force_login(make_user("donvikhac3", UnitFactory()))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (lambda: [SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not a pdf")], "không phải"),
        (
            lambda: [SimpleUploadedFile(f"{n}.pdf", MINIMAL_PDF) for n in range(4)],
            "tối đa 3 tệp",
        ),
    ],
    ids=["program-named-pdf", "too-many"],
)
def test_a_refused_attachment_keeps_the_form_and_saves_nothing(
    client, settings, tmp_path, committee, files, message
):
    settings.MEDIA_ROOT = tmp_path

    response = fill(client, committee, title=TITLE, attachments=files())

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'id="id_attachments-error"' in html
    assert TITLE in html  # what was typed is still there
    assert not Proposal.objects.filter(title=TITLE).exists()
    assert not list(tmp_path.rglob("*.pdf"))


def test_tracking_lookups_are_limited_in_production_settings():
    import chidao.settings as production

    assert production.CHIDAO_TRACKING_LOOKUP_RATE == "30/hour"
