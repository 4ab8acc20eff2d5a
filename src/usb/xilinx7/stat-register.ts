/**
 * The 7-series STAT register (UG470 table 5-25; HARDWARE.md): the bits Spikelab reads after a
 * failed configuration, and the message a person gets for them. The virtual configuration
 * engine sets the same bits, so the host's explanation is tested against every fault.
 */

export const STAT_BIT = {
  crcError: 1 << 0,
  initComplete: 1 << 11,
  initB: 1 << 12,
  done: 1 << 14,
  idError: 1 << 15,
} as const;

/** Start-up state, bits 20:18. */
export function statStartupState(stat: number): number {
  return (stat >>> 18) & 7;
}

/**
 * Why a configuration failed, in words, from STAT.
 *
 * @example explainStat(0x1) // 'the bitstream failed its CRC check (STAT bit 0): ...'
 */
export function explainStat(stat: number): string {
  const reasons: string[] = [];
  if (stat & STAT_BIT.idError) {
    reasons.push(
      'the bitstream is for another device: its IDCODE does not match this FPGA (STAT bit 15, ID error)',
    );
  }
  if (stat & STAT_BIT.crcError) {
    reasons.push(
      'the bitstream failed its CRC check (STAT bit 0): the file is corrupt, or bytes were lost on the way; try the upload again, then rebuild the bitstream',
    );
  }
  if (!(stat & STAT_BIT.initB)) {
    reasons.push('INIT_B is low (STAT bit 12): the FPGA flagged a configuration error');
  }
  if (!(stat & STAT_BIT.initComplete)) {
    reasons.push('the FPGA never finished clearing its memory (STAT bit 11, INIT complete, is 0)');
  }
  if (!(stat & STAT_BIT.done) && reasons.length === 0) {
    reasons.push(
      `DONE stayed low (STAT bit 14) with no error flagged; start-up stopped in state ${statStartupState(stat)}: the bitstream may be incomplete`,
    );
  }
  const hex = `0x${(stat >>> 0).toString(16).padStart(8, '0')}`;
  return `configuration failed (STAT ${hex}): ${reasons.join('; ') || 'no failure bit is set'}`;
}
