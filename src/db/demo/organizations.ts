/**
 * Who is who in the demo province: the provincial finance department and its 处室, the review committee,
 * the people's congress budget committee, about forty provincial budget departments with their units, the
 * departments of every city and county, and the third-party agencies. Names are real Jilin names (the
 * province's departments as listed in the provincial budget); codes follow the budget integrated
 * management system (预算管理一体化): a three-digit dept_code and a six-digit agency_code (dept + 3 digits).
 */

/** Sectors decide which projects a department runs (see projects.ts). */
export type Sector =
  | 'development'
  | 'education'
  | 'science'
  | 'industry'
  | 'commerce'
  | 'finance'
  | 'culture_tourism'
  | 'health'
  | 'civil_affairs'
  | 'hr_social'
  | 'natural_resources'
  | 'ecology'
  | 'housing_urban'
  | 'transport'
  | 'water'
  | 'agriculture'
  | 'forestry'
  | 'grain'
  | 'medical_insurance'
  | 'rural'
  | 'emergency'
  | 'market'
  | 'sports'
  | 'public_security'
  | 'justice'
  | 'veterans'
  | 'data'
  | 'energy'
  | 'general';

export interface ProvincialDepartment {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly sectors: readonly Sector[];
  /** Units (预算单位) besides the department's own 机关 (部门本级). */
  readonly units: readonly string[];
  /** Relative share of the province's projects. */
  readonly weight: number;
}

/** 吉林省财政厅 internal divisions (处室), with the sectors each one oversees (对口部门). */
export const FINANCE_DIVISIONS: readonly {
  readonly code: string;
  readonly name: string;
  readonly sectors: readonly Sector[];
}[] = [
  { code: '10301', name: '办公室', sectors: [] },
  { code: '10302', name: '综合处', sectors: [] },
  { code: '10303', name: '预算处', sectors: ['general'] },
  { code: '10304', name: '绩效管理处', sectors: [] },
  { code: '10305', name: '行政政法处', sectors: ['public_security', 'justice', 'general', 'veterans'] },
  {
    code: '10306',
    name: '教科文处',
    sectors: ['education', 'science', 'culture_tourism', 'sports'],
  },
  {
    code: '10307',
    name: '经济建设处',
    sectors: ['transport', 'housing_urban', 'development', 'energy', 'data'],
  },
  { code: '10308', name: '农业农村处', sectors: ['agriculture', 'water', 'forestry', 'rural', 'grain'] },
  {
    code: '10309',
    name: '社会保障处',
    sectors: ['civil_affairs', 'hr_social', 'health', 'medical_insurance', 'emergency'],
  },
  { code: '10310', name: '资源环境处', sectors: ['natural_resources', 'ecology'] },
  { code: '10311', name: '产业发展处', sectors: ['industry', 'commerce', 'finance', 'market'] },
  { code: '10312', name: '国库处', sectors: [] },
  { code: '10313', name: '政府债务管理处', sectors: [] },
  { code: '10314', name: '资产管理处', sectors: [] },
  { code: '10315', name: '政府采购监督管理处', sectors: [] },
  { code: '10316', name: '财会监督处', sectors: [] },
];

export const PROVINCE_FINANCE = {
  code: '103',
  name: '吉林省财政厅',
  shortName: '省财政厅',
} as const;

export const REVIEW_COMMITTEE = {
  code: '103-YSWYH',
  name: '吉林省财政厅预算（资金）管理委员会',
  shortName: '预算（资金）管理委员会',
} as const;

export const CONGRESS_COMMITTEE = {
  code: 'RD-YSGW',
  name: '吉林省人大常委会预算工作委员会',
  shortName: '省人大预算工委',
} as const;

