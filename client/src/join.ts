// The join page: code (prefilled from the URL or QR) and name, nothing else. It loads no
// game engine; once joined, the phone controller takes the page over.
import { Connection, JoinError } from "./connection.js";
import { onLocaleChange } from "./i18n/locale.js";
import { t } from "./i18n/phoneWords.js";
import { reasonText } from "./i18n/roomWords.js";
import { mountLangToggle } from "./i18n/toggle.js";
import { PhoneController } from "./phone/PhoneController.js";
import { normalizeRoomCode, cleanName } from "../../shared/protocol.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $("join") as HTMLFormElement;
const codeInput = $("code") as HTMLInputElement;
const nameInput = $("name") as HTMLInputElement;
const error = $("join-error");
const submit = $("join-submit") as HTMLButtonElement;

function renderTexts(): void {
  $("join-title").textContent = t("joinTitle");
  $("code-label").textContent = t("code");
  $("name-label").textContent = t("name");
  submit.textContent = t("join");
}

mountLangToggle($("lang") as HTMLButtonElement);
onLocaleChange(renderTexts);
renderTexts();

const params = new URLSearchParams(location.search);
const fromUrl = normalizeRoomCode(params.get("code") ?? "");
if (fromUrl) codeInput.value = fromUrl;
try {
  nameInput.value = localStorage.getItem("eo:name") ?? "";
} catch {
  /* private mode */
}
(fromUrl ? nameInput : codeInput).focus();

async function join(code: string, name: string): Promise<void> {
  const connection = new Connection();
  const controller = new PhoneController(connection, $("app"), $("status"), $("live"));
  await connection.joinAsPlayer(code, name);
  controller.start();
  history.replaceState(null, "", `/?code=${code}`);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const code = normalizeRoomCode(codeInput.value);
  const name = cleanName(nameInput.value);
  if (!code) return void (error.textContent = t("badCode"));
  if (!name && !Connection.storedResume(code)) return void (error.textContent = t("needName"));
  error.textContent = "";
  submit.disabled = true;
  submit.textContent = t("joining");
  try {
    localStorage.setItem("eo:name", name ?? "");
  } catch {
    /* private mode */
  }
  join(code, name ?? "").catch((e: unknown) => {
    submit.disabled = false;
    renderTexts();
    error.textContent = e instanceof JoinError ? (e.code === "unknownRoom" ? t("unknownRoom") : reasonText(e.code)) : String(e);
  });
});

// A page reloaded mid-round goes straight back to its seat.
if (fromUrl && Connection.storedResume(fromUrl)) {
  submit.disabled = true;
  join(fromUrl, "").catch(() => {
    submit.disabled = false;
    renderTexts();
  });
}
