#!/usr/bin/env python3
"""The Spark example against `duizhao batch` on the same corpus: byte-identical results.

    python3 Examples/spark/test_spark.py PATH/TO/duizhao

Writes a small corpus (the sample article with its sources, inline texts, a malformed line and
a job whose article is missing, a line that is not UTF-8), runs `duizhao batch annotate` on it, then the Spark job in
local[2] mode writing JSON Lines and Parquet, and checks that every `result` object is the same
bytes, in the same order, and that the failed jobs are rows with the same ids and statuses.
Exits non-zero, saying what differs, when anything does.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# Spark settings for a short run on one machine (no web UI; the JVM's quick compiler only): they
# save seconds of start-up and change no result.
FAST_START = ["--conf", "spark.ui.enabled=false", "--driver-java-options", "-XX:TieredStopAtLevel=1"]


def corpus_lines():
    article = ROOT / "Samples" / "article.md"
    sources = ROOT / "Samples" / "sources"
    interview = sources / "360-interview.txt"
    lines = [
        {"id": "sample", "article": str(article), "sources": [str(sources)]},
        {"id": "sample-html", "article": str(ROOT / "Samples" / "article.html"), "sources": [str(sources)]},
        {"id": "own-sources", "article": str(article)},
        {"id": 4, "article_text": article.read_text(encoding="utf-8"), "article_format": "markdown",
         "sources": [{"name": "interview.txt", "text": interview.read_text(encoding="utf-8")}], "threshold": 0.5},
    ]
    for index in range(8):
        lines.append({"id": f"short-{index}", "article_text":
                      f"Zhou Hongyi said the gap with the U.S. could close within {index + 1} years.\n\n"
                      f"The team has fewer than {100 + 50 * index} people, he said.",
                      "sources": [{"name": "interview.txt", "text": interview.read_text(encoding="utf-8")}]})
    text = [json.dumps(line, ensure_ascii=False) for line in lines]
    text.insert(5, '{"id": "broken", "article": ')
    text.append(json.dumps({"id": "missing", "article": "/nonexistent/article.md"}))
    lines = [line.encode("utf-8") for line in text]
    # Invalid UTF-8 (a Latin-1 é) inside a string: duizhao must see these bytes, not U+FFFD.
    lines.insert(9, b'{"id": "latin-1", "article_text": "Caf\xe9 owners said so.", "sources": []}')
    return b"\n".join(lines) + b"\n"


def records(lines):
    """(id text, status, result text) per result line, cut as the lines hold them."""
    out = []
    for line in lines:
        identifier = line[len('{"id":'):line.index(',"status":')]
        status = json.loads(line)["status"]
        marker = '"status":"ok","result":'
        result = line[line.index(marker) + len(marker):-1] if status == "ok" else None
        out.append((identifier, status, result))
    return out


def check(condition, message):
    if not condition:
        print(f"test_spark: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "duizhao")
    with tempfile.TemporaryDirectory(prefix="duizhao-spark-") as folder:
        folder = pathlib.Path(folder)
        corpus = folder / "corpus.jsonl"
        corpus.write_bytes(corpus_lines())
        common = ["--no-model"]

        batch = subprocess.run([binary, "batch", "annotate", str(corpus), "--jobs", "2", *common],
                               capture_output=True, text=True)
        check(batch.returncode == 65, f"duizhao batch exited {batch.returncode} (65 expected: three jobs fail): {batch.stderr}")
        expected = records(batch.stdout.splitlines())
        check(len(expected) == 15, f"{len(expected)} results from duizhao batch, 15 expected")
        check(sum(1 for _, status, _ in expected if status == "error") == 3, "three failed jobs expected")

        for output_format in ("jsonl", "parquet"):
            output = folder / f"out-{output_format}"
            submit = subprocess.run(
                ["spark-submit", "--master", "local[2]", *FAST_START, str(HERE / "duizhao_spark.py"), "annotate", str(corpus), str(output),
                 "--format", output_format, "--duizhao", binary, "--partitions", "3", "--", *common],
                capture_output=True, text=True)
            check(submit.returncode == 0, f"spark-submit ({output_format}) exited {submit.returncode}:\n{submit.stderr[-4000:]}")
            if output_format == "jsonl":
                lines = []
                for part in sorted(output.glob("part-*")):
                    lines += part.read_text(encoding="utf-8").splitlines()
                got = records(lines)
                check([r[:2] for r in got] == [r[:2] for r in expected],
                      f"ids and statuses differ:\n spark {[r[:2] for r in got]}\n batch {[r[:2] for r in expected]}")
            else:
                from pyspark.sql import SparkSession
                spark = SparkSession.builder.master("local[2]").appName("duizhao spark test").getOrCreate()
                rows = spark.read.parquet(str(output)).collect()
                spark.stop()
                got = sorted(((row["id"] or "null"), row["status"], row["result"]) for row in rows)
                expected_sorted = sorted(expected)
                check([r[:2] for r in got] == [r[:2] for r in expected_sorted], "Parquet ids and statuses differ")
                check(all(isinstance(row["exit"], int) and row["error"] for row in rows if row["status"] == "error"),
                      "a failed job's row lacks its error or exit")
                expected = expected_sorted
            for (identifier, status, result), (_, _, wanted) in zip(got, expected):
                check(result == wanted, f"{output_format}: the result of job {identifier} differs from duizhao batch's")
            print(f"test_spark: {output_format}: {len(got)} rows, every result byte-identical to duizhao batch")


if __name__ == "__main__":
    main()
