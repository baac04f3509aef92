"""HTML forms: what was typed, and the error to show next to each field.

Parsing and validation belong to the services and the domain; a form only turns text into
arguments and places a `ValidationError` next to the field it names (`error.field`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from starlette.datastructures import FormData

from stridewell.domain.athletes import ValidationError

GENERAL = "__all__"
# Whole numbers typed into forms go into PostgreSQL `integer` columns, the narrowest any of
# them has: a number beyond is refused next to its field, never sent on to overflow there.
# The domain has the plausible range of each field (severity 0 to 10, …) and its own words.
MAX_FORM_INTEGER = 2**31 - 1


@dataclass
class FormState:
    """The values to show again in a form, and its errors by field name."""

    values: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form: FormData) -> FormState:
        values: dict[str, list[str]] = {}
        for key, value in form.multi_items():
            if isinstance(value, str):
                values.setdefault(key, []).append(value)
        return cls(values=values)

    @classmethod
    def initial(cls, values: Mapping[str, str | Iterable[str]]) -> FormState:
        return cls(
            values={
                key: [value] if isinstance(value, str) else list(value)
                for key, value in values.items()
            }
        )

    def value(self, name: str) -> str:
        found = self.values.get(name)
        return found[0] if found else ""

    def checked(self, name: str, option: str) -> bool:
        return option in self.values.get(name, [])

    def text(self, name: str) -> str | None:
        """The trimmed value, or None when the field was left empty."""
        value = self.value(name).strip()
        return value or None

    def items(self, name: str) -> list[str]:
        return [item for item in self.values.get(name, []) if item.strip()]

    def integer(
        self,
        name: str,
        label: str,
        *,
        minimum: int = -MAX_FORM_INTEGER,
        maximum: int = MAX_FORM_INTEGER,
    ) -> int | None:
        text = self.text(name)
        if text is None:
            return None
        try:
            value = int(text)
        except ValueError:
            digits = text.lstrip("+-")
            if not (digits.isascii() and digits.isdigit()):
                raise ValidationError(f"{label} must be a whole number", name) from None
            value = maximum + 1  # thousands of digits, more than int() reads: far too large
        if not minimum <= value <= maximum:
            raise ValidationError(
                f"{label} must be a whole number between {minimum:,} and {maximum:,}", name
            )
        return value

    def number(self, name: str, label: str) -> float | None:
        text = self.text(name)
        if text is None:
            return None
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(f"{label} must be a number", name) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(f"{label} must be a number", name)
        return value

    def required_integer(
        self,
        name: str,
        label: str,
        *,
        minimum: int = -MAX_FORM_INTEGER,
        maximum: int = MAX_FORM_INTEGER,
    ) -> int:
        value = self.integer(name, label, minimum=minimum, maximum=maximum)
        if value is None:
            raise ValidationError(f"{label} is required", name)
        return value

    def reject(
        self, error: ValidationError, fields: Iterable[str], aliases: Mapping[str, str]
    ) -> None:
        """Place `error` next to its field (through `aliases` for the domain's names)."""
        name = aliases.get(error.field or "", error.field or "")
        self.errors[name if name in set(fields) else GENERAL] = str(error)

    def reject_each(
        self,
        check: Callable[[FormState], object],
        baseline: Mapping[str, str | Iterable[str]],
        fields: Iterable[str],
        aliases: Mapping[str, str],
    ) -> None:
        """Find every field's own error, not only the first the domain meets: `check` each
        field as entered inside `baseline` (a form that passes), and keep the error it names
        that field with. The domain stays the only place with the rules; a field already
        rejected keeps its message."""
        for name in fields:
            probe = FormState.initial(baseline)
            probe.values[name] = list(self.values.get(name, []))
            try:
                check(probe)
            except ValidationError as error:
                found = aliases.get(error.field or "", error.field or "")
                if found == name:
                    self.errors.setdefault(name, str(error))

    @property
    def general_error(self) -> str | None:
        return self.errors.get(GENERAL)