/** About forty provincial budget departments (省级预算部门) and their units. */
export const PROVINCIAL_DEPARTMENTS: readonly ProvincialDepartment[] = [
  {
    code: '105',
    name: '吉林省发展和改革委员会',
    shortName: '省发展改革委',
    sectors: ['development', 'energy'],
    units: ['吉林省经济信息中心', '吉林省重点项目服务中心', '吉林省价格监测中心'],
    weight: 3,
  },
  {
    code: '111',
    name: '吉林省教育厅',
    shortName: '省教育厅',
    sectors: ['education'],
    units: [
      '吉林省学生资助管理中心',
      '吉林省教育考试院',
      '吉林省教育学院',
      '吉林省实验中学',
      '吉林省电化教育馆',
    ],
    weight: 8,
  },
  {
    code: '112',
    name: '吉林省科学技术厅',
    shortName: '省科技厅',
    sectors: ['science'],
    units: ['吉林省科学技术信息研究所', '吉林省科技创新研究院', '吉林省生产力促进中心'],
    weight: 5,
  },
  {
    code: '113',
    name: '吉林省工业和信息化厅',
    shortName: '省工业和信息化厅',
    sectors: ['industry'],
    units: ['吉林省中小企业服务中心', '吉林省工业技术研究院', '吉林省无线电监测站'],
    weight: 5,
  },
  {
    code: '115',
    name: '吉林省民族宗教事务委员会',
    shortName: '省民委',
    sectors: ['general'],
    units: ['吉林省民族研究所', '吉林省朝鲜族语言文字工作中心'],
    weight: 1,
  },
  {
    code: '116',
    name: '吉林省公安厅',
    shortName: '省公安厅',
    sectors: ['public_security'],
    units: ['吉林省公安厅交通警察总队', '吉林省公安厅刑事技术总队', '吉林警察学院', '吉林省看守所'],
    weight: 4,
  },
  {
    code: '118',
    name: '吉林省民政厅',
    shortName: '省民政厅',
    sectors: ['civil_affairs'],
    units: ['吉林省社会福利院', '吉林省救助管理站', '吉林省民政康复医院', '吉林省军队离休退休干部休养所'],
    weight: 4,
  },
  {
    code: '119',
    name: '吉林省司法厅',
    shortName: '省司法厅',
    sectors: ['justice'],
    units: ['吉林省法律援助中心', '吉林省监狱管理局', '吉林省戒毒管理局'],
    weight: 2,
  },
  {
    code: '121',
    name: '吉林省人力资源和社会保障厅',
    shortName: '省人力资源和社会保障厅',
    sectors: ['hr_social'],
    units: ['吉林省就业服务局', '吉林省社会保险事业管理局', '吉林省职业技能鉴定中心', '吉林省人事考试中心'],
    weight: 5,
  },
  {
    code: '122',
    name: '吉林省自然资源厅',
    shortName: '省自然资源厅',
    sectors: ['natural_resources'],
    units: ['吉林省国土资源调查规划研究院', '吉林省测绘地理信息局', '吉林省地质环境监测总站'],
    weight: 4,
  },
  {
    code: '123',
    name: '吉林省生态环境厅',
    shortName: '省生态环境厅',
    sectors: ['ecology'],
    units: ['吉林省生态环境监测中心', '吉林省环境科学研究院', '吉林省固体废物管理中心'],
    weight: 4,
  },
  {
    code: '124',
    name: '吉林省住房和城乡建设厅',
    shortName: '省住房和城乡建设厅',
    sectors: ['housing_urban'],
    units: ['吉林省建设工程质量安全监督站', '吉林省住房公积金管理中心', '吉林省城乡规划设计研究院'],
    weight: 5,
  },
  {
    code: '125',
    name: '吉林省交通运输厅',
    shortName: '省交通运输厅',
    sectors: ['transport'],
    units: ['吉林省公路管理局', '吉林省地方海事局', '吉林省交通运输综合行政执法局', '吉林省交通科学研究所'],
    weight: 6,
  },
  {
    code: '126',
    name: '吉林省水利厅',
    shortName: '省水利厅',
    sectors: ['water'],
    units: [
      '吉林省水文水资源局',
      '吉林省水利水电勘测设计研究院',
      '吉林省水利工程管理中心',
      '吉林省河湖长制工作中心',
    ],
    weight: 5,
  },
  {
    code: '127',
    name: '吉林省农业农村厅',
    shortName: '省农业农村厅',
    sectors: ['agriculture', 'rural'],
    units: [
      '吉林省农业技术推广总站',
      '吉林省动物疫病预防控制中心',
      '吉林省农业机械化管理中心',
      '吉林省农田建设管理中心',
      '吉林省农业科学院',
    ],
    weight: 8,
  },
  {
    code: '128',
    name: '吉林省商务厅',
    shortName: '省商务厅',
    sectors: ['commerce'],
    units: ['吉林省商务信息中心', '吉林省国际商会', '吉林省商务发展研究中心'],
    weight: 3,
  },
  {
    code: '129',
    name: '吉林省文化和旅游厅',
    shortName: '省文化和旅游厅',
    sectors: ['culture_tourism'],
    units: ['吉林省图书馆', '吉林省博物院', '吉林省艺术研究院', '吉林省旅游发展服务中心'],
    weight: 4,
  },
  {
    code: '130',
    name: '吉林省卫生健康委员会',
    shortName: '省卫生健康委',
    sectors: ['health'],
    units: [
      '吉林省人民医院',
      '吉林省疾病预防控制中心',
      '吉林省肿瘤医院',
      '吉林省中医药科学院',
      '吉林省卫生健康统计信息中心',
    ],
    weight: 8,
  },
  {
    code: '131',
    name: '吉林省退役军人事务厅',
    shortName: '省退役军人事务厅',
    sectors: ['veterans'],
    units: ['吉林省退役军人服务中心', '吉林省光荣院'],
    weight: 2,
  },
  {
    code: '132',
    name: '吉林省应急管理厅',
    shortName: '省应急管理厅',
    sectors: ['emergency'],
    units: ['吉林省应急救援指挥中心', '吉林省地震局监测中心', '吉林省安全生产科学研究院'],
    weight: 4,
  },
  {
    code: '133',
    name: '吉林省审计厅',
    shortName: '省审计厅',
    sectors: ['general'],
    units: ['吉林省审计信息中心', '吉林省政府投资审计中心'],
    weight: 1,
  },
  {
    code: '134',
    name: '吉林省人民政府国有资产监督管理委员会',
    shortName: '省国资委',
    sectors: ['general'],
    units: ['吉林省国有企业监事会工作中心', '吉林省国资委信息中心'],
    weight: 1,
  },
  {
    code: '135',
    name: '吉林省市场监督管理厅',
    shortName: '省市场监督管理厅',
    sectors: ['market'],
    units: ['吉林省产品质量监督检验院', '吉林省计量科学研究院', '吉林省标准研究院', '吉林省食品检验所'],
    weight: 3,
  },
  {
    code: '136',
    name: '吉林省广播电视局',
    shortName: '省广电局',
    sectors: ['culture_tourism'],
    units: ['吉林省广播电视监测中心', '吉林省广播电视传输发射中心'],
    weight: 2,
  },
  {
    code: '137',
    name: '吉林省体育局',
    shortName: '省体育局',
    sectors: ['sports'],
    units: ['吉林省体育运动学校', '吉林省冰雪运动训练中心', '吉林省体育场馆管理中心'],
    weight: 2,
  },
  {
    code: '138',
    name: '吉林省统计局',
    shortName: '省统计局',
    sectors: ['general'],
    units: ['吉林省统计数据管理中心', '吉林省社情民意调查中心'],
    weight: 1,
  },
  {
    code: '140',
    name: '吉林省林业和草原局',
    shortName: '省林草局',
    sectors: ['forestry'],
    units: ['吉林省林业科学研究院', '吉林省森林病虫防治检疫总站', '吉林省林业调查规划院'],
    weight: 4,
  },
  {
    code: '141',
    name: '吉林省粮食和物资储备局',
    shortName: '省粮食和物资储备局',
    sectors: ['grain'],
    units: ['吉林省粮油卫生检验监测站', '吉林省储备物资管理中心'],
    weight: 2,
  },
  {
    code: '142',
    name: '吉林省医疗保障局',
    shortName: '省医保局',
    sectors: ['medical_insurance'],
    units: ['吉林省医疗保障经办局', '吉林省医疗保障基金监管中心'],
    weight: 3,
  },
  {
    code: '143',
    name: '吉林省乡村振兴局',
    shortName: '省乡村振兴局',
    sectors: ['rural'],
    units: ['吉林省乡村振兴事务中心', '吉林省农村社会事业促进中心'],
    weight: 3,
  },
  {
    code: '144',
    name: '吉林省地方金融管理局',
    shortName: '省地方金融管理局',
    sectors: ['finance'],
    units: ['吉林省金融风险监测中心', '吉林省地方金融发展服务中心'],
    weight: 2,
  },
  {
    code: '145',
    name: '吉林省政务服务和数字化建设管理局',
    shortName: '省政数局',
    sectors: ['data'],
    units: ['吉林省信息技术服务中心', '吉林省政务服务中心', '吉林省大数据中心'],
    weight: 3,
  },
  {
    code: '146',
    name: '吉林省能源局',
    shortName: '省能源局',
    sectors: ['energy'],
    units: ['吉林省能源信息中心', '吉林省电力行政执法总队'],
    weight: 2,
  },
  {
    code: '147',
    name: '吉林省药品监督管理局',
    shortName: '省药监局',
    sectors: ['market'],
    units: ['吉林省药品检验研究院', '吉林省医疗器械检验研究院', '吉林省药品审评中心'],
    weight: 2,
  },
  {
    code: '148',
    name: '吉林省知识产权局',
    shortName: '省知识产权局',
    sectors: ['science'],
    units: ['吉林省知识产权保护中心', '吉林省知识产权信息服务中心'],
    weight: 1,
  },
  {
    code: '149',
    name: '吉林省机关事务管理局',
    shortName: '省机关事务管理局',
    sectors: ['general'],
    units: ['吉林省省直机关公务用车服务中心', '吉林省省级机关物业服务中心', '吉林省省直机关幼儿园'],
    weight: 2,
  },
  {
    code: '150',
    name: '吉林省畜牧业管理局',
    shortName: '省畜牧局',
    sectors: ['agriculture'],
    units: ['吉林省畜牧总站', '吉林省兽药饲料监察所'],
    weight: 2,
  },
  {
    code: '151',
    name: '吉林省文物局',
    shortName: '省文物局',
    sectors: ['culture_tourism'],
    units: ['吉林省文物考古研究所', '吉林省文物保护中心'],
    weight: 1,
  },
  {
    code: '152',
    name: '吉林省人民防空办公室',
    shortName: '省人防办',
    sectors: ['emergency'],
    units: ['吉林省人防指挥信息保障中心', '吉林省人防工程质量监督站'],
    weight: 1,
  },
  {
    code: '153',
    name: '吉林省残疾人联合会',
    shortName: '省残联',
    sectors: ['civil_affairs'],
    units: ['吉林省残疾人康复中心', '吉林省残疾人就业服务指导中心', '吉林省特殊教育学校'],
    weight: 2,
  },
  {
    code: '154',
    name: '吉林省供销合作社联合社',
    shortName: '省供销社',
    sectors: ['rural'],
    units: ['吉林省供销合作社农资服务中心', '吉林省合作经济研究所'],
    weight: 1,
  },
];

