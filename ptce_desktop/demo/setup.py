"""Setting up the demo pole (see :mod:`.demo`): identity, members, keys, usage, services,
activity. Every write goes through the service a user would use."""

from __future__ import annotations

import datetime as dt
import random

from stdnum import iban, luhn
from stdnum.fr import siren

from ptce_desktop.demo import data
from ptce_desktop.demo.data import DEMO_TODAY, DEMO_YEARS, Ticks, month_end, months
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.activity.views import BodyDraft, EventDraft, MeetingDraft, ProjectDraft
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyDraft, KeyService, UsageDraft, VersionDraft
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleDraft, PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork


def _luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - 1 - len(prefix)))
    return body + luhn.calc_check_digit(body)


_SIREN_PREFIX = {"local_authority": "21", "research": "19"}


def demo_siret(rng: random.Random, category: str) -> str:
    """A SIRET with valid Luhn keys (SIREN and SIRET), fictional."""
    prefix = _SIREN_PREFIX.get(category, str(rng.randint(3, 9)))
    number = _luhn_number(rng, prefix, 9)
    return _luhn_number(rng, number + "000", 14)


def demo_iban(rng: random.Random) -> str:
    """A French IBAN with a valid RIB key and check digits (fictional bank)."""
    bank, branch = "42559", "10000"
    account = "".join(str(rng.randint(0, 9)) for _ in range(11))
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{key:02d}"
    return "FR" + iban.calc_check_digits("FR00" + bban) + bban


def _present(member: data.DemoMember, start: dt.date, end: dt.date) -> bool:
    return member.joined_on <= end and (member.left_on is None or member.left_on >= start)


