#!/usr/bin/env python3
"""`duizhao batch` against one `duizhao annotate` process per article, and Spark against batch.

    python3 Benchmarks/batch/bench_batch.py --duizhao .build/release/duizhao \
        --articles 1000 [--annotate-runs N] [--memory 100,1000,3000] [--spark [--spark-options "..."]]

Generates ARTICLES articles from the sample article (claims varied, reordered and mixed with
sentences of its own, seeded: the same files every run), each a job
{"id", "article": path, "sources": [Samples/sources]}, then measures in one run, on one machine:

- `batch annotate --jobs 2` over all the jobs (wall time, peak memory);
- ANNOTATE-RUNS runs of `annotate ARTICLE --source Samples/sources --format json`, two at a
  time (the same two cores as --jobs 2), on the first articles; the per-article time times
  ARTICLES estimates all of them when fewer are run (say so when reporting);
- with --memory, `batch --jobs 2` on corpora of those many jobs (the articles repeated under
  new ids): peak memory against the job count;
- with --spark, the Spark example in local[2] (two partitions, one duizhao thread each) over the
  same jobs, against `batch --jobs 2`; SPARK-OPTIONS go to spark-submit (default: no web UI and
  the JVM's quick compiler only, settings for a short run on one machine; "" for Spark's defaults);
  with --spark-class-archive, an untimed Spark run on 10 of the jobs first records the classes
  the JVM loads in a class-data archive (the JDK's AppCDS), which the timed run maps.

Each side has a cache folder of its own (compiled glossaries, embeddings), made ready the same
way before it is timed. It checks that every result `batch` gives is annotate's JSON (on one line), and that Spark's
results are byte-identical to batch's. Peak memory is the largest resident set (getrusage's
ru_maxrss) of the process measured (for Spark: its children, the largest single one).
"""
import argparse
import json
import os
import pathlib
import random
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SOURCES = ROOT / "Samples" / "sources"

CLAIMS = [
    "Zhou Hongyi, the founder of 360 Group, told reporters in Beijing on Feb. {day} that China's artificial "
    "intelligence industry will catch up with the United States within {years} years [1].",
    "Zhou said the gap in large models was now mainly one of computing power rather than of talent.",
    "The company plans to spend {millions} million dollars on a new training cluster this year, according to "
    "the same interview [1].",
    "Its research team has fewer than {people} people, Zhou said.",
    "Taiwan's TSMC, which makes most of the world's advanced chips, expects its revenue from AI accelerators "
    "to double in {year} [2].",
    "Analysts at the company put the market at {billions} billion dollars.",
    "Zhou also said that general artificial intelligence would arrive before {later}, though he gave no source "
    "for that estimate.",
]
FILLER = [
    "The remarks came at a press conference held after the company's annual developer meeting.",
    "Chinese technology firms have raced to release large language models since early last year.",
    "Export controls on advanced chips have made computing power scarce for Chinese developers.",
    "The company did not say how it would pay for the new cluster.",
    "Shares of the company rose after the interview was published.",
    "Other executives have given more cautious estimates of the gap.",
]
REFERENCES = "## References\n\n1. 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上\n2. 台積電:AI加速器營收將於2027年翻倍\n"


def article(index):
    """A news article of 6 to 12 sentences in two to four paragraphs, told by its index."""
    rng = random.Random(index)
    values = dict(day=rng.randint(1, 28), years=rng.choice(["two", "three", "one or two", "five"]),
                  millions=round(rng.uniform(1, 20), 1), people=rng.choice([150, 200, 300, 120]),
                  year=rng.choice([2026, 2027, 2028]), billions=rng.randint(20, 80), later=rng.choice([2030, 2035]))
    sentences = [claim.format(**values) for claim in rng.sample(CLAIMS, rng.randint(4, 7))]
    sentences += rng.sample(FILLER, rng.randint(2, 5))
    rng.shuffle(sentences)
    cut = sorted(rng.sample(range(1, len(sentences)), rng.randint(1, 3)))
    paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0] + cut, cut + [len(sentences)])]
    title = f"# China's AI gap with the U.S. could close in {values['years']} years, says 360 founder ({index})"
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + REFERENCES


