"""The `mre` command: global options, subcommands, and the exit-code contract.

Every failure mre expects becomes one line on stderr and the exit code of
its class (see `mre_core.errors`), bad options and arguments included (exit
2, with a pointer to --help); a bug prints one line too, and its traceback
only with MRE_DEBUG=1. With JSON logs that line is a JSON object like every
other line on stderr. A reader that stops reading (`| head`) is no failure:
exit 0, nothing said.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import typer

from mre_core import __version__, logs
from mre_core.cli import (
    connectors,
    db,
    drivers,
    events,
    export,
    ingest,
    output,
    practice,
    runs,
    serve,
    tracks,
    users,
    worker,
)
from mre_core.cli.helptext import Typer
from mre_core.cli.state import CliState
from mre_core.errors import DatabaseError, MreError, Terminated, first_line
from mre_core.settings import Settings
from mre_core.storage.database import DATABASE_ERRORS

try:  # typer >= 0.2x carries its own click, whose errors all derive from this
    from typer import TyperException as ClickError
except ImportError:  # older typer runs on click itself
    from click import ClickException as ClickError  # type: ignore[no-redef]

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 internal error (a bug), 2 usage, 3 not found, 4 validation "
    "(the site's data), 5 network, 6 already running, 7 database, 8 run abandoned, "
    "130 cancelled (Ctrl-C), 143 stopped (SIGTERM)."
)

app = Typer(
    name="mre",
    help="RC race timing data (tracks, events, races, results, laps) in your own database."
    f"\n\nEvery command has --help. {EXIT_CODES_HELP}",
    epilog="Example: mre tracks sync && mre events refresh --track-id canberraoffroad",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and one plain "Error:" line, not boxes
)
app.add_typer(tracks.app, name="tracks")
app.add_typer(events.app, name="events")
app.add_typer(ingest.app, name="ingest")
app.add_typer(connectors.app, name="connectors")
app.add_typer(runs.app, name="runs")
app.add_typer(users.app, name="users")
app.add_typer(drivers.app, name="drivers")
app.add_typer(practice.app, name="practice")
app.add_typer(db.app, name="db")
app.command("status")(runs.status)
app.command("worker")(worker.worker)
app.command("serve")(serve.serve)
app.command("export")(export.export_command)


def _version(value: bool) -> None:
    if value:
        output.line(f"mre {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        metavar="URL",
        help="Database URL: sqlite:///path.db or postgresql://user:pw@host/db. "
        "Default: $MRE_DATABASE_URL, else sqlite in ~/.local/share/mre/mre.db.",
    ),
    replay: Path | None = typer.Option(
        None,
        "--replay",
        metavar="CASSETTE",
        help="Serve every HTTP request from this vcrpy cassette; nothing goes to the network.",
    ),
    record: Path | None = typer.Option(
        None,
        "--record",
        metavar="CASSETTE",
        help="Write the HTTP traffic to this cassette (what it already holds is replayed).",
    ),
    log_json: bool = typer.Option(
        False, "--log-json", help="Logs as one JSON object per line (also MRE_LOG_FORMAT=json)."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Warnings and errors only."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    if verbose and quiet:
        raise typer.BadParameter("cannot be used with --quiet", ctx=ctx, param_hint="'--verbose'")
    settings = Settings.from_env()  # a bad MRE_* value is a usage error here, before any work
    json_lines = log_json or settings.log_format == "json"
    level = "DEBUG" if verbose else "WARNING" if quiet else settings.log_level
    logs.configure(json_lines=json_lines, level=level)
    ctx.obj = CliState(
        db=db,
        replay=replay,
        record=record,
        show_progress=not (json_lines or quiet),
        settings=settings,
    )


def global_options_of(command: Any) -> dict[str, int]:
    """Each option of the root command, by every spelling, and how many values it takes.

    Read from the command itself, so an option added to `global_options`
    can follow the subcommand too without being listed anywhere else.
    """
    takes: dict[str, int] = {}
    for param in command.params:
        if param.param_type_name != "option":
            continue
        count = 0 if getattr(param, "is_flag", False) or getattr(param, "count", False) else 1
        for name in (*param.opts, *param.secondary_opts):
            takes[name] = count * param.nargs
    return takes


def hoist_global_options(argv: list[str], options: Mapping[str, int]) -> list[str]:
    """Move global options to the front, so they may follow the subcommand too.

    `mre events show 1 --db sqlite:///x.db` is `mre --db sqlite:///x.db events show 1`.
    """
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        name = arg.split("=", 1)[0]
        if name in options:
            takes = 0 if "=" in arg else options[name]
            front.extend(argv[i : i + 1 + takes])
            i += 1 + takes
            continue
        rest.append(arg)
        i += 1
    return front + rest


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM (cron, systemd, docker, `timeout`): stop like Ctrl-C, recorded as cancelled."""
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    """Run `mre` with `argv`; return the exit code instead of exiting."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
    command = typer.main.get_command(app)
    args = hoist_global_options(
        list(sys.argv[1:] if argv is None else argv), global_options_of(command)
    )
    # Errors met before the root command has read its options (a bad option, a
    # bad MRE_* setting) are already JSON lines when JSON logs were asked for.
    logs.configure(json_lines="--log-json" in args or _json_logs_in(os.environ))
    try:
        # Not click's main(): its usage errors come here as exceptions, one line
        # like ours, and so does a closed stdout (click would exit 1 for it).
        with command.make_context("mre", args) as ctx:
            command.invoke(ctx)
        sys.stdout.flush()  # a closed pipe shows here for output still buffered
        return 0
    except BrokenPipeError:
        # The reader has gone (`mre events show E | head -1`): it wanted no more.
        # Python's final flush of stdout would fail again, so it goes to devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except typer.Exit as exc:  # --help, --version, and commands ending with a code
        return exc.exit_code
    except Terminated:
        output.error(Terminated.message, Terminated.exit_code)
        return Terminated.exit_code
    except (typer.Abort, KeyboardInterrupt):
        output.error("cancelled (SIGINT)", 130)
        return 130
    except ClickError as exc:
        return _click_error(exc)
    except MreError as exc:
        output.error(str(exc), exc.exit_code)
        return exc.exit_code
    except DATABASE_ERRORS as exc:
        output.error(f"database error: {first_line(exc)}", DatabaseError.exit_code)
        return DatabaseError.exit_code
    except Exception as exc:
        logs.error_line(
            f"internal error ({type(exc).__name__}: {first_line(exc)}); "
            "rerun with MRE_DEBUG=1 for details",
            1,
            detail=traceback.format_exc() if os.environ.get("MRE_DEBUG") else None,
        )
        return 1


def _json_logs_in(environ: Mapping[str, str]) -> bool:
    """MRE_LOG_FORMAT=json, read as the settings read it (any case, spaces around)."""
    return environ.get("MRE_LOG_FORMAT", "").strip().lower() == "json"


def _click_error(exc: ClickError) -> int:
    """A bad option or argument, as one line naming the command's --help."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":  # a group run bare: its help, as click does
        if not logs.json_lines_on:
            exc.show()  # type: ignore[attr-defined]
            return exc.exit_code
        message = f"a command is needed: {', '.join(ctx.command.list_commands(ctx))}"
    else:
        if isinstance(exc, typer.BadParameter):
            exc.message = _in_words(exc)
        message = " ".join(line.strip() for line in exc.format_message().splitlines())
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    output.error(message, exc.exit_code)
    return exc.exit_code


def _in_words(exc: typer.BadParameter) -> str:
    """typer checks values with pydantic; say what is wrong as a person would.

    "Input should be a valid integer, unable to parse string as an integer"
    becomes "'abc' is not a whole number". Messages that are not pydantic's
    (ours, and older typers' own) are kept as they are.
    """
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors) or not errors():
        return exc.message
    found = errors()[0]
    kind, given, context = found["type"], found.get("input"), found.get("ctx") or {}
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    if kind in ("int_parsing", "int_from_float"):
        return f"{given!r} is not a whole number"
    if kind in ("float_parsing", "decimal_parsing"):
        return f"{given!r} is not a number"
    return exc.message


def run() -> None:
    sys.exit(main())
