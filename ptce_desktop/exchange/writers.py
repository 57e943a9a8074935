"""The second half of an import: each kind's rows turned into service calls.

A writer runs inside the import's one transaction: the services it calls are given a unit of
work joined to that transaction (:class:`JoinedUnitOfWork`), so each call keeps every rule of
the service (validation, recomputed shares, closed years) and nothing commits on its own.
Lookups (a member by SIRET then exact name, a service or key by name) read the same session,
so a member created by an earlier row is found by a later one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import validate_siret
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.exchange.cells import normalise
from ptce_desktop.exchange.prepare import ImportOptions, ParsedRow, Prepared
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.views import InstalmentDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, UsageDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.store.models import (
    AllocationKey,
    Funder,
    Grant,
    KeyVersion,
    Member,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork


class JoinedUnitOfWork(UnitOfWork):
    """A unit of work whose writes and reads run in an already open write session: the
    services called through it take part in that one transaction."""

    def __init__(self, outer: UnitOfWork, session: Session) -> None:
        super().__init__(outer.db, outer.bus)
        self._session = session

    @contextmanager
    def write(self, action: str, *, bulk_summary: str | None = None) -> Iterator[Session]:
        yield self._session
        self._session.flush()

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session


class RowFailure(Exception):
    """An error of one row inside a step that spans several rows (a key version)."""

    def __init__(self, row: ParsedRow, field: str | None, error: PtceError) -> None:
        super().__init__(error.message("fr"))
        self.row = row
        self.field = field
        self.error = error


@dataclass(frozen=True)
class Step:
    """One service action: the rows it comes from (errors go to the first) and the call."""

    rows: tuple[ParsedRow, ...]
    run: Callable[[], None]
    field: str | None = None  # the column its errors most likely concern


class Writer:
    def __init__(
        self, uow: JoinedUnitOfWork, session: Session, prepared: Prepared, options: ImportOptions
    ) -> None:
        self.uow = uow
        self.session = session
        self.prepared = prepared
        self.options = options
        self.counts: Counter[tuple[str, str]] = Counter()  # (singular, plural) -> count
        self.members = MemberService(uow)

    def steps(self) -> Iterator[Step]:
        raise NotImplementedError

    # --- lookups ------------------------------------------------------------------------------

    def member_id(self, row: ParsedRow) -> int:
        """The member named by the row: SIRET first, then exact name; created with
        ``create_members``, else ``import_unknown_member``."""
        siret_text = row.values.get("member_siret")
        name = row.values.get("member")
        siret = None
        if siret_text:
            try:
                siret = validate_siret(siret_text, field="member_siret")
            except PtceError as error:
                raise RowFailure(row, "member_siret", error) from None
            found = self.session.scalar(select(Member.id).where(Member.siret == siret))
            if found is not None:
                return int(found)
        if name:
            found = self.session.scalar(select(Member.id).where(Member.name == name).limit(1))
            if found is not None:
                return int(found)
        if self.options.create_members and name:
            view = self.members.create(
                MemberDraft(name=name, siret=siret, category=MemberCategory.OTHER.value)
            )
            self.counts[("membre créé", "membres créés")] += 1
            return view.id
        field = "member" if name or not siret_text else "member_siret"
        raise RowFailure(row, field, PtceError("import_unknown_member", value=name or siret_text))

    def _by_name(self, model: Any, name: str) -> int | None:
        found = self.session.scalar(select(model.id).where(model.name == name))
        if found is not None:
            return int(found)
        wanted = normalise(name)
        close = [i for i, n in self.session.execute(select(model.id, model.name))
                 if normalise(n) == wanted]  # fmt: skip
        return int(close[0]) if len(close) == 1 else None

    def service_id(self, row: ParsedRow, field: str = "service") -> int:
        name = row.values[field]
        found = self._by_name(SharedService, name)
        if found is None:
            raise RowFailure(row, field, PtceError("import_unknown_service", value=name))
        return found

    def key_id(self, row: ParsedRow, name: str) -> int:
        found = self._by_name(AllocationKey, name)
        if found is None:
            raise RowFailure(row, "key", PtceError("import_unknown_key", value=name))
        return found


def _duplicates(rows: Sequence[ParsedRow], key: Callable[[ParsedRow], Any]) -> dict[int, int]:
    """Row number -> the number of the earlier row with the same key (None keys ignored)."""
    seen: dict[Any, int] = {}
    found: dict[int, int] = {}
    for row in rows:
        value = key(row)
        if value is None:
            continue
        if value in seen:
            found[row.number] = seen[value]
        else:
            seen[value] = row.number
    return found


def _duplicate_step(row: ParsedRow, field: str, first: int, first_text: str | None = None) -> Step:
    """``first_text``: the value as the earlier row writes it, when it may differ (« Épicerie »
    then « EPICERIE »): the message names what line ``first`` says."""

    def fail() -> None:
        value = first_text if first_text is not None else str(row.texts.get(field, ""))
        raise RowFailure(row, field, PtceError("import_duplicate_row", first=first, value=value))

    return Step((row,), fail, field)


# --- members ------------------------------------------------------------------------------------

_MEMBER_FIELDS = {
    "name", "short_name", "category", "legal_form", "siret", "siren", "rna", "vat_number",
    "address", "postcode", "city", "contact_name", "email", "phone", "joined_on", "left_on",
    "college", "qpv", "notes",
}  # fmt: skip


class MembersWriter(Writer):
    def steps(self) -> Iterator[Step]:
        rows = self.prepared.rows

        def compact(row: ParsedRow) -> str | None:
            try:
                return validate_siret(row.values["siret"]) if row.values.get("siret") else None
            except PtceError:
                return None

        by_siret = _duplicates(rows, compact)
        # names compared as members are looked up (accents, case, spacing ignored): two rows
        # « Épicerie » and « EPICERIE » would make two members no later file could tell apart
        by_name = _duplicates(
            rows, lambda r: normalise(r.values["name"]) if r.values.get("name") else None
        )
        texts = {row.number: row.texts for row in rows}
        for row in rows:
            if row.number in by_siret:
                yield _duplicate_step(row, "siret", by_siret[row.number])
            elif row.number in by_name:
                first = by_name[row.number]
                yield _duplicate_step(row, "name", first, texts[first].get("name"))
            else:
                yield Step((row,), lambda row=row: self._one(row))  # type: ignore[misc]

    def _one(self, row: ParsedRow) -> None:
        given = {k: v for k, v in row.values.items() if k in _MEMBER_FIELDS and v is not None}
        existing, by = None, ""
        if given.get("siret"):
            siret = validate_siret(given["siret"], field="siret")
            existing = self.session.scalar(select(Member).where(Member.siret == siret))
            by = "SIRET"
        if existing is None and given.get("name"):
            found = self._by_name(Member, given["name"])  # exact, else the one written so
            existing = self.session.get(Member, found) if found is not None else None
            by = "nom"
        if existing is None:
            self.members.create(MemberDraft(**given))
            self.counts[("membre créé", "membres créés")] += 1
            return
        if not self.options.update:
            raise PtceError("import_duplicate_member", "name", name=existing.name, by=by)
        draft = replace(self.members.get(existing.id).to_draft(), **given)
        self.members.update(existing.id, draft)
        self.counts[("membre mis à jour", "membres mis à jour")] += 1


class FiguresWriter(Writer):
    def steps(self) -> Iterator[Step]:
        rows = self.prepared.rows
        dupes = _duplicates(
            rows,
            lambda r: (r.values.get("member_siret") or r.values.get("member"), r.values["year"]),
        )
        for row in rows:
            if row.number in dupes:
                field = "member" if "member" in self.prepared.mapping else "member_siret"
                yield _duplicate_step(row, field, dupes[row.number])
            else:
                yield Step((row,), lambda row=row: self._one(row))  # type: ignore[misc]

    def _one(self, row: ParsedRow) -> None:
        v = row.values
        self.members.set_year_figures(
            self.member_id(row),
            v["year"],
            headcount=v.get("headcount"),
            etp_milli=v.get("etp_milli"),
            jobs_created=v.get("jobs_created"),
            jobs_maintained=v.get("jobs_maintained"),
            volunteers=v.get("volunteers"),
            turnover_cents=v.get("turnover_cents"),
        )
        self.counts[("ligne de chiffres annuels saisie", "lignes de chiffres annuels saisies")] += 1


class ServicesWriter(Writer):
    def steps(self) -> Iterator[Step]:
        rows = self.prepared.rows
        dupes = _duplicates(rows, lambda r: normalise(r.values["name"]))
        services = SharedServiceService(self.uow)
        for row in rows:
            if row.number in dupes:
                yield _duplicate_step(row, "name", dupes[row.number])
            else:
                yield Step((row,), lambda row=row: self._one(services, row))  # type: ignore[misc]

    def _one(self, services: SharedServiceService, row: ParsedRow) -> None:
        v = row.values
        rate = v.get("vat_rate_bp") or 0
        regime = v.get("vat_regime") or (
            VatRegime.TAXABLE.value if rate else VatRegime.EXEMPT_261B.value
        )
        key_id = self.key_id(row, v["key"]) if v.get("key") else None
        carrier = None
        if v.get("carrier"):
            carrier = self.member_id(ParsedRow(row.number, {"member": v["carrier"]}, row.texts))
        draft = ServiceDraft(
            name=v["name"],
            vat_regime=regime,
            vat_rate_bp=rate,
            key_id=key_id,
            carrier_member_id=carrier,
            category=v.get("category"),
            description=v.get("description"),
            active_from=v.get("active_from"),
            active_to=v.get("active_to"),
        )
        existing = self._by_name(SharedService, v["name"])
        if existing is None:
            services.create_service(draft)
            self.counts[("service créé", "services créés")] += 1
        elif self.options.update:
            # the file carries no coefficient nor fee: the service keeps its dated terms
            current = services.get_service(existing)
            kept = replace(
                draft,
                billing_coefficient_e4=current.billing_coefficient_e4,
                fee_rate_bp=current.fee_rate_bp,
                billing_from=current.billing_from,
            )
            services.update_service(existing, kept)
            self.counts[("service mis à jour", "services mis à jour")] += 1
        else:
            raise PtceError("import_duplicate_service", "name", name=v["name"])


class BudgetsWriter(Writer):
    def steps(self) -> Iterator[Step]:
        rows = self.prepared.rows
        dupes = _duplicates(rows, lambda r: (normalise(r.values["service"]), r.values["year"]))
        services = SharedServiceService(self.uow)
        for row in rows:
            if row.number in dupes:
                yield _duplicate_step(row, "service", dupes[row.number])
            else:
                yield Step(
                    (row,),
                    lambda row=row: self._one(services, row),  # type: ignore[misc]
                    "amount_cents",
                )

    def _one(self, services: SharedServiceService, row: ParsedRow) -> None:
        v = row.values
        services.set_budget(self.service_id(row), v["year"], v["amount_cents"])
        self.counts[("budget fixé", "budgets fixés")] += 1


class KeysWriter(Writer):
    """Rows grouped by (key, valid-from date): one key version per group."""

    def steps(self) -> Iterator[Step]:
        groups: dict[tuple[str, dt.date], list[ParsedRow]] = {}
        keys = KeyService(self.uow)
        for row in self.prepared.rows:
            name = row.values.get("key") or self.options.key
            valid_from = row.values.get("valid_from") or self.options.valid_from
            if name is None:
                yield _fail_step(row, "key", PtceError("import_key_needed"))
            elif valid_from is None:
                yield _fail_step(row, "valid_from", PtceError("import_from_needed"))
            else:
                groups.setdefault((name, valid_from), []).append(row)
        for (name, valid_from), rows in groups.items():
            yield Step(
                tuple(rows),
                lambda n=name, d=valid_from, r=rows: self._version(keys, n, d, r),  # type: ignore[misc]
                "key",
            )

    def _version(
        self, keys: KeyService, name: str, valid_from: dt.date, rows: list[ParsedRow]
    ) -> None:
        first = rows[0]
        key_id = self._by_name(AllocationKey, name)
        if key_id is None:
            method = first.values.get("method") or (
                Method.UNITS.value if first.values.get("units") is not None
                else Method.PERCENT.value
            )  # fmt: skip
            key_id = keys.create_key(KeyDraft(name=name, method=method))
            self.counts[("clé créée", "clés créées")] += 1
        key = self.session.get(AllocationKey, key_id)
        assert key is not None
        if key.method not in (Method.UNITS.value, Method.PERCENT.value):
            raise RowFailure(
                first,
                "key",
                PtceError("import_key_method_mismatch", key=key.name, method=_METHODS[key.method]),
            )
        column = "units" if key.method == Method.UNITS.value else "percent"
        values: dict[int, int] = {}
        seen: dict[int, int] = {}
        for row in rows:
            member_id = self.member_id(row)
            if member_id in seen:
                field = "member" if row.values.get("member") else "member_siret"
                raise RowFailure(
                    row,
                    field,
                    PtceError(
                        "import_duplicate_row", first=seen[member_id], value=row.texts[field]
                    ),
                )
            seen[member_id] = row.number
            value = row.values.get(column)
            if value is None:
                label = self.prepared.spec.field(column).label
                raise RowFailure(row, column, PtceError("import_value_needed", column=label))
            values[member_id] = value
        existing = self.session.scalar(
            select(KeyVersion.id).where(
                KeyVersion.key_id == key_id, KeyVersion.valid_from == valid_from
            )
        )
        draft = VersionDraft(valid_from=valid_from, values=values, note="Import")
        if existing is not None and self.options.update:
            keys.update_version(existing, draft)
            self.counts[("version de clé mise à jour", "versions de clé mises à jour")] += 1
        else:
            keys.add_version(key_id, draft)
            self.counts[("version de clé ajoutée", "versions de clé ajoutées")] += 1


_METHODS = {
    Method.EQUAL.value: "à parts égales",
    Method.USAGE.value: "selon l'utilisation relevée",
    Method.MIXED.value: "en combinant d'autres clés",
    Method.UNITS.value: "par unités",
    Method.PERCENT.value: "par pourcentages",
}


def _fail_step(row: ParsedRow, field: str, error: PtceError) -> Step:
    def fail() -> None:
        raise RowFailure(row, field, error)

    return Step((row,), fail, field)


class UsageWriter(Writer):
    def steps(self) -> Iterator[Step]:
        keys = KeyService(self.uow)
        for row in self.prepared.rows:
            yield Step((row,), lambda row=row: self._one(keys, row), "quantity_milli")  # type: ignore[misc]

    def _one(self, keys: KeyService, row: ParsedRow) -> None:
        v = row.values
        keys.add_usage(
            UsageDraft(
                key_id=self.key_id(row, v["key"]),
                member_id=self.member_id(row),
                on=v["on"],
                quantity_milli=v["quantity_milli"],
                note=v.get("note"),
            )
        )
        self.counts[("relevé d'utilisation saisi", "relevés d'utilisation saisis")] += 1


class CostsWriter(Writer):
    def steps(self) -> Iterator[Step]:
        costs = CostService(self.uow)
        for row in self.prepared.rows:
            yield Step((row,), lambda row=row: self._one(costs, row), "ttc_cents")  # type: ignore[misc]

    def _one(self, costs: CostService, row: ParsedRow) -> None:
        v = row.values
        ht, vat, ttc = v.get("ht_cents"), v.get("vat_cents"), v.get("ttc_cents")
        if ttc is None and ht is not None:
            vat = vat or 0
            ttc = ht + vat
        elif ttc is not None and ht is None:
            vat = vat or 0
            ht = ttc - vat
        elif ttc is not None and ht is not None and vat is None:
            vat = ttc - ht
        if ht is None or vat is None or ttc is None:
            raise PtceError("import_amount_missing", "ttc_cents")
        invoice = v["invoice_date"]
        start = v.get("period_start") or invoice
        costs.create_cost(
            CostDraft(
                service_id=self.service_id(row),
                invoice_date=invoice,
                period_start=start,
                period_end=v.get("period_end") or start,
                label=v["label"],
                ht_cents=ht,
                vat_cents=vat,
                ttc_cents=ttc,
                payment_date=v.get("payment_date"),
                supplier=v.get("supplier"),
                cerfa_code=v.get("cerfa_code"),
                invoice_ref=v.get("invoice_ref"),
            )
        )
        self.counts[("charge saisie", "charges saisies")] += 1


class PaymentsWriter(Writer):
    def steps(self) -> Iterator[Step]:
        payments = PaymentService(self.uow)
        for row in self.prepared.rows:
            yield Step((row,), lambda row=row: self._one(payments, row), "amount_cents")  # type: ignore[misc]

    def _one(self, payments: PaymentService, row: ParsedRow) -> None:
        v = row.values
        payments.record_payment(
            self.member_id(row),
            v["date"],
            v["amount_cents"],
            v.get("method") or "virement",
            v.get("reference"),
            v.get("note"),
        )
        self.counts[("règlement enregistré", "règlements enregistrés")] += 1


class InstalmentsWriter(Writer):
    """A grant named by its title (accents and case ignored), the funder telling apart two
    grants of the same title."""

    def steps(self) -> Iterator[Step]:
        grants = GrantService(self.uow)
        for row in self.prepared.rows:
            yield Step((row,), lambda row=row: self._one(grants, row), "amount_cents")  # type: ignore[misc]

    def _one(self, grants: GrantService, row: ParsedRow) -> None:
        v = row.values
        wanted, funder = normalise(v["grant"]), normalise(v.get("funder") or "")
        titles = select(Grant.id, Grant.title, Funder.name).join(
            Funder, Funder.id == Grant.funder_id
        )
        found = [
            grant_id
            for grant_id, title, funder_name in self.session.execute(titles)
            if normalise(title) == wanted and (not funder or normalise(funder_name) == funder)
        ]
        if not found:
            raise RowFailure(row, "grant", PtceError("import_unknown_grant", value=v["grant"]))
        if len(found) > 1:
            raise RowFailure(row, "grant", PtceError("import_ambiguous_grant", value=v["grant"]))
        grants.add_instalment(
            found[0], InstalmentDraft(v["date"], v["amount_cents"], v.get("reference"))
        )
        self.counts[("versement enregistré", "versements enregistrés")] += 1


WRITERS: dict[str, type[Writer]] = {
    "members": MembersWriter,
    "member-figures": FiguresWriter,
    "services": ServicesWriter,
    "budgets": BudgetsWriter,
    "keys": KeysWriter,
    "usage": UsageWriter,
    "costs": CostsWriter,
    "payments": PaymentsWriter,
    "grant-instalments": InstalmentsWriter,
}
