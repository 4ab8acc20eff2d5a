/**
 * Sound on/off, the population that clicks and the volume: in the lab's run toolbar and in the
 * presenter view. Turning the sound on is the user gesture that starts the page's audio.
 */
import { useCallback, useRef } from 'react';
import { useDocumentStore } from '../../store/document/index.ts';
import { useAudioStore } from './audio-store.ts';
import { audiblePopulations, effectivePopulation } from './audible-populations.ts';
import { clickPlayer, useSpikeAudio } from './useSpikeAudio.ts';
import './audio.css';

export function SpikeAudioControls({ className = '' }: { className?: string }) {
  const doc = useDocumentStore((s) => s.document);
  const { enabled, population, volume, setEnabled, setPopulation, setVolume } = useAudioStore();
  const options = audiblePopulations(doc);
  const current = effectivePopulation(population, options);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Written to the DOM directly: a chunk must not re-render React (tests read it).
  const onPlayed = useCallback(() => {
    toggleRef.current?.setAttribute('data-clicks', String(clickPlayer.scheduled));
  }, []);
  useSpikeAudio(current, onPlayed);

  const toggle = () => {
    if (!enabled) clickPlayer.start();
    setEnabled(!enabled);
  };

  return (
    <div className={`spike-audio ${className}`} role="group" aria-label="Spike sound">
      <button
        ref={toggleRef}
        type="button"
        className="spike-audio-toggle"
        data-testid="audio-toggle"
        aria-pressed={enabled}
        disabled={options.length === 0}
        title={
          options.length === 0
            ? 'No population records spikes: add a spike probe to hear them'
            : 'A click per spike of the chosen population'
        }
        onClick={toggle}
      >
        <SpeakerIcon on={enabled} /> Sound
      </button>
      <select
        aria-label="Population to hear"
        data-testid="audio-population"
        value={current ?? ''}
        disabled={options.length === 0}
        onChange={(e) => setPopulation(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={volume}
        aria-label="Volume"
        aria-valuetext={`${Math.round(volume * 100)} %`}
        data-testid="audio-volume"
        onChange={(e) => setVolume(Number(e.target.value))}
      />
    </div>
  );
}

/** A speaker, with sound waves when on and a cross when muted (emoji fonts are not everywhere). */
function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" aria-hidden="true" className="speaker-icon">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path
        d={on ? 'M16 8.5a5 5 0 0 1 0 7M19 5.5a9 9 0 0 1 0 13' : 'M16 9l6 6M22 9l-6 6'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
