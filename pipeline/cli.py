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
                           workers=workers, engine=engine, scheduler=scheduler, resume=not no_resume,
                           return_tables=False)
    except FileNotFoundError as e:
        raise click.ClickException(str(e))
    except ModuleNotFoundError as e:
        if e.name and e.name.split(".")[0] in ("dask", "distributed"):
            raise click.ClickException("--engine dask needs the dask extra: pip install 'duizhao[dask]'")
        raise
    summary = result["summary"]
    click.echo(summary.line(), err=True)
    if summary.errors_by_kind:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(summary.errors_by_kind.items()))
        click.echo(f"errors by kind: {kinds} (see {Path(out) / 'errors.csv'})", err=True)
    click.echo(f"tables written to {out}/", err=True)


# --- check and eval (issue 5: the translation validator) -------------------------------------

_SHARED = Path(__file__).resolve().parents[2] / "shared"


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--fail-on", "fail_on", default="", metavar="VERDICTS",
              help="Comma-separated verdicts that make the exit status 1 (e.g. scale_error,value_mismatch; "
                   "'all' for every flag).")
def check(files, fail_on):
    """Print each flagged figure of FILE... with both sides in context.

    \b
    For every Chinese figure whose English rendering is not a match (and every English figure
    with no Chinese source) it prints the verdict, why, and the aligned Chinese and English
    sentences with the figure highlighted. Exit status: 1 if a verdict in --fail-on occurs,
    2 if a file cannot be read, else 0.

    \b
    Example:
        duizhao check corpus/000_33999ee4fb8daa75.txt
        duizhao check archive/*.txt --fail-on scale_error,value_mismatch,missing_in_en
    """
    from pipeline.check import check_files, parse_verdicts

    try:
        verdicts = parse_verdicts(fail_on)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--fail-on")
    sys.exit(check_files(files, verdicts, out=sys.stdout))


@cli.command("eval")
@click.option("--gold", "gold", default=str(_SHARED / "gold" / "dev.jsonl"), show_default=True,
              type=click.Path(path_type=Path), help="Gold file (JSONL, one article per line).")
@click.option("--corpus", "corpus", default=str(_SHARED / "corpus" / "dev"), show_default=True,
              type=click.Path(path_type=Path), help="Directory holding the gold's article files.")
@click.option("--inject", is_flag=True, help="Also run the error-injection benchmark on the corpus articles.")
@click.option("--per-kind", default=3, show_default=True, help="Injected errors per kind and article.")
@click.option("--errors", "show_errors", is_flag=True, help="List every disagreement with the gold.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def eval_(gold, corpus, inject, per_kind, show_errors, as_json):
    """Score the reconciler against a gold file (and injected errors).

    \b
    Prints verdict accuracy over the gold numbers, precision and recall of mismatch flags and
    of each verdict; with --inject, how many injected errors (scale x10 / x10^4, one digit,
    qualifier removed, figure removed, unit swapped) are caught, and how often a clean figure
    is flagged.

    \b
    Example:
        duizhao eval
        duizhao eval --gold ../shared/gold/dev.jsonl --corpus ../shared/corpus/dev --inject
    """
    import json

    from pipeline.evaluate import evaluate_gold, format_gold, format_inject, inject_errors

    if not Path(gold).exists():
        raise click.ClickException(f"gold file not found: {gold}")
    res = evaluate_gold(gold, corpus)
    inj = inject_errors(corpus, per_kind=per_kind) if inject else None
    if as_json:
        out = {k: v for k, v in res.items() if show_errors or k != "errors"}
        out["confusion"] = {f"{g} -> {p}": n for (g, p), n in res["confusion"].items()}
        if inj is not None:
            out["inject"] = {k: v for k, v in inj.items() if show_errors or k != "misses"}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return
    click.echo(format_gold(res))
    if show_errors:
        for e in res["errors"]:
            click.echo(f"  {e['file']}  {e['zh'] or '-'}  gold {e['gold']}  pred {e['pred']}  "
                       f"en: {e['pred_en'] if isinstance(e['pred_en'], str) else e['gold_en']}")
    if inj is not None:
        click.echo(format_inject(inj))
        if show_errors:
            for m in inj["misses"]:
                click.echo(f"  missed {m['file']}  {m['change']}  zh {m['zh']}  verdicts {m['verdicts']}")


def main():
    """Entry point: click's own error handling, except that Ctrl-C exits with status 130
    (the shell's convention) and says how to resume."""
    try:
        rv = cli.main(prog_name="duizhao", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted: what was written is kept; run the same command again to resume", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":
    main()
