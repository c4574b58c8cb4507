"""Every way the ``dossier`` command can fail ends in one line on stderr, never a
traceback: a bad argument is exit 2, any other error exit 1 (``$DOSSIER_DEBUG=1`` shows
the traceback of an unexpected one)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer.core

try:  # typer vendors its own click; its exceptions are the ones raised
    from typer._click import exceptions as cx
except ImportError:  # pragma: no cover - an older typer on the real click
    import click.exceptions as cx  # type: ignore[no-redef]

from dossier.errors import DossierError, NotFound, QueryError

USAGE = 2  # exit status of a bad argument, as click gives it
ARGUMENT_ERRORS = (QueryError, NotFound)  # a DossierError that names a bad argument


def one_line(message: str) -> str:
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def exit_code(exc: DossierError) -> int:
    return USAGE if isinstance(exc, ARGUMENT_ERRORS) else 1


def _say(message: str) -> None:
    sys.stderr.write(f"error: {one_line(message)}\n")
    sys.stderr.flush()


class OneLineGroup(typer.core.TyperGroup):
    """The command group, with click's and typer's multi-line error boxes replaced by one
    line, and an unexpected exception by one line naming it."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return super(OneLineGroup, self).main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )

        if not standalone_mode:
            return run()
        try:
            rv = run()
        except cx.NoArgsIsHelpError as exc:
            sys.stderr.write((exc.ctx.get_help() if exc.ctx else exc.format_message()) + "\n")
            sys.exit(USAGE)
        except cx.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "dossier"
            _say(f"{exc.format_message()} (see `{where} --help`)")
            sys.exit(USAGE)
        except cx.ClickException as exc:
            _say(exc.format_message())
            sys.exit(exc.exit_code)
        except (typer.Abort, KeyboardInterrupt):
            _say("interrupted: what was committed is kept; run the command again to go on")
            sys.exit(130)
        except DossierError as exc:
            _say(str(exc))
            sys.exit(exit_code(exc))
        except Exception as exc:
            if os.environ.get("DOSSIER_DEBUG"):
                raise
            _say(
                f"unexpected {type(exc).__name__}: {exc} (a bug: please report it; "
                "$DOSSIER_DEBUG=1 shows where)"
            )
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)  # typer.Exit(n) comes back as n
