/**
 * Synthesises Verilog files with Debian's `yosys` (Node only) for the timing estimate:
 * `synth_xilinx -family xc7 -flatten`, the cell library's blackboxes deleted, `write_json`;
 * returns the flat netlist and the seconds Yosys took. The bench and `scripts/timing-modules.ts`
 * use it for single modules; `spikelab fit --timing` goes through `runYosys` instead (the
 * export's files).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { YosysNetlist } from './netlist.ts';

export interface TimingSynthesis {
  netlist: YosysNetlist;
  seconds: number;
}

/** The Yosys script: read `files`, set `params` on `top`, synthesise flat, write `out`. */
export function timingScript(
  files: readonly string[],
  top: string,
  params: Readonly<Record<string, number>>,
  out: string,
): string {
  const set = Object.entries(params)
    .map(([k, v]) => `-set ${k} ${v}`)
    .join(' ');
  return [
    `read_verilog ${files.join(' ')}`,
    ...(set ? [`chparam ${set} ${top}`] : []),
    `synth_xilinx -family xc7 -top ${top} -noiopad -noclkbuf -flatten`,
    'delete =A:blackbox',
    `write_json ${out}`,
  ].join('; ');
}

/** Runs the script in `cwd` (where `files` are); throws naming yosys when it fails. */
export async function synthForTiming(options: {
  files: readonly string[];
  top: string;
  params?: Readonly<Record<string, number>>;
  cwd: string;
}): Promise<TimingSynthesis> {
  const dir = await mkdtemp(join(tmpdir(), 'spikelab-timing-'));
  try {
    const out = join(dir, 'netlist.json');
    const script = timingScript(options.files, options.top, options.params ?? {}, out);
    const started = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('yosys', ['-q', '-p', script], { cwd: options.cwd });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
      child.on('error', (e: NodeJS.ErrnoException) =>
        reject(
          new Error(
            e.code === 'ENOENT'
              ? "yosys was not found ('yosys' is not on PATH): install Yosys (Debian: apt-get install yosys)"
              : `yosys could not be started: ${e.message}`,
          ),
        ),
      );
      child.on('close', (code) =>
        code === 0
          ? resolve(text)
          : reject(
              new Error(`yosys failed on ${options.top} (exit ${code}): ${text.slice(-2000)}`),
            ),
      );
    });
    const seconds = (performance.now() - started) / 1000;
    let netlist: YosysNetlist;
    try {
      netlist = JSON.parse(await readFile(out, 'utf8')) as YosysNetlist;
    } catch {
      throw new Error(`yosys wrote no netlist for ${options.top}: ${output.slice(-2000)}`);
    }
    return { netlist, seconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
