import { describeLogStore } from "./logStoreContract.js";
import { MemoryLogStore, memoryLogData } from "./MemoryLogStore.js";

const data = memoryLogData();
describeLogStore("MemoryLogStore", async () => new MemoryLogStore(data));
