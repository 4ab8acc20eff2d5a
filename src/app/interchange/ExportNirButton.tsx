import { IconButton } from '../common/IconButton.tsx';
import { exportCurrentNetworkAsNir } from './export-nir.ts';

/** "Export NIR", beside Save (the JSON file): downloads `<name>.nir` and shows the report. */
export function ExportNirButton() {
  return (
    <IconButton
      label="Export NIR (a .nir file for other neuromorphic tools)"
      onClick={() => void exportCurrentNetworkAsNir()}
      testId="file-export-nir"
    >
      Export NIR
    </IconButton>
  );
}
