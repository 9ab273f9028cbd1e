// The users page: confirm or reject a link; the row shows its new status.
import { api, onAction } from "./api.js";

async function decide(button, verdict) {
  const row = button.closest("tr");
  for (const b of row.querySelectorAll("button")) b.disabled = true;
  try {
    const link = await api("POST", `/api/links/${button.dataset.link}/${verdict}`);
    const badge = document.createElement("span");
    badge.className = `badge link-${link.status}`;
    badge.textContent = link.status;
    row.querySelector("td.status").replaceChildren(badge);
    row.querySelector("td.decided").textContent = link.decided_by || "–";
    row.querySelector("td.row-actions").replaceChildren();
  } catch (error) {
    for (const b of row.querySelectorAll("button")) b.disabled = false;
    row.querySelector("td.status").append(` ${error.message}`);
  }
}

onAction("confirm", (button) => decide(button, "confirm"));
onAction("reject", (button) => decide(button, "reject"));
