// Duizhao review pages: selection, keyboard, actions. Served as a file of its own, since the
// pages' Content-Security-Policy allows no inline script.
"use strict";

(function () {
  const token = (document.querySelector('meta[name="duizhao-token"]') || {}).content || "";
  const status = document.getElementById("status");

  function say(message, isError) {
    if (!status) return;
    status.textContent = message;
    status.className = isError ? "error" : "ok";
  }

  // Every state-changing request: JSON, with the page's token.
  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Duizhao-Token": token },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    const text = await response.text();
    if (!response.ok) {
      const error = new Error(text.trim() || response.statusText);
      error.status = response.status;
      throw error;
    }
    return text ? JSON.parse(text) : {};
  }

  function setupIndex() {
    const form = document.getElementById("new-review");
    if (form) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const article = form.elements.article.value;
        const sources = Array.from(form.elements.sources.selectedOptions).map((o) => o.value);
        say("Annotating " + article + " …");
        try {
          const created = await post("/reviews", { article: article, sources: sources });
          window.location.href = created.url;
        } catch (error) {
          say(error.message, true);
        }
      });
    }
    const upload = document.getElementById("upload-review");
    if (upload) {
      upload.addEventListener("submit", async (event) => {
        event.preventDefault();
        const read = (file) => file.text().then((text) => ({ name: file.name, text: text }));
        try {
          const article = await read(upload.elements.article.files[0]);
          const sources = await Promise.all(Array.from(upload.elements.sources.files).map(read));
          say("Uploading and annotating " + article.name + " …");
          const created = await post("/reviews", { upload: { article: article, sources: sources } });
          window.location.href = created.url;
        } catch (error) {
          say(error.message, true);
        }
      });
    }
  }

  function setupReview() {
    const body = document.body;
    const reviewID = body.dataset.review;
    const claims = Array.from(document.querySelectorAll("#article .claim"));
    let selected = -1;

    function panelOf(claimID) {
      return document.getElementById("panel-" + claimID);
    }

    function select(index) {
      if (claims.length === 0) return;
      index = Math.max(0, Math.min(claims.length - 1, index));
      if (selected >= 0) {
        claims[selected].classList.remove("selected");
        const old = panelOf(claims[selected].dataset.claim);
        if (old) old.hidden = true;
      }
      document.querySelectorAll(".claim-panel").forEach((p) => { p.hidden = true; });
      selected = index;
      const claim = claims[index];
      claim.classList.add("selected");
      const panel = panelOf(claim.dataset.claim);
      if (panel) panel.hidden = false;
      const aside = document.getElementById("panel");
      if (aside) aside.scrollTop = 0;
      claim.scrollIntoView({ block: "nearest" });
    }

    function current() {
      return selected >= 0 ? claims[selected].dataset.claim : null;
    }

    function showState(result) {
      body.dataset.version = String(result.version);
      const claim = document.getElementById("claim-" + result.claim);
      const panel = panelOf(result.claim);
      const states = ["pending", "accepted", "rejected", "changed", "unsupported"];
      for (const element of [claim, panel]) {
        if (!element) continue;
        states.forEach((s) => element.classList.remove("state-" + s));
        element.classList.add("state-" + result.state);
      }
      if (panel) {
        panel.querySelector(".state-label").textContent = result.state;
        panel.querySelectorAll(".candidate").forEach((li) => {
          const chosen = (result.state === "accepted" || result.state === "changed") && Number(li.dataset.index) === result.candidate;
          li.classList.toggle("chosen", chosen);
        });
      }
      for (const [state, count] of Object.entries(result.counts || {})) {
        const span = document.querySelector('[data-count="' + state + '"]');
        if (span) span.textContent = count + " " + state;
      }
    }

    async function act(claimID, action, extra) {
      if (!claimID) return;
      const request = Object.assign({ action: action, version: Number(body.dataset.version) }, extra || {});
      try {
        const result = await post("/reviews/" + reviewID + "/claims/" + encodeURIComponent(claimID) + "/actions", request);
        showState(result);
        say(claimID + ": " + (action === "note" ? "note saved" : result.state) + " (saved, version " + result.version + ")");
      } catch (error) {
        say(error.message + (error.status === 409 ? " " : ""), true);
        if (error.status === 409) {
          const link = document.createElement("a");
          link.href = window.location.pathname;
          link.textContent = "Reload";
          status.appendChild(link);
        }
      }
    }

    claims.forEach((claim, index) => {
      claim.addEventListener("click", () => select(index));
      claim.addEventListener("focus", () => { if (selected !== index) select(index); });
    });

    document.querySelectorAll(".claim-panel").forEach((panel) => {
      const claimID = panel.dataset.claim;
      panel.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-action]");
        if (!button) return;
        const extra = button.dataset.candidate !== undefined ? { candidate: Number(button.dataset.candidate) } : {};
        act(claimID, button.dataset.action, extra);
      });
      const noteForm = panel.querySelector(".note-form");
      noteForm.addEventListener("submit", (event) => {
        event.preventDefault();
        act(claimID, "note", { note: noteForm.elements.note.value });
      });
    });

    // The term form takes the words selected in the claim (English) or a source (Chinese).
    const termForm = document.getElementById("term-form");
    document.addEventListener("mouseup", () => {
      const selection = window.getSelection();
      const text = selection ? selection.toString().trim() : "";
      if (!text || !termForm || !selection.anchorNode) return;
      const element = selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement;
      if (!element) return;
      if (element.closest(".zh")) termForm.elements.chinese.value = text;
      else if (element.closest(".en, #article")) termForm.elements.english.value = text;
    });
    if (termForm) {
      termForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        const term = {
          english: termForm.elements.english.value,
          chinese: termForm.elements.chinese.value,
          note: termForm.elements.note.value,
        };
        try {
          const added = await post("/glossary/terms", term);
          say("Added " + term.english + " = " + term.chinese + " to " + added.file + " (" + added.terms + " terms); used from the next annotation on");
          termForm.reset();
        } catch (error) {
          say(error.message, true);
        }
      });
    }

    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target && (target.closest("input, textarea, select") || target.isContentEditable)) return;
      switch (event.key) {
        case "j": select(selected + 1); break;
        case "k": select(selected - 1); break;
        case "a": act(current(), "accept"); break;
        case "r": act(current(), "reject"); break;
        default: return;
      }
      event.preventDefault();
    });

    select(0);
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (document.body.classList.contains("review-page")) setupReview();
    else setupIndex();
  });
})();
