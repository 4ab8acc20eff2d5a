import { describe, expect, it } from 'vitest';
import { chunkTransferables, createEngineService } from '../../../workers/engine-service.ts';
import { PROTOCOL_VERSION, type WorkerEvent } from '../../../workers/protocol.ts';
import { fakeDocument, fakeSimulation, until } from './session-fakes.ts';

function service(now: () => number = () => performance.now()) {
  const events: WorkerEvent[] = [];
  const transfers: ArrayBuffer[][] = [];
  const api = createEngineService(
    (doc) => Promise.resolve(fakeSimulation(doc)),
    (_sink, event, transfer) => {
      events.push(event);
      transfers.push(transfer);
    },
    now,
  );
  const open = (duration: number, speed = Infinity, maxChunksAhead = 3) =>
    api.open(
      {
        protocolVersion: PROTOCOL_VERSION,
        document: fakeDocument(duration),
        backend: 'reference',
        chunkSteps: 4,
        speed,
        maxChunksAhead,
      },
      () => {},
    );
  return { api, events, transfers, open };
}

const chunks = (events: WorkerEvent[]) => events.filter((e) => e.type === 'chunk');

describe('engine worker service', () => {
  it('refuses a page that speaks another protocol version', async () => {
    const { api } = service();
    const result = await api.open(
      {
        protocolVersion: PROTOCOL_VERSION + 1,
        document: fakeDocument(),
        backend: 'reference',
        chunkSteps: 4,
        speed: Infinity,
        maxChunksAhead: 3,
      },
      () => {},
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fault.kind).toBe('protocol-mismatch');
  });

  it('stops after maxChunksAhead unacknowledged chunks and goes on when acknowledged', async () => {
    const { api, events, open } = service();
    await open(100, Infinity, 2);
    api.play();
    await until(() => chunks(events).length === 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(chunks(events).length).toBe(2);
    api.ack(1);
    await until(() => chunks(events).length === 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(chunks(events).length).toBe(3);
  });

  it('paces chunks to the speed limit', async () => {
    let clock = 0;
    const { api, events, open } = service(() => clock);
    await open(100, 1); // 1 simulated ms per wall ms; a chunk is 4 steps of 0.5 ms = 2 ms
    api.play();
    await new Promise((r) => setTimeout(r, 30));
    // The clock has not moved: the first chunk waits for its 2 ms of real time.
    expect(chunks(events).length).toBe(0);
    clock = 4.5;
    await until(() => chunks(events).length === 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(chunks(events).length).toBe(2);
  });

  it('moves the chunk buffers instead of copying them', async () => {
    const { api, events, transfers, open } = service();
    await open(100);
    api.step(4);
    await until(() => events.some((e) => e.type === 'paused'));
    const chunk = events.find((e) => e.type === 'chunk');
    expect(chunk?.type).toBe('chunk');
    if (chunk?.type !== 'chunk') return;
    // spikes a and b (steps + indices), the trace (steps + values), the counts: 7 buffers.
    expect(transfers[0]?.length).toBe(7);
    expect(chunkTransferables(chunk.chunk)).toEqual(transfers[0]);
  });

  it('reports the end of the run', async () => {
    const { api, events, open } = service();
    await open(4); // 8 steps = 2 chunks
    api.play();
    await until(() => events.some((e) => e.type === 'chunk' && e.seq === 1));
    api.ack(2);
    await until(() => events.some((e) => e.type === 'finished'));
    expect(events.at(-1)).toEqual({ type: 'finished', step: 8 });
  });

  it('turns an engine error into a typed fault event', async () => {
    const events: WorkerEvent[] = [];
    const api = createEngineService(
      (doc) => Promise.resolve(fakeSimulation(doc, 6)),
      (_sink, event) => events.push(event),
    );
    await api.open(
      {
        protocolVersion: PROTOCOL_VERSION,
        document: fakeDocument(100),
        backend: 'reference',
        chunkSteps: 4,
        speed: Infinity,
        maxChunksAhead: 3,
      },
      () => {},
    );
    api.play();
    await until(() => events.some((e) => e.type === 'fault'));
    const fault = events.find((e) => e.type === 'fault');
    expect(fault?.type === 'fault' && fault.fault).toMatchObject({
      kind: 'numerical',
      population: 'a',
      step: 6,
      neuron: 1,
      variable: 'v',
    });
  });
});
