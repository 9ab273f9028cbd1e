// The tracks page: "Sync tracks" follows its run in place, then shows the tracks.
import { onAction, runJob, showMessage } from "./api.js";
import "./sync.js";

onAction("sync-tracks", async (button) => {
  const slot = document.getElementById("sync-tracks-status");
  let run;
  try {
    run = await runJob(button, slot, "/api/tracks/sync", {}, "Syncing tracks…");
  } catch {
    return;
  }
  if (run.status !== "succeeded") {
    showMessage(slot, `Sync ${run.status}: ${run.error_message || ""}`, "error");
    return;
  }
  const tracks = run.counts && run.counts.tracks ? run.counts.tracks : {};
  showMessage(slot, `Tracks synced: ${tracks.new || 0} new, ${tracks.updated || 0} updated`, "ok");
  setTimeout(() => location.reload(), 1200);
});
