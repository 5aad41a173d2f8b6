// The join page: code (prefilled from the URL or QR) and name, nothing else. It loads no
// game engine; once joined, the phone controller takes the page over (and the form's own
// texts stop following the language: the form is gone).
import { Connection, JoinError } from "./connection.js";
import type { JoinErrorCode } from "./joinErrors.js";
import { onLocaleChange } from "./i18n/locale.js";
import { t, type PhoneKey } from "./i18n/phoneWords.js";
import { mountLangToggle } from "./i18n/toggle.js";
import { normalizeRoomCode, cleanName } from "../../shared/protocol.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $("join") as HTMLFormElement;
const codeInput = $("code") as HTMLInputElement;
const nameInput = $("name") as HTMLInputElement;
const error = $("join-error");
const submit = $("join-submit") as HTMLButtonElement;
/** What the error line says, kept as a key so it follows the language. */
let errorKey: PhoneKey | null = null;
let joining = false;

function renderTexts(): void {
  $("join-title").textContent = t("joinTitle");
  $("code-label").textContent = t("code");
  $("name-label").textContent = t("name");
  submit.textContent = joining ? t("joining") : t("join");
  error.textContent = errorKey ? t(errorKey) : "";
}

function showError(key: PhoneKey | null): void {
  errorKey = key;
  renderTexts();
}

mountLangToggle($("lang") as HTMLButtonElement);
const stopTexts = onLocaleChange(renderTexts);
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

// The phone's controller is fetched while the student types (the form shows without it).
const phoneCode = import("./phone/PhoneController.js");
phoneCode.catch(() => undefined);

async function join(code: string, name: string): Promise<void> {
  joining = true;
  submit.disabled = true;
  renderTexts();
  const connection = new Connection();
  try {
    const { PhoneController } = await phoneCode;
    // Listening before joining: the room's first messages (welcome, seat, results) come at once.
    const controller = new PhoneController(connection, $("app"), $("status"), $("live"));
    await connection.joinAsPlayer(code, name);
    stopTexts();
    controller.start();
  } finally {
    joining = false;
    submit.disabled = false;
  }
  history.replaceState(null, "", `/?code=${code}`);
}

const refusalKey = (e: unknown): PhoneKey => `join_${e instanceof JoinError ? (e.code as JoinErrorCode) : "serverError"}`;

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (joining) return;
  const code = normalizeRoomCode(codeInput.value);
  const name = cleanName(nameInput.value);
  if (!code) return showError("badCode");
  if (!name && !Connection.storedResume(code)) return showError("needName");
  showError(null);
  try {
    localStorage.setItem("eo:name", name ?? "");
  } catch {
    /* private mode */
  }
  join(code, name ?? "").catch((e: unknown) => showError(refusalKey(e)));
});

// A page reloaded mid-round goes straight back to its seat; if the room no longer knows the
// phone, the form stays, saying why unless it only needs a name.
if (fromUrl && Connection.storedResume(fromUrl)) {
  join(fromUrl, "").catch((e: unknown) => showError(e instanceof JoinError && e.code === "badName" ? null : refusalKey(e)));
}