def run_measured(command, **kwargs):
    """Runs `command`; returns (seconds, peak resident MB of it or its largest descendant, completed process)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, subprocess.CompletedProcess(command, process.returncode, out, err)


def peak_of(command, **kwargs):
    """Peak resident MB of `command` alone, through GNU time (ru_maxrss of RUSAGE_CHILDREN only grows)."""
    seconds, _, done = run_measured(["/usr/bin/time", "-f", "PEAK %M"] + command, **kwargs)
    line = [l for l in done.stderr.decode().splitlines() if l.startswith("PEAK ")][-1]
    return seconds, int(line.split()[1]) / 1024, done


def results(stdout):
    out = {}
    for line in stdout.decode("utf-8").splitlines():
        identifier = line[len('{"id":'):line.index(',"status":')]
        marker = '"status":"ok","result":'
        out[identifier] = line[line.index(marker) + len(marker):-1] if marker in line else None
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duizhao", default=str(ROOT / ".build" / "release" / "duizhao"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--annotate-runs", type=int, default=None, help="annotate processes run (default: one per article)")
    parser.add_argument("--memory", default="", help="job counts for the memory curve, e.g. 100,1000,3000")
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--spark-options", default="--conf spark.ui.enabled=false --driver-java-options -XX:TieredStopAtLevel=1",
                        help="options for spark-submit")
    parser.add_argument("--spark-class-archive", action="store_true",
                        help="give Spark's JVM a class-data archive made by an untimed run (JDK AppCDS)")
    parser.add_argument("--options", default="", help="options for both (e.g. --no-model)")
    options = parser.parse_args()
    duizhao = os.path.abspath(options.duizhao)
    extra = options.options.split()

    with tempfile.TemporaryDirectory(prefix="duizhao-bench-batch-") as folder:
        folder = pathlib.Path(folder)
        paths = []
        for index in range(options.articles):
            path = folder / f"article-{index:05d}.md"
            path.write_text(article(index), encoding="utf-8")
            paths.append(path)
        jobs = folder / "jobs.jsonl"
        jobs.write_text("".join(json.dumps({"id": f"a{i}", "article": str(p), "sources": [str(SOURCES)]}) + "\n"
                                for i, p in enumerate(paths)), encoding="utf-8")
        size = sum(p.stat().st_size for p in paths)
        print(f"{options.articles} articles, {size / options.articles / 1000:.1f} KB each on average; sources: Samples/sources")
        # Each side its own cache folder, made ready the same way: the compiled glossaries and
        # the sources' embeddings, by one untimed run on the sample article (not among the jobs).
        def cache(name):
            environment = dict(os.environ, DUIZHAO_CACHE_DIR=str(folder / f"cache-{name}"))
            subprocess.run([duizhao, "annotate", str(ROOT / "Samples" / "article.md"), "--source", str(SOURCES), *extra],
                           capture_output=True, check=True, env=environment)
            return environment

        batch_environment, annotate_environment, spark_environment = cache("batch"), cache("annotate"), cache("spark")
        seconds, peak, done = peak_of([duizhao, "batch", "annotate", str(jobs), "--jobs", "2", *extra], env=batch_environment)
        assert done.returncode == 0, done.stderr.decode()
        batch = results(done.stdout)
        print(f"batch --jobs 2: {seconds:.1f} s for {options.articles} jobs ({options.articles / seconds:.1f} jobs/s), peak {peak:.0f} MB")

        runs = options.annotate_runs or options.articles

        def annotate(path):
            done = subprocess.run([duizhao, "annotate", str(path), "--source", str(SOURCES), "--format", "json", *extra],
                                  capture_output=True, env=annotate_environment)
            assert done.returncode == 0, done.stderr.decode()
            return done.stdout.decode("utf-8")

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=2) as pool:
            outputs = list(pool.map(annotate, paths[:runs]))
        single = time.perf_counter() - start
        for index, output in enumerate(outputs):
            assert batch[f'"a{index}"'] == output.replace("\n", ""), f"job a{index}: batch's result is not annotate's JSON"
        estimate = single / runs * options.articles
        print(f"annotate, {runs} runs two at a time: {single:.1f} s ({single / runs:.3f} s an article), "
              f"{'measured' if runs == options.articles else 'estimated'} {estimate:.0f} s for {options.articles}; "
              f"batch is {estimate / seconds:.1f}x as fast; {runs} results identical")

        for count in [int(c) for c in options.memory.split(",") if c]:
            corpus = folder / f"jobs-{count}.jsonl"
            with corpus.open("w", encoding="utf-8") as out:
                for i in range(count):
                    out.write(json.dumps({"id": f"m{i}", "article": str(paths[i % len(paths)]), "sources": [str(SOURCES)]}) + "\n")
            seconds_m, peak_m, done_m = peak_of([duizhao, "batch", "annotate", str(corpus), "--jobs", "2", "-o", str(folder / "m.jsonl"), *extra],
                                                env=batch_environment)
            assert done_m.returncode == 0, done_m.stderr.decode()
            print(f"memory: {count} jobs: peak {peak_m:.0f} MB ({seconds_m:.1f} s)")

        if options.spark:
            submit = shlex.split(options.spark_options)
            java = submit.index("--driver-java-options") + 1 if "--driver-java-options" in submit else None

            def spark_command(corpus, output, java_option=None):
                arguments = list(submit)
                if java_option and java is not None:
                    arguments[java] += " " + java_option
                elif java_option:
                    arguments += ["--driver-java-options", java_option]
                return ["spark-submit", "--master", "local[2]", *arguments, str(ROOT / "Examples" / "spark" / "duizhao_spark.py"),
                        "annotate", str(corpus), str(output), "--duizhao", duizhao, "--partitions", "2", "--", *extra]

            archive_option = None
            if options.spark_class_archive:
                # Made ready like the caches: one untimed run on a few jobs records the classes
                # Spark loads (the JDK's application class-data sharing); the timed run maps them.
                archive = folder / "spark-classes.jsa"
                few = folder / "jobs-few.jsonl"
                few.write_text("".join(jobs.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8")
                subprocess.run(spark_command(few, folder / "spark-warm-up", f"-XX:ArchiveClassesAtExit={archive}"),
                               capture_output=True, check=True, env=spark_environment)
                archive_option = f"-XX:SharedArchiveFile={archive}"
            output = folder / "spark-out"
            command = spark_command(jobs, output, archive_option)
            seconds_s, _, done_s = run_measured(command, env=spark_environment)
            assert done_s.returncode == 0, done_s.stderr.decode()[-3000:]
            lines = b"".join(p.read_bytes() for p in sorted(output.glob("part-*")))
            spark = results(lines)
            assert list(spark) == list(batch) and spark == batch, "Spark's results differ from batch's"
            print(f"spark local[2] {options.spark_options!r}{' with a class archive' if archive_option else ''}: {seconds_s:.1f} s, {seconds_s / seconds:.2f}x batch --jobs 2's time; "
                  f"{len(spark)} results byte-identical to batch's")


if __name__ == "__main__":
    main()
