"""Scenarios as JSON: the file the CLI reads (README « Scénarios ») and what a saved scenario
stores. Every error names the field by its path (« scenarios[1].joins[0].date ») in a French
message (:mod:`ptce_desktop.domain.messages.simulation`).

A file holds one scenario object, a list of them, or ``{"scenarios": [...]}``. A scenario::

    {"name": "30 % égal + 70 % m²",            # required
     "from": "2025-07-01",                       # optional: unit changes from this day
     "key": {"method": "mixed", "parts": [{"weight": 30}, {"key": 2, "weight": 70}]},
     "units": {"3": 150, "5": "12,5"},           # member id -> units (m², ETP…; 0 = none)
     "joins": [{"name": "Nouvelle asso", "date": "01/07/2025", "units": 40}],
     "leaves": [{"member": 4, "date": "30/06/2025"}],
     "budgets": {"1": 15000, "2": "9 500,50"},   # service id -> euros
     "fees": {"1": 6}}                           # service id -> management fee, %

``key`` is ``{"key": ID}`` (an existing key), ``{"method": "equal"}``, ``{"method": "units",
"values": {...}}``, ``{"method": "percent", "values": {...}}`` (percentages) or ``{"method":
"mixed", "parts": [...]}`` where a part without ``key`` is parts égales.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, Method
from ptce_desktop.domain.periods import parse_date
from ptce_desktop.domain.scenarios import (
    MAX_SCENARIOS,
    Join,
    KeyChoice,
    Leave,
    PartChoice,
    Scenario,
)

_FIELDS = ("name", "from", "key", "units", "joins", "leaves", "budgets", "fees")
_METHODS = ("equal", "units", "percent", "mixed")
_TYPES = {
    "object": ("un objet {…}", "an object {…}"),
    "list": ("une liste […]", "a list […]"),
    "text": ("un texte", "a text"),
    "integer": ("un nombre entier (identifiant)", "a whole number (an id)"),
}


def _type_error(path: str, expected: str, value: Any) -> PtceError:
    fr, en = _TYPES[expected]
    shown = json.dumps(value, ensure_ascii=False, default=str)
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return PtceError("scenario_type", path, expected=fr, expected_en=en, value=shown)


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _type_error(path, "object", value)
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _type_error(path, "list", value)
    return value


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _type_error(path, "text", value)
    return value.strip()


def _id(value: Any, path: str) -> int:
    if isinstance(value, bool):
        raise _type_error(path, "integer", value)
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value() and value > 0:
        return int(value)
    raise _type_error(path, "integer", value)


def _scaled(value: Any, path: str, decimals: int) -> int:
    """A non-negative number with at most ``decimals`` decimals, times 10**decimals: a JSON
    number, or a text in the French (« 1 234,5 ») or plain (« 1234.5 ») form, « € » allowed."""
    if isinstance(value, bool) or value is None:
        raise PtceError("scenario_number", path, value=json.dumps(value), decimals=decimals)
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.replace("€", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise PtceError("scenario_number", path, value=value, decimals=decimals) from None
    else:
        raise PtceError("scenario_number", path, value=str(value), decimals=decimals)
    scaled = number.scaleb(decimals)
    if not number.is_finite() or number < 0 or scaled != scaled.to_integral_value():
        raise PtceError("scenario_number", path, value=str(value), decimals=decimals)
    if scaled > 10**15:
        raise PtceError("scenario_number", path, value=str(value), decimals=decimals)
    return int(scaled)


def _date(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise PtceError("scenario_date", path, value=json.dumps(value, default=str))
    try:
        return parse_date(value)
    except PtceError:
        raise PtceError("scenario_date", path, value=value) from None


def _id_map(value: Any, path: str, decimals: int) -> dict[int, int]:
    found = {}
    for raw_id, amount in _object(value, path).items():
        where = f"{path}.{raw_id}"
        found[_id(raw_id, where)] = _scaled(amount, where, decimals)
    return found


def _key(value: Any, path: str) -> KeyChoice:
    data = _object(value, path)
    for name in data:
        if name not in ("key", "method", "values", "parts"):
            raise PtceError(
                "scenario_unknown_field", f"{path}.{name}", choices="key, method, values, parts"
            )
    if "key" in data and "method" not in data:
        return KeyChoice(Method.UNITS, key_id=_id(data["key"], f"{path}.key"))
    if "method" not in data:
        raise PtceError("scenario_missing", f"{path}.method")
    raw = data["method"]
    if raw not in _METHODS:
        raise PtceError(
            "scenario_method", f"{path}.method", value=str(raw), choices=", ".join(_METHODS)
        )
    method = Method(raw)
    key_id = _id(data["key"], f"{path}.key") if "key" in data else None
    if method is Method.MIXED:
        parts = []
        for index, part in enumerate(_list(data.get("parts"), f"{path}.parts")):
            where = f"{path}.parts[{index}]"
            part_data = _object(part, where)
            if "weight" not in part_data:
                raise PtceError("scenario_missing", f"{where}.weight")
            weight = _scaled(part_data["weight"], f"{where}.weight", 2)
            part_key = _id(part_data["key"], f"{where}.key") if "key" in part_data else None
            parts.append(PartChoice(weight, part_key))
        if not any(part.weight > 0 for part in parts):
            raise PtceError("scenario_mixed_parts", f"{path}.parts")
        return KeyChoice(method, parts=tuple(parts))
    decimals = 2 if method is Method.PERCENT else 3
    values = _id_map(data["values"], f"{path}.values", decimals) if "values" in data else {}
    return KeyChoice(method, key_id=key_id, values=values)


def scenario_from_dict(value: Any, path: str = "scenario") -> Scenario:
    data = _object(value, path)
    for name in data:
        if name not in _FIELDS:
            raise PtceError("scenario_unknown_field", f"{path}.{name}", choices=", ".join(_FIELDS))
    if "name" not in data:
        raise PtceError("scenario_missing", f"{path}.name")
    name = _text(data["name"], f"{path}.name")
    effective = _date(data["from"], f"{path}.from") if data.get("from") is not None else None
    key = _key(data["key"], f"{path}.key") if data.get("key") is not None else None
    units = _id_map(data.get("units", {}), f"{path}.units", 3)
    joins = []
    for index, item in enumerate(_list(data.get("joins", []), f"{path}.joins")):
        where = f"{path}.joins[{index}]"
        join = _object(item, where)
        for needed in ("name", "date"):
            if needed not in join:
                raise PtceError("scenario_missing", f"{where}.{needed}")
        joins.append(
            Join(
                _text(join["name"], f"{where}.name"),
                _date(join["date"], f"{where}.date"),
                _scaled(join.get("units", 0), f"{where}.units", 3),
            )
        )
    leaves = []
    for index, item in enumerate(_list(data.get("leaves", []), f"{path}.leaves")):
        where = f"{path}.leaves[{index}]"
        leave = _object(item, where)
        for needed in ("member", "date"):
            if needed not in leave:
                raise PtceError("scenario_missing", f"{where}.{needed}")
        leaves.append(
            Leave(_id(leave["member"], f"{where}.member"), _date(leave["date"], f"{where}.date"))
        )
    budgets = _id_map(data.get("budgets", {}), f"{path}.budgets", 2)
    fees = _id_map(data.get("fees", {}), f"{path}.fees", 2)
    for service, rate in fees.items():
        if rate > 10_000:
            raise PtceError(
                "scenario_number", f"{path}.fees.{service}", value=rate / 100, decimals=2
            )
    return Scenario(name, key, units, tuple(joins), tuple(leaves), budgets, effective, fees)


def scenarios_from_json(text: str) -> list[Scenario]:
    """The scenarios of a JSON text (see the module docstring); ``PtceError`` naming the field."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise PtceError(
            "scenario_not_json", detail=f"ligne {error.lineno}, colonne {error.colno}"
        ) from None
    path = "scenarios"
    if isinstance(data, dict) and "scenarios" in data:
        extra = [name for name in data if name not in ("scenarios", "format")]
        if extra:
            raise PtceError("scenario_unknown_field", extra[0], choices="scenarios, format")
        data = data["scenarios"]
    if isinstance(data, dict):
        return [scenario_from_dict(data, "scenario")]
    items = _list(data, path)
    if not items:
        raise PtceError("scenario_missing", f"{path}[0]")
    if len(items) > MAX_SCENARIOS:
        raise PtceError("scenario_count", path, count=len(items), max=MAX_SCENARIOS)
    return [scenario_from_dict(item, f"{path}[{index}]") for index, item in enumerate(items)]


