"""The member's intra-community VAT number on the documents it receives (#10): printed as
« N° TVA intracommunautaire du client » on a call, avoir or relevé whose lines carry VAT, never
on one without VAT."""

from __future__ import annotations

from dataclasses import replace

from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.documents.test_statement import _render, _text, _world

MENTION = "N° TVA intracommunautaire du client : BE0403170701"


def _give_number(uow: UnitOfWork, member_id: int) -> None:
    service = MemberService(uow)
    draft = service.get(member_id).to_draft()
    service.update(member_id, replace(draft, vat_number="be 0403.170.701"))


def test_taxable_call_and_relevé_print_the_member_number(uow: UnitOfWork) -> None:
    members = _world(uow)
    _give_number(uow, members[1])
    relevé = build_statement_data(uow, members[1], 2025)
    assert relevé.member_vat_number == "BE0403170701" and relevé.has_vat
    assert MENTION in _text(_render(relevé))
    first = CallService(uow).list_calls(2025, member_id=members[1])[0]
    call = build_statement_data(uow, members[1], 2025, call_id=first.id)
    text = _text(_render(call))
    assert text.count(MENTION) == 1
    assert "40 €" in text  # the other invoice mentions come with it
    # another member without a number: no empty mention
    other = _text(_render(build_statement_data(uow, members[0], 2025)))
    assert "du client" not in other


def test_no_mention_without_vat(uow: UnitOfWork) -> None:
    members = _world(uow, registered=False)  # nothing carries VAT
    _give_number(uow, members[2])
    model = build_statement_data(uow, members[2], 2025)
    assert model.member_vat_number == "BE0403170701" and not model.has_vat
    assert "BE0403170701" not in _text(_render(model))


def test_exempt_only_lines_print_no_mention(uow: UnitOfWork) -> None:
    members = _world(uow, taxable=False)  # 261 B lines only
    _give_number(uow, members[0])
    model = build_statement_data(uow, members[0], 2025)
    assert not model.has_vat
    assert "du client" not in _text(_render(model))
