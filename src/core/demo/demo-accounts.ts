/**
 * The fixed demo accounts of the demo province (`jixiao seed demo`, and the server's first start on an
 * empty database). The README and the start banner print this list. They exist only in demo data: a
 * production deployment never seeds them (Config.production refuses demo shortcuts).
 */
import type { Role } from '../access/roles.ts';

/** The password of every demo account: meets the policy (≥ 8 characters, letters and digits). */
export const DEMO_PASSWORD = 'Jixiao2026';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** 财政区划 of the account. */
  readonly divisionCode: string;
  /** Who the account stands for, in Chinese (shown as the user's display name). */
  readonly description: string;
  readonly descriptionEn: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    role: 'admin',
    divisionCode: '220000',
    description: '系统管理员',
    descriptionEn: 'System administrator',
  },
  {
    username: 'sheng',
    password: DEMO_PASSWORD,
    role: 'province_finance',
    divisionCode: '220000',
    description: '省财政厅绩效管理处',
    descriptionEn: 'Provincial finance department, performance management division',
  },
  {
    username: 'weiyuanhui',
    password: DEMO_PASSWORD,
    role: 'review_committee',
    divisionCode: '220000',
    description: '省财政厅预算（资金）管理委员会',
    descriptionEn: 'Budget (fund) management committee of the provincial finance department',
  },
  {
    username: 'changchun',
    password: DEMO_PASSWORD,
    role: 'finance_bureau',
    divisionCode: '220100',
    description: '长春市财政局',
    descriptionEn: 'Changchun municipal finance bureau',
  },
  {
    username: 'nongan',
    password: DEMO_PASSWORD,
    role: 'finance_bureau',
    divisionCode: '220122',
    description: '农安县财政局',
    descriptionEn: "Nong'an county finance bureau",
  },
  {
    username: 'yushu',
    password: DEMO_PASSWORD,
    role: 'finance_bureau',
    divisionCode: '220182',
    description: '榆树市财政局',
    descriptionEn: 'Yushu city finance bureau',
  },
  {
    username: 'chushi',
    password: DEMO_PASSWORD,
    role: 'finance_division',
    divisionCode: '220000',
    description: '省财政厅教科文处',
    descriptionEn: 'Provincial finance department, education, science and culture division',
  },
  {
    username: 'jiaoyu',
    password: DEMO_PASSWORD,
    role: 'budget_department',
    divisionCode: '220000',
    description: '吉林省教育厅',
    descriptionEn: 'Jilin provincial department of education',
  },
  {
    username: 'danwei',
    password: DEMO_PASSWORD,
    role: 'budget_unit',
    divisionCode: '220000',
    description: '吉林省学生资助管理中心（省教育厅所属单位）',
    descriptionEn: 'Jilin student financial aid centre (a unit of the department of education)',
  },
  {
    username: 'jigou',
    password: DEMO_PASSWORD,
    role: 'agency',
    divisionCode: '220000',
    description: '吉林华正会计师事务所有限公司（第三方机构）',
    descriptionEn: 'Huazheng accounting firm (third-party agency)',
  },
  {
    username: 'zhuanjia',
    password: DEMO_PASSWORD,
    role: 'expert',
    divisionCode: '220000',
    description: '绩效评价专家（吉林大学经济学院）',
    descriptionEn: 'Evaluation expert (Jilin University, School of Economics)',
  },
  {
    username: 'renda',
    password: DEMO_PASSWORD,
    role: 'congress',
    divisionCode: '220000',
    description: '省人大常委会预算工作委员会',
    descriptionEn: "Provincial people's congress standing committee, budget affairs commission",
  },
];
