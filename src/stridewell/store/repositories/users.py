"""User accounts and coach links: rows <-> `domain.accounts.User`."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from stridewell.domain.accounts import Role, User
from stridewell.store.models import CoachAthleteRow, UserRow


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def any(self) -> bool:
        """Whether the database has at least one account (then every page needs a login)."""
        return bool(self.session.scalar(select(exists().select_from(UserRow))))

    def add(self, user: User, password_hash: str) -> User:
        row = UserRow(
            email=user.email,
            password_hash=password_hash,
            role=user.role.value,
            athlete_id=user.athlete_id,
            created_utc=datetime.now(UTC),
        )
        self.session.add(row)
        self.session.flush()
        return _user(row)

    def get(self, user_id: int) -> User | None:
        row = self.session.get(UserRow, user_id)
        return None if row is None else _user(row)

    def by_email(self, email: str) -> tuple[User, str] | None:
        """The user with this (normalised) address and their password hash."""
        row = self.session.scalar(select(UserRow).where(UserRow.email == email))
        return None if row is None else (_user(row), row.password_hash)

    def password_hash(self, user_id: int) -> str | None:
        return self.session.scalar(select(UserRow.password_hash).where(UserRow.id == user_id))

    def all(self) -> list[User]:
        return [_user(row) for row in self.session.scalars(select(UserRow).order_by(UserRow.id))]

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        row = self._row(user_id)
        row.password_hash = password_hash
        self.session.flush()

    def set_athlete(self, user_id: int, athlete_id: int | None) -> User:
        row = self._row(user_id)
        row.athlete_id = athlete_id
        self.session.flush()
        return _user(row)

    def set_role(self, user_id: int, role: Role) -> User:
        row = self._row(user_id)
        row.role = role.value
        self.session.flush()
        return _user(row)

    def delete(self, user_id: int) -> bool:
        row = self.session.get(UserRow, user_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def coached_athlete_ids(self, coach_id: int) -> frozenset[int]:
        query = select(CoachAthleteRow.athlete_id).where(CoachAthleteRow.coach_id == coach_id)
        return frozenset(self.session.scalars(query))

    def link(self, coach_id: int, athlete_id: int) -> bool:
        """Link a coach to an athlete; False when they were linked already."""
        if self.session.get(CoachAthleteRow, (coach_id, athlete_id)) is not None:
            return False
        self.session.add(CoachAthleteRow(coach_id=coach_id, athlete_id=athlete_id))
        self.session.flush()
        return True

    def unlink(self, coach_id: int, athlete_id: int) -> bool:
        result = self.session.execute(
            delete(CoachAthleteRow).where(
                CoachAthleteRow.coach_id == coach_id, CoachAthleteRow.athlete_id == athlete_id
            )
        )
        self.session.flush()
        return bool(getattr(result, "rowcount", 0))

    def _row(self, user_id: int) -> UserRow:
        row = self.session.get(UserRow, user_id)
        if row is None:
            raise LookupError(f"no user with id {user_id}")
        return row


def _user(row: UserRow) -> User:
    return User(id=row.id, email=row.email, role=Role(row.role), athlete_id=row.athlete_id)
