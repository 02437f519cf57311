import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
} from 'antd';
import { CopyOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { DefinitionIssue, VersionView } from '../../../../contracts/templates.ts';
import { checkDefinition } from '../../../../core/templates/check-definition.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText, isApiError } from '../../../lib/api-error.ts';
import { useLang, useMessages, useT } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useSession } from '../../../lib/session.tsx';
import { useSaveDraft, useTemplate, useVersion } from '../api.ts';
import { VERSION_STATUS_COLORS, versionLabel } from '../labels.ts';
import { templateMessages } from '../messages.ts';
import {
  insertNode,
  locate,
  moveNode,
  newId,
  removeNode,
  shiftNode,
  stripIds,
  uniqueCode,
  updateNode,
  walk,
  withIds,
  type EDefinition,
  type ENode,
} from '../tree-ops.ts';
import { NodeForm } from './editor/node-form.tsx';
import { NodeTree, type TreeActions } from './editor/node-tree.tsx';
import { PreviewPanel } from './editor/preview-panel.tsx';
import { ProblemList } from './editor/problem-list.tsx';
import { NewVersionModal } from './new-version-modal.tsx';
import { usePublishFlow } from './publish-flow.tsx';

/** Problems only the server can find (library references); kept while the tree is as it was saved. */
const SERVER_ONLY = new Set(['UNKNOWN_REFERENCE']);

/**
 * 模板编辑: the indicator tree of one version. Drafts are edited with every problem listed at the top and
 * marked on its node as the user types (the engine runs in the browser), saved as a whole, published once
 * clean; published and retired versions are shown read-only. The 试算 tab scores sample inputs.
 */
export default function VersionEditorPage() {
  const { versionId = '' } = useParams();
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const view = useVersion(versionId);
  // A new token remounts the editor with what the server holds (after reloading or publishing).
  const [token, setToken] = useState(0);
  const reload = useCallback(() => {
    void view.refetch().then(() => setToken((n) => n + 1));
  }, [view]);

  if (view.isError) {
    return (
      <>
        <PageHeader />
        {view.error.code === 'NOT_FOUND' ? (
          <EmptyState description={errorText(view.error, lang)} />
        ) : (
          <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
        )}
      </>
    );
  }
  if (!view.data) {
    return (
      <>
        <PageHeader title={t('editor.tabTree')} />
        <Skeleton active paragraph={{ rows: 12 }} />
      </>
    );
  }
  return <Editor key={`${view.data.version.id}:${token}`} view={view.data} reload={reload} />;
}

