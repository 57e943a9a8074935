"""Every table of the application (DESIGN §3), importable from one place.

Import models from here (``from ptce_desktop.store.models import Member``): it loads every
model module, so string references between them always resolve.
"""

from __future__ import annotations

from .base import Base
from .models_activity import (
    AuditEntry,
    Event,
    GovernanceBody,
    Meeting,
    Project,
    ProjectMember,
    ReportText,
    SequenceCounter,
)
from .models_calls import Call, CallLine, Payment, PaymentMatch
from .models_costs import Attachment, AttachmentLink, Cost, ServiceBudget, Share, SharedService
from .models_grants import (
    Funder,
    Grant,
    GrantBudgetLine,
    GrantPlanLine,
    GrantReportText,
    InKindContribution,
    Instalment,
    Redistribution,
)
from .models_keys import AllocationKey, KeyMixPart, KeyVersion, KeyVersionUnit, UsageRecord
from .models_members import FiscalYear, Member, MembershipFee, MemberYearFigures, Pole

__all__ = [
    "AllocationKey",
    "Attachment",
    "AttachmentLink",
    "AuditEntry",
    "Base",
    "Call",
    "CallLine",
    "Cost",
    "Event",
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
    "Project",
    "ProjectMember",
    "Redistribution",
    "ReportText",
    "SequenceCounter",
    "ServiceBudget",
    "Share",
    "SharedService",
    "UsageRecord",
]
