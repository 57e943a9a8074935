"""One envelope per member (issue 11 item 5): a PDF per call, a merged PDF, an .eml draft per
member with an e-mail address; nothing is sent."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.policy import default
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from support.factories.calls import standard_world

from ptce_desktop.printing.envelopes import write_envelopes
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.store.models import Member
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def test_a_pdf_per_member_a_merged_pdf_and_an_eml_when_there_is_an_address(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    members, _, _ = standard_world(uow)
    with uow.write("Adresse électronique") as session:
        member = session.get(Member, members[0])
        assert member is not None
        member.email = "compta@dupont-fils.example"
    issued = CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )
    folder = tmp_path / "Envois T1 & <2025>"
    batch = write_envelopes(uow, [c.id for c in issued], folder, generated_on=D(2025, 1, 5))
    assert [e.call_number for e in batch.envelopes] == [c.number for c in issued]
    first = batch.envelopes[0]
    assert first.pdf.name == "atelier-dupont-fils-sarl-AF-2025-0001.pdf"
    assert "AF-2025-0001" in PdfReader(first.pdf).pages[0].extract_text()
    assert batch.emails == 1 and first.eml is not None
    assert batch.envelopes[1].eml is None  # no address: no message
    message = message_from_bytes(first.eml.read_bytes(), policy=default)
    assert message["X-Unsent"] == "1"
    assert "compta@dupont-fils.example" in message["To"]
    assert "AF-2025-0001" in message["Subject"]
    body = message.get_body(("plain",))
    assert body is not None and "1 440,00" in body.get_content().replace("\u202f", " ").replace(
        "\xa0", " "
    )
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == first.pdf.name
    assert attachment.get_content() == first.pdf.read_bytes()
    # the merged PDF holds every call, each starting on its own page
    assert batch.merged is not None and batch.merged.exists()
    merged = PdfReader(BytesIO(batch.merged.read_bytes()))
    text = " ".join(page.extract_text() for page in merged.pages)
    assert all(c.number in text for c in issued)
    singles = sum(len(PdfReader(e.pdf).pages) for e in batch.envelopes)
    assert len(merged.pages) == singles


def test_reminders_list_the_unpaid_calls_past_due_and_record_the_date(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    from ptce_desktop.printing.envelopes import write_reminders
    from ptce_desktop.services.calls.payments import PaymentService
    from ptce_desktop.services.calls.reminders import ReminderService

    members, _, _ = standard_world(uow)
    with uow.write("Adresse électronique") as session:
        member = session.get(Member, members[1])
        assert member is not None
        member.email = "tresorerie@epicerie.example"
    calls = CallService(uow)
    q1 = calls.issue_provisional_calls(2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31))
    q2 = calls.issue_provisional_calls(2025, 2, issue_date=D(2025, 4, 5), due_date=D(2025, 4, 30))
    # member 0 paid everything; member 1 paid a part of T1; member 2 nothing
    PaymentService(uow).record_payment(members[0], D(2025, 5, 2), 288_000, "virement", None, None)
    PaymentService(uow).record_payment(members[1], D(2025, 2, 2), 40_000, "virement", None, None)
    folder = tmp_path / "Relances « mai » & <co>"
    batch = write_reminders(uow, list(members), folder, D(2025, 5, 15))
    assert [e.member_id for e in batch.envelopes] == [members[1], members[2]]
    epicerie = batch.envelopes[0]
    text = " ".join(PdfReader(epicerie.pdf).pages[0].extract_text().split())
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    assert "Relance — appels de fonds impayés" in text
    assert q1[1].number in text and q2[1].number in text
    assert "1 520,00" in text  # 960,00 − 400,00 + 960,00
    assert epicerie.eml is not None and batch.envelopes[1].eml is None
    assert batch.merged is not None and batch.merged.exists()
    last = ReminderService(uow).last_reminders(c.id for c in [*q1, *q2])
    assert last == {c.id: D(2025, 5, 15) for c in [*q1[1:], *q2[1:]]}
    # a second reminder mentions the first
    again = write_reminders(uow, [members[2]], folder, D(2025, 6, 15))
    text = " ".join(PdfReader(again.envelopes[0].pdf).pages[0].extract_text().split())
    assert "15/05/2025" in text
