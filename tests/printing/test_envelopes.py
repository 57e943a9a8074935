"""One envelope per member (issue 11 item 5): a PDF per call, a merged PDF, an .eml draft per
member with an e-mail address; nothing is sent."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes
from email.policy import default
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from ptce_desktop.printing.envelopes import write_envelopes
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.store.models import Member
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.services.factories_calls import standard_world

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
