"""The e-mail texts of the calls and reminders (issue 11, item 5): edited once, kept with the
pole beside the accountant's settings, checked field by field, and used by every ``.eml``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from support.factories.calls import standard_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.printing.envelopes import write_envelopes
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.email_templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    EmailTemplates,
    EmailTemplateService,
    checked,
    render,
    sample_values,
)
from ptce_desktop.services.pole.accounting import AccountingService
from ptce_desktop.store.models import Member, Pole
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 200


def _refused(templates: EmailTemplates, code: str, field: str) -> str:
    with pytest.raises(PtceError) as caught:
        checked(templates)
    assert (caught.value.code, caught.value.field) == (code, field)
    text = caught.value.message("fr")
    assert "{field_label}" not in text
    return text


def test_an_unknown_field_is_refused_and_named() -> None:
    text = _refused(
        replace(DEFAULT_TEMPLATES, call_body="Bonjour {membre}, réglez {total} €."),
        "email_unknown_placeholder",
        "call_body",
    )
    assert text.startswith("Texte de l'e-mail d'un appel : le champ « {total} » est inconnu.")
    assert "{membre}, {exercice}" in text and "{echeance}" in text
    english = _unknown_message_in_english()
    assert "“{total}” is unknown" in english
    # A format specification or an attribute is not a field either.
    _refused(
        replace(DEFAULT_TEMPLATES, reminder_subject="{montant:>10}"),
        "email_unknown_placeholder",
        "reminder_subject",
    )
    _refused(
        replace(DEFAULT_TEMPLATES, call_subject="{membre.__class__}"),
        "email_unknown_placeholder",
        "call_subject",
    )


def _unknown_message_in_english() -> str:
    with pytest.raises(PtceError) as caught:
        checked(replace(DEFAULT_TEMPLATES, call_body="{total}"))
    return caught.value.message("en")


def test_misplaced_braces_and_empty_texts_are_refused() -> None:
    text = _refused(
        replace(DEFAULT_TEMPLATES, call_body="Bonjour {membre, à bientôt"),
        "email_bad_braces",
        "call_body",
    )
    assert "« { » seule" in text and "{membre}" in text
    _refused(replace(DEFAULT_TEMPLATES, reminder_body="Fin }"), "email_bad_braces", "reminder_body")
    _refused(replace(DEFAULT_TEMPLATES, call_subject="  "), "email_empty", "call_subject")


def test_doubled_braces_write_a_brace_and_values_are_never_reinterpreted() -> None:
    values = sample_values("Pôle {pole} & <co>")
    values["membre"] = "{echeance} & <Cie>"
    assert render("{{{membre}}} — {pole}", values) == "{{echeance} & <Cie>} — Pôle {pole} & <co>"
    assert set(sample_values("x")) == set(PLACEHOLDERS)


def test_the_texts_are_kept_with_the_pole_beside_the_accounting_settings(
    uow: UnitOfWork,
) -> None:
    standard_world(uow)
    service = EmailTemplateService(uow)
    assert service.get() == DEFAULT_TEMPLATES
    mine = replace(
        DEFAULT_TEMPLATES,
        call_subject="  Appel {numero}\n pour {membre}  ",
        call_body=f"Bonjour {{membre}},\n{LONG} vous appelle pour l'exercice {{exercice}} : "
        "{montant} (€ & <co>) avant le {echeance}.",
    )
    saved = service.set(mine)
    assert saved.call_subject == "Appel {numero} pour {membre}"  # one line
    assert service.get() == saved
    # Saving the accountant's settings keeps the e-mail texts, and the other way round.
    accounting = AccountingService(uow)
    accounting.set(replace(accounting.get(), bank_account="5121"))
    assert service.get() == saved
    service.set(replace(saved, reminder_subject="Relance {membre}"))
    assert accounting.get().bank_account == "5121"
    assert service.reset() == DEFAULT_TEMPLATES
    assert service.get() == DEFAULT_TEMPLATES
    assert accounting.get().bank_account == "5121"
    # A text damaged by hand in the file falls back to the defaults rather than failing later.
    with uow.write("Abîmer le texte") as session:
        pole = session.get(Pole, 1)
        assert pole is not None
        pole.accounting_json = '{"email_templates": {"call_body": "{inconnu}"}}'
    assert service.get() == DEFAULT_TEMPLATES


def test_the_eml_uses_the_texts_set_in_settings(uow: UnitOfWork, tmp_path: Path) -> None:
    members, _, _ = standard_world(uow)
    with uow.write("Adresse électronique") as session:
        member = session.get(Member, members[0])
        assert member is not None
        member.email = "compta@dupont-fils.example"
    EmailTemplateService(uow).set(
        replace(
            DEFAULT_TEMPLATES,
            call_subject="Exercice {exercice} : appel {numero} & <co>",
            call_body="Cher {membre}, {montant} dû le {echeance} (exercice {exercice}) — l'€.",
        )
    )
    issued = CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )
    batch = write_envelopes(uow, [c.id for c in issued], tmp_path / "Envois & <co>")
    eml = batch.envelopes[0].eml
    assert eml is not None
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert message["Subject"] == "Exercice 2025 : appel AF-2025-0001 & <co>"
    body = message.get_body(("plain",))
    assert body is not None
    content = body.get_content().replace("\u202f", " ").replace("\xa0", " ")
    assert content.startswith(f"Cher {issued[0].member_name}, 1 440,00 € dû le 31/01/2025")
    assert "(exercice 2025) — l'€." in content
