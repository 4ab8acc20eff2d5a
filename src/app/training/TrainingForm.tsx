/**
 * The training options: rule, data (the built-in synthetic patterns; the input and output
 * sizes come from the network), schedule with its parameters, optimizer and device. Only the
 * fields of the chosen rule and schedule show; the others keep their values. The genetic
 * algorithm has no gradient: it shows its own settings instead of the surrogate slope,
 * optimizer, learning rate and schedule, and counts generations instead of epochs.
 */
import {
  OPTIMIZERS,
  SCHEDULE_KINDS,
  TRAIN_DEVICES,
  TRAIN_RULES,
  totalBatches,
} from '../../store/training/options.ts';
import { useTrainingStore } from '../../store/training/index.ts';
import { NumberOption, SelectOption } from './OptionFields.tsx';

const OPTIMIZER_CHOICES = OPTIMIZERS.map((o) => ({
  value: o,
  label: o === 'adam' ? 'Adam' : 'SGD',
}));

function ScheduleFields() {
  const kind = useTrainingStore((s) => s.options.schedule);
  const batches = useTrainingStore((s) => totalBatches(s.options));
  const cosine = kind === 'cosine' || kind === 'warmup_cosine';
  return (
    <>
      <SelectOption name="schedule" label="Schedule" choices={SCHEDULE_KINDS} />
      {kind === 'step' && <NumberOption name="step_size" label="Step size" unit="batches" />}
      {(kind === 'step' || kind === 'exponential') && <NumberOption name="gamma" label="Gamma" />}
      {cosine && <NumberOption name="lr_min" label="Min rate" />}
      {kind === 'warmup_cosine' && (
        <NumberOption name="warmup_steps" label="Warm-up" unit="batches" />
      )}
      {cosine && <NumberOption name="total_steps" label="Total" unit="batches" />}
      {kind !== 'constant' && (
        <p className="training-hint">The rate steps once per batch: {batches} batches in all.</p>
      )}
    </>
  );
}

function GeneticFields() {
  return (
    <fieldset>
      <legend>Genetic algorithm</legend>
      <NumberOption name="populationSize" label="Population" unit="genomes" />
      <NumberOption
        name="mutationRate"
        label="Mutation rate"
        title="Probability that a child's weight is mutated"
      />
      <NumberOption
        name="mutationScale"
        label="Mutation scale"
        title="Standard deviation of a mutation, as a fraction of the weight range (2 x bound)"
      />
      <NumberOption
        name="eliteFraction"
        label="Elite fraction"
        title="Share of each generation kept unchanged (the best genomes)"
      />
      <NumberOption
        name="weightBound"
        label="Weight bound"
        title="Every weight evolves within +-this; the first generation is uniform in that range"
      />
    </fieldset>
  );
}

export function TrainingForm() {
  const rule = useTrainingStore((s) => s.options.rule);
  const genetic = rule === 'genetic';
  return (
    <form
      className="training-form"
      aria-label="Training options"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>Rule</legend>
        <SelectOption name="rule" label="Rule" choices={TRAIN_RULES} />
        {rule === 'tbptt' && <NumberOption name="truncation" label="k" unit="steps" />}
        {!genetic && (
          <NumberOption
            name="surrogateSlope"
            label="Surrogate slope"
            title="Slope of the fast-sigmoid surrogate per unit of (V - threshold)"
          />
        )}
        <NumberOption
          name="logitScale"
          label="Logit scale"
          title="Softmax logits are this times each output neuron's spike count"
        />
      </fieldset>
      <fieldset>
        <legend>Data (synthetic spike patterns)</legend>
        <NumberOption name="classes" label="Classes" />
        <NumberOption name="trainPerClass" label="Train / class" />
        <NumberOption name="testPerClass" label="Test / class" />
        <NumberOption name="steps" label="Steps" unit="per sample" />
        <NumberOption name="rate" label="Pattern rate" unit="Hz" />
        <NumberOption name="jitter" label="Jitter" unit="steps" />
        <NumberOption name="noiseRate" label="Noise rate" unit="Hz" />
        <NumberOption name="dataSeed" label="Data seed" />
      </fieldset>
      {genetic && <GeneticFields />}
      <fieldset>
        <legend>{genetic ? 'Run' : 'Optimization'}</legend>
        {!genetic && (
          <>
            <SelectOption name="optimizer" label="Optimizer" choices={OPTIMIZER_CHOICES} />
            <NumberOption name="learningRate" label="Learning rate" />
          </>
        )}
        <NumberOption name="epochs" label={genetic ? 'Generations' : 'Epochs'} />
        <NumberOption
          name="batchSize"
          label="Batch size"
          {...(genetic ? { title: 'Samples per forward pass when a genome is scored' } : {})}
        />
        <NumberOption name="seed" label={genetic ? 'Seed' : 'Shuffle seed'} />
        {!genetic && <ScheduleFields />}
      </fieldset>
      <fieldset>
        <legend>Device</legend>
        <SelectOption name="device" label="Runs on" choices={TRAIN_DEVICES} />
      </fieldset>
    </form>
  );
}