/** Departments of a city or county finance area (市县预算部门), picked 5–8 per division. */
export const LOCAL_DEPARTMENTS: readonly {
  readonly code: string;
  readonly name: string;
  readonly sectors: readonly Sector[];
  /** Unit name suffixes (the division's name is put in front). */
  readonly units: readonly string[];
  /** Always present (教育局, 卫生健康局 … exist everywhere). */
  readonly core: boolean;
}[] = [
  {
    code: '201',
    name: '教育局',
    sectors: ['education'],
    units: ['第一中学', '实验小学', '教师进修学校', '职业教育中心'],
    core: true,
  },
  {
    code: '202',
    name: '卫生健康局',
    sectors: ['health'],
    units: ['人民医院', '中医院', '疾病预防控制中心', '妇幼保健院'],
    core: true,
  },
  {
    code: '203',
    name: '农业农村局',
    sectors: ['agriculture', 'rural'],
    units: ['农业技术推广中心', '动物疫病预防控制中心', '农村经营管理服务中心'],
    core: true,
  },
  {
    code: '204',
    name: '住房和城乡建设局',
    sectors: ['housing_urban'],
    units: ['市政设施维护中心', '房屋征收经办中心', '园林绿化管理中心'],
    core: true,
  },
  {
    code: '205',
    name: '民政局',
    sectors: ['civil_affairs'],
    units: ['社会福利院', '殡仪馆', '救助管理站'],
    core: true,
  },
  {
    code: '206',
    name: '交通运输局',
    sectors: ['transport'],
    units: ['农村公路管理所', '交通运输综合行政执法大队'],
    core: false,
  },
  {
    code: '207',
    name: '水利局',
    sectors: ['water'],
    units: ['水利工程管理站', '河湖管理中心', '灌区管理中心'],
    core: false,
  },
  {
    code: '208',
    name: '人力资源和社会保障局',
    sectors: ['hr_social'],
    units: ['就业服务中心', '社会保险事业管理中心'],
    core: false,
  },
  {
    code: '209',
    name: '自然资源局',
    sectors: ['natural_resources'],
    units: ['不动产登记中心', '国土空间规划服务中心'],
    core: false,
  },
  {
    code: '210',
    name: '生态环境局',
    sectors: ['ecology'],
    units: ['生态环境监测站', '生态环境保护综合行政执法大队'],
    core: false,
  },
  {
    code: '211',
    name: '文化广播电视和旅游局',
    sectors: ['culture_tourism', 'sports'],
    units: ['图书馆', '文化馆', '旅游服务中心'],
    core: false,
  },
  {
    code: '212',
    name: '应急管理局',
    sectors: ['emergency'],
    units: ['应急救援保障中心', '森林草原防灭火指挥中心'],
    core: false,
  },
  {
    code: '213',
    name: '城市管理综合行政执法局',
    sectors: ['housing_urban'],
    units: ['环境卫生管理中心', '城市照明管理所', '供热管理服务中心'],
    core: false,
  },
  {
    code: '214',
    name: '工业和信息化局',
    sectors: ['industry', 'commerce'],
    units: ['中小企业服务中心', '经济技术合作服务中心'],
    core: false,
  },
  {
    code: '215',
    name: '市场监督管理局',
    sectors: ['market'],
    units: ['检验检测中心', '市场监管综合行政执法大队'],
    core: false,
  },
  {
    code: '216',
    name: '医疗保障局',
    sectors: ['medical_insurance'],
    units: ['医疗保障服务中心'],
    core: false,
  },
  {
    code: '217',
    name: '林业局',
    sectors: ['forestry'],
    units: ['林业工作总站', '国有林场'],
    core: false,
  },
  {
    code: '218',
    name: '公安局',
    sectors: ['public_security'],
    units: ['看守所', '交通警察大队'],
    core: false,
  },
  {
    code: '219',
    name: '政务服务和数字化建设管理局',
    sectors: ['data', 'general'],
    units: ['政务服务中心', '信息中心'],
    core: false,
  },
  {
    code: '220',
    name: '退役军人事务局',
    sectors: ['veterans'],
    units: ['退役军人服务中心'],
    core: false,
  },
];

