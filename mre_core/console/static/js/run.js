// A run's page: its row (and its children's) update in place, and its log streams in
// live (Server-Sent Events), filterable by level. Every line also goes to the
// browser's console (console.log, .warn or .error by its level).
import { api, FINISHED } from "./api.js";
import { followActiveRows } from "./run_row.js";

const RANK = { TRACE: 5, DEBUG: 10, INFO: 20, SUCCESS: 25, WARNING: 30, ERROR: 40, CRITICAL: 50 };
const list = document.getElementById("log");
const state = document.getElementById("log-state");
const levelPicker = document.getElementById("log-level");
const runId = list.dataset.run;

function rank(level) {
  return RANK[level] ?? RANK.INFO;
}

function applyFilter() {
  const least = rank(levelPicker.value);
  for (const item of list.children) item.hidden = rank(item.dataset.level) < least;
}

function toConsole(line) {
  const text = `[mre run ${runId}] ${line.at} ${line.level} ${line.message}`;
  if (rank(line.level) >= RANK.ERROR) console.error(text);
  else if (rank(line.level) >= RANK.WARNING) console.warn(text);
  else console.log(text);
}

function add(line) {
  const item = document.createElement("li");
  item.dataset.level = line.level;
  item.className = `level-${line.level.toLowerCase()}`;
  const at = document.createElement("time");
  at.textContent = String(line.at).replace("T", " ").slice(0, 19);
  const level = document.createElement("span");
  level.className = "level";
  level.textContent = line.level;
  const message = document.createElement("span");
  message.className = "message";
  message.textContent = line.message;
  item.append(at, level, message);
  item.hidden = rank(line.level) < rank(levelPicker.value);
  list.append(item);
  toConsole(line);
  state.textContent = `${list.children.length} lines`;
}

function stream() {
  const source = new EventSource(`/api/runs/${runId}/logs`);
  source.onopen = () => { state.textContent = `live · ${list.children.length} lines`; };
  source.addEventListener("log", (event) => add(JSON.parse(event.data)));
  source.addEventListener("end", () => {
    source.close();
    state.textContent = `run ended · ${list.children.length} lines`;
  });
  source.onerror = async () => {
    // The stream ends when the run does; a reconnect is only worth it while it runs.
    try {
      const run = await api("GET", `/api/runs/${runId}`);
      if (FINISHED.has(run.status)) {
        source.close();
        state.textContent = `run ${run.status} · ${list.children.length} lines`;
      }
    } catch {
      source.close();
      state.textContent = "log stream lost";
    }
  };
}

levelPicker.addEventListener("change", applyFilter);
followActiveRows();
stream();
