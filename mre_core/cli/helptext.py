"""Help written for people: whole summaries, and arguments named as options' values are.

In a list of commands click cuts each summary to the room left on an
80-column line ("Copy the whole database into an empty one (SQLite to...");
here it is the help's first paragraph, whole (wrapped if need be), so each
command's help starts with one short sentence. typer shows a required
argument as `{EVENT}` on the usage line and adds its Python type in the
Arguments section (`EVENT <str>`); here it is `EVENT`, as an option's value
is. Every mre command and group is made through this module's `Typer`.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


def _argument_name(param: Any) -> str:
    return param.metavar or param.name.upper()


def _summary(command: Any) -> str:
    text = command.short_help or command.help or ""
    return " ".join(text.split("\n\n")[0].split())


class Group(TyperGroup):
    def get_short_help_str(self, limit: int = 45) -> str:
        return _summary(self)


class Command(TyperCommand):
    def get_short_help_str(self, limit: int = 45) -> str:
        return _summary(self)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [
            (_argument_name(p), getattr(p, "help", None) or "")
            for p in params
            if p.param_type_name == "argument"
        ]
        options = [
            record
            for p in params
            if p.param_type_name == "option" and (record := p.get_help_record(ctx)) is not None
        ]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class Typer(typer.Typer):
    """A typer app that is a `Group` of `Command`s unless told otherwise."""

    def __init__(self, *, cls: Any = Group, **kwargs: Any) -> None:
        super().__init__(cls=cls, **kwargs)

    def command(self, name: str | None = None, *, cls: Any = Command, **kwargs: Any) -> Any:
        return super().command(name, cls=cls, **kwargs)
