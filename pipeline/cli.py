"""Command line: a thin wrapper over the library (``duizhao --help``)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="duizhao")
def cli():
    """duizhao (对照): reconcile the figures of bilingual People's Daily archive articles.

    \b
    Example:
        duizhao run corpus/ -o outputs/
    """


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Output directory (tables, duizhao.sqlite, report.html).")
@click.option("--db", "db_url", default=None, metavar="URL",
              help="SQLAlchemy URL of the database to write (default: sqlite OUT/duizhao.sqlite), "
                   "e.g. postgresql+psycopg://user@localhost/duizhao")
@click.option("--format", "formats", multiple=True, default=("csv",), show_default=True,
              type=click.Choice(["csv", "parquet", "jsonl"]), help="Flat-file formats to export (repeatable).")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the machine's cores; 1 runs in this process).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the per-article work runs: local processes or a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="dask.distributed scheduler address (implies --engine dask; default: a LocalCluster).")
@click.option("--no-resume", "--force", "no_resume", is_flag=True,
              help="Process every input again, even articles already written unchanged.")
def run(inputs, out, db_url, formats, no_progress, workers, engine, scheduler, no_resume):
    """Process article files and directories (recursively, *.txt and *.md) into tables.

    \b
    Writes OUT/articles.csv, OUT/errors.csv (one row per file that could not be read),
    OUT/quantities.csv, OUT/entities.csv, OUT/reconciliation.csv, OUT/facts.csv,
    the same tables in OUT/duizhao.sqlite, and OUT/report.html.
    Exit status 0 when the run completed, even if some files were bad.

    \b
    Example:
        duizhao run corpus/ -o outputs/
        duizhao run archive/1957/ -o out/ --format parquet --db postgresql+psycopg://localhost/duizhao
    """
    from pipeline.batch import run as run_batch

    try:
        result = run_batch(inputs or ("corpus",), out, db_url=db_url, formats=formats, progress=not no_progress,
                           workers=workers, engine=engine, scheduler=scheduler, resume=not no_resume)
    except FileNotFoundError as e:
        raise click.ClickException(str(e))
    summary = result["summary"]
    click.echo(summary.line(), err=True)
    if summary.errors_by_kind:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(summary.errors_by_kind.items()))
        click.echo(f"errors by kind: {kinds} (see {Path(out) / 'errors.csv'})", err=True)
    click.echo(f"tables written to {out}/", err=True)


def main():
    try:
        cli(prog_name="duizhao")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