function Editor({ view, reload }: { view: VersionView; reload: () => void }) {
  const t = useMessages(templateMessages);
  const common = useT();
  const me = useSession();
  const { lang } = useLang();
  const { message } = App.useApp();
  const href = useScopedHref();
  const { version, template, upstream } = view;
  const editable = view.writable;
  const [def, setDef] = useState<EDefinition>(() => withIds(version.definition));
  const [saved, setSaved] = useState<{
    def: EDefinition;
    version: number;
    issues: readonly DefinitionIssue[];
  }>(() => ({ def, version: version.version, issues: view.issues }));
  const [changeNote, setChangeNote] = useState(version.changeNote ?? '');
  const [selected, setSelected] = useState<string | null>(() => def.nodes[0]?._id ?? null);
  const [expanded, setExpanded] = useState<string[]>(() =>
    [...walk(def.nodes)].filter((l) => l.node.type === 'group').map((l) => l.node._id),
  );
  const [tab, setTab] = useState('tree');
  const [conflict, setConflict] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: DefinitionIssue[] } | null>(null);
  const [copyOpen, setCopyOpen] = useState(false);
  const save = useSaveDraft();
  const publishFlow = usePublishFlow();
  const templateDetail = useTemplate(template.id);

  const dirty = def !== saved.def || changeNote !== (version.changeNote ?? '');

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Live validation: the engine's own checks and the derived-version rules, in the browser.
  const definition = useMemo(() => stripIds(def), [def]);
  const checked = useMemo(
    () => checkDefinition(definition, upstream ? { base: upstream.definition } : {}),
    [definition, upstream],
  );
  const issues = useMemo<readonly DefinitionIssue[]>(
    () => [
      ...checked.issues,
      ...(def === saved.def ? saved.issues.filter((i) => SERVER_ONLY.has(i.code)) : []),
    ],
    [checked.issues, def, saved],
  );
  const issueCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of issues) if (i.nodeCode) m.set(i.nodeCode, (m.get(i.nodeCode) ?? 0) + 1);
    return m;
  }, [issues]);

  // Derived versions: the upper template's nodes are locked; local ones go under its open groups only.
  const baseCodes = useMemo(
    () => new Set(upstream ? [...walk(withIds(upstream.definition).nodes)].map((l) => l.node.code) : []),
    [upstream],
  );
  const localGroups = useMemo(() => new Set(upstream?.localGroups ?? []), [upstream]);
  const isLocked = useCallback((n: ENode) => baseCodes.has(n.code), [baseCodes]);
  const canAddUnder = useCallback(
    (g: ENode | null) => {
      if (!editable) return false;
      if (!upstream) return true;
      if (g === null) return false;
      return !baseCodes.has(g.code) || localGroups.has(g.code);
    },
    [editable, upstream, baseCodes, localGroups],
  );

  const expand = (id: string) => setExpanded((e) => (e.includes(id) ? e : [...e, id]));

  const actions: TreeActions = {
    addRootGroup: () => {
      const node: ENode = {
        _id: newId(),
        type: 'group',
        code: uniqueCode(def, 'G'),
        name: t('tree.newGroup'),
        weight: 0,
        children: [],
      };
      setDef(insertNode(def, null, node));
      setSelected(node._id);
    },
    addChild: (parentId, type) => {
      const parent = locate(def, parentId)?.node;
      if (!parent || parent.type !== 'group') return;
      const code = uniqueCode(def, parent.code || 'N');
      const kind =
        parent.category === 'deduction' ? 'deduction' : parent.category === 'bonus' ? 'bonus' : 'positive';
      const node: ENode =
        type === 'group'
          ? {
              _id: newId(),
              type: 'group',
              code,
              name: t('tree.newGroup'),
              weight: 0,
              ...(parent.category && parent.category !== 'base' ? { category: parent.category } : {}),
              children: [],
            }
          : { _id: newId(), type: 'leaf', code, name: t('tree.newLeaf'), weight: 0, rule: { kind } };
      setDef(insertNode(def, parentId, node));
      expand(parentId);
      setSelected(node._id);
    },
    addSibling: (id) => {
      const l = locate(def, id);
      if (!l || l.node.type !== 'leaf') return;
      const node: ENode = {
        _id: newId(),
        type: 'leaf',
        code: uniqueCode(def, l.parent?.code || 'N'),
        name: t('tree.newLeaf'),
        weight: 0,
        rule: {
          kind:
            l.node.rule.kind === 'deduction' || l.node.rule.kind === 'bonus' ? l.node.rule.kind : 'positive',
        },
      };
      setDef(insertNode(def, l.parent?._id ?? null, node, l.index + 1));
      setSelected(node._id);
    },
    shift: (id, delta) => setDef(shiftNode(def, id, delta)),
    remove: (id) => {
      setDef(removeNode(def, id));
      setSelected(null);
    },
    move: (id, parentId, index) => {
      setDef(moveNode(def, id, parentId, index));
      if (parentId) expand(parentId);
    },
  };

  const current = selected ? (locate(def, selected)?.node ?? null) : null;
  const nodeIssues = current ? issues.filter((i) => i.nodeCode === current.code) : [];

  const showNode = (code: string) => {
    const l = [...walk(def.nodes)].find((x) => x.node.code === code);
    if (!l) return;
    setTab('tree');
    setExpanded((e) => [...new Set([...e, ...l.ancestors.map((a) => a._id)])]);
    setSelected(l.node._id);
  };

  const onSave = () => {
    setRefused(null);
    const snapshot = def;
    save.mutate(
      {
        id: version.id,
        body: { version: saved.version, definition: stripIds(snapshot), changeNote: changeNote || null },
      },
      {
        onSuccess: (r) => {
          setSaved({ def: snapshot, version: r.version.version, issues: r.issues });
          void (r.issues.length > 0
            ? message.warning(t('editor.savedWithProblems', { n: r.issues.length }))
            : message.success(t('editor.saved')));
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'VERSION_CONFLICT') {
            const current = (e.details as { current?: { version?: number } } | undefined)?.current;
            setConflict(current?.version ?? 0);
            return;
          }
          const list =
            isApiError(e) && e.code === 'TEMPLATE_INVALID'
              ? ((e.details as { issues?: DefinitionIssue[] } | undefined)?.issues ?? [])
              : [];
          setRefused({ message: errorText(e, lang), issues: list });
        },
      },
    );
  };

  const label = versionLabel(t, version);
  const currentPublished =
    templateDetail.data?.versions.find(
      (v) => v.fiscalYear === version.fiscalYear && v.status === 'published' && v.id !== version.id,
    ) ?? null;

  const inScope = me.divisions.some((d) => d.code === template.mofDivCode);
  const readOnlyNote = !inScope
    ? t('editor.readOnlyUpper', { division: view.divisionName })
    : version.status === 'published'
      ? t('editor.readOnlyPublished')
      : version.status === 'retired'
        ? t('editor.readOnlyRetired')
        : editable
          ? null
          : t('editor.readOnlyNoPermission');

  const publishDisabledReason = dirty
    ? t('editor.publishDirty')
    : checked.issues.length > 0
      ? t('editor.publishProblems')
      : null;

  return (
    <>
      <PageHeader
        title={`${template.name} · ${label}`}
        breadcrumbs={[
          { title: common('common.home'), to: '/' },
          { title: t('crumb.templates'), to: '/templates' },
          { title: template.name, to: `/templates/${template.id}` },
          { title: label },
        ]}
        subtitle={
          <Space size={8} wrap>
            <Tag color={VERSION_STATUS_COLORS[version.status]}>{t(`status.${version.status}`)}</Tag>
            <span>{view.divisionName}</span>
            {dirty ? <Tag color="orange">{t('editor.unsaved')}</Tag> : null}
          </Space>
        }
        extra={
          <>
            <Link to={href(`/templates/${template.id}`)}>
              <Button icon={<RollbackOutlined />}>{t('editor.back')}</Button>
            </Link>
            {templateDetail.data?.writable ? (
              <Button icon={<CopyOutlined />} onClick={() => setCopyOpen(true)}>
                {t('editor.copy')}
              </Button>
            ) : null}
            {editable ? (
              <Button
                icon={<SaveOutlined />}
                type={dirty ? 'primary' : 'default'}
                loading={save.isPending}
                onClick={onSave}
              >
                {t('editor.save')}
              </Button>
            ) : null}
            {view.publishable ? (
              <Tooltip title={publishDisabledReason}>
                <Button
                  icon={<SendOutlined />}
                  type="primary"
                  disabled={publishDisabledReason !== null}
                  onClick={() =>
                    publishFlow({ ...version, version: saved.version }, currentPublished, reload)
                  }
                >
                  {t('editor.publish')}
                </Button>
              </Tooltip>
            ) : null}
          </>
        }
      />
      {readOnlyNote ? <Alert type="info" showIcon title={readOnlyNote} style={{ marginBottom: 16 }} /> : null}
      {upstream ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.derived', {
            division: upstream.divisionName,
            name: upstream.templateName,
            year: upstream.fiscalYear,
            n: upstream.versionNo,
            groups:
              upstream.localGroups.length > 0
                ? upstream.localGroups
                    .map((c) => [...walk(def.nodes)].find((l) => l.node.code === c)?.node.name ?? c)
                    .join('、')
                : t('editor.noLocalGroups'),
          })}
        />
      ) : null}
      {conflict !== null ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.conflict', { version: conflict })}
          action={
            <Button size="small" onClick={reload}>
              {t('editor.reload')}
            </Button>
          }
        />
      ) : null}
      {refused ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          style={{ marginBottom: 16 }}
          title={`${t('editor.refused')}${refused.message}`}
          description={
            refused.issues.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {refused.issues.map((i, k) => (
                  <li key={k}>{lang === 'en' ? i.messageEn : i.message}</li>
                ))}
              </ul>
            ) : null
          }
        />
      ) : null}
      <ProblemList issues={issues} draft={version.status === 'draft'} onShow={showNode} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 1, lg: 3 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            {
              key: 'max',
              label: t('editor.maxScore'),
              children:
                editable && !upstream ? (
                  <InputNumber
                    size="small"
                    min={1}
                    value={def.maxScore}
                    onChange={(v) => setDef({ ...def, maxScore: typeof v === 'number' ? v : 0 })}
                  />
                ) : (
                  <span className="jx-num">{def.maxScore}</span>
                ),
            },
            {
              key: 'scheme',
              label: t('editor.gradeScheme'),
              children: (
                <Space size={4} wrap>
                  {lang === 'en' ? view.gradeScheme.nameEn : view.gradeScheme.name}
                  {view.gradeScheme.bands.map((b) => (
                    <Tag key={b.code} color={b.color} style={{ marginInlineEnd: 0 }}>
                      {lang === 'en' ? b.labelEn : b.label} ≥{b.min}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'note',
              label: t('editor.changeNote'),
              children: editable ? (
                <Input
                  size="small"
                  value={changeNote}
                  maxLength={500}
                  onChange={(e) => setChangeNote(e.target.value)}
                />
              ) : (
                (version.changeNote ?? '—')
              ),
            },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'tree',
            label: t('editor.tabTree'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={13}>
                  <Card size="small" title={t('tree.title')}>
                    <NodeTree
                      def={def}
                      selected={selected}
                      onSelect={setSelected}
                      expanded={expanded}
                      onExpand={setExpanded}
                      editable={editable}
                      isLocked={isLocked}
                      canAddUnder={canAddUnder}
                      issueCounts={issueCounts}
                      actions={actions}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={11}>
                  <Card size="small">
                    <NodeForm
                      node={current}
                      locked={current ? isLocked(current) : false}
                      editable={editable}
                      issues={nodeIssues}
                      divisionCode={template.mofDivCode}
                      onChange={(n) => setDef(updateNode(def, n._id, () => n))}
                    />
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'preview',
            label: t('editor.tabPreview'),
            children: (
              <PreviewPanel
                plan={checked.plan}
                definition={definition}
                fiscalYear={version.fiscalYear}
                division={template.mofDivCode}
                versionId={version.id}
              />
            ),
          },
        ]}
      />
      {copyOpen && templateDetail.data ? (
        <NewVersionModal
          open
          template={templateDetail.data}
          from={version}
          defaultYear={version.fiscalYear}
          onClose={() => setCopyOpen(false)}
        />
      ) : null}
    </>
  );
}
