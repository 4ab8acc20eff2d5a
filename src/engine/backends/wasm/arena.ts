/**
 * A bump allocator over addresses of the kernel's linear memory: the host decides where every
 * array lives before the memory is grown and written, so nothing moves afterwards.
 */
export class Arena {
  private next: number;

  /** @param base first free byte (the kernel's heap base) */
  constructor(base: number) {
    this.next = align(base, 64);
  }

  /** Reserves `bytes` bytes aligned to 16 (a v128) and returns their address. */
  alloc(bytes: number): number {
    const at = align(this.next, 16);
    this.next = at + Math.max(bytes, 0);
    return at;
  }

  /** One past the last reserved byte. */
  get end(): number {
    return this.next;
  }
}

/** `n` rounded up to a multiple of `to` . */
export function align(n: number, to: number): number {
  // Arithmetic rather than bit masks: addresses may exceed 2^31.
  return Math.ceil(n / to) * to;
}

/** Population arrays are padded to the kernel's loop width: two v128 of four lanes. */
export function padded(size: number): number {
  return align(size, 8);
}