def _number(scaled: int, decimals: int) -> int | float:
    value = Decimal(scaled).scaleb(-decimals)
    return int(value) if value == value.to_integral_value() else float(value)


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The JSON object of ``scenario`` (read back equal by :func:`scenario_from_dict`)."""
    data: dict[str, Any] = {"name": scenario.name}
    if scenario.effective_from is not None:
        data["from"] = scenario.effective_from.isoformat()
    choice = scenario.key
    if choice is not None:
        if choice.key_id is not None and choice.method is not Method.MIXED and not choice.values:
            key: dict[str, Any] = {"key": choice.key_id}
        else:
            key = {"method": choice.method.value}
            if choice.method is Method.MIXED:
                key["parts"] = [
                    {"weight": _number(p.weight, 2)}
                    | ({"key": p.key_id} if p.key_id is not None else {})
                    for p in choice.parts
                ]
            elif choice.values:
                decimals = 2 if choice.method is Method.PERCENT else 3
                key["values"] = {str(m): _number(v, decimals) for m, v in choice.values.items()}
        data["key"] = key
    if scenario.units:
        data["units"] = {str(m): _number(v, 3) for m, v in scenario.units.items()}
    if scenario.joins:
        data["joins"] = [
            {"name": j.name, "date": j.joined.isoformat(), "units": _number(j.units, 3)}
            for j in scenario.joins
        ]
    if scenario.leaves:
        data["leaves"] = [
            {"member": leave.member_id, "date": leave.left.isoformat()} for leave in scenario.leaves
        ]
    if scenario.budgets:
        data["budgets"] = {str(s): _number(c, 2) for s, c in scenario.budgets.items()}
    if scenario.fees:
        data["fees"] = {str(s): _number(r, 2) for s, r in scenario.fees.items()}
    return data


def scenario_to_json(scenario: Scenario) -> str:
    return json.dumps(scenario_to_dict(scenario), ensure_ascii=False, indent=2)


def check_against(
    scenario: Scenario,
    path: str,
    *,
    members: frozenset[int],
    services: Mapping[int, str],
    keys: Mapping[int, KeySpec],
) -> None:
    """Refuse a scenario naming a member, a service or a key the pole does not have."""
    for member in scenario.units:
        if member not in members:
            raise PtceError("scenario_unknown_member", f"{path}.units.{member}", id=member)
    for index, leave in enumerate(scenario.leaves):
        if leave.member_id not in members:
            raise PtceError(
                "scenario_unknown_member", f"{path}.leaves[{index}].member", id=leave.member_id
            )
    choices = ", ".join(f"{sid} « {name} »" for sid, name in services.items())
    for name, mapping in (("budgets", scenario.budgets), ("fees", scenario.fees)):
        for service in mapping:
            if service not in services:
                where = f"{path}.{name}.{service}"
                raise PtceError("scenario_unknown_service", where, id=service, choices=choices)
    choice = scenario.key
    if choice is None:
        return
    if choice.key_id is not None and choice.key_id not in keys:
        raise PtceError("scenario_unknown_key", f"{path}.key.key", id=choice.key_id)
    for index, part in enumerate(choice.parts):
        if part.key_id is not None and part.key_id not in keys:
            where = f"{path}.key.parts[{index}].key"
            raise PtceError("scenario_unknown_key", where, id=part.key_id)
    for member in choice.values:
        if member not in members:
            raise PtceError("scenario_unknown_member", f"{path}.key.values.{member}", id=member)
