#!/usr/bin/env python3
"""A real browser against `duizhao serve`: review the samples, accept one link, reject one,
add a glossary term, export the CSV and check it, start a review from uploaded files; keep a
screenshot of the review view.

    python3 Tests/browser/review_test.py [--binary .build/debug/duizhao] [--screenshot docs/review.png]

Needs Debian's chromium and chromium-driver, and PyPI's selenium.
"""
import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fail(message):
    print("review_test: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def start_server(binary, workspace, cache):
    """Starts the server on a free loopback port (--port 0); returns the process and its URL."""
    environment = dict(os.environ)
    # The same outcome on every machine: no dictionary or model the developer may have installed.
    environment.update({
        "DUIZHAO_DICTIONARY": "/nonexistent/duizhao-tests/cedict_ts.u8",
        "DUIZHAO_FREQUENCIES": "/nonexistent/duizhao-tests/word-frequencies.txt",
        "DUIZHAO_MODEL": "/nonexistent/duizhao-tests/model",
        "DUIZHAO_CACHE_DIR": cache,
    })
    process = subprocess.Popen(
        [binary, "serve", workspace, "--port", "0", "--no-model"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                fail("the server stopped: " + process.stderr.read())
            continue
        if " at http://" in line:
            return process, line.split(" at ", 1)[1].split(" ")[0]
    process.kill()
    fail("the server did not say where it listens within 60 s")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=en-US"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def wait_for_status(driver, text):
    WebDriverWait(driver, 20).until(EC.text_to_be_present_in_element((By.ID, "status"), text))
    return driver.find_element(By.ID, "status").text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/duizhao"))
    parser.add_argument("--screenshot", default=os.path.join(ROOT, "docs/review.png"))
    arguments = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="duizhao-browser-")
    workspace = os.path.join(scratch, "workspace")
    downloads = os.path.join(scratch, "downloads")
    os.makedirs(downloads)
    shutil.copytree(os.path.join(ROOT, "Samples"), workspace)
    server, url = start_server(arguments.binary, workspace, os.path.join(scratch, "cache"))
    driver = None
    try:
        driver = browser(downloads)
        wait = WebDriverWait(driver, 30)

        # Start a review of the samples from the workspace page.
        driver.get(url)
        Select(driver.find_element(By.NAME, "article")).select_by_value("article.md")
        sources = Select(driver.find_element(By.NAME, "sources"))
        sources.select_by_value("sources/360-interview.txt")
        sources.select_by_value("sources/tsmc-revenue.txt")
        driver.find_element(By.CSS_SELECTOR, "#new-review button[type=submit]").click()
        wait.until(EC.url_contains("/reviews/article-1"))
        claims = wait.until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "#article .claim")))
        if len(claims) != 7:
            fail("expected 7 claims, found %d" % len(claims))
        if "selected" not in claims[0].get_attribute("class"):
            fail("the first claim is not selected")

        body = driver.find_element(By.TAG_NAME, "body")
        # Accept the first claim's link with the keyboard.
        body.send_keys("a")
        wait_for_status(driver, "c1: accepted")
        if "state-accepted" not in claims[0].get_attribute("class"):
            fail("c1 is not shown accepted")
        # Next claim (j), reject it (r).
        body.send_keys("j")
        if "selected" not in claims[1].get_attribute("class"):
            fail("j did not select the next claim")
        body.send_keys("r")
        wait_for_status(driver, "c2: rejected")
        # Pick the third claim's second candidate with the mouse, if it has one.
        claims[2].click()
        panel = driver.find_element(By.ID, "panel-c3")
        picks = panel.find_elements(By.CSS_SELECTOR, "button[data-action=pick]")
        if len(picks) > 1:
            picks[1].click()
            wait_for_status(driver, "c3: changed")
        # A note on the last claim.
        claims[6].click()
        panel = driver.find_element(By.ID, "panel-c7")
        note = panel.find_element(By.NAME, "note")
        note.send_keys("No source gives a year for general AI.")
        panel.find_element(By.CSS_SELECTOR, ".note-form button").click()
        wait_for_status(driver, "c7: note saved")

        # Add a glossary term.
        form = driver.find_element(By.ID, "term-form")
        form.find_element(By.NAME, "english").send_keys("training cluster")
        form.find_element(By.NAME, "chinese").send_keys("训练集群")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for_status(driver, "Added training cluster = 训练集群 to glossary.tsv")
        with open(os.path.join(workspace, "glossary.tsv"), encoding="utf-8") as file:
            if "training cluster\t训练集群\t" not in file.read():
                fail("glossary.tsv lacks the term")

        # The review view, with the first claim selected, for docs/.
        claims[0].click()
        driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.3)
        os.makedirs(os.path.dirname(arguments.screenshot), exist_ok=True)
        driver.save_screenshot(arguments.screenshot)

        # A reload shows the same state.
        driver.refresh()
        claims = wait.until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "#article .claim")))
        if "state-accepted" not in claims[0].get_attribute("class") or "state-rejected" not in claims[1].get_attribute("class"):
            fail("a reload lost the decisions")

        # Export the CSV through its link, as a download.
        driver.find_element(By.ID, "export-csv").click()
        path = os.path.join(downloads, "article-1-pairs.csv")
        deadline = time.time() + 20
        while not os.path.exists(path) and time.time() < deadline:
            time.sleep(0.2)
        if not os.path.exists(path):
            fail("the CSV was not downloaded: " + str(os.listdir(downloads)))
        with open(path, encoding="utf-8-sig", newline="") as file:
            rows = list(csv.DictReader(io.StringIO(file.read())))
        if list(rows[0].keys()) != ["claim_id", "claim", "source_file", "source_id", "source", "score", "terms", "numbers", "flags", "review", "note"]:
            fail("unexpected CSV columns: %s" % list(rows[0].keys()))
        reviews = {row["claim_id"]: row["review"] for row in rows}
        if reviews.get("c1") != "accepted" or reviews.get("c2") != "rejected":
            fail("unexpected review column: %s" % reviews)
        if not rows[0]["source_file"].startswith("sources/"):
            fail("c1's source is missing: %s" % rows[0])
        notes = {row["claim_id"]: row["note"] for row in rows}
        if notes.get("c7") != "No source gives a year for general AI.":
            fail("c7's note is missing: %s" % notes)

        # Upload an article and a source from the start page: a review of its own.
        driver.get(url)
        upload = driver.find_element(By.ID, "upload-review")
        upload.find_element(By.NAME, "article").send_keys(os.path.join(ROOT, "Samples", "article.md"))
        upload.find_element(By.NAME, "sources").send_keys(os.path.join(ROOT, "Samples", "sources", "360-interview.txt"))
        upload.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(EC.url_contains("/reviews/article-2"))
        uploaded = wait.until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "#article .claim")))
        if len(uploaded) != 7 or not os.path.exists(os.path.join(workspace, "uploads", "article-2", "sources", "360-interview.txt")):
            fail("the uploaded review has %d claims, or its files are not in uploads/article-2/" % len(uploaded))

        # No script was refused by the Content-Security-Policy, and none failed.
        problems = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        if problems:
            fail("the browser reported errors: %s" % problems)
        print("review_test: ok: %d claims, c1 accepted, c2 rejected, a term added, %d CSV rows, an upload reviewed; screenshot %s"
              % (len(claims), len(rows), arguments.screenshot))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
