"""The call letter and the relevé print #11's line kinds: catch-up, exceptional, surcharge,
fee — each its own line with its label, never as VAT — and a true-up per component."""

from __future__ import annotations

import datetime as dt
import os
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select
from support.factories.calls import seed_members, seed_pole, seed_service, seed_units_key

from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.domain.billing import Billing
from ptce_desktop.reports.statement import build_statement
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.exceptional import ExceptionalDraft, ExceptionalService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.store.models import ServiceBudget
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
SERVICE = "Personnel mutualisé (groupement d'employeurs) & <GE>"
WORKS = "Travaux « toiture » & <zinc> l'€"


def _text(pdf: bytes) -> str:
    pages = PdfReader(BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_a_call_with_a_catch_up_a_fee_and_an_exceptional_line(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    seed_pole(uow, vat_registered=True, iban="FR7630006000011234567890189")
    members = seed_members(uow, 3)
    key_id = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
    service_id = seed_service(
        uow, key_id, {2025: 1_200_000}, name=SERVICE, vat_regime="taxable", vat_rate_bp=2000
    )
    SharedServiceService(uow).set_billing_term(service_id, None, Billing(15_000, 600))
    calls = CallService(uow)
    for quarter in (1, 2):
        calls.issue_provisional_calls(
            2025,
            quarter,
            issue_date=D(2025, 3 * quarter - 2, 5),
            due_date=D(2025, 3 * quarter - 1, 5),
        )
    with uow.write("Réviser le budget") as session:
        session.scalars(select(ServiceBudget)).one().amount_cents = 1_600_000
    ExceptionalService(uow).add_charge(ExceptionalDraft(WORKS, 250_000, service_id, D(2025, 6, 20)))
    q3 = calls.issue_provisional_calls(2025, 3, issue_date=D(2025, 7, 5), due_date=D(2025, 8, 5))
    first = q3[0]
    model = build_statement_data(uow, members[0], 2025, call_id=first.id)
    document = next(c for c in model.calls if c.number == first.number)
    printed = {line.service_name: line.line_kind for line in document.lines}
    assert printed[SERVICE] == "quarter"
    assert printed[f"{SERVICE} — Frais de gestion 6\xa0%"] == "fee"
    assert printed[f"{SERVICE} — Majoration (coefficient 1,5)"] == "surcharge"
    assert printed[f"{SERVICE} — Régularisation budget révisé (T1–T2)"] == "catch_up"
    assert printed[f"{SERVICE} — {WORKS}"] == "exceptional"
    out = BytesIO()
    build_statement(model, out, generated_on=D(2025, 7, 5))
    pdf = out.getvalue()
    text = _text(pdf)
    for words in (
        "Frais de gestion 6",
        "Régularisation budget révisé (T1–T2)",
        "Majoration (coefficient 1,5)",
        "Travaux « toiture »",
    ):
        assert words in text, words
    # 120/250 of a quarter of 1 600 000 = 192 000; catch-up 2 × 120/250 × 100 000 = 96 000
    catch_up = next(x for x in first.lines if x.kind == "catch_up" and x.component == "base")
    assert catch_up.ht_cents == 96_000
    shots = os.environ.get("PTCE_SHOTS")  # to look at it: PTCE_SHOTS=folder pytest …
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        (Path(shots) / "appel-regularisation-frais.pdf").write_bytes(pdf)
