// The lang-toggle button every page has: it names the other language and switches to it.
import type { Text } from "../../../shared/scenarios/texts.js";
import { currentLocale, onLocaleChange, setLocale, tx } from "./locale.js";

const OTHER_LANGUAGE: Text = { en: "Português", "pt-BR": "English" };

export function mountLangToggle(button: HTMLButtonElement): void {
  const render = () => {
    button.textContent = tx(OTHER_LANGUAGE);
    button.setAttribute("aria-label", tx(OTHER_LANGUAGE));
  };
  button.dataset.testid = "lang-toggle";
  button.addEventListener("click", () => setLocale(currentLocale() === "en" ? "pt-BR" : "en"));
  onLocaleChange(render);
  render();
  document.documentElement.lang = currentLocale();
}
