/**
 * Money is integer fen (分) everywhere: 1 元 = 100 分, 1 万元 = 1,000,000 分.
 * Amounts are safe integers in TypeScript and BIGINT in SQL.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;

export function isFen(x: unknown): x is Fen {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

/** Converts an amount in 元 (possibly with up to 2 decimals) to fen, rounding half away from zero. */
export function yuanToFen(yuan: number): Fen {
  const fen = Math.round(Math.abs(yuan) * FEN_PER_YUAN + 1e-7) * Math.sign(yuan);
  return fen === 0 ? 0 : fen;
}

/** Converts an amount in 万元 to fen, rounding to the fen. */
export function wanYuanToFen(wan: number): Fen {
  const fen = Math.round(Math.abs(wan) * FEN_PER_WAN_YUAN + 1e-5) * Math.sign(wan);
  return fen === 0 ? 0 : fen;
}

export const fenToYuan = (fen: Fen): number => fen / FEN_PER_YUAN;
export const fenToWanYuan = (fen: Fen): number => fen / FEN_PER_WAN_YUAN;

const fmt2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,234.56" — an amount in 元 with thousands separators; the unit belongs in the column header. */
export const formatYuan = (fen: Fen): string => fmt2.format(fenToYuan(fen));
/** "12.35" — an amount in 万元 with two decimals. */
export const formatWanYuan = (fen: Fen): string => fmt2.format(fenToWanYuan(fen));
