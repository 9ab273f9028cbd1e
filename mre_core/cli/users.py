"""`mre users`: the app's users, matching them to drivers, and deciding links."""

from __future__ import annotations

from pathlib import Path

import typer

from mre_core.cli import output
from mre_core.cli.helptext import Typer
from mre_core.cli.options import FORMAT_OPTION, JSON_OPTION, SOURCE_OPTION, output_format, state
from mre_core.cli.output import Format, finish
from mre_core.storage.models import LINK_STATUSES

app = Typer(
    help="Users of your app, matched to the drivers of ingested events.",
    epilog="Example: mre users add 'Felix Koegler' --transponder 1234567",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The user's name, e.g. 'Felix Koegler'."),
    email: str | None = typer.Option(
        None, "--email", metavar="EMAIL", help="Optional; unique when given."
    ),
    transponder: list[str] = typer.Option(
        [], "--transponder", metavar="NUMBER", help="A transponder number; repeat for more."
    ),
) -> None:
    """Add a user, and print the new user's id.

    Example: mre users add 'Felix Koegler' --email felix@example.org --transponder 1234567
    """
    with state(ctx).service() as service:
        user = service.add_user(name, email, tuple(transponder))
    output.line(f"user {user['id']}: {user['name']}")


@app.command("import")
def import_users(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ..., metavar="FILE", help="A UTF-8 CSV with a header: name[,email,transponders]."
    ),
) -> None:
    """Add or update users from a CSV file.

    Transponders are separated by spaces or ';'. A row with an email is the
    user of that email; a row without one, the first user of that name.

    Example: mre users import users.csv
    """
    with state(ctx).service() as service:
        counts = service.import_users(file)
    output.counts(counts.as_dict())


@app.command("list")
def list_users(
    ctx: typer.Context, fmt: Format | None = FORMAT_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Every user, with transponders.

    Example: mre users list --format csv > users.csv
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        rows = service.list_users()
    output.listing(output.USER_COLUMNS, rows, chosen)


@app.command("match")
def match(
    ctx: typer.Context,
    event: str | None = typer.Option(
        None, "--event", metavar="EVENT", help="One event; default every ingested event."
    ),
    source: str | None = SOURCE_OPTION,
) -> None:
    """Match users to drivers now (deep ingestion also does it, at its end).

    Example: mre users match --event 486677
    """
    with state(ctx).service(must_exist=True) as service:
        report = service.match_users(event, source)
    finish(report)


@app.command("links")
def links(
    ctx: typer.Context,
    user: int | None = typer.Option(
        None, "--user", metavar="USER_ID", help="Only this user's links."
    ),
    status: str | None = typer.Option(
        None, "--status", metavar="STATUS", help=f"Only: {', '.join(LINK_STATUSES)}."
    ),
    fmt: Format | None = FORMAT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Links between users and drivers, with how each was found.

    Example: mre users links --status suggested
    """
    chosen = output_format(ctx, fmt, as_json)
    with state(ctx).service(must_exist=True) as service:
        rows = service.list_links(user, status)
    output.listing(output.LINK_COLUMNS, rows, chosen)


@app.command("confirm")
def confirm(
    ctx: typer.Context, link: int = typer.Argument(..., metavar="LINK_ID", help="The link's id.")
) -> None:
    """Confirm a link as a person: the matcher will never change it.

    Example: mre users confirm 2
    """
    with state(ctx).service(must_exist=True) as service:
        row = service.confirm_link(link)
    output.line(f"link {row['id']}: {row['user']} is {row['driver']}: confirmed")


@app.command("reject")
def reject(
    ctx: typer.Context, link: int = typer.Argument(..., metavar="LINK_ID", help="The link's id.")
) -> None:
    """Reject a link as a person: the matcher will never change it.

    Example: mre users reject 2
    """
    with state(ctx).service(must_exist=True) as service:
        row = service.reject_link(link)
    output.line(f"link {row['id']}: {row['user']} is not {row['driver']}: rejected")
