// The event page: "Import" or "Re-ingest" (forced) follows its run, then reloads the
// page to show the races it wrote.
import { onAction, runJob, showMessage, slotFor } from "./api.js";

onAction("import", async (button) => {
  const slot = slotFor(button);
  const url = `/api/events/${encodeURIComponent(button.dataset.event)}/ingest`;
  const force = button.dataset.force === "true";
  let run;
  try {
    run = await runJob(button, slot, url, { force }, force ? "Re-ingesting…" : "Importing…");
  } catch {
    return;
  }
  if (run.status === "succeeded" || run.status === "already_complete") {
    showMessage(slot, "Done", "ok");
    location.reload();
  } else {
    showMessage(slot, run.error_message || `Import ${run.status}`, "error");
  }
});
