import { describe, expect, it } from "vitest";
import { KeyedSerialQueue } from "./KeyedSerialQueue.js";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("KeyedSerialQueue", () => {
  it("runs one key's tasks in call order, even when an earlier task is slower", async () => {
    const queue = new KeyedSerialQueue();
    const order: number[] = [];
    await Promise.all(
      [5, 0, 3, 0].map((ms, i) =>
        queue.run("a", async () => {
          await later(ms);
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it("lets other keys run meanwhile, and a failure reject only its own task", async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    const slow = queue.run("a", async () => {
      await later(20);
      order.push("a1");
    });
    const failing = queue.run("a", async () => {
      throw new Error("boom");
    });
    const next = queue.run("a", async () => order.push("a3"));
    await queue.run("b", async () => order.push("b1"));
    await expect(failing).rejects.toThrow("boom");
    await Promise.all([slow, next]);
    expect(order).toEqual(["b1", "a1", "a3"]);
  });

  it("idle() waits for tasks queued while waiting, and settled() never rejects", async () => {
    const queue = new KeyedSerialQueue();
    let done = false;
    void queue
      .run("a", async () => {
        await later(5);
        void queue.run("b", async () => {
          await later(5);
          done = true;
        });
        throw new Error("ignored");
      })
      .catch(() => {});
    await queue.settled("a");
    await queue.idle();
    expect(done).toBe(true);
  });
});
