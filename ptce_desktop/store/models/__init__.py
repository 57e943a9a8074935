"""Every table of the application (DESIGN §3), importable from one place.

Import models from here (``from ptce_desktop.store.models import Member``): it loads every
model module, so string references between them always resolve.
"""

from __future__ import annotations

from ptce_desktop.store.base import Base
from ptce_desktop.store.models.activity import (
    AuditEntry,
    Event,
    GovernanceBody,
    Meeting,
    Project,
    ProjectMember,
    ReportText,
    SequenceCounter,
)
from ptce_desktop.store.models.calls import (
    Call,
    CallLine,
    CallReminder,
    ExceptionalCharge,
    Payment,
    PaymentMatch,
)
from ptce_desktop.store.models.costs import (
    Attachment,
    AttachmentLink,
    Cost,
    ServiceBudget,
    Share,
    SharedService,
)
from ptce_desktop.store.models.dated import PoleVatPeriod, ServiceBillingTerm, ServiceVatPeriod
from ptce_desktop.store.models.grants import (
    Funder,
    Grant,
    GrantBudgetLine,
    GrantPlanLine,
    GrantReportText,
    InKindContribution,
    Instalment,
    Redistribution,
)
from ptce_desktop.store.models.keys import (
    AllocationKey,
    KeyMixPart,
    KeyVersion,
    KeyVersionUnit,
    UsageRecord,
)
from ptce_desktop.store.models.members import (
    FiscalYear,
    Member,
    MembershipFee,
    MemberYearFigures,
    Pole,
)
from ptce_desktop.store.models.simulation import SavedScenario

__all__ = [
    "AllocationKey",
    "Attachment",
    "AttachmentLink",
    "AuditEntry",
    "Base",
    "Call",
    "CallLine",
    "CallReminder",
    "Cost",
    "Event",
    "ExceptionalCharge",
    "FiscalYear",
    "Funder",
    "GovernanceBody",
    "Grant",
    "GrantBudgetLine",
    "GrantPlanLine",
    "GrantReportText",
    "InKindContribution",
    "Instalment",
    "KeyMixPart",
    "KeyVersion",
    "KeyVersionUnit",
    "Meeting",
    "Member",
    "MemberYearFigures",
    "MembershipFee",
    "Payment",
    "PaymentMatch",
    "Pole",
    "PoleVatPeriod",
    "Project",
    "ProjectMember",
    "Redistribution",
    "ReportText",
    "SavedScenario",
    "SequenceCounter",
    "ServiceBillingTerm",
    "ServiceBudget",
    "ServiceVatPeriod",
    "Share",
    "SharedService",
    "UsageRecord",
]
