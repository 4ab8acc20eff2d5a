/**
 * The PL's configuration logic in software, as the host sees it over JTAG (HARDWARE.md,
 * "Configuring the PL"): JPROGRAM clears the device (INIT rises after `initDelayTck` clocks);
 * CFG_IN takes the configuration data as 32-bit words, most significant bit first, finds the
 * sync word and executes packets (the CRC kept as `config-stream.ts` keeps it, the IDCODE
 * checked, RCRC / START / DESYNC commands, STAT reads queued for CFG_OUT); JSTART followed by
 * clocks in Run-Test/Idle runs start-up, which raises DONE when START was received and nothing
 * failed. Faults a test asks for: INIT or DONE that never rise, a forced ID error.
 */
import type { TapState } from '../jtag/tap-state.ts';
import { PL_INSTRUCTION } from '../jtag/zynq-chain.ts';
import { configCrc } from '../xilinx7/config-crc.ts';
import { CONFIG_COMMAND, CONFIG_REGISTER, SYNC_WORD } from '../xilinx7/config-packets.ts';
import { idcodeWithoutRevision, ZYNQ_7020 } from '../xilinx7/part.ts';
import { STAT_BIT } from '../xilinx7/stat-register.ts';
import type { TapRegister } from './virtual-tap.ts';

export type ConfigFault = 'init-never' | 'done-never' | 'id-error';

/** Start-up clocks in Run-Test/Idle after JSTART before DONE rises. */
const STARTUP_TCK = 12;

export class VirtualConfigEngine {
  init = true;
  done = false;
  crcError = false;
  idError = false;
  /** FDRI words received since the last JPROGRAM. */
  frameWords = 0;
  private initCountdown = 0;
  private startArmed = false;
  private startupClocks = 0;
  private synced = false;
  private crc = 0;
  /** Words of the packet being executed. */
  private register = -1;
  private left = 0;
  private readQueue: number[] = [];

  constructor(
    private readonly faults: ReadonlySet<ConfigFault> = new Set(),
    private readonly initDelayTck = 2000,
  ) {}

  get stat(): number {
    let stat = 0;
    if (this.crcError) stat |= STAT_BIT.crcError;
    if (this.init) stat |= STAT_BIT.initComplete;
    if (this.init && !this.crcError) stat |= STAT_BIT.initB;
    if (this.done) stat |= STAT_BIT.done | (7 << 18);
    if (this.idError) stat |= STAT_BIT.idError;
    return stat >>> 0;
  }

  /** IR capture bits 5:2: DONE, INIT, ISC_ENABLED (0), ISC_DONE (= DONE). */
  get irStatus(): number {
    return (this.done ? 0b100100 : 0) | (this.init ? 0b010000 : 0);
  }

  /** Called on every TCK with the TAP's new state and instruction. */
  onState(state: TapState, instruction: number): void {
    if (this.initCountdown > 0) {
      this.initCountdown -= 1;
      if (this.initCountdown === 0 && !this.faults.has('init-never')) this.init = true;
    }
    if (instruction === PL_INSTRUCTION.JSTART && state === 'run-test-idle' && this.startArmed) {
      this.startupClocks += 1;
      const ok = !this.crcError && !this.idError && this.init && !this.faults.has('done-never');
      if (this.startupClocks >= STARTUP_TCK && ok) this.done = true;
    }
  }

  onInstruction(instruction: number): void {
    if (instruction === PL_INSTRUCTION.JPROGRAM) this.program();
  }

  private program(): void {
    this.init = false;
    this.done = false;
    this.crcError = false;
    this.idError = false;
    this.frameWords = 0;
    this.initCountdown = this.initDelayTck;
    this.startArmed = false;
    this.startupClocks = 0;
    this.synced = false;
    this.crc = 0;
    this.left = 0;
  }

  /**
   * The CFG_IN register: bits in, most significant bit of each word first. Until the sync word
   * the engine looks for it at every bit, as the device does: a scan through the bypassed DAP
   * arrives one bit late (the DAP's captured 0 comes first), and the sync word realigns it.
   */
  cfgIn(): TapRegister {
    let word = 0;
    let bits = 0;
    return {
      capture: () => {
        word = 0;
        bits = 0;
      },
      out: () => 0,
      shift: (tdi) => {
        word = ((word << 1) | tdi) >>> 0;
        if (!this.synced) {
          if (word === SYNC_WORD) {
            this.synced = true;
            word = 0;
            bits = 0;
          }
          return;
        }
        bits += 1;
        if (bits === 32) {
          this.word(word);
          word = 0;
          bits = 0;
        }
      },
      update: () => undefined,
    };
  }

  /** The CFG_OUT register: the next queued read word, most significant bit first. */
  cfgOut(): TapRegister {
    let word = 0;
    let bit = 0;
    return {
      capture: () => {
        word = this.readQueue.shift() ?? 0;
        bit = 0;
      },
      out: () => ((word >>> (31 - (bit % 32))) & 1) as 0 | 1,
      shift: () => {
        bit += 1;
        if (bit % 32 === 0) word = this.readQueue.shift() ?? 0;
      },
      update: () => undefined,
    };
  }

  private word(w: number): void {
    if (this.left > 0) {
      this.left -= 1;
      this.write(this.register, w);
      return;
    }
    const type = w >>> 29;
    const opcode = (w >>> 27) & 3;
    if (type === 1) {
      this.register = (w >>> 13) & 0x3fff;
      const count = w & 0x7ff;
      if (opcode === 2) this.left = count;
      if (opcode === 1 && this.register === CONFIG_REGISTER.STAT) {
        for (let i = 0; i < count; i += 1) this.readQueue.push(this.stat);
      }
    } else if (type === 2 && opcode === 2) {
      this.left = w & 0x7ffffff;
    }
  }

  private write(register: number, w: number): void {
    if (register !== CONFIG_REGISTER.CRC) this.crc = configCrc(this.crc, register, w);
    switch (register) {
      case CONFIG_REGISTER.CRC:
        if (w !== this.crc) this.crcError = true;
        this.crc = 0;
        break;
      case CONFIG_REGISTER.IDCODE:
        if (idcodeWithoutRevision(w) !== ZYNQ_7020.idcode || this.faults.has('id-error')) {
          this.idError = true;
        }
        break;
      case CONFIG_REGISTER.FDRI:
        this.frameWords += 1;
        break;
      case CONFIG_REGISTER.CMD:
        if (w === CONFIG_COMMAND.RCRC) this.crc = 0;
        if (w === CONFIG_COMMAND.START) this.startArmed = true;
        if (w === CONFIG_COMMAND.DESYNC) this.synced = false;
        break;
      default:
        break;
    }
  }
}
