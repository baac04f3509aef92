"""`stridewell user …`: accounts for a club or coaching service.

The first account turns on sign-in for the web app; a database without accounts stays a
personal install that needs none.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from stridewell.cli.context import FormatOption, OutputFormat, fail, state, user_errors
from stridewell.cli.output import print_json, print_table, text_or_dash
from stridewell.services.accounts import (
    add_user,
    link_coach,
    list_users,
    remove_user,
    set_own_athlete,
    set_password,
    set_role,
    unlink_coach,
    user_to_dict,
)

app = typer.Typer(
    help="Accounts: who may sign in to the web app, and whom they see.", no_args_is_help=True
)

EmailArgument = Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")]
PasswordStdinOption = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input instead of asking.",
    ),
]


def _password(from_stdin: bool) -> str:
    """The new password: one line of stdin for scripts, else asked twice without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            fail("--password-stdin: standard input is empty")
        return line.rstrip("\r\n")
    entered: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return entered


@app.command("add")
def add(
    ctx: typer.Context,
    email: EmailArgument,
    role: Annotated[
        str, typer.Option(metavar="ROLE", help="athlete (own profile), coach or admin (everyone).")
    ] = "athlete",
    athlete: Annotated[
        int | None,
        typer.Option(metavar="ID", help="The athlete profile that is this user's own."),
    ] = None,
    password_stdin: PasswordStdinOption = False,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Add an account. The first one turns on sign-in for the web app.

    Example:

        stridewell user add coach@club.example --role coach
    """
    password = _password(password_stdin)
    with user_errors(), state(ctx).database.session() as session:
        user = add_user(session, email, password, role, athlete)
    if output is OutputFormat.JSON:
        print_json({"user": user_to_dict(user)})
    else:
        typer.echo(f"Added {user.email} ({user.role.value}).")


@app.command("list")
def list_command(ctx: typer.Context, output: FormatOption = OutputFormat.TABLE) -> None:
    """List the accounts.

    Example:

        stridewell user list --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        users = list_users(session)
    rows = [user_to_dict(user) for user in users]
    if output is OutputFormat.JSON:
        print_json({"users": rows})
        return
    if not rows:
        typer.echo("No accounts: the web app is open to whoever can reach it on this computer.")
        return
    table = Table(title="Accounts", title_justify="left")
    for column in ("id", "email", "role", "own athlete"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row["id"]), row["email"], row["role"], text_or_dash(row["athlete_id"]))
    print_table(table)


@app.command("remove")
def remove(ctx: typer.Context, email: EmailArgument) -> None:
    """Remove an account (the athletes it saw stay).

    Example:

        stridewell user remove old.coach@club.example
    """
    with user_errors(), state(ctx).database.session() as session:
        user = remove_user(session, email)
    typer.echo(f"Removed {user.email}.")


@app.command("password")
def password(
    ctx: typer.Context, email: EmailArgument, password_stdin: PasswordStdinOption = False
) -> None:
    """Set a new password for an account; its sessions elsewhere end.

    Example:

        stridewell user password runner@club.example
    """
    new = _password(password_stdin)
    with user_errors(), state(ctx).database.session() as session:
        user = set_password(session, email, new)
    typer.echo(f"New password set for {user.email}.")


@app.command("role")
def role(
    ctx: typer.Context,
    email: EmailArgument,
    new_role: Annotated[str, typer.Argument(metavar="ROLE", help="athlete, coach or admin.")],
) -> None:
    """Change what an account may do.

    Example:

        stridewell user role runner@club.example coach
    """
    with user_errors(), state(ctx).database.session() as session:
        user = set_role(session, email, new_role)
    typer.echo(f"{user.email} is now {user.role.value}.")


@app.command("athlete")
def own_athlete(
    ctx: typer.Context,
    email: EmailArgument,
    athlete_id: Annotated[
        int | None, typer.Argument(metavar="ID", help="The athlete; leave out to unset.")
    ] = None,
) -> None:
    """Make an athlete profile the account's own (what an athlete account sees).

    Example:

        stridewell user athlete runner@club.example 3
    """
    with user_errors(), state(ctx).database.session() as session:
        user = set_own_athlete(session, email, athlete_id)
    typer.echo(f"{user.email}: own athlete {text_or_dash(user.athlete_id)}.")


@app.command("link")
def link(
    ctx: typer.Context,
    coach_email: Annotated[str, typer.Argument(metavar="COACH_EMAIL", help="The coach.")],
    athlete_id: Annotated[int, typer.Argument(metavar="ID", help="The athlete they coach.")],
) -> None:
    """Let a coach see and plan for an athlete.

    Example:

        stridewell user link coach@club.example 3
    """
    with user_errors(), state(ctx).database.session() as session:
        added = link_coach(session, coach_email, athlete_id)
    typer.echo(f"{coach_email} coaches athlete {athlete_id}{'' if added else ' (already)'}.")


@app.command("unlink")
def unlink(
    ctx: typer.Context,
    coach_email: Annotated[str, typer.Argument(metavar="COACH_EMAIL", help="The coach.")],
    athlete_id: Annotated[int, typer.Argument(metavar="ID", help="The athlete.")],
) -> None:
    """Stop a coach from seeing an athlete.

    Example:

        stridewell user unlink coach@club.example 3
    """
    with user_errors(), state(ctx).database.session() as session:
        removed = unlink_coach(session, coach_email, athlete_id)
    if not removed:
        fail(f"{coach_email} does not coach athlete {athlete_id}")
    typer.echo(f"{coach_email} no longer coaches athlete {athlete_id}.")
