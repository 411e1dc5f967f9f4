import type { ServerResponse } from 'node:http';

export type RenderGate = {
  run: (res: ServerResponse, render: () => void) => void;
  running: () => number;
  waiting: () => number;
};

export function createRenderGate(limit: number): RenderGate;
