/* The review page: selection of quotes, keyboard, text selection to offsets, typeahead keys.
 * The server renders everything; this file only wires behaviour to it (no inline scripts: CSP). */
(function () {
  "use strict";

  var root = document.getElementById("review");
  if (!root) return;
  document.documentElement.classList.add("js");

  if (window.htmx) {
    // A conflict (409) or a refused change (400) answers with content to show, not an error.
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409", swap: true, error: false },
      { code: "400", swap: true, error: false },
      { code: "410", swap: true, error: false }, // the quote is gone: the server's message says so
      { code: "[45]..", swap: false, error: true },
    ];
  }

  /* The button that submits a form (a reject reason, a typeahead option) is only known to htmx
   * until the focus moves; a request queued behind another one (hx-sync) reads the form again
   * when it goes, and would go without it. The button's name and value are copied into the
   * form, first (so that without this copy the button's own value still wins), until then. */
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button[name]");
    var form = button && button.form;
    if (!form || !form.hasAttribute("hx-post") || button.hasAttribute("hx-post")) return;
    form.querySelectorAll("input[data-submitter]").forEach(function (old) { old.remove(); });
    var copy = document.createElement("input");
    copy.type = "hidden";
    copy.name = button.name;
    copy.value = button.value;
    copy.dataset.submitter = "";
    form.insertBefore(copy, form.firstChild);
  }, true);
  document.body.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    var form = elt && (elt.tagName === "FORM" ? elt : elt.closest && elt.closest("form"));
    if (form) form.querySelectorAll("input[data-submitter]").forEach(function (old) { old.remove(); });
  });

  var RUN = "span[data-o],bdi[data-o]";
  var selectedId = null;
  var lastRange = null; // {start, end} of the last selection made in the article text
  var prefetch = null;

  function textBox() { return document.getElementById("article-text"); }
  function cardsBox() { return document.getElementById("quote-cards"); }
  function cards() { return Array.prototype.slice.call(cardsBox().querySelectorAll(".qcard")); }
  function cardOf(id) { return document.getElementById("card-" + id); }
  function spansOf(id) { return textBox().querySelectorAll('[data-quote-id="' + id + '"]'); }

  function say(message, level) {
    var box = document.getElementById("review-flash");
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "message " + (level || "info");
    p.textContent = message;
    box.appendChild(p);
  }

  function clearSay() {
    var box = document.getElementById("review-flash");
    if (box) box.textContent = "";
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  }

  /* The page shows every card compact; the kind, speaker, via and span controls (".more") are
   * fetched for the card selected. Only ".more" is replaced, so an open menu or a focused
   * button elsewhere on the card stays as it is. */
  function withFullCard(id, then) {
    var card = cardOf(id);
    var more = card && card.querySelector(".more");
    if (!more) return;
    if (more.querySelector(".typeahead")) {
      // Wired again (htmx.process is idempotent): under load a form swapped in a moment ago may
      // not be yet, and a submit would then leave the page instead of going through htmx.
      htmx.process(more);
      if (then) then(card);
      return;
    }
    var loading = card._loading || htmx.ajax("GET", card.dataset.url + "?full=1", {
      source: card, target: more, swap: "outerHTML", select: ".more",
    });
    card._loading = loading;
    loading.then(function () {
      var now = cardOf(id);
      if (!now || !then || !now.querySelector(".more .typeahead")) return;
      // The promise can resolve before htmx has wired the new controls; wire them now, so
      // that what the editor types at once already reaches the typeahead.
      htmx.process(now.querySelector(".more"));
      then(now);
    });
  }

  /* Roving tabindex: the selected card is the list's one tab stop, and only its controls can
   * be tabbed to; Tab on a card goes to the next card, not through every button. */
  var CONTROLS = "a[href], button, input, select, summary, textarea";
  function rove(card, on) {
    card.tabIndex = on ? 0 : -1;
    card.querySelectorAll(CONTROLS).forEach(function (el) {
      if (on) el.removeAttribute("tabindex");
      else el.tabIndex = -1;
    });
  }
  function roveAll() {
    cards().forEach(function (c) { rove(c, c.dataset.quoteId === String(selectedId)); });
  }

  function select(id, how) {
    how = how || {};
    document.querySelectorAll(".qcard.selected, mark.q.selected").forEach(function (el) {
      // The card staying selected keeps its state: hiding its controls even for a moment
      // would take the focus out of its speaker box.
      if (el.dataset.quoteId === String(id)) return;
      el.classList.remove("selected");
      el.removeAttribute("aria-current");
      if (el.classList.contains("qcard")) rove(el, false);
    });
    selectedId = id;
    var card = cardOf(id);
    if (!card) return;
    card.classList.add("selected");
    card.setAttribute("aria-current", "true");
    rove(card, true);
    var spans = spansOf(id);
    spans.forEach(function (el) { el.classList.add("selected"); });
    // One column (narrow windows): the cards come after the text, so the card, with its
    // controls, is what is scrolled to; side by side, both are.
    var narrow = window.matchMedia("(max-width: 900px)").matches;
    if (how.card !== false || (narrow && how.text)) card.scrollIntoView({ block: "nearest" });
    if (how.text && spans.length) {
      if (!narrow || how.card === false) spans[0].scrollIntoView({ block: "center" });
      spans.forEach(flash);
    }
    if (how.focus) card.focus({ preventScroll: true });
    // Fetch the controls once the editor stops on a card, not for every card skimmed past.
    window.clearTimeout(prefetch);
    prefetch = window.setTimeout(function () { withFullCard(id); }, 300);
  }

  function move(step) {
    var list = cards();
    if (!list.length) return;
    var i = list.findIndex(function (c) { return c.dataset.quoteId === String(selectedId); });
    i = i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
    select(list[i].dataset.quoteId, { text: true, focus: true });
  }

  /* DOM selection -> offsets in the stored text. Every run of text is an element whose data-o
   * is the offset of its first character, counted in code points as Python counts; the DOM
   * counts UTF-16 units, so characters outside the BMP (emoji) count once here, not twice. */
  function codePoints(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate completes a pair already counted
    }
    return n;
  }

  function runEnd(run) { return Number(run.dataset.o) + codePoints(run.textContent); }

  function pointOffset(node, offset) {
    var box = textBox();
    if (!box.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      var run = node.parentElement.closest(RUN);
      if (!run) return null;
      return Number(run.dataset.o) + codePoints(node.data.slice(0, offset));
    }
    // An element boundary: the offset of the next run, or the end of the previous one.
    var range = document.createRange();
    range.setStart(node, offset);
    var runs = box.querySelectorAll(RUN);
    for (var i = 0; i < runs.length; i++) {
      if (range.comparePoint(runs[i], 0) >= 0) return Number(runs[i].dataset.o);
    }
    return runs.length ? runEnd(runs[runs.length - 1]) : null;
  }

  function selectionOffsets() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    var start = pointOffset(range.startContainer, range.startOffset);
    var end = pointOffset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start: start, end: end };
  }

  /* Selection by keyboard: v selects the current quote's text, V puts an empty selection
   * just after it; "." and "," move the selection's end a word later or earlier, ">" and "<"
   * its start. Selection.modify counts words in the text's own (logical) order, so "later"
   * is the same key in Arabic and English. */
  function textNodesIn(el) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var out = [];
    while (walker.nextNode()) if (walker.currentNode.data.length) out.push(walker.currentNode);
    return out;
  }

  function selectQuoteText(id, collapseAfter) {
    var spans = spansOf(id);
    if (!spans.length) return false;
    var first = textNodesIn(spans[0])[0];
    var lastNodes = textNodesIn(spans[spans.length - 1]);
    var last = lastNodes[lastNodes.length - 1];
    if (!first || !last) return false;
    var sel = window.getSelection();
    if (collapseAfter) sel.setBaseAndExtent(last, last.data.length, last, last.data.length);
    else sel.setBaseAndExtent(first, 0, last, last.data.length);
    spans[0].scrollIntoView({ block: "center" });
    return true;
  }

  function moveEdge(edge, direction) {
    var sel = window.getSelection();
    if (!sel.rangeCount || !textBox().contains(sel.anchorNode)) return false;
    var r = sel.getRangeAt(0);
    // The edge that moves becomes the selection's focus; the other stays where it is.
    if (edge === "end") sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
    else sel.setBaseAndExtent(r.endContainer, r.endOffset, r.startContainer, r.startOffset);
    sel.modify("extend", direction, "word");
    var node = sel.focusNode && (sel.focusNode.nodeType === Node.TEXT_NODE ? sel.focusNode.parentElement : sel.focusNode);
    if (node && node.scrollIntoView) node.scrollIntoView({ block: "nearest" });
    return true;
  }

  function saySelection() {
    var offsets = selectionOffsets();
    var text = offsets ? window.getSelection().toString().replace(/\s+/g, " ").trim() : "";
    if (!text) {
      say("Selection is empty: press . to take in the next word.", "info");
      return;
    }
    if (text.length > 90) text = text.slice(0, 44) + " … " + text.slice(-44);
    var box = document.getElementById("review-flash");
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "message info";
    p.appendChild(document.createTextNode("Selected: «"));
    var bdi = document.createElement("bdi");
    bdi.className = "said";
    bdi.textContent = text;
    p.appendChild(bdi);
    p.appendChild(document.createTextNode("» — n adds it as a quote, e makes it this quote's text."));
    box.appendChild(p);
  }

  document.addEventListener("selectionchange", function () {
    var offsets = selectionOffsets();
    if (offsets) lastRange = offsets;
  });

  // Span and new-quote forms take the selection's offsets just before htmx reads the form.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches(".span-form, #new-quote")) return;
    var offsets = selectionOffsets() || lastRange;
    if (!offsets) {
      event.preventDefault();
      event.stopImmediatePropagation();
      say("Select the text in the article first, then press " + (form.id === "new-quote" ? "n." : "e."), "error");
      return;
    }
    form.elements.start.value = offsets.start;
    form.elements.end.value = offsets.end;
    lastRange = null;
  }, true);

  // Clicks: a card shows its span; a span selects its card.
  root.addEventListener("click", function (event) {
    var target = event.target;
    var jump = target.closest(".qcard a.jump");
    var card = target.closest(".qcard");
    if (card) {
      var interactive = target.closest("button, input, select, textarea, summary, label, a:not(.jump)");
      if (jump) event.preventDefault();
      select(card.dataset.quoteId, { text: !interactive || !!jump, card: false });
      return;
    }
    var mark = target.closest("#article-text [data-quote-id]");
    if (mark && window.getSelection().isCollapsed) select(mark.dataset.quoteId, { card: true });
  });

  function submitIn(card, selector) {
    var el = card && card.querySelector(selector);
    if (el) el.click();
    return !!el;
  }

  function helpDialog() { return document.getElementById("keys-help"); }
  function wireKeysButton() {
    var btn = document.getElementById("keys-btn");
    if (btn) btn.hidden = false;
  }
  wireKeysButton();
  root.addEventListener("click", function (event) {
    if (event.target.closest("#keys-btn")) helpDialog().showModal();
  });

  function openConfirm(id, button) {
    var details = document.getElementById(id);
    if (!details) return false;
    details.open = true;
    var yes = details.querySelector(button);
    if (yes) yes.focus();
    details.scrollIntoView({ block: "nearest" });
    return true;
  }

  function isTyping(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var el = event.target;
    if (isTyping(el)) {
      if (event.key === "Escape") { el.blur(); if (selectedId) cardOf(selectedId).focus({ preventScroll: true }); }
      return;
    }
    if (helpDialog().open) return; // the dialog closes itself on Escape
    var card = selectedId ? cardOf(selectedId) : null;
    var reject = el.closest && el.closest("details.reject[open]");
    if (reject && /^[1-4]$/.test(event.key)) {
      var reasons = reject.querySelectorAll("button.reason");
      reasons[Number(event.key) - 1].click();
      move(1);
      event.preventDefault();
      return;
    }
    if (el.classList && el.classList.contains("qcard")) {
      if (event.key === "Tab") {
        var list = cards();
        var i = list.indexOf(el) + (event.shiftKey ? -1 : 1);
        if (i < 0 || i >= list.length) return; // leave the list as Tab normally would
        select(list[i].dataset.quoteId, { text: true, focus: true });
        event.preventDefault();
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        move(event.key === "ArrowDown" ? 1 : -1);
        event.preventDefault();
        return;
      }
      if (event.key === "Enter") {
        var control = el.querySelector(CONTROLS);
        if (control) control.focus();
        event.preventDefault();
        return;
      }
    }
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "A":
        if (!openConfirm("accept-all", "#accept-all-confirm")) {
          say("No quotes are pending: nothing to accept.", "info");
        }
        break;
      case "R":
        if (!openConfirm("mark-reviewed", "#mark-reviewed-confirm")) {
          if (!document.getElementById("undo-btn")) return; // viewers
          say("This article is already marked reviewed.", "info");
        }
        break;
      case "v":
      case "V":
        if (!card || !selectQuoteText(card.dataset.quoteId, event.key === "V")) return;
        saySelection();
        break;
      case ".": case ",": case ">": case "<":
        var edge = event.key === "." || event.key === "," ? "end" : "start";
        var direction = event.key === "." || event.key === ">" ? "forward" : "backward";
        if (!moveEdge(edge, direction)) {
          say("Press v first to select the quote's text (or V to start just after it).", "info");
          break;
        }
        saySelection();
        break;
      case "a":
        if (!submitIn(card, "button.accept")) return;
        move(1);
        break;
      case "x":
        if (!card) return;
        var details = card.querySelector("details.reject");
        if (!details) return;
        details.open = true;
        details.querySelector("button.reason").focus();
        details.scrollIntoView({ block: "nearest" });
        break;
      case "s":
        if (!card) return;
        withFullCard(card.dataset.quoteId, function (full) {
          var box = full.querySelector(".speaker-input");
          box.focus();
          box.select();
        });
        break;
      case "e":
        if (!card) return;
        withFullCard(card.dataset.quoteId, function (full) {
          full.querySelector(".span-form").requestSubmit();
        });
        break;
      case "n":
        var add = document.getElementById("new-quote");
        if (!add) return;
        add.requestSubmit();
        break;
      case "u":
        var undo = document.getElementById("undo-btn");
        if (!undo) return;
        undo.click();
        break;
      case "?":
        helpDialog().showModal();
        break;
      case "Escape":
        document.querySelectorAll("details[open]").forEach(function (d) { d.open = false; });
        clearSay();
        if (card) card.focus({ preventScroll: true });
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  /* Typeahead: Down goes into the suggestions, Up/Down move there, Enter picks the first
   * suggestion from the box, Escape goes back to the box. */
  root.addEventListener("keydown", function (event) {
    var input = event.target.closest(".typeahead input[type=text]");
    var option = event.target.closest(".suggestions .option");
    if (!input && !option) return;
    var form = event.target.closest("form");
    var options = form.querySelectorAll(".suggestions .option");
    if (input && event.key === "ArrowDown" && options.length) {
      options[0].focus();
      event.preventDefault();
    } else if (input && event.key === "Enter" && options.length) {
      options[0].click();
      event.preventDefault();
    } else if (option && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var list = Array.prototype.slice.call(options);
      var i = list.indexOf(option) + (event.key === "ArrowDown" ? 1 : -1);
      if (i < 0) form.querySelector("input[type=text]").focus();
      else if (i < list.length) list[i].focus();
      event.preventDefault();
    } else if (option && event.key === "Escape") {
      form.querySelector("input[type=text]").focus();
      event.preventDefault();
      event.stopPropagation();
    }
  });

  // After htmx swaps a card or the text, the selection marks are put back.
  document.body.addEventListener("htmx:afterSettle", function () {
    wireKeysButton();
    wireDetails();
    if (cardsBox()) roveAll();
    if (selectedId && cardOf(selectedId)) {
      var focused = document.activeElement;
      select(selectedId, { card: false });
      if (!focused || focused === document.body || !document.contains(focused)) {
        cardOf(selectedId).focus({ preventScroll: true });
      }
    }
  });
  // The server names the card to show (an undo shows what it took back).
  document.body.addEventListener("review-select", function (event) {
    var id = event.detail && event.detail.id;
    if (!id) return;
    window.setTimeout(function () {
      if (cardOf(id)) select(String(id), { text: true, focus: true });
    }, 0);
  });
  // A message from an earlier action is stale once the editor does something else.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var verb = event.detail.requestConfig && event.detail.requestConfig.verb;
    if (verb && verb.toLowerCase() === "post") clearSay();
  });
  // A quote just added becomes the selected one.
  document.body.addEventListener("quote-changed", function (event) {
    var id = event.detail && event.detail.id;
    if (id && event.target.closest && event.target.closest("#new-quote")) selectedId = String(id);
  });
  // A conflict: show the card that was refused, whatever was selected since.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.xhr.status !== 409) return;
    var card = event.detail.target && event.detail.target.closest && event.detail.target.closest(".qcard");
    var id = card ? card.dataset.quoteId : null;
    window.setTimeout(function () {
      var box = id ? cardOf(id) : document.querySelector(".qcard.has-conflict");
      if (box) select(box.dataset.quoteId, { text: true, focus: true });
    }, 0);
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var message = "The server refused this (" + status + ").";
    if (status === 403) message = "You are not allowed to do this (viewers read only).";
    if (status === 404) message = "This quote is gone (detection was re-run, or it was deleted): reload the page.";
    say(message, "error");
  });
  document.body.addEventListener("htmx:sendError", function () {
    say("The server could not be reached; nothing was saved.", "error");
  });

  // A menu of the bar opens towards whichever side has room, so that it is never cut off.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.matches || !details.matches("details.confirm") || !details.open) return;
    var pop = details.querySelector(".popover");
    if (!pop) return;
    pop.classList.remove("end");
    pop.style.insetInlineStart = "";
    pop.style.maxInlineSize = window.innerWidth - 16 + "px";
    var box = pop.getBoundingClientRect();
    if (box.right > window.innerWidth - 4) pop.classList.add("end");
    box = pop.getBoundingClientRect();
    if (box.left < 4) {
      pop.classList.remove("end");
      pop.style.insetInlineStart = 4 - details.getBoundingClientRect().left + "px";
    }
  }, true);

  // Cards' order: the select is a GET form; with JavaScript it applies at once.
  root.addEventListener("change", function (event) {
    var sort = event.target.closest(".sort select");
    if (sort) sort.form.requestSubmit();
  });

  // "Details" (rule ids, raw confidence) stays as the editor left it.
  function wireDetails() {
    var box = document.getElementById("details-toggle");
    if (!box || box._wired) return;
    box._wired = true;
    try { box.checked = window.localStorage.getItem("review-details") === "1"; } catch (e) { /* private mode */ }
    box.addEventListener("change", function () {
      try { window.localStorage.setItem("review-details", box.checked ? "1" : "0"); } catch (e) { /* ignore */ }
    });
  }
  wireDetails();

  // The side panel sticks just below the bar, whatever height the bar wraps to.
  var sticky = root.querySelector(".review-sticky");
  if (sticky && window.ResizeObserver) {
    new ResizeObserver(function () {
      root.style.setProperty("--sticky-h", sticky.getBoundingClientRect().height + 8 + "px");
    }).observe(sticky);
  }

  // Start on the first pending quote, or the one in the address.
  var fromHash = /^#(?:card|q|quote)-(\d+)$/.exec(window.location.hash); // #quote-: search links
  var first = fromHash ? fromHash[1] : null;
  if (!first) {
    var pending = cardsBox() && cardsBox().querySelector(".qcard.st-pending");
    var any = cardsBox() && cardsBox().querySelector(".qcard");
    first = pending ? pending.dataset.quoteId : any ? any.dataset.quoteId : null;
  }
  if (first) select(first, { card: true, text: !!fromHash });
  roveAll();
})();
