/** The SC lesson's steps, in order, each tied to the section of the tutorial it follows. */

export interface LessonStep {
  /** Short title for the step list. */
  title: string;
  /** The tutorial section it follows. */
  source: string;
}

export const SC_STEPS: readonly LessonStep[] = [
  { title: 'A spiking neuron', source: 'Tutorial §1: single neuron with constant current' },
  { title: 'Bitstreams and the AND gate', source: 'Tutorial §2: SC multiplication' },
  { title: 'Error against length', source: 'Tutorial §2: error scales as 1/√L' },
  { title: 'A current from many synapses', source: 'Tutorial §3: multi-channel current source' },
  { title: 'A dense layer', source: 'Tutorial §4: 8 inputs, 4 neurons' },
  { title: 'Two layers', source: 'Tutorial §5: two-layer network' },
  { title: 'Checking against theory', source: 'Tutorial §6: firing rate vs analytic prediction' },
];
