"""The pole's identity (DESIGN §3): the one row describing the organisation of this file.

Decisions:

* identifiers are stored compact (``73282932000074``, ``FR7630006000011234567890189``) and
  shown formatted by the view;
* the fiscal-year start month cannot change once a year is closed or a cost, call or payment
  exists: it decides the fiscal year of every dated record (``start_month_locked`` lists them);
* the logo is a PNG or JPEG file (extension and magic bytes both checked, at most
  :data:`LOGO_MAX_BYTES`) copied into the attachments folder under the SHA-256 of its content
  plus the extension of its name (the convention of ``services/attachments.py``) and recorded
  as an :class:`Attachment` (reused when the same content is already there). The file is
  copied inside the write; if the action then fails, the copy stays as an unreferenced,
  content-addressed file, which is harmless.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import (
    format_iban,
    format_siret,
    validate_bic,
    validate_iban,
    validate_rna,
    validate_siret,
    validate_vat_number,
)
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import get_or_error, pole_row
from ptce_desktop.services.costs.shares import recompute_open_costs
from ptce_desktop.services.members.input import email, identifier, phone, postcode, text
from ptce_desktop.store.audit import utc_now
from ptce_desktop.store.base import LEN_LABEL, LEN_SHORT, LEN_URL
from ptce_desktop.store.models import Attachment, Call, Cost, FiscalYear, Member, Payment, Pole
from ptce_desktop.store.unit_of_work import UnitOfWork

LOGO_MAX_BYTES = 5 * 1024 * 1024
_LOGO_KINDS: dict[bytes, str] = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
_SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")


@dataclass(frozen=True)
class PoleDraft:
    """The pole's form. Identifiers may be typed with spaces; empty text means "none"."""

    name: str
    territory: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    siret: str | None = None
    rna: str | None = None
    vat_number: str | None = None
    vat_registered: bool = False
    iban: str | None = None
    bic: str | None = None
    legal_rep_name: str | None = None
    legal_rep_title: str | None = None
    lead_member_id: int | None = None
    fiscal_year_start_month: int = 1


_DRAFT_FIELDS = tuple(f.name for f in fields(PoleDraft))


@dataclass(frozen=True, kw_only=True)
class PoleView(PoleDraft):
    """The pole as stored, with display forms, the lead member's name and the logo file."""

    siret_display: str | None
    iban_display: str | None
    lead_member_name: str | None
    logo_attachment_id: int | None
    logo_name: str | None
    logo_path: Path | None

    def to_draft(self) -> PoleDraft:
        return PoleDraft(**{name: getattr(self, name) for name in _DRAFT_FIELDS})


