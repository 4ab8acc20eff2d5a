/** The unit testbenches under `hdl/tb` and the modules each one compiles. */
import type { Bench } from './simulators.ts';

export const LFSR_BENCH: Bench = {
  top: 'tb_lfsr',
  sources: ['hdl/tb/tb_lfsr.v', 'hdl/lfsr.v'],
};

export const FXP_BENCH: Bench = {
  top: 'tb_fxp_lif_update',
  sources: [
    'hdl/tb/tb_fxp_lif_update.v',
    'hdl/fxp_lif_update.v',
    'hdl/fxp_lif_var.v',
    'hdl/fxp_channel.v',
  ],
};
