import type { RewardSource } from '../../model/index.ts';
import { NumberField } from './NumberField.tsx';
import { REWARD_DESCRIPTION } from './plasticity-params.ts';
import { SelectField } from './SelectField.tsx';

interface PlasticityRewardFieldsProps {
  reward: RewardSource;
  /** Populations that may deliver reward (`rewardCandidates`). */
  candidates: readonly string[];
  /** OnlineO1 counts reward in integers. */
  integer: boolean;
  onCommit: (reward: RewardSource, field: string) => string | null;
}

/** R-STDP's and OnlineO1's reward: which population's spikes deliver it, and how much each. */
export function PlasticityRewardFields(props: PlasticityRewardFieldsProps) {
  const { reward, candidates, integer, onCommit } = props;
  // A file may name a population the picker would not offer; show it so validation can say why.
  const ids = candidates.includes(reward.population)
    ? candidates
    : [reward.population, ...candidates];
  return (
    <div className="field-row">
      <SelectField
        name="plasticity-reward"
        label="Reward from"
        value={reward.population}
        options={ids.map((id) => ({ value: id, label: id }))}
        description={REWARD_DESCRIPTION}
        onCommit={(population) =>
          onCommit({ ...reward, population }, 'plasticity.reward.population')
        }
      />
      <NumberField
        name="plasticity-reward-amount"
        label="Per spike"
        value={reward.amount}
        integer={integer}
        step={1}
        description={
          integer
            ? 'Integer reward per spike of the reward population (saturated to the reward width).'
            : 'Reward added per spike of the reward population; negative punishes.'
        }
        onCommit={(amount) => onCommit({ ...reward, amount }, 'plasticity.reward.amount')}
      />
    </div>
  );
}
