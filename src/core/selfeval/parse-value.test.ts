import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertToUnit, parseValue, unitScale } from './parse-value.ts';

describe('parseValue', () => {
  it.each([
    // raw, comparison, value, unit, comparison printed
    ['≥95%', '>=', 95, '%', true],
    ['≧ 95 ％', '>=', 95, '%', true],
    ['＞=1,200 人次', '>=', 1200, '人次', true],
    ['＞＝2万人', '>=', 2, '万人', true],
    ['>=80', '>=', 80, null, true],
    ['>80', '>=', 80, null, true],
    ['＞80%', '>=', 80, '%', true],
    ['≤300万元', '<=', 300, '万元', true],
    ['≦ 48 小时', '<=', 48, '小时', true],
    ['＜＝48小时', '<=', 48, '小时', true],
    ['<5‰', '<=', 5, '‰', true],
    ['=1', '=', 1, null, true],
    ['＝100％', '=', 100, '%', true],
    ['═100%', '=', 100, '%', true],
    ['100%', '=', 100, '%', false],
    ['43.2', '=', 43.2, null, false],
    ['１２３４５', '=', 12345, null, false],
    ['1,234,567.89元', '=', 1234567.89, '元', false],
    ['≥266米', '>=', 266, '米', true],
    ['12.5公里', '=', 12.5, '公里', false],
    ['5,000平方米', '=', 5000, '平方米', false],
    ['≤5000元/人', '<=', 5000, '元/人', true],
    ['1.2万株', '=', 1.2, '万株', false],
    ['3个', '=', 3, '个', false],
    ['20台', '=', 20, '台', false],
    ['0起', '=', 0, '起', false],
    ['不低于90%', '>=', 90, '%', true],
    ['不超过100%', '<=', 100, '%', true],
    ['不高于5%', '<=', 5, '%', true],
    ['不大于3天', '<=', 3, '天', true],
    ['不多于2次', '<=', 2, '次', true],
    ['超过100人', '>=', 100, '人', true],
    ['合格率≥95%', '>=', 95, '%', true],
    ['300万元以内', '<=', 300, '万元', true],
    ['95%以上', '>=', 95, '%', true],
    ['12月底前', '<=', 12, '月', true],
    ['30天内', '<=', 30, '天', true],
    ['约95%', '=', 95, '%', false],
    ['95%左右', '=', 95, '%', false],
    ['≥ 9５％（含）', '>=', 95, '%', true],
    ['95.6%，超额完成', '=', 95.6, '%', false],
    ['-5%', '=', -5, '%', false],
  ] as const)('reads %j as a quantity', (raw, comparison, value, unit, printed) => {
    const v = parseValue(raw);
    expect(v).toMatchObject({ raw, status: 'number', comparison, value, unit, comparisonPrinted: printed });
  });

  it.each([
    '达到预期',
    '有效',
    '显著提升',
    '优',
    '良',
    '好',
    '较好',
    '合格',
    '是',
    '达标',
    '无重大安全事故',
    '2023年12月',
    '1-2个',
  ])('reads %j as qualitative words', (raw) => {
    expect(parseValue(raw)).toMatchObject({
      status: 'qualitative',
      comparison: 'qualitative',
      value: null,
      unit: null,
    });
  });

  it('keeps the words of a qualitative value, normalised', () => {
    expect(parseValue(' 达到 预期 ').text).toBe('达到预期');
  });

  it.each(['', '  ', '-', '—', '——', '/', '／', '\u3000'])('reads %j as blank', (raw) => {
    expect(parseValue(raw)).toMatchObject({ status: 'blank', comparison: null, value: null, unit: null });
  });

  it.each(['不适用', '不涉及', '本项目不涉及', 'N/A'])('reads %j as not applicable', (raw) => {
    expect(parseValue(raw).status).toBe('not_applicable');
  });

  it.each(['#VALUE!', '#DIV/0!', 'abc', '???', '1,2345', '95%%'])(
    'reads %j as unparseable, not a crash',
    (raw) => {
      expect(parseValue(raw)).toMatchObject({ status: 'unparseable', comparison: null, value: null });
    },
  );

  it('reads spreadsheet numbers without float noise', () => {
    expect(parseValue(0.1 + 0.2)).toMatchObject({ raw: '0.3', value: 0.3 });
    expect(parseValue(null).status).toBe('blank');
    expect(parseValue(undefined).status).toBe('blank');
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const v = parseValue(s);
        expect(v.raw).toBe(s);
        if (v.status === 'number') expect(Number.isFinite(v.value)).toBe(true);
        else expect(v.value).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings built from the characters of printed tables', () => {
    const chars = fc.constantFrom(
      ...'0123456789.,，%％‰≥≤≧≦＞＜>=<＝═ 万元人次米个以上内前左右约不低于超过（）()达到预期无未部分基本'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 16 }), (cs) => {
        const v = parseValue(cs.join(''));
        expect(['number', 'qualitative', 'blank', 'not_applicable', 'unparseable']).toContain(v.status);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('unit scales', () => {
  it.each([
    [1, '万元', '元', 10000],
    [25000, '元', '万元', 2.5],
    [1.5, '亿元', '万元', 15000],
    [21500, '人', '万人', 2.15],
    [1.2, '公里', '米', 1200],
    [950, '米', '公里', 0.95],
    [95, '%', '‰', 950],
    [5, '‰', '%', 0.5],
    [12500, '株', '万株', 1.25],
    [1650, '元', '万元', 0.165],
  ])('%d %s is %d… in %s', (value, from, to, expected) => {
    expect(convertToUnit(value, from, to)).toBeCloseTo(expected, 10);
  });

  it.each([
    [5, '个', '次'],
    [5, null, '米'],
    [5, '米', null],
    [5, '米', '米'],
    [5, '元', '人'],
  ] as const)('does not convert %d %s to %s', (value, from, to) => {
    expect(convertToUnit(value, from, to)).toBeNull();
  });

  it('knows that 公里 and 千米 are the same', () => {
    expect(unitScale('公里')).toEqual(unitScale('千米'));
  });
});
