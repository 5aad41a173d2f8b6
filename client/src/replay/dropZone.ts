// Files handed to the page: dropped anywhere (on the comparison card, to compare once a round
// is open) or picked with the header's "open a log file" button.
import { loadFile } from "./loading.js";
import { replayPage } from "./pageState.js";

export function installDropZone(): void {
  const opener = document.getElementById("open-file") as HTMLInputElement;
  opener.addEventListener("change", () => {
    const file = opener.files?.[0];
    if (file) void loadFile(file, "main");
    opener.value = "";
  });

  document.addEventListener("dragover", (e) => {
    if (!e.dataTransfer?.types.includes("Files")) return;
    e.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    document.body.classList.remove("dragging");
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    const onCompare = e.target instanceof Element && e.target.closest('[data-testid="replay-compare"]') !== null;
    void loadFile(file, onCompare && replayPage().round ? "compare" : "main");
  });
}
