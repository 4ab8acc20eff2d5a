import { useState } from 'react';
import type { Connectivity } from '../../model/index.ts';
import { formatNumber } from '../editor/projection-summary.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { NumberField } from './NumberField.tsx';
import { impliedTargetShape, kernelSummary, withGroups } from './conv-edits.ts';

type Structured = Extract<
  Connectivity,
  { rule: 'conv2d' | 'conv1d' | 'sum_pool2d' | 'avg_pool2d' | 'explicit' }
>;

interface ConvFieldsProps {
  value: Structured;
  sourceShape: readonly number[] | undefined;
  targetShape: readonly number[] | undefined;
  /** Writes the rule; `reshapeTarget` also gives the target the shape the rule implies. */
  onCommit: (value: Connectivity, field: string, reshapeTarget: boolean) => string | null;
}

const shapeText = (shape: readonly number[] | undefined): string =>
  shape === undefined ? 'none' : `[${shape.join(', ')}]`;

/**
 * A conv or pool rule's stride, padding, dilation and groups as fields; its kernel as a
 * read-only summary (shape, count, range: kernels come from files, not typed here); the target
 * shape it implies beside the target's own, with the choice of reshaping the target to fit.
 * An explicit rule shows its pair count.
 */
export function ConvFields({ value, sourceShape, targetShape, onCommit }: ConvFieldsProps) {
  const [reshape, setReshape] = useState(true);
  if (value.rule === 'explicit') {
    return (
      <p className="field-note" data-testid="explicit-pairs-summary">
        {value.pairs.sources.length} synapses listed as (source, target) pairs.
      </p>
    );
  }
  const commit = (next: Connectivity, field: string) => onCommit(next, field, reshape);
  const implied = impliedTargetShape(value, sourceShape);
  const fits =
    implied !== undefined &&
    targetShape !== undefined &&
    implied.length === targetShape.length &&
    implied.every((n, k) => targetShape[k] === n);
  const pair = (
    name: string,
    label: string,
    pairValue: [number, number],
    min: number,
    write: (p: [number, number]) => Connectivity,
  ) => (
    <div className="field-row">
      <NumberField
        name={`${name}-h`}
        label={`${label} H`}
        value={pairValue[0]}
        min={min}
        integer
        onCommit={(h) => commit(write([h, pairValue[1]]), name)}
      />
      <NumberField
        name={`${name}-w`}
        label={`${label} W`}
        value={pairValue[1]}
        min={min}
        integer
        onCommit={(w) => commit(write([pairValue[0], w]), name)}
      />
    </div>
  );
  return (
    <>
      {(value.rule === 'conv2d' || value.rule === 'conv1d') && <KernelNote value={value} />}
      {value.rule === 'conv2d' && (
        <>
          {pair('stride', 'Stride', value.stride, 1, (stride) => ({ ...value, stride }))}
          {pair('padding', 'Padding', value.padding, 0, (padding) => ({ ...value, padding }))}
          {pair('dilation', 'Dilation', value.dilation, 1, (dilation) => ({ ...value, dilation }))}
        </>
      )}
      {value.rule === 'conv1d' && (
        <div className="field-row">
          <NumberField
            name="stride"
            label="Stride"
            value={value.stride}
            min={1}
            integer
            onCommit={(stride) => commit({ ...value, stride }, 'stride')}
          />
          <NumberField
            name="padding"
            label="Padding"
            value={value.padding}
            min={0}
            integer
            onCommit={(padding) => commit({ ...value, padding }, 'padding')}
          />
          <NumberField
            name="dilation"
            label="Dilation"
            value={value.dilation}
            min={1}
            integer
            onCommit={(dilation) => commit({ ...value, dilation }, 'dilation')}
          />
        </div>
      )}
      {(value.rule === 'conv2d' || value.rule === 'conv1d') && (
        <NumberField
          name="groups"
          label="Groups"
          value={value.groups}
          min={1}
          integer
          description="Input and output channels split into this many groups; each output channel reads only its group's inputs. The kernel's second dimension is input channels / groups."
          onCommit={(groups) => commit(withGroups(value, groups, sourceShape?.[0] ?? 1), 'groups')}
        />
      )}
      {(value.rule === 'sum_pool2d' || value.rule === 'avg_pool2d') && (
        <>
          {pair('kernel-size', 'Window', value.kernel_size, 1, (kernel_size) => ({
            ...value,
            kernel_size,
          }))}
          {pair('stride', 'Stride', value.stride, 1, (stride) => ({ ...value, stride }))}
          {pair('padding', 'Padding', value.padding, 0, (padding) => ({ ...value, padding }))}
        </>
      )}
      <p className="field-note" data-testid="conv-target-shape">
        Source {shapeText(sourceShape)} → output {shapeText(implied)}; target{' '}
        {shapeText(targetShape)}
        {fits ? ' ✓' : ''}
      </p>
      <CheckboxField
        name="reshape-target"
        label="Reshape the target to the output when these change"
        checked={reshape}
        onCommit={(on) => {
          setReshape(on);
          return on && !fits ? commit(value, 'reshape-target') : null;
        }}
      />
    </>
  );
}

/** The kernel at a glance: shape, count and range. */
function KernelNote({ value }: { value: Extract<Connectivity, { rule: 'conv2d' | 'conv1d' }> }) {
  const k = kernelSummary(value.kernel);
  return (
    <p className="field-note" data-testid="conv-kernel-summary">
      Kernel {k.shape} · {k.count} values in [{formatNumber(k.min)}, {formatNumber(k.max)}]
    </p>
  );
}