/** 长白山管委会 and its districts have their own bodies instead of the usual county bureaus. */
export const CHANGBAISHAN_DEPARTMENTS: readonly {
  readonly code: string;
  readonly name: string;
  readonly sectors: readonly Sector[];
  readonly units: readonly string[];
}[] = [
  {
    code: '301',
    name: '经济发展局',
    sectors: ['development', 'commerce', 'industry'],
    units: ['招商服务中心', '统计调查中心'],
  },
  {
    code: '302',
    name: '社会事业管理局',
    sectors: ['education', 'health', 'civil_affairs', 'hr_social'],
    units: ['第一高级中学', '中心医院', '社会保障服务中心'],
  },
  {
    code: '303',
    name: '城乡建设局',
    sectors: ['housing_urban', 'transport'],
    units: ['市政设施管理中心', '公路管理站'],
  },
  {
    code: '304',
    name: '生态环境局',
    sectors: ['ecology', 'forestry', 'natural_resources'],
    units: ['生态监测中心', '森林防火中心'],
  },
  {
    code: '305',
    name: '文化旅游体育局',
    sectors: ['culture_tourism', 'sports'],
    units: ['旅游服务中心', '冰雪运动中心'],
  },
  {
    code: '306',
    name: '应急管理局',
    sectors: ['emergency'],
    units: ['应急救援中心'],
  },
];

