"""The `stridewell` command: global options, and the commands and command groups under it."""

from __future__ import annotations

from typing import Annotated

import typer

from stridewell import __version__
from stridewell.cli import athletes, database, exercises, imports, injuries, plans, races
from stridewell.cli.backup import import_backup
from stridewell.cli.context import CliState, fail
from stridewell.cli.exports import app as export_app
from stridewell.cli.insights import insights_command
from stridewell.cli.load import load
from stridewell.cli.logging import app as log_app
from stridewell.cli.records import records_command
from stridewell.cli.rehab import app as rehab_app
from stridewell.cli.serve import serve
from stridewell.cli.users import app as user_app
from stridewell.config import SettingsError, load_settings

app = typer.Typer(
    name="stridewell",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stridewell {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL, e.g. sqlite:///stridewell.sqlite or"
            " postgresql+psycopg://user@host/db (default: STRIDEWELL_DATABASE_URL, else a file"
            " in your data directory).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Stridewell: an injury-aware strength and running coach for runners.

    Environment: STRIDEWELL_DATABASE_URL (like --db), STRIDEWELL_TODAY (YYYY-MM-DD, as if today).

    Example:

        stridewell --db sqlite:///training.sqlite athlete list --format json
    """
    try:
        settings = load_settings().with_database_url(db)
    except SettingsError as error:
        fail(str(error))
    ctx.obj = CliState(settings)
    ctx.call_on_close(ctx.obj.close)


app.command("init")(database.init)
app.command("demo")(database.demo)
app.command("exercises")(exercises.exercises)
app.command("import")(imports.import_files)
app.add_typer(imports.activities_app, name="activities")
app.add_typer(athletes.app, name="athlete")
app.add_typer(injuries.app, name="injury")
app.add_typer(races.app, name="race")
app.add_typer(plans.app, name="plan")
app.add_typer(export_app, name="export")
app.command("import-backup")(import_backup)
app.add_typer(log_app, name="log")
app.add_typer(rehab_app, name="rehab")
app.command("load")(load)
app.command("records")(records_command)
app.command("insights")(insights_command)
app.command("serve")(serve)
app.add_typer(user_app, name="user")


def main() -> None:
    app(prog_name="stridewell")
