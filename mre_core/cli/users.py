"""`mre users`: the app's users, matching them to drivers, and deciding links."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from mre_core.cli import output
from mre_core.cli.events import finish
from mre_core.cli.options import SOURCE_HELP, state
from mre_core.storage.models import LINK_STATUSES

app = typer.Typer(
    help="Users of your app, matched to the drivers of ingested events.", no_args_is_help=True
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user's name, e.g. 'Felix Koegler'."),
    email: str | None = typer.Option(None, "--email", help="Optional; unique when given."),
    transponder: list[str] = typer.Option(
        [], "--transponder", help="A transponder number; repeat for more."
    ),
) -> None:
    """Add a user; prints the new user's id."""
    with state(ctx).service() as service:
        user = service.add_user(name, email, tuple(transponder))
    output.console.print(f"user {user['id']}: {user['name']}")


@app.command("import")
def import_users(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A UTF-8 CSV with a header: name[,email,transponders]."),
) -> None:
    """Add or update users from a CSV file (transponders separated by spaces or ';')."""
    with state(ctx).service() as service:
        counts = service.import_users(file)
    output.console.print(counts.summary())


@app.command("list")
def list_users(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")
) -> None:
    """Every user, with transponders."""
    with state(ctx).service() as service:
        rows = service.list_users()
    if as_json:
        output.as_json(rows)
        return
    table = Table("id", "name", "email", "transponders", box=None, pad_edge=False)
    for u in rows:
        table.add_row(str(u["id"]), u["name"], u["email"] or "", " ".join(u["transponders"]))
    output.console.print(table)


@app.command("match")
def match(
    ctx: typer.Context,
    event: str | None = typer.Option(
        None, "--event", help="One event; default every ingested event."
    ),
    source: str | None = typer.Option(None, "--source", help=SOURCE_HELP),
) -> None:
    """Match users to drivers now (it also runs at the end of every deep ingestion)."""
    with state(ctx).service() as service:
        finish(service.match_users(event, source))


@app.command("links")
def links(
    ctx: typer.Context,
    user: int | None = typer.Option(None, "--user", help="Only this user's links (user id)."),
    status: str | None = typer.Option(None, "--status", help=f"Only: {', '.join(LINK_STATUSES)}."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Links between users and drivers, with how each was found."""
    with state(ctx).service() as service:
        rows = service.list_links(user, status)
    if as_json:
        output.as_json(rows)
        return
    table = Table(
        "link", "user", "driver", "status", "match", "score", "by", "why", box=None, pad_edge=False
    )
    for r in rows:
        score = "" if r["similarity_score"] is None else f"{r['similarity_score']:.3f}"
        table.add_row(
            str(r["id"]),
            f"{r['user_id']} {r['user']}",
            f"{r['source_driver_id']} {r['driver']}",
            r["status"],
            r["match_type"],
            score,
            r["decided_by"],
            r["conflict_reason"] or "",
        )
    output.console.print(table)


@app.command("confirm")
def confirm(ctx: typer.Context, link: int = typer.Argument(..., help="The link id.")) -> None:
    """Confirm a link as a person: the matcher will never change it."""
    with state(ctx).service() as service:
        row = service.confirm_link(link)
    output.console.print(f"link {row['id']}: {row['user']} is {row['driver']}: confirmed")


@app.command("reject")
def reject(ctx: typer.Context, link: int = typer.Argument(..., help="The link id.")) -> None:
    """Reject a link as a person: the matcher will never change it."""
    with state(ctx).service() as service:
        row = service.reject_link(link)
    output.console.print(f"link {row['id']}: {row['user']} is not {row['driver']}: rejected")