/** Third-party evaluation agencies (第三方机构) registered at the province. Names are made up. */
export const AGENCIES: readonly {
  readonly name: string;
  readonly qualification: string;
  readonly feeStandard: string;
  readonly contact: string;
  /** 登记管理机关 code + region, for the credit code. */
  readonly region: string;
}[] = [
  {
    name: '吉林华正会计师事务所有限公司',
    qualification: '会计师事务所执业证书；财政部门备案的预算绩效评价第三方机构',
    feeStandard: '按评价资金规模分档计费，单项目5万元至30万元',
    contact: '长春市南关区人民大街3888号',
    region: '220102',
  },
  {
    name: '吉林正信联合会计师事务所（普通合伙）',
    qualification: '会计师事务所执业证书；证券服务业务备案',
    feeStandard: '按工作量计费，专家人日1500元',
    contact: '长春市朝阳区自由大路1066号',
    region: '220104',
  },
  {
    name: '长春中财绩效管理咨询有限公司',
    qualification: '工程咨询单位甲级资信（规划咨询）；预算绩效管理咨询专业机构',
    feeStandard: '事前绩效评估每项3万元至15万元',
    contact: '长春市净月高新技术产业开发区生态大街2999号',
    region: '220172',
  },
  {
    name: '吉林省宏远工程咨询有限公司',
    qualification: '工程咨询单位乙级资信；造价咨询企业',
    feeStandard: '按项目投资额的0.1%—0.3%计费',
    contact: '吉林市船营区北京路88号',
    region: '220204',
  },
];

