#!/usr/bin/env python3
"""Runs `duizhao batch` over a JSON Lines corpus with Apache Spark.

Each partition of the corpus is piped, line by line and byte for byte, into one
`duizhao batch annotate|align -` process on the executor, which loads the glossaries,
dictionary and model once and streams one result line per job back. Results are written as
JSON Lines (the lines `duizhao batch` prints, unchanged) or as Parquet (id, status, result,
error, exit), failed jobs kept as rows with their error.

The lines never leave the JVM: Spark's own text reader, `RDD.pipe` and writers move them, so
the executors run no Python worker and nothing is pickled. Python only plans the job.

    spark-submit duizhao_spark.py annotate INPUT OUTPUT [--format jsonl|parquet]
        [--duizhao PATH] [--jobs N] [--partitions N] [--env NAME=VALUE]... [-- DUIZHAO-OPTIONS...]

INPUT and OUTPUT are any paths Spark reads and writes (local, hdfs://, s3a://). See README.md.
"""
import argparse
import sys

# Lines travel through the JVM as ISO-8859-1 text: one character per byte, so every byte of the
# corpus reaches duizhao as stored (invalid UTF-8 included, which duizhao reports with its
# place) and every byte duizhao prints comes back; the output's bytes are then read as UTF-8.
BYTES_AS_TEXT = "ISO-8859-1"

# `duizhao batch` exits 65 when some jobs failed, each a result line with its error; for Spark
# that is success. Any other non-zero status (a bad option, unreadable glossaries) fails the task.
EXIT_65_IS_SUCCESS = '"$@"; status=$?; [ "$status" -eq 65 ] && exit 0; exit "$status"'

# The Parquet columns, cut out of each result line as written, not re-encoded: `id` is the
# job's id as JSON text ("\"a1\"" or "12"; null for a line that could not be read; a JSON
# string escapes its quotes, so the first `,"status":` ends the id), `result` the result
# object's JSON text exactly as duizhao wrote it.
RESULT_COLUMNS = [
    "nullif(substring(line, 7, locate(',\"status\":', line) - 7), 'null') AS id",
    "get_json_object(line, '$.status') AS status",
    "CASE WHEN startswith(substring(line, locate(',\"status\":', line)), ',\"status\":\"ok\",\"result\":')"
    " THEN substring(line, locate(',\"status\":', line) + 24, length(line) - locate(',\"status\":', line) - 24)"
    " END AS result",
    "get_json_object(line, '$.error') AS error",
    "CAST(get_json_object(line, '$.exit') AS INT) AS exit",
]


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
    parser.add_argument("--partitions", type=int, default=None,
                        help="split the corpus into about this many partitions (default: Spark's split of the files)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="set for duizhao on the executors (DUIZHAO_DICTIONARY, DUIZHAO_MODEL, DUIZHAO_CACHE_DIR, ...)")
    parser.add_argument("--master", default=None, help="the Spark master when not run through spark-submit, e.g. local[2]")
    # After "--": options for duizhao batch (--no-model, --glossary FILE, ...), passed as they are.
    split = argv.index("--") if "--" in argv else len(argv)
    options = parser.parse_args(argv[:split])
    options.duizhao_options = argv[split + 1:]
    if options.partitions is not None and options.partitions < 1:
        parser.error("--partitions must be at least 1")
    return options


def input_size(spark, path):
    """The bytes under `path` (a file, a folder or a glob, on any file system Spark reads)."""
    jvm = spark.sparkContext._jvm
    pattern = jvm.org.apache.hadoop.fs.Path(path)
    system = pattern.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return sum(system.getContentSummary(status.getPath()).getLength() for status in system.globStatus(pattern) or [])


def main(argv):
    options = parse_arguments(argv)
    from pyspark.sql import DataFrame, SparkSession

    builder = SparkSession.builder.appName(f"duizhao batch {options.kind}")
    if options.master:
        builder = builder.master(options.master)
    spark = builder.getOrCreate()
    jvm = spark.sparkContext._jvm
    command = ["/bin/sh", "-c", EXIT_65_IS_SUCCESS, "duizhao",
               options.duizhao, "batch", options.kind, "-", "--jobs", str(options.jobs)] + options.duizhao_options
    environment = dict(item.split("=", 1) for item in options.env)
    # The embedding engine's OpenMP threads, one per core Spark gives the task (as PySpark does
    # for its workers): left to itself, each task's engine would take every core of the node.
    environment.setdefault("OMP_NUM_THREADS", spark.sparkContext.getConf().get("spark.task.cpus", "1"))

    if options.partitions is not None:
        # Splits of (corpus size / N) bytes, and a small file not counted as 4 MB: N partitions
        # of a single file (a folder's files are packed into about N).
        size = input_size(spark, options.input)
        if size > 0:
            spark.conf.set("spark.sql.files.maxPartitionBytes", str(-(-size // options.partitions)))
            spark.conf.set("spark.sql.files.minPartitionNum", "1")
            spark.conf.set("spark.sql.files.openCostInBytes", "0")
    # The text source keeps each line's bytes as they are; no shuffle anywhere, so each partition
    # is a contiguous run of lines and its results come out in its order.
    lines = spark.read.text(options.input).selectExpr(f"decode(CAST(value AS BINARY), '{BYTES_AS_TEXT}') AS value")
    strings = getattr(lines._jdf, "as")(jvm.org.apache.spark.sql.Encoders.STRING()).javaRDD()
    results = strings.pipe(command, environment, False, 65536, BYTES_AS_TEXT)
    written = DataFrame(spark._jsparkSession.createDataset(results.rdd(), jvm.org.apache.spark.sql.Encoders.STRING()).toDF(),
                        spark).selectExpr(f"CAST(encode(value, '{BYTES_AS_TEXT}') AS STRING) AS line")
    if options.format == "jsonl":
        written.write.mode("errorifexists").text(options.output)
    else:
        written.selectExpr(*RESULT_COLUMNS).write.mode("errorifexists").parquet(options.output)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
