"""`saual`: the command line over ingest, nlp and corpus (Typer); the commands live in ui/commands.

This is the only place where library errors (IngestError, NlpError, CorpusError) become one-line
messages and exit codes: 0 ok, 1 a file or the database failed, 2 a usage error.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .commands import (
    APP_MAIN,
    COMMANDS,
    exception_reason,
    expand_paths,
    failure_line,
    highlighted,
    hit_record,
    hits_table,
    one_line,
    output_name,
    plain_snippet,
    streamlit_command,
    summary_line,
)

__all__ = [
    "APP_MAIN", "app", "exception_reason", "expand_paths", "failure_line", "highlighted", "hit_record",
    "hits_table", "main", "one_line", "output_name", "plain_snippet", "streamlit_command", "summary_line",
]

app = typer.Typer(
    name="saual",
    help="Saual: read Kazakh and Russian parliamentary inquiries, store them, search them.\n\n"
         "Run [bold]saual COMMAND --help[/bold] for the options and examples of each command.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""[bold]Examples[/bold]

  saual ingest samples/                 store every document under samples/

  saual search "еңбек мигранттары"      search the stored documents

  saual conflicts --json                figures that disagree, per indicator and moment

  saual extract --json doc.pdf          the extraction contract for one file

  saual serve                           open the explorer in a browser

Database: --db URL, else $SAUAL_DATABASE_URL, else sqlite:///data/saual.db.""",
)

for _command in COMMANDS:
    app.command(name=_command.name, epilog=_command.epilog)(_command.function)


def _version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("saual")
    except PackageNotFoundError:
        return "unknown"


def _print_version(value: bool) -> None:
    """--version: print it and stop before any command runs."""
    if value:
        typer.echo(f"saual {_version()}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Saual: read Kazakh and Russian parliamentary inquiries, store them, search them."""


def main() -> None:
    """Console-script entry point (`saual`)."""
    app()


if __name__ == "__main__":
    main()