/** A few experts of the shared expert library (专家库). Names are made up. */
export const EXPERTS: readonly {
  readonly name: string;
  readonly employer: string;
  readonly title: string;
  readonly fields: readonly string[];
}[] = [
  { name: '王立新', employer: '吉林大学经济学院', title: '教授', fields: ['财政', '预算绩效', '201'] },
  { name: '李秀梅', employer: '东北师范大学教育学部', title: '教授', fields: ['教育', '205'] },
  { name: '张建国', employer: '吉林省农业科学院', title: '研究员', fields: ['农业', '213'] },
  { name: '刘海波', employer: '吉林建筑大学', title: '教授级高级工程师', fields: ['城乡建设', '212', '214'] },
  { name: '陈静', employer: '吉林财经大学会计学院', title: '副教授', fields: ['会计', '审计', '财会监督'] },
  { name: '赵文博', employer: '吉林大学第一医院', title: '主任医师', fields: ['卫生健康', '210'] },
  { name: '孙明', employer: '长春工业大学', title: '教授', fields: ['工业', '科技', '206', '215'] },
  { name: '周丽华', employer: '吉林省社会科学院', title: '研究员', fields: ['社会保障', '民政', '208'] },
  {
    name: '吴国庆',
    employer: '吉林省水利水电勘测设计研究院',
    title: '正高级工程师',
    fields: ['水利', '213'],
  },
  { name: '郑晓燕', employer: '吉林财经大学财税学院', title: '教授', fields: ['财政', '政府债务', '231'] },
  { name: '韩志勇', employer: '吉林省交通规划设计院', title: '正高级工程师', fields: ['交通', '214'] },
  { name: '马红', employer: '东北师范大学环境学院', title: '教授', fields: ['生态环境', '211'] },
];
