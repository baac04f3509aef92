"""What every command shares: settings, the database, the clock and error reporting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Annotated, NoReturn

import typer

from stridewell.config import Settings, SettingsError, load_settings
from stridewell.domain.athletes import ValidationError
from stridewell.services.database import Database
from stridewell.services.errors import AmbiguousAthleteError, NoAthleteError, ServiceError


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", help="table for people, json for scripts.", case_sensitive=False),
]
AthleteOption = Annotated[
    int | None,
    typer.Option("--athlete", metavar="ID", help="Athlete id (default: the only athlete)."),
]


@dataclass
class CliState:
    settings: Settings
    database: Database = field(init=False)

    def __post_init__(self) -> None:
        self.database = Database(self.settings.database_url)

    def today(self) -> date:
        return self.settings.today()

    def close(self) -> None:
        self.database.close()


def state(ctx: typer.Context) -> CliState:
    """The state the root callback stored (built here when a command runs on its own)."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState(load_settings())
        root.call_on_close(root.obj.close)
    return root.obj


def fail(message: str) -> NoReturn:
    """Report a user error as one line on stderr and exit 1."""
    lines = message.strip().splitlines() or ["unknown error"]
    typer.echo(f"Error: {lines[0]}", err=True)
    raise typer.Exit(1)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can fix into `Error: …` and exit code 1; bugs still raise."""
    try:
        yield
    except NoAthleteError:
        fail("there is no athlete yet; add one with `stridewell athlete add` or `stridewell demo`")
    except AmbiguousAthleteError as error:
        ids = ", ".join(str(i) for i in error.athlete_ids)
        fail(f"there are several athletes (ids {ids}); choose one with --athlete ID")
    except (ServiceError, ValidationError, SettingsError) as error:
        fail(str(error))