def _start_month(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise PtceError("invalid_month", "fiscal_year_start_month", value=value)
    return value


def _validated(draft: PoleDraft) -> dict[str, Any]:
    return {
        "name": text(draft.name, "name", required=True),
        "territory": text(draft.territory, "territory"),
        "address": text(draft.address, "address"),
        "postcode": postcode(draft.postcode),
        "city": text(draft.city, "city", max_length=LEN_SHORT * 2),
        "email": email(draft.email),
        "phone": phone(draft.phone),
        "website": text(draft.website, "website", max_length=LEN_URL),
        "siret": identifier(draft.siret, "siret", validate_siret),
        "rna": identifier(draft.rna, "rna", validate_rna),
        "vat_number": identifier(draft.vat_number, "vat_number", validate_vat_number),
        "vat_registered": bool(draft.vat_registered),
        "iban": identifier(draft.iban, "iban", validate_iban),
        "bic": identifier(draft.bic, "bic", validate_bic),
        "legal_rep_name": text(draft.legal_rep_name, "legal_rep_name"),
        "legal_rep_title": text(draft.legal_rep_title, "legal_rep_title"),
        "lead_member_id": draft.lead_member_id,
        "fiscal_year_start_month": _start_month(draft.fiscal_year_start_month),
    }


def check_draft(draft: PoleDraft) -> None:
    """Raise the first ``PtceError`` of ``draft``: a form checks before anything is written."""
    _validated(draft)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _check_start_month_change(session: Session) -> None:
    """Refuse a new start month once dated records or closed years exist."""
    counts = session.execute(
        select(
            select(func.count())
            .select_from(FiscalYear)
            .where(FiscalYear.closed_at.is_not(None))
            .scalar_subquery(),
            select(func.count()).select_from(Cost).scalar_subquery(),
            select(func.count()).select_from(Call).scalar_subquery(),
            select(func.count()).select_from(Payment).scalar_subquery(),
        )
    ).one()
    words = (
        (("exercice clôturé", "exercices clôturés"), ("closed year", "closed years")),
        (("charge", "charges"), ("cost", "costs")),
        (("appel de fonds", "appels de fonds"), ("call for funds", "calls for funds")),
        (("règlement", "règlements"), ("payment", "payments")),
    )
    found = [(int(n), fr, en) for n, (fr, en) in zip(counts, words, strict=True) if n]
    if found:
        raise PtceError(
            "start_month_locked",
            "fiscal_year_start_month",
            details=", ".join(_plural(n, *fr) for n, fr, _ in found),
            details_en=", ".join(_plural(n, *en) for n, _, en in found),
            closed_years=int(counts[0]),
            costs=int(counts[1]),
            calls=int(counts[2]),
            payments=int(counts[3]),
        )


def _read_logo(path: Path) -> tuple[bytes, str]:
    """The logo's bytes and MIME type, or a clear error for anything but PNG/JPEG."""
    if path.suffix.lower() not in _LOGO_SUFFIXES:
        raise PtceError("logo_not_image", "logo", name=path.name)
    try:
        size = path.stat().st_size
        if size > LOGO_MAX_BYTES:
            raise PtceError(
                "logo_too_large",
                "logo",
                name=path.name,
                size_mb=f"{size / 1_048_576:.1f}".replace(".", ","),
                max_mb=LOGO_MAX_BYTES // 1_048_576,
            )
        data = path.read_bytes()
    except OSError as error:
        raise PtceError(
            "logo_unreadable", "logo", path=str(path), detail=error.strerror or str(error)
        ) from None
    for magic, mime in _LOGO_KINDS.items():
        if data.startswith(magic):
            return data, mime
    raise PtceError("logo_not_image", "logo", name=path.name)


def attachment_file(folder: Path, sha256: str, original_name: str) -> Path:
    """Where an attachment's content lives: ``<sha256><extension>`` in the attachments folder
    (any file starting with the hash if that one is missing)."""
    suffix = Path(original_name).suffix.lower()
    path = folder / (sha256 + (suffix if _SAFE_SUFFIX.fullmatch(suffix) else ""))
    if not path.is_file():
        others = sorted(p for p in folder.glob(f"{sha256}*") if p.is_file())
        if others:
            return others[0]
    return path


def _store_file(folder: Path, sha256: str, original_name: str, data: bytes) -> None:
    target = attachment_file(folder, sha256, original_name)
    if target.is_file() and target.stat().st_size == len(data):
        return
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class PoleService:
    """Create and edit the pole; set its logo."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def _view(self, pole: Pole) -> PoleView:
        values = {name: getattr(pole, name) for name in _DRAFT_FIELDS}
        logo = pole.logo
        return PoleView(
            **values,
            siret_display=format_siret(pole.siret) if pole.siret else None,
            iban_display=format_iban(pole.iban) if pole.iban else None,
            lead_member_name=pole.lead_member.name if pole.lead_member else None,
            logo_attachment_id=pole.logo_attachment_id,
            logo_name=logo.original_name if logo else None,
            logo_path=(
                attachment_file(self.uow.db.attachments_dir, logo.sha256, logo.original_name)
                if logo
                else None
            ),
        )

    @staticmethod
    def _require(session: Session) -> Pole:
        pole = pole_row(session)
        if pole is None:
            raise PtceError("pole_missing")
        return pole

    def get(self) -> PoleView | None:
        with self.uow.read() as session:
            pole = pole_row(session)
            return None if pole is None else self._view(pole)

    def create_pole(
        self,
        name: str,
        territory: str | None = None,
        fiscal_year_start_month: int = 1,
        *,
        identity: PoleDraft | None = None,
    ) -> PoleView:
        """The welcome flow: the file's one pole (refused if it already has one).

        ``identity`` holds what the documents print (SIRET, address, representative…), asked
        by the welcome form when the user does not skip it; its name, territory, month and
        lead member are ignored (the arguments win; no member exists yet).
        """
        base = identity if identity is not None else PoleDraft(name=name)
        values = _validated(
            replace(
                base,
                name=name,
                territory=territory,
                fiscal_year_start_month=fiscal_year_start_month,
                lead_member_id=None,
            )
        )
        with self.uow.write("Créer le pôle") as session:
            existing = pole_row(session)
            if existing is not None:
                raise PtceError("pole_exists", name=existing.name)
            pole = Pole(id=1, **values)
            session.add(pole)
            session.flush()
            return self._view(pole)

    def update(self, draft: PoleDraft) -> PoleView:
        values = _validated(draft)
        with self.uow.write("Modifier le pôle") as session:
            pole = self._require(session)
            if values["lead_member_id"] is not None:
                get_or_error(session, Member, values["lead_member_id"], Entity.MEMBER)
            if values["fiscal_year_start_month"] != pole.fiscal_year_start_month:
                _check_start_month_change(session)
            basis_changes = values["vat_registered"] != pole.vat_registered
            for name, value in values.items():
                if getattr(pole, name) != value:
                    setattr(pole, name, value)
            session.flush()
            if basis_changes:  # HT or TTC is split: the open years' shares follow
                recompute_open_costs(session)
            session.refresh(pole)
            return self._view(pole)

    def set_logo(self, path: Path | str) -> PoleView:
        """Copy a PNG/JPEG image into the attachments and make it the pole's logo."""
        source = Path(path)
        data, mime = _read_logo(source)
        sha256 = hashlib.sha256(data).hexdigest()
        with self.uow.write("Changer le logo du pôle") as session:
            pole = self._require(session)
            attachment = session.scalars(
                select(Attachment).where(Attachment.sha256 == sha256)
            ).one_or_none()
            name = attachment.original_name if attachment else source.name[:LEN_LABEL]
            _store_file(self.uow.db.attachments_dir, sha256, name, data)
            if attachment is None:
                attachment = Attachment(
                    sha256=sha256,
                    original_name=name,
                    size=len(data),
                    mime=mime,
                    added_at=utc_now(),
                )
                session.add(attachment)
                session.flush()
            pole.logo_attachment_id = attachment.id
            session.flush()
            session.refresh(pole)
            return self._view(pole)

    def clear_logo(self) -> PoleView:
        """Print without a logo (the image stays among the attachments)."""
        with self.uow.write("Retirer le logo du pôle") as session:
            pole = self._require(session)
            pole.logo_attachment_id = None
            session.flush()
            session.refresh(pole)
            return self._view(pole)
