/**
 * `jixiao selfeval check` as a user runs it: a real process through bin/jixiao.js.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'selfeval');
const fixture = (name: string) => join(FIXTURES, name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function jixiao(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'jixiao.js'), 'selfeval', 'check', ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'jixiao-selfeval-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('jixiao selfeval check', { timeout: 60_000 }, () => {
  it('prints exactly one JSON object with --json', async () => {
    const run = await jixiao(fixture('rounded-yuan.xlsx'), '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual([
      'budget',
      'indicators',
      'formulaTotal',
      'printedTotal',
      'grade',
      'findings',
    ]);
    expect(out.budget).toEqual({ rate: 0.96, formulaScore: 9.6, printedScore: 10 });
    expect(out.indicators[0]).toEqual({
      name: '培训人次',
      kind: 'positive',
      target: { raw: '≥300人次', comparison: '>=', value: 300, unit: '人次' },
      actual: { raw: '290人次', comparison: '=', value: 290, unit: '人次' },
      formulaScore: 9.67,
      printedScore: 10,
    });
    expect(out.indicators[4]).toMatchObject({ name: '人均培训成本', kind: 'reverse', formulaScore: 9.09 });
    expect(out).toMatchObject({ formulaTotal: 96.86, printedTotal: 99, grade: '优' });
    expect(out.findings.map((f: { code: string; row?: string }) => [f.code, f.row])).toEqual([
      ['SCORE_ABOVE_FORMULA', '预算执行率'],
      ['SCORE_ABOVE_FORMULA', '培训人次'],
      ['SCORE_ABOVE_FORMULA', '人均培训成本'],
      ['SCORE_ABOVE_FORMULA', '参训人员人均增收'],
    ]);
  });

  it('gives qualitative rows their band and reads JSON tables', async () => {
    const run = await jixiao(fixture('judged-deductions.json'), '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const row = out.indicators.find((r: { name: string }) => r.name === '从业人员技能水平');
    expect(row).toMatchObject({ kind: 'qualitative', band: [9, 12], formulaScore: 12, printedScore: 13 });
    expect(row.target).toEqual({
      raw: '有效提升',
      comparison: 'qualitative',
      value: null,
      unit: null,
      text: '有效提升',
    });
  });

  it('prints a readable Chinese table without --json', async () => {
    const run = await jixiao(fixture('low-execution.xlsx'));
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('指标'))!;
    for (const col of ['指标', '类型', '年度指标值', '实际完成值', '分值', '自评得分', '公式得分']) {
      expect(header).toContain(col);
    }
    expect(run.stdout).toContain('[EXECUTION_RATE_LOW]');
    expect(run.stdout).toContain('[SCORE_OUTSIDE_QUALITATIVE_BAND] 基层诊疗服务能力');
    expect(run.stdout).toContain('[TOTAL_MISMATCH]');
    expect(run.stdout).toMatch(/总分：自评 95 {2}公式 89\.7 {2}等次 良/);
  });

  it('takes the grade scheme and the minimum execution rate from the command line', async () => {
    const table = {
      budget: { planned: 100, executed: 85, weight: 10, score: 8.5 },
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '甲',
          target: '≥100',
          actual: '63',
          weight: 90,
          score: 56.7,
        },
      ],
    };
    const file = join(tmp, 'sixty-five.json');
    await writeFile(file, JSON.stringify(table));
    const jilin = JSON.parse((await jixiao(file, '--json')).stdout);
    expect(jilin.formulaTotal).toBe(65.2);
    expect(jilin.grade).toBe('低');
    expect(jilin.findings.map((f: { code: string }) => f.code)).toEqual(['EXECUTION_RATE_LOW']);
    const mof = JSON.parse(
      (await jixiao(file, '--json', '--grades', 'mof-4', '--min-execution-rate', '0.8')).stdout,
    );
    expect(mof.grade).toBe('中');
    expect(mof.findings).toEqual([]);
  });

  it('exports the checked workbook with the 公式得分 column', async () => {
    const out = join(tmp, 'checked.xlsx');
    const run = await jixiao(fixture('split-target.xlsx'), '--export', out, '--json');
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('自评表')!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '一级指标') header = n;
    });
    expect(header).toBeGreaterThan(0);
    const headRow = ws.getRow(header);
    expect(headRow.getCell(9).value).toBe('公式得分');
    expect(headRow.getCell(10).value).toBe('核查意见');
    const formula = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => ws.getRow(header + k).getCell(9).value);
    expect(formula).toEqual([15, 9.67, 10, 5, 9.7, 13, '无法计算', 10]);
    expect(String(ws.getRow(header + 7).getCell(10).value)).toContain('VALUE_UNPARSEABLE');
    const findings = wb.getWorksheet('核查结果')!;
    expect(findings.rowCount).toBeGreaterThan(4);
  });

  it.each([
    ['a missing file', [join(FIXTURES, 'no-such-file.json')], '文件不存在'],
    ['bad JSON', ['BADJSON'], '不是有效的 JSON'],
    ['a bad shape', [fixture('bad-shape.json')], 'indicators[1].weight'],
    [
      'a workbook that is not a self-evaluation table',
      [fixture('not-a-table.xlsx')],
      '不是项目支出绩效自评表',
    ],
    ['an unknown flag', [fixture('clean.json'), '--frobnicate'], '--frobnicate'],
    ['an unknown grade scheme', [fixture('clean.json'), '--grades', 'abc'], '未知的等次方案'],
    [
      'a bad minimum execution rate',
      [fixture('clean.json'), '--min-execution-rate', '90'],
      '--min-execution-rate',
    ],
    ['no file', [], '缺少要核查的文件'],
  ])('exits 2 on %s', async (_what, args, message) => {
    const resolved = args.map((a) => (a === 'BADJSON' ? join(tmp, 'bad.json') : a));
    if (args.includes('BADJSON')) await writeFile(join(tmp, 'bad.json'), '{"budget": {');
    const run = await jixiao(...resolved);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('exits 2 on a file type it does not read', async () => {
    const file = join(tmp, 'table.csv');
    await writeFile(file, 'a,b\n');
    const run = await jixiao(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.json 或 .xlsx');
  });

  it('exits 0 on a table with findings', async () => {
    const run = await jixiao(fixture('messy-values.json'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).notApplicable).toEqual(['施工扬尘污染']);
  });
});
