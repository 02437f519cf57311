import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Input, Row, Skeleton, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { DivisionNode } from '../../../../contracts/divisions.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { DIVISION_CODE_KIND_LABELS, DIVISION_LEVEL_LABELS } from '../../../lib/divisions.ts';
import { formatCount } from '../../../lib/format.ts';
import { useMessages, usePick, useT } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useDivisionTree } from '../api.ts';
import { divisionMessages } from '../messages.ts';
import { flattenTree, searchTree } from '../tree-search.ts';

const CHANGBAISHAN = '229900';

function Highlight({ text, q }: { text: string; q: string }) {
  const i = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(i, i + q.length)}</mark>
      {text.slice(i + q.length)}
    </>
  );
}

/** 系统管理 › 行政区划: the division tree below the current division, with codes, levels and code sources. */
export default function DivisionTreePage() {
  const t = useMessages(divisionMessages);
  const common = useT();
  const pick = usePick();
  const scope = useScope();
  const tree = useDivisionTree(scope.divisionCode);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  const root = tree.data;
  const all = useMemo(() => (root ? flattenTree(root) : []), [root]);
  const byCode = useMemo(() => new Map(all.map((d) => [d.code, d])), [all]);
  const found = useMemo(() => (root ? searchTree(root, search) : null), [root, search]);

  // A new root (another division chosen in the header): show its first level, select it.
  useEffect(() => {
    if (!root) return;
    setExpanded([root.code]);
    setSelected(root.code);
    setSearch('');
  }, [root]);

  useEffect(() => {
    if (found && search.trim() !== '') setExpanded(found.expand);
  }, [found, search]);

  const tag = (d: DivisionNode) =>
    d.codeKind === 'local' ? (
      <Tag color="orange">{t('localTag')}</Tag>
    ) : d.codeKind === 'statistical' ? (
      <Tag color="purple">{t('statisticalTag')}</Tag>
    ) : null;

  const toTreeData = (n: DivisionNode): TreeDataNode => ({
    key: n.code,
    title: (
      <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <span>
          <Highlight text={n.name} q={search.trim()} />
        </span>
        <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
          <Highlight text={n.code} q={search.trim()} />
        </Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>
          {DIVISION_LEVEL_LABELS[n.level] ? pick(DIVISION_LEVEL_LABELS[n.level]!) : n.level}
        </Tag>
        {tag(n)}
      </span>
    ),
    children: n.children.map(toTreeData),
  });

  const treeData = found?.tree ? [toTreeData(found.tree)] : [];
  const current = selected ? byCode.get(selected) : undefined;

  const note = (d: DivisionNode) =>
    d.code === CHANGBAISHAN
      ? t('noteChangbaishan')
      : d.codeKind === 'local'
        ? t('noteLocal')
        : d.codeKind === 'statistical'
          ? t('noteStatistical')
          : null;

  return (
    <>
      <PageHeader
        {...(root ? { subtitle: t('subtitle', { root: root.name, count: formatCount(all.length) }) } : {})}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {common('common.print')}
          </Button>
        }
      />
      {tree.isError && tree.error.code === 'NOT_FOUND' ? (
        <EmptyState description={t('empty')} />
      ) : tree.isError ? (
        <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />
      ) : !root ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Alert type="info" showIcon title={t('codesNote')} style={{ marginBottom: 16 }} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card
                title={t('tree')}
                extra={
                  <span className="jx-no-print" style={{ display: 'inline-flex', gap: 8 }}>
                    <Button
                      size="small"
                      onClick={() => setExpanded(all.filter((d) => d.children.length > 0).map((d) => d.code))}
                    >
                      {t('expandAll')}
                    </Button>
                    <Button size="small" onClick={() => setExpanded([root.code])}>
                      {t('collapseAll')}
                    </Button>
                  </span>
                }
              >
                <Input.Search
                  className="jx-no-print"
                  allowClear
                  placeholder={t('search')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  style={{ marginBottom: 12, maxWidth: 360 }}
                />
                {treeData.length === 0 ? (
                  <EmptyState compact description={t('noMatch', { q: search.trim() })} />
                ) : (
                  <Tree
                    showLine
                    blockNode
                    treeData={treeData}
                    expandedKeys={expanded}
                    onExpand={(keys) => setExpanded(keys.map(String))}
                    selectedKeys={selected ? [selected] : []}
                    onSelect={(keys) => setSelected(keys[0] !== undefined ? String(keys[0]) : null)}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('detail')} style={{ position: 'sticky', top: 72 }}>
                {!current ? (
                  <EmptyState compact description={t('selectHint')} />
                ) : (
                  <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
                    <Descriptions.Item label={t('name')}>{current.name}</Descriptions.Item>
                    {current.shortName ? (
                      <Descriptions.Item label={t('shortName')}>{current.shortName}</Descriptions.Item>
                    ) : null}
                    <Descriptions.Item label={t('code')}>
                      <span className="jx-num">{current.code}</span> {tag(current)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('level')}>
                      {DIVISION_LEVEL_LABELS[current.level]
                        ? pick(DIVISION_LEVEL_LABELS[current.level]!)
                        : current.level}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('parent')}>
                      {current.parentCode
                        ? `${byCode.get(current.parentCode)?.name ?? ''} ${current.parentCode}`.trim()
                        : common('common.none')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('codeKind')}>
                      {DIVISION_CODE_KIND_LABELS[current.codeKind]
                        ? pick(DIVISION_CODE_KIND_LABELS[current.codeKind]!)
                        : current.codeKind}
                      {note(current) ? (
                        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                          {note(current)}
                        </Typography.Paragraph>
                      ) : null}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('children')}>
                      {t('childrenCount', { n: formatCount(current.children.length) })}
                    </Descriptions.Item>
                  </Descriptions>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