class SetupBuilder:
    """Writes the pole, its members, keys, usage, services and activity; keeps their ids."""

    def __init__(self, uow: UnitOfWork, rng: random.Random, progress: Ticks) -> None:
        self.uow = uow
        self.rng = rng
        self.progress = progress
        self.members: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.services: dict[str, int] = {}
        self.projects: dict[str, int] = {}
        self.usage = 0
        self.meetings = 0
        self.events = 0

    def identity_and_members(self) -> str:
        pole = PoleService(self.uow)
        if pole.get() is not None:
            raise PtceError("demo_not_empty")
        pole.create_pole(data.POLE["name"], data.POLE["territory"], 1)
        members = MemberService(self.uow, today=lambda: DEMO_TODAY)
        sirets: dict[str, str] = {}
        for index, item in enumerate(data.MEMBERS):
            sirets[item.tag] = demo_siret(self.rng, item.category)
            slug = "".join(c for c in (item.short_name or item.name).lower() if c.isalnum())[:20]
            view = members.create(
                MemberDraft(
                    name=item.name,
                    category=item.category,
                    short_name=item.short_name,
                    legal_form=item.legal_form,
                    siret=sirets[item.tag],
                    rna=self._rna() if item.association else None,
                    address=f"{3 + index * 7} {_STREETS[index % len(_STREETS)]}",
                    postcode=item.postcode,
                    city=item.city,
                    contact_name=_CONTACTS[index % len(_CONTACTS)],
                    email=f"contact@{slug}.example",
                    phone=f"04 75 {10 + index:02d} {self.rng.randint(10, 99)} 00",
                    joined_on=item.joined_on,
                    left_on=item.left_on,
                    college=item.college,
                    qpv=item.qpv,
                    notes="Structure porteuse de l'animation du pôle."
                    if item.tag == "archipel"
                    else None,
                )
            )
            self.members[item.tag] = view.id
            self._figures(members, item)
        lead = data.MEMBERS[0]
        pole_view = pole.update(
            PoleDraft(
                name=data.POLE["name"],
                territory=data.POLE["territory"],
                address=data.POLE["address"],
                postcode=data.POLE["postcode"],
                city=data.POLE["city"],
                email=data.POLE["email"],
                phone=data.POLE["phone"],
                website=data.POLE["website"],
                siret=sirets[lead.tag],
                rna=data.POLE["rna"],
                vat_number="FR" + siren.to_tva(sirets[lead.tag][:9]),
                vat_registered=True,
                iban=demo_iban(self.rng),
                bic=data.POLE["bic"],
                legal_rep_name=data.POLE["legal_rep_name"],
                legal_rep_title=data.POLE["legal_rep_title"],
                lead_member_id=self.members[lead.tag],
                fiscal_year_start_month=1,
            )
        )
        fees = FeeService(self.uow)
        for category, amounts in data.FEES.items():
            for year, euros in zip(DEMO_YEARS, amounts, strict=True):
                fees.set_fee(year, category, euros * 100)
        return pole_view.name

    def _rna(self) -> str:
        return f"W26{self.rng.randint(1_000_000, 9_999_999)}"

    def _figures(self, members: MemberService, item: data.DemoMember) -> None:
        if not item.headcount and not item.volunteers:
            return
        for year in DEMO_YEARS:
            if not _present(item, dt.date(year, 1, 1), dt.date(year, 12, 31)):
                continue
            growth = self.rng.randint(-1, 2)
            headcount = max(1, item.headcount + growth)
            members.set_year_figures(
                self.members[item.tag],
                year,
                headcount=headcount,
                etp_milli=item.etp_milli * headcount // max(1, item.headcount),
                jobs_created=max(0, growth),
                jobs_maintained=headcount - max(0, growth),
                volunteers=item.volunteers + self.rng.randint(0, 5) if item.volunteers else 0,
                turnover_cents=item.turnover_k * 100_000 * self.rng.randint(95, 108) // 100,
            )

    def keys_and_usage(self) -> None:
        keys = KeyService(self.uow)
        for key in data.KEYS:
            self.keys[key.tag] = keys.create_key(
                KeyDraft(key.name, key.method, key.unit, key.description)
            )
        for key in data.KEYS:
            for valid_from, values in key.versions:
                keys.add_version(
                    self.keys[key.tag],
                    VersionDraft(
                        valid_from,
                        {self.members[tag]: value for tag, value in values.items()},
                        {self.keys[tag]: weight for tag, weight in key.parts},
                        note="Version initiale" if valid_from.year == 2024 else "Mise à jour",
                    ),
                )
        self.progress.advance(20)
        by_tag = {item.tag: item for item in data.MEMBERS}
        for year, month in months():
            start, end = dt.date(year, month, 1), month_end(year, month)
            for key_tag, users, spread in data.USAGE_SPREAD:
                for tag, base in users.items():
                    if not _present(by_tag[tag], start, end):
                        continue
                    quantity = base * (100 + self.rng.randint(-spread, spread)) // 100
                    keys.add_usage(
                        UsageDraft(
                            self.keys[key_tag],
                            self.members[tag],
                            min(end, by_tag[tag].left_on or end),
                            quantity * 1000,
                            note=f"Relevé de {data.MONTHS_FR[month - 1]} {year}",
                        )
                    )
                    self.usage += 1
            self.progress.advance(4)

    def services_and_budgets(self) -> None:
        services = SharedServiceService(self.uow)
        for item in data.SERVICES:
            self.services[item.tag] = services.create_service(
                ServiceDraft(
                    name=item.name,
                    vat_regime="taxable" if item.vat_rate_bp else "exempt_261b",
                    vat_rate_bp=item.vat_rate_bp,
                    key_id=self.keys[item.key],
                    carrier_member_id=self.members["archipel"],
                    category=item.category,
                    description=item.description,
                    active_from=dt.date(2024, 1, 1),
                    billing_coefficient_e4=item.coefficient_e4,
                    fee_rate_bp=item.fee_rate_bp,
                    billing_from=item.billing_from,
                )
            )
            for year, euros in zip(DEMO_YEARS, item.budgets, strict=True):
                services.set_budget(self.services[item.tag], year, euros * 100)

    def activity(self) -> None:
        activity = ActivityService(self.uow)
        for tag, name, text, start, end, status, lead, partners in data.PROJECTS:
            view = activity.create_project(
                ProjectDraft(
                    name,
                    text,
                    start,
                    end,
                    status,
                    self.members[lead],
                    tuple(self.members[p] for p in partners),
                )
            )
            self.projects[tag] = view.id
        bodies = {
            tag: activity.create_body(BodyDraft(name, kind)).id for tag, name, kind in data.BODIES
        }
        for year in DEMO_YEARS:
            for body, month, day, title in data.MEETINGS:
                when = dt.date(year, month, day)
                if when > DEMO_TODAY:
                    continue
                present = self.rng.randint(9, 15)
                activity.create_meeting(
                    MeetingDraft(
                        when,
                        f"{title} {year}",
                        bodies[body],
                        "Maison de la Coopération, Crest",
                        f"{present} membres présents ou représentés sur 15",
                        "Compte rendu approuvé à la séance suivante.",
                    )
                )
                self.meetings += 1
        for when, title, kind, place, participants, project in data.EVENTS:
            activity.create_event(
                EventDraft(
                    when,
                    title,
                    kind,
                    place,
                    participants,
                    None,
                    self.projects[project] if project else None,
                )
            )
            self.events += 1
        for year, texts in data.REPORT_TEXTS.items():
            for section, text in texts.items():
                activity.set_report_text(year, section, text)


_STREETS = (
    "rue de l'Industrie",
    "avenue Jean-Jaurès",
    "place du Champ-de-Mars",
    "chemin des Mûriers",
    "rue des Écoles",
    "quai Soubeyran",
)
_CONTACTS = (
    "Hélène Roux",
    "Karim Benali",
    "Sophie Chabert",
    "Mathieu Faure",
    "Nadia Ould-Aïssa",
    "Jean-Luc Reynaud",
    "Élodie Brun",
    "Thomas Garnier",
)
