/**
 * Document edits as data. Every change the editor makes to the network is one of these
 * commands, reduced by the pure `applyEdit` (reduce.ts). Keeping edits as plain objects lets
 * the reducer be tested without React and lets history record exactly what the user did.
 */
import type {
  CanvasPosition,
  CurrentStep,
  Layout3d,
  NetworkDocument,
  Population,
  Probe,
  Projection,
  RunSettings,
  ScInputs,
  Stimulus,
} from '../../model/document.ts';
import type { Fragment } from './fragment.ts';

/** Fields of a population other than its model-specific parameters. */
export interface PopulationPatch {
  /** `undefined` removes the label, so the canvas shows the id again. */
  label?: string | undefined;
  size?: number;
  /** `undefined` removes the 3D layout, so the 3D view lays the population out by itself. */
  layout3d?: Layout3d | undefined;
  /** `undefined` removes the tensor shape. */
  shape?: number[] | undefined;
}

/** A population's parameters, loosely typed: the editor writes one validated field at a time. */
export type ParamsPatch = Readonly<Record<string, unknown>>;

export type ProjectionPatch = Partial<Omit<Projection, 'id'>>;

/** A current step's fields (a current series is replaced whole, not patched). */
export type StimulusPatch = Partial<Omit<CurrentStep, 'id' | 'kind'>>;

export type DocumentEdit =
  /**
   * Adds a population, with the probes it starts with (a new one records its spikes) and the
   * run settings it needs (a Loihi population sets dt to 1 ms), all in one undoable edit.
   */
  | {
      type: 'addPopulation';
      population: Population;
      probes?: readonly Probe[];
      run?: Partial<RunSettings>;
    }
  /**
   * Removes populations and projections; whatever refers to a removed population goes too.
   * `rateInputIds` lists sc_dense layers whose rates input (an edge on the canvas) is removed:
   * they, and layers whose rates source is removed, go back to constant inputs.
   */
  | {
      type: 'removeNodes';
      populationIds: readonly string[];
      projectionIds: readonly string[];
      rateInputIds?: readonly string[];
    }
  | { type: 'movePopulations'; moves: readonly { id: string; position: CanvasPosition }[] }
  | { type: 'updatePopulation'; id: string; patch: PopulationPatch }
  | { type: 'updatePopulationParams'; id: string; params: ParamsPatch }
  /** Sets an sc_dense layer's inputs and resizes its weights to the new channel count. */
  | { type: 'setScInputs'; id: string; inputs: ScInputs }
  | { type: 'addProjection'; projection: Projection }
  /**
   * `targetPatch` changes the projection's target in the same edit (a conv rule and the shape
   * its output gives the target, which are only valid together).
   */
  | { type: 'updateProjection'; id: string; patch: ProjectionPatch; targetPatch?: PopulationPatch }
  /** Copies the listed nodes (and projections between them) next to the originals. */
  | {
      type: 'duplicate';
      populationIds: readonly string[];
      projectionIds: readonly string[];
      offset: CanvasPosition;
    }
  /** Inserts a copied fragment with fresh ids, shifted by `offset`. */
  | { type: 'paste'; fragment: Fragment; offset: CanvasPosition }
  | { type: 'replaceDocument'; document: NetworkDocument }
  | { type: 'setName'; name: string }
  | { type: 'updateRun'; patch: Partial<RunSettings> }
  | { type: 'addProbe'; probe: Probe }
  | { type: 'updateProbe'; probe: Probe }
  | { type: 'removeProbe'; id: string }
  | { type: 'addStimulus'; stimulus: Stimulus }
  | { type: 'updateStimulus'; id: string; patch: StimulusPatch }
  | { type: 'removeStimulus'; id: string };

export type DocumentEditType = DocumentEdit['type'];
