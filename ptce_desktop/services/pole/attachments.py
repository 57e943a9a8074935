"""Attachments (justificatifs): files copied into the data folder, named by their SHA-256.

The same content is stored once, whatever its name and however many records it justifies;
the file is ``<sha256><extension of the first name it was added under>`` in
``database.attachments_dir`` (copied with backups and archives). A link ties one attachment
to exactly one cost, payment, instalment or grant.

Files are written before the transaction and never deleted by the application: a failed
action leaves at most an unreferenced file (harmless, named by its content), and undo and
backups always find the content again. Detaching removes the link (and the attachment's row
once nothing links to it any more). Linking a justificatif to a record of a closed year is
allowed: it changes no figure.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import get_or_error
from ptce_desktop.store.audit import utc_now
from ptce_desktop.store.base import LEN_LABEL
from ptce_desktop.store.models import (
    Attachment,
    AttachmentLink,
    Cost,
    Grant,
    Instalment,
    Payment,
    Pole,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

TargetKind = Literal["cost", "payment", "instalment", "grant"]

_TARGETS: dict[str, tuple[type[Cost | Payment | Instalment | Grant], Entity]] = {
    "cost": (Cost, Entity.COST),
    "payment": (Payment, Entity.PAYMENT),
    "instalment": (Instalment, Entity.INSTALMENT),
    "grant": (Grant, Entity.GRANT),
}
_SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")


@dataclass(frozen=True)
class AttachmentTarget:
    kind: TargetKind
    id: int

    @property
    def column(self) -> str:
        return f"{self.kind}_id"


@dataclass(frozen=True)
class AttachmentView:
    id: int
    link_id: int
    sha256: str
    original_name: str
    size: int
    mime: str | None
    added_at: datetime


def stored_name(sha256: str, original_name: str) -> str:
    suffix = Path(original_name).suffix.lower()
    return sha256 + (suffix if _SAFE_SUFFIX.fullmatch(suffix) else "")


def _link_filter(target: AttachmentTarget) -> object:
    if target.kind not in _TARGETS:
        raise PtceError("attachment_target")
    column = getattr(AttachmentLink, target.column)
    return column == target.id


def attachments_of(session: Session, target: AttachmentTarget) -> list[AttachmentView]:
    """The attachments linked to ``target``, by name."""
    rows = session.execute(
        select(Attachment, AttachmentLink.id)
        .join(AttachmentLink, AttachmentLink.attachment_id == Attachment.id)
        .where(_link_filter(target))  # type: ignore[arg-type]
        .order_by(Attachment.original_name, AttachmentLink.id)
    )
    return [_view(row, link_id) for row, link_id in rows]


def _view(row: Attachment, link_id: int) -> AttachmentView:
    return AttachmentView(
        row.id, link_id, row.sha256, row.original_name, row.size, row.mime, row.added_at
    )


class AttachmentService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    @property
    def folder(self) -> Path:
        return self.uow.db.attachments_dir

    def attach_file(self, cost_id: int, source_path: Path | str) -> AttachmentView:
        """Copy ``source_path`` into the data folder (once per content) and link it to a cost."""
        return self.attach(AttachmentTarget("cost", cost_id), source_path)

    def attach(self, target: AttachmentTarget, source_path: Path | str) -> AttachmentView:
        source = Path(source_path)
        if target.kind not in _TARGETS:
            raise PtceError("attachment_target")
        digest, size = self._copy_in(source)
        with self.uow.write("Joindre un justificatif") as session:
            model, entity = _TARGETS[target.kind]
            get_or_error(session, model, target.id, entity)
            row = session.scalars(select(Attachment).where(Attachment.sha256 == digest)).first()
            if row is None:
                name = source.name[:LEN_LABEL]
                row = Attachment(
                    sha256=digest,
                    original_name=name,
                    size=size,
                    mime=mimetypes.guess_type(name)[0],
                    added_at=utc_now(),
                )
                session.add(row)
                session.flush()
            link = session.scalars(
                select(AttachmentLink).where(
                    AttachmentLink.attachment_id == row.id,
                    _link_filter(target),  # type: ignore[arg-type]
                )
            ).first()
            if link is None:
                link = AttachmentLink(attachment_id=row.id, **{target.column: target.id})
                session.add(link)
                session.flush()
            return _view(row, link.id)

    def _copy_in(self, source: Path) -> tuple[str, int]:
        """Hash ``source`` and copy it into the folder unless that content is already there."""
        hasher = hashlib.sha256()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with (
                source.open("rb") as stream,
                tempfile.NamedTemporaryFile(
                    dir=self.folder, prefix=".incoming-", delete=False
                ) as temporary,
            ):
                size = 0
                while chunk := stream.read(1 << 20):
                    hasher.update(chunk)
                    temporary.write(chunk)
                    size += len(chunk)
                temporary.flush()
                os.fsync(temporary.fileno())
        except OSError as error:
            raise PtceError(
                "attachment_unreadable", path=str(source), detail=error.strerror or str(error)
            ) from error
        digest = hasher.hexdigest()
        target = self.folder / stored_name(digest, source.name)
        existing = [p for p in self.folder.glob(f"{digest}*") if p.is_file()]
        if existing:
            Path(temporary.name).unlink(missing_ok=True)
        else:
            shutil.move(temporary.name, target)
        return digest, size

    def list_for(self, target: AttachmentTarget) -> list[AttachmentView]:
        with self.uow.read() as session:
            return attachments_of(session, target)

    def detach(self, link_id: int) -> None:
        """Remove one link; the attachment's row goes when nothing links to it any more."""
        with self.uow.write("Retirer un justificatif") as session:
            link = get_or_error(session, AttachmentLink, link_id, Entity.ATTACHMENT)
            attachment = link.attachment
            session.delete(link)
            session.flush()
            remaining = session.scalar(
                select(AttachmentLink.id).where(AttachmentLink.attachment_id == attachment.id)
            )
            logo = session.scalar(select(Pole.id).where(Pole.logo_attachment_id == attachment.id))
            if remaining is None and logo is None:
                session.delete(attachment)

    def attachment_path(self, attachment_id: int) -> Path:
        """Where the content of attachment ``attachment_id`` lies (``attachment_missing`` if
        the file is gone from the data folder)."""
        with self.uow.read() as session:
            row = get_or_error(session, Attachment, attachment_id, Entity.ATTACHMENT)
            digest, name = row.sha256, row.original_name
        path = self.folder / stored_name(digest, name)
        if path.is_file():
            return path
        others = sorted(p for p in self.folder.glob(f"{digest}*") if p.is_file())
        if others:
            return others[0]
        raise PtceError("attachment_missing", name=name)
