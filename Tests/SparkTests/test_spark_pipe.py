"""Dossier past one machine: the demo corpus annotated on Apache Spark (local mode) through `RDD.pipe`.

Scripts/test-spark runs this with the project's .venv, to which Scripts/spark-tools adds pyspark and
pyarrow (once; pyspark is large). The test is the README's Spark recipe, run for real:

1. the demo corpus is ingested directly (`dossier ingest`), as the demo workspace is built;
2. its documents are exported as JSONL (`dossier export W documents`), Spark reads them in several
   partitions and pipes each partition through `dossier annotate` (`rdd.pipe`), and saves the
   annotation JSONL (one part file per partition);
3. the part files are loaded with `dossier ingest W2 --annotations part-*`, without extraction;
4. every table of W2, exported, must equal the same table of the direct ingest, row for row, and the
   Parquet export must give Spark SQL the same rows with typed columns.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow.parquet as parquet
import pytest
from pyspark.sql import SparkSession

ROOT = Path(__file__).resolve().parents[2]
DOSSIER = os.environ.get("DOSSIER_BINARY", str(ROOT / ".build" / "debug" / "dossier"))
CORPUS = ROOT / "Sources" / "DossierDemoCorpus" / "Resources" / "Corpus"
TABLES = ["documents", "sentences", "entities", "mentions", "relations", "times"]


def dossier(*arguments, check=True):
    done = subprocess.run([DOSSIER, *map(str, arguments)], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"dossier {' '.join(map(str, arguments))} exited {done.returncode}:\n{done.stderr}")
    return done


@pytest.fixture(scope="module")
def spark():
    # Spark's Python workers run the driver's Python, the project's .venv.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("dossier-pipe")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("spark")


@pytest.fixture(scope="module")
def direct(folder):
    """The demo corpus ingested directly, in the order the demo workspace is built in."""
    workspace = folder / "direct.sqlite"
    seeds = sorted((CORPUS / "seeds").glob("*.txt"))
    dossier("ingest", workspace, CORPUS / "wikinews-2019.csv", *seeds)
    return workspace


@pytest.fixture(scope="module")
def documents(folder, direct):
    """The direct ingest's documents as JSONL, the input of the pipe."""
    path = folder / "documents.jsonl"
    dossier("export", direct, "documents", "--output", path)
    return path


@pytest.fixture(scope="module")
def piped(spark, folder, documents):
    """The same documents annotated by Spark through `dossier annotate`, loaded with --annotations."""
    lines = spark.sparkContext.textFile(str(documents), minPartitions=4)
    assert lines.getNumPartitions() >= 2
    annotated = lines.pipe(f"{DOSSIER} annotate -")
    output = folder / "annotations"
    annotated.saveAsTextFile(str(output))
    parts = sorted(output.glob("part-*"))
    assert len(parts) == lines.getNumPartitions()
    records = [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    inputs = [json.loads(line) for line in documents.read_text(encoding="utf-8").splitlines()]
    # One line out per line in, in order, and no error records.
    assert [record.get("id") for record in records] == [document["id"] for document in inputs]
    assert not [record for record in records if "error" in record]
    workspace = folder / "piped.sqlite"
    done = dossier("ingest", workspace, "--annotations", *parts)
    assert f"added {len(inputs)} documents" in done.stderr
    return workspace


def test_map_partitions_gives_what_pipe_gives(spark, documents):
    def annotate(lines):
        """Docs/Spark.md's mapPartitions recipe: one `dossier annotate -` per partition, fed from a thread.
        (Defined here, so Spark ships the function itself to its workers, not a reference to this module.)"""
        process = subprocess.Popen([DOSSIER, "annotate", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, encoding="utf-8")

        def feed():
            for line in lines:
                process.stdin.write(line + "\n")
            process.stdin.close()

        threading.Thread(target=feed, daemon=True).start()
        for line in process.stdout:
            yield line.rstrip("\n")
        process.wait()

    lines = documents.read_text(encoding="utf-8").splitlines()[:6]
    lines.insert(4, "not a document")
    rdd = spark.sparkContext.parallelize(lines, 2)
    piped = rdd.pipe(f"{DOSSIER} annotate -").collect()
    mapped = rdd.mapPartitions(annotate).collect()
    assert mapped == piped
    assert len(piped) == len(lines)
    # The bad line is the second of its partition (7 lines in slices of 3 and 4).
    assert json.loads(piped[4]) == {"error": "the line is not valid JSON", "input": "<stdin>", "line": 2}
    ids = [json.loads(line)["id"] for line in lines[:4] + lines[5:]]
    assert [json.loads(line)["id"] for line in piped[:4] + piped[5:]] == ids


def export(workspace, table, folder):
    path = folder / f"{workspace.stem}-{table}.jsonl"
    dossier("export", workspace, table, "--format", "jsonl", "--output", path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("table", TABLES)
def test_piped_ingest_equals_direct_ingest(direct, piped, folder, table):
    expected = export(direct, table, folder)
    actual = export(piped, table, folder)
    assert expected, f"the direct ingest has no {table}"
    assert len(actual) == len(expected)
    for position, (got, want) in enumerate(zip(actual, expected)):
        assert got == want, f"{table} row {position} differs"


def test_parquet_export_reads_in_spark_sql(spark, piped, folder):
    jsonl = export(piped, "relations", folder)
    path = folder / "relations.parquet"
    environment = dict(os.environ, DOSSIER_PYTHON=os.environ.get("DOSSIER_PYTHON", sys.executable))
    done = subprocess.run([DOSSIER, "export", str(piped), "relations", "--format", "parquet", "-o", str(path)],
                          capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr
    schema = parquet.read_schema(path)
    assert str(schema.field("date").type) == "date32[day]"
    assert str(schema.field("negated").type) == "bool"
    assert str(schema.field("subject_id").type) == "int64"
    frame = spark.read.parquet(str(path))
    frame.createOrReplaceTempView("relations")
    assert frame.count() == len(jsonl)
    visits = spark.sql("SELECT subject, count(*) AS n FROM relations WHERE predicate = 'visit' GROUP BY subject ORDER BY n DESC, subject")
    expected = {}
    for row in jsonl:
        if row["predicate"] == "visit":
            expected[row["subject"]] = expected.get(row["subject"], 0) + 1
    assert {row["subject"]: row["n"] for row in visits.collect()} == expected
    # The Parquet rows are the JSONL rows, typed.
    table = parquet.read_table(path).to_pylist()
    assert [row["evidence"] for row in table] == [row["evidence"] for row in jsonl]
    assert [row["date"].isoformat() if row["date"] else None for row in table] == [row["date"] for row in jsonl]
