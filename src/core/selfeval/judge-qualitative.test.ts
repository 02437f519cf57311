import { describe, expect, it } from 'vitest';
import { isNegativeStatement, judgeQualitative, qualitativeBand } from './judge-qualitative.ts';
import { parseValue } from './parse-value.ts';

const judge = (target: string, actual: string) => judgeQualitative(parseValue(target), parseValue(actual));

describe('judgeQualitative', () => {
  it.each([
    // same wording, after trimming and normalising punctuation
    ['达到预期', '达到预期', 'achieved'],
    ['达到预期。', ' 达到 预期 ', 'achieved'],
    ['有效改善', '有效改善了居住条件', 'achieved'],
    ['建立', '已建立', 'achieved'],
    // achievement words
    ['显著提升', '明显提升', 'achieved'],
    ['有效', '效果良好', 'achieved'],
    ['达到预期', '已完成', 'achieved'],
    ['持续提升', '不断提升', 'achieved'],
    ['是', '是', 'achieved'],
    ['达标', '达标', 'achieved'],
    ['合格', '合格', 'achieved'],
    // 部分 / 基本 / hedges
    ['有效提升', '部分提升', 'partial'],
    ['达到预期', '基本达到预期', 'partial'],
    ['明显提升', '有所提升', 'partial'],
    ['明显改善', '初步改善', 'partial'],
    // negations
    ['有效', '无效', 'not_achieved'],
    ['达到预期', '未达到预期', 'not_achieved'],
    ['提升', '未提升', 'not_achieved'],
    ['是', '否', 'not_achieved'],
    ['合格', '不合格', 'not_achieved'],
    ['好', '差', 'not_achieved'],
    // grade ladders: at or above → 达成, one step below → 部分达成, further → 未达成
    ['良', '优', 'achieved'],
    ['优', '良', 'partial'],
    ['好', '较好', 'partial'],
    ['较好', '好', 'achieved'],
    ['优', '中', 'not_achieved'],
    ['达到预期', '良好', 'achieved'],
    ['达到预期', '一般', 'partial'],
    // targets that are negative statements
    ['无重大安全事故', '无', 'achieved'],
    ['无重大安全事故', '无重大安全事故', 'achieved'],
    ['无重大安全事故', '全年无重大安全事故发生', 'achieved'],
    ['无重大安全事故', '未发生重大安全事故', 'achieved'],
    ['无重大安全事故', '没有', 'achieved'],
    ['未发生违规使用资金', '未发生', 'achieved'],
    ['零投诉', '零', 'achieved'],
    ['杜绝挤占挪用', '达到', 'achieved'],
    ['无重大安全事故', '0', 'achieved'],
    ['无重大安全事故', '0起', 'achieved'],
    ['无重大安全事故', '1起', 'not_achieved'],
    ['无重大安全事故', '发生一起重大安全事故', 'not_achieved'],
    ['无重大安全事故', '发生1起一般事故', 'not_achieved'],
    ['无重大安全事故', '基本无', 'partial'],
  ] as const)('target %j, actual %j → %s', (target, actual, level) => {
    expect(judge(target, actual)).toBe(level);
  });

  it.each([
    ['达到预期', ''],
    ['达到预期', '见附件'],
    ['显著提升', '100%'],
    ['有效', '#N/A'],
  ])('cannot judge target %j with actual %j', (target, actual) => {
    expect(judge(target, actual)).toBeNull();
  });

  it.each([
    ['无重大安全事故', true],
    ['未发生违规', true],
    ['零投诉', true],
    ['杜绝挤占挪用', true],
    ['不断提升', false],
    ['无偿服务覆盖率提高', false],
    ['显著提升', false],
  ] as const)('%j is a negative statement: %s', (text, negative) => {
    expect(isNegativeStatement(text)).toBe(negative);
  });
});

describe('qualitativeBand', () => {
  it.each([
    ['achieved', 10, [8, 10]],
    ['partial', 10, [6, 8]],
    ['not_achieved', 10, [0, 6]],
    ['achieved', 15, [12, 15]],
    ['partial', 20, [12, 16]],
  ] as const)('%s of weight %d is %j', (level, weight, band) => {
    expect(qualitativeBand(level, weight)).toEqual(band);
  });
});
