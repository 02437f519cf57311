import { defineMessages } from '../../lib/i18n-core.ts';

/** 后台任务: the user's long operations (imports, scoring runs) and their progress. */
export const jobMessages = defineMessages({
  zh: {
    subtitle:
      '您发起的导入、评分等后台任务。任务在服务器上运行并保存在数据库中，可离开页面或重新登录后回来查看。',
    empty: '暂无后台任务。导入评分数据或发起评分后，任务会显示在这里。',
    'col.kind': '任务',
    'col.status': '状态',
    'col.progress': '进度',
    'col.createdAt': '创建时间',
    'col.finishedAt': '完成时间',
    'col.result': '结果',
    'status.queued': '排队中',
    'status.running': '进行中',
    'status.succeeded': '已完成',
    'status.failed': '失败',
    'kind.scoring.run': '评分运行',
    'kind.scoring.import': '评分数据导入',
    'result.run': '查看评分结果',
    'result.import': '查看导入结果',
    'result.scored': '{subjects} 个对象，{ranked} 个参与排名',
    'result.imported': '写入 {values} 项数据',
    refresh: '刷新',
  },
  en: {
    subtitle:
      'The imports, scoring runs and other background jobs you started. They run on the server and are kept in the database: leave the page or sign in again and come back.',
    empty: 'No background jobs yet. Importing inputs or starting a scoring run adds one here.',
    'col.kind': 'Job',
    'col.status': 'Status',
    'col.progress': 'Progress',
    'col.createdAt': 'Created',
    'col.finishedAt': 'Finished',
    'col.result': 'Result',
    'status.queued': 'Queued',
    'status.running': 'Running',
    'status.succeeded': 'Finished',
    'status.failed': 'Failed',
    'kind.scoring.run': 'Scoring run',
    'kind.scoring.import': 'Input import',
    'result.run': 'Open the results',
    'result.import': 'Open the import report',
    'result.scored': '{subjects} subjects, {ranked} ranked',
    'result.imported': '{values} values written',
    refresh: 'Refresh',
  },
});
