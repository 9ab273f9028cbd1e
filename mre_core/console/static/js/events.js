// The events page: "Import" on a row follows the import's run in the row (a repeat
// click, or an import someone else started, answers the same run) and shows the
// event's results link when done, without reloading the page.
import { onAction, runJob, showMessage, slotFor } from "./api.js";
import "./sync.js";

// The row once imported: its depth, a link to its results, and the full bar beside it.
function done(row, button, event) {
  const depth = row.querySelector("td.depth");
  const badge = document.createElement("span");
  badge.className = "badge depth-laps_full";
  badge.textContent = "laps_full";
  depth.replaceChildren(badge);
  const link = document.createElement("a");
  link.className = "button small";
  link.href = `/events/${encodeURIComponent(event)}`;
  link.textContent = "Results";
  button.replaceWith(link);
  const slot = slotFor(link);
  const bar = slot.querySelector("progress");
  if (bar && bar.hasAttribute("value")) {
    slot.querySelector("span").textContent = `Imported ${bar.value}/${bar.max}`;
  } else {
    slot.replaceChildren();  // already complete: no run went by
  }
}

onAction("import", async (button) => {
  const row = button.closest("tr");
  const event = button.dataset.event;
  const depth = row.querySelector("td.depth");
  depth.textContent = "Importing…";
  button.hidden = true;
  let run;
  try {
    const url = `/api/events/${encodeURIComponent(event)}/ingest`;
    run = await runJob(button, slotFor(button), url, {}, "Importing…");
  } catch {
    button.hidden = false;
    button.textContent = "Retry";
    return;
  }
  if (run.status === "succeeded" || run.status === "already_complete") {
    done(row, button, event);
  } else {
    depth.textContent = run.status;
    showMessage(slotFor(button), run.error_message || `Import ${run.status}`, "error");
    button.hidden = false;
    button.textContent = "Retry";
  }
});
