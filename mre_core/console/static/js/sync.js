// "Sync events" for a track, on the tracks and the events pages: the run's progress
// shows beside the button, then the page reloads with the track's events.
import { onAction, runJob, showMessage, slotFor } from "./api.js";

onAction("sync-events", async (button) => {
  const slot = slotFor(button);
  const track = encodeURIComponent(button.dataset.track);
  let run;
  try {
    run = await runJob(button, slot, `/api/tracks/${track}/events/sync`, {}, "Syncing events…");
  } catch {
    return;  // the error is shown in the slot
  }
  if (run.status !== "succeeded") {
    showMessage(slot, `Sync ${run.status}: ${run.error_message || ""}`, "error");
    return;
  }
  showMessage(slot, "Events synced", "ok");
  if (location.pathname === "/events") {
    const url = new URL(location.href);
    url.searchParams.set("track", button.dataset.track);
    location.assign(url);
  }
});
