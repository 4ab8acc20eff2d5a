/**
 * The document's probes as monitors, read at the end of each step (after the reset, as
 * Spikelab records, step 8), and the Python dict that `runAndWrite` turns into the run JSON:
 * spikes by population (one SpikeMonitor per population with a spikes probe), state traces
 * and synapse traces by probe id (StateMonitor `when='end'`), rates by probe id
 * (PopulationRateMonitor, binned as Spikelab bins: `max(1, round(bin/dt))` steps a bin).
 */
import type { NetworkDocument, Probe } from '../../document.ts';
import { pyList, pyString, type IdentifierPool } from './python.ts';

/** How one state variable of a model is read in the script. */
export interface ReadVariable {
  /** Brian2 variable name (`v`, `I_syn`, `u`, `w`, ...). */
  variable: string;
  /** Python expression of the unit the document uses for it (`mV`, `pA`, `1` for integers). */
  unit: string;
}

export interface MonitorContext {
  doc: NetworkDocument;
  names: IdentifierPool;
  populationName: (id: string) => string;
  projectionName: (id: string) => string | undefined;
  /** The Brian2 variable and unit of a state probe's variable for a population. */
  stateVariable: (populationId: string, variable: string) => ReadVariable;
  /** The Brian2 variable and unit of a synapse probe's variable for a projection. */
  synapseVariable: (projectionId: string, variable: string) => ReadVariable;
  /** Monitor classes: Brian2's, or brian2-loihi's for a Loihi script. */
  classes: { spikes: string; state: string; stateArgs: string };
}

export interface MonitorCode {
  code: string;
  objects: string[];
  /** The Python dict expression of spikes, traces, synapses and rates. */
  output: string;
}

/** Monitors of every probe, and the output dict. */
export function monitorsCode(ctx: MonitorContext): MonitorCode {
  const { doc } = ctx;
  const lines: string[] = ['# Probes: monitors read at the end of each step, after the reset.'];
  const objects: string[] = [];
  const spikes: string[] = [];
  const traces: string[] = [];
  const synapses: string[] = [];
  const rates: string[] = [];
  const spikeMonitors = new Map<string, string>();
  for (const probe of doc.probes) {
    switch (probe.kind) {
      case 'spikes': {
        if (spikeMonitors.has(probe.population)) break;
        const name = ctx.names.take('spikes', probe.population);
        spikeMonitors.set(probe.population, name);
        lines.push(
          `${name} = ${ctx.classes.spikes}(${ctx.populationName(probe.population)}, name=${pyString(name)})`,
        );
        objects.push(name);
        spikes.push(`        ${pyString(probe.population)}: spikes_out(${name}),`);
        break;
      }
      case 'state': {
        const name = ctx.names.take('mon', probe.id);
        const read = ctx.stateVariable(probe.population, probe.variable);
        lines.push(
          `${name} = ${ctx.classes.state}(${ctx.populationName(probe.population)}, '${read.variable}', record=${pyList(probe.neurons)}${ctx.classes.stateArgs}, name=${pyString(name)})`,
        );
        objects.push(name);
        traces.push(
          `        ${pyString(probe.id)}: trace_out(${name}, '${read.variable}', ${read.unit}, ${pyList(probe.neurons)}),`,
        );
        break;
      }
      case 'rate': {
        const name = ctx.names.take('rate', probe.id);
        const size = doc.populations.find((p) => p.id === probe.population)?.size ?? 1;
        const binSteps = Math.max(1, Math.round(probe.bin / doc.run.dt));
        lines.push(
          `${name} = PopulationRateMonitor(${ctx.populationName(probe.population)}, name=${pyString(name)})`,
        );
        objects.push(name);
        rates.push(`        ${pyString(probe.id)}: rate_out(${name}, ${size}, ${binSteps}),`);
        break;
      }
      case 'synapse': {
        const syn = ctx.projectionName(probe.projection);
        if (syn === undefined) {
          // The projection drew no synapse: its (empty) record is what Spikelab writes too.
          synapses.push(synapseRecord(probe, '[]'));
          break;
        }
        const name = ctx.names.take('mon', probe.id);
        const read = ctx.synapseVariable(probe.projection, probe.variable);
        lines.push(
          `${name} = ${ctx.classes.state}(${syn}, '${read.variable}', record=${pyList(probe.synapses)}${ctx.classes.stateArgs}, name=${pyString(name)})`,
        );
        objects.push(name);
        synapses.push(
          `        ${pyString(probe.id)}: synapse_trace_out(${name}, '${read.variable}', ${read.unit}, ${pyString(probe.projection)}, ${pyString(probe.variable)}, ${pyList(probe.synapses)}),`,
        );
        break;
      }
    }
  }
  const dict = (entries: string[]) =>
    entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n    }`;
  const output = [
    '{',
    `    'spikes': ${dict(spikes)},`,
    `    'traces': ${dict(traces)},`,
    `    'synapses': ${dict(synapses)},`,
    `    'rates': ${dict(rates)},`,
    '}',
  ].join('\n');
  return { code: lines.join('\n'), objects, output };
}

function synapseRecord(probe: Extract<Probe, { kind: 'synapse' }>, values: string): string {
  return `        ${pyString(probe.id)}: {'t': [], 'projection': ${pyString(probe.projection)}, 'variable': ${pyString(probe.variable)}, 'synapses': ${pyList(probe.synapses)}, 'values': ${values}},`;
}
