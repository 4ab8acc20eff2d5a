/** Constants of Izhikevich's model that are not parameters. */

/** The spike cut, mV: Izhikevich (2003) resets when v >= 30 mV. */
export const IZHIKEVICH_V_PEAK = 30;
