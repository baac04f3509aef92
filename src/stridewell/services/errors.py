"""Errors a user can fix. Each message is one line; entry points show it and exit 1."""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out as asked."""


class NotFoundError(ServiceError):
    """The athlete, race or plan asked for does not exist."""


class NoAthleteError(ServiceError):
    """No athlete was named and the database has none."""


class AmbiguousAthleteError(ServiceError):
    """No athlete was named and the database has several."""

    def __init__(self, message: str, athlete_ids: list[int]) -> None:
        super().__init__(message)
        self.athlete_ids = athlete_ids
