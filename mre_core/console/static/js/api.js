// The console's one way to call its JSON API, and to follow a run to its end.
// Every state change sends a JSON body and the page's CSRF token: the API refuses
// anything else, so no other web site open in the browser can make the console act.

export const FINISHED = new Set([
  "succeeded", "failed", "cancelled", "already_complete", "partial", "not_ready",
]);
const POLL_MS = 500;

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

// fetch() a JSON answer; an error body {error: {code, message}} becomes an ApiError.
export async function api(method, url, body) {
  const init = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (method !== "GET") {
    init.headers["Content-Type"] = "application/json";
    init.headers["X-CSRF-Token"] = csrfToken();
    init.body = JSON.stringify(body || {});
  }
  const response = await fetch(url, init);
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    throw new ApiError(error.message || `HTTP ${response.status}`, response.status, error.code);
  }
  return data;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Poll a run until it ends, calling onUpdate(run) with each state; answers the last.
export async function follow(runId, onUpdate) {
  for (;;) {
    const run = await api("GET", `/api/runs/${runId}`);
    onUpdate(run);
    if (FINISHED.has(run.status)) return run;
    await sleep(POLL_MS);
  }
}

// Show a run's state in a <span class="job">: a <progress> fed by done/total and a
// short text ("Importing… 3/6").
export function showProgress(slot, label, run) {
  const progress = run && run.progress ? run.progress : {};
  let bar = slot.querySelector("progress");
  if (!bar) {
    bar = document.createElement("progress");
    slot.replaceChildren(bar, document.createElement("span"));
  }
  if (progress.total) {
    bar.max = progress.total;
    bar.value = progress.done || 0;
  } else {
    bar.removeAttribute("value");  // indeterminate until the run knows its total
  }
  const count = progress.total ? ` ${progress.done || 0}/${progress.total}` : "";
  slot.querySelector("span").textContent = `${label}${count}`;
  slot.dataset.status = run ? run.status : "queued";
}

export function showMessage(slot, text, kind) {
  const span = document.createElement("span");
  span.className = kind || "";
  span.textContent = text;
  slot.replaceChildren(span);
}

// Submit a job (POST url with body) and follow its run in `slot`; the button stays
// disabled meanwhile. Answers the finished run (or throws the API's error).
export async function runJob(button, slot, url, body, label) {
  button.disabled = true;
  try {
    showProgress(slot, label, null);
    const answer = await api("POST", url, body);
    return await follow(answer.run_id, (run) => showProgress(slot, label, run));
  } catch (error) {
    showMessage(slot, error.message, "error");
    throw error;
  } finally {
    button.disabled = false;
  }
}

// Call handler(button, event) for clicks on [data-action=name] anywhere on the page.
export function onAction(name, handler) {
  document.addEventListener("click", (event) => {
    const button = event.target.closest(`[data-action="${name}"]`);
    if (button) handler(button, event);
  });
}

// The <span class="job"> beside a button, where its run's progress shows.
export function slotFor(button) {
  return button.parentElement.querySelector(".job");
}
