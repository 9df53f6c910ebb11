#!/usr/bin/env python3
"""Runs `duizhao batch` over a JSON Lines corpus with Apache Spark.

Each partition of the corpus is piped, line by line and byte for byte, into one
`duizhao batch annotate|align -` process on the executor, which loads the glossaries,
dictionary and model once and streams one result line per job back. Results are written as
JSON Lines (the lines `duizhao batch` prints, unchanged) or as Parquet (id, status, result,
error, exit), failed jobs kept as rows with their error.

    spark-submit duizhao_spark.py annotate INPUT OUTPUT [--format jsonl|parquet]
        [--duizhao PATH] [--jobs N] [--partitions N] [--env NAME=VALUE]... [-- DUIZHAO-OPTIONS...]

INPUT and OUTPUT are any paths Spark reads and writes (local, hdfs://, s3a://). See README.md.
"""
import argparse
import json
import os
import subprocess
import sys
import threading

# The Parquet schema: `id` is the job's id as JSON text ("\"a1\"" or "12"; null for a line
# that could not be read), `result` the result object's JSON text exactly as duizhao wrote it.
RESULT_FIELDS = ("id", "status", "result", "error", "exit")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Run duizhao batch over a JSON Lines corpus with Spark.")
    parser.add_argument("kind", choices=["annotate", "align"], help="what each job does")
    parser.add_argument("input", help="the jobs, one JSON object a line (any path Spark reads)")
    parser.add_argument("output", help="where the results go (a folder, as Spark writes)")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--duizhao", default="duizhao",
                        help="the binary on the executors: on PATH, or e.g. ./duizhao/bin/duizhao from --archives duizhao.tar.gz#duizhao")
    parser.add_argument("--jobs", type=int, default=1,
                        help="threads of each duizhao process (default 1: Spark runs one task per core)")
    parser.add_argument("--partitions", type=int, default=None, help="split the corpus into at least this many partitions")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="set for duizhao on the executors (DUIZHAO_DICTIONARY, DUIZHAO_MODEL, DUIZHAO_CACHE_DIR, ...)")
    parser.add_argument("--master", default=None, help="the Spark master when not run through spark-submit, e.g. local[2]")
    # After "--": options for duizhao batch (--no-model, --glossary FILE, ...), passed as they are.
    split = argv.index("--") if "--" in argv else len(argv)
    options = parser.parse_args(argv[:split])
    options.duizhao_options = argv[split + 1:]
    return options


def run_partition(lines, command, environment):
    """Pipes one partition's lines (bytes) through duizhao and yields its result lines (str)."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=dict(os.environ, **environment))
    errors = []
    # Standard error is drained on a thread of its own so that neither pipe can fill and block.
    drain = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    drain.start()

    def feed():
        try:
            for line in lines:
                process.stdin.write(line.rstrip(b"\r\n") + b"\n")
            process.stdin.close()
        except BrokenPipeError:
            pass  # duizhao stopped early: its status says why

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for line in process.stdout:
        yield line.decode("utf-8").rstrip("\n")
    writer.join()
    status = process.wait()
    drain.join()
    # 65: some jobs failed, each a row with its error; anything else is the run's own failure.
    if status not in (0, 65):
        message = b"".join(errors).decode("utf-8", "replace").strip()
        raise RuntimeError(f"{' '.join(command)} exited with status {status}: {message[-2000:]}")


def result_row(line):
    """A result line as a row; `id` and `result` are cut out of the line as written, not re-encoded.

    A JSON string escapes its quotes, so the first `,"status":` ends the id."""
    record = json.loads(line)
    identifier = line[len('{"id":'):line.index(',"status":')]
    result = None
    if record.get("status") == "ok":
        marker = '"status":"ok","result":'
        result = line[line.index(marker) + len(marker):-1]
    return (None if identifier == "null" else identifier, record.get("status"), result, record.get("error"), record.get("exit"))


def main(argv):
    options = parse_arguments(argv)
    from pyspark.sql import SparkSession
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    builder = SparkSession.builder.appName(f"duizhao batch {options.kind}")
    if options.master:
        builder = builder.master(options.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    command = [options.duizhao, "batch", options.kind, "-", "--jobs", str(options.jobs)] + options.duizhao_options
    environment = dict(item.split("=", 1) for item in options.env)

    # Bytes, not text: duizhao sees each line exactly as stored, invalid UTF-8 included (and says where).
    corpus = context.textFile(options.input, minPartitions=options.partitions, use_unicode=False)
    results = corpus.mapPartitions(lambda lines: run_partition(lines, command, environment))
    if options.format == "jsonl":
        results.saveAsTextFile(options.output)
    else:
        schema = StructType([StructField("id", StringType()), StructField("status", StringType()),
                             StructField("result", StringType()), StructField("error", StringType()),
                             StructField("exit", IntegerType())])
        spark.createDataFrame(results.map(result_row), schema).write.mode("errorifexists").parquet(options.output)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
