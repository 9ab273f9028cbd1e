// Keep a run's table row (templates/_run_row.html) up to date from the API's run.
import { FINISHED, api, follow, onAction } from "./api.js";

function seconds(run) {
  const start = Date.parse(run.started_at);
  const end = Date.parse(run.finished_at || run.heartbeat_at);
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, Math.round((end - start) / 1000));
}

function duration(run) {
  const total = seconds(run);
  if (total === null) return "–";
  const minutes = Math.floor(total / 60);
  const rest = String(total % 60).padStart(2, "0");
  return minutes ? `${minutes}m ${rest}s` : `${total % 60}s`;
}

export function updateRow(row, run) {
  row.dataset.status = run.status;
  const badge = document.createElement("span");
  badge.className = `badge status-${run.status}`;
  badge.textContent = run.status;
  row.querySelector("td.status").replaceChildren(badge);
  const progress = run.progress || {};
  const bar = row.querySelector("td.progress-cell progress");
  const count = row.querySelector("td.progress-cell .count");
  if (progress.total) {
    bar.max = progress.total;
    bar.value = progress.done || 0;
    count.textContent = `${progress.done || 0}/${progress.total}`;
  } else {
    count.textContent = progress.step || "";
  }
  row.querySelector("td.duration").textContent = duration(run);
  row.querySelector("td.error-cell").textContent = run.error_message || "";
  if (FINISHED.has(run.status)) row.querySelector("td.row-actions").replaceChildren();
}

// Follow every run shown as active until it ends; answers a promise per row.
export function followActiveRows() {
  return [...document.querySelectorAll("tr[data-run]")]
    .filter((row) => !FINISHED.has(row.dataset.status))
    .map((row) => follow(row.dataset.run, (run) => updateRow(row, run)).catch(() => null));
}

// "Cancel": a queued run ends at once, a running one at its next whole race.
onAction("cancel", async (button) => {
  const row = button.closest("tr");
  button.disabled = true;
  button.textContent = "Cancelling…";
  try {
    await api("DELETE", `/api/runs/${button.dataset.run}`);
  } catch (error) {
    button.disabled = false;
    button.textContent = "Cancel";
    row.querySelector("td.error-cell").textContent = error.message;
    return;
  }
  await follow(button.dataset.run, (run) => updateRow(row, run)).catch(() => null);
});
