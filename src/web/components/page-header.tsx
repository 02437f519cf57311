import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { Link } from 'react-router';
import { usePick, useT } from '../lib/i18n.tsx';
import { MENU_GROUP_LABELS } from '../lib/pages.ts';
import { useRouteMeta } from '../lib/route-meta.tsx';
import { useScopedHref } from '../lib/scope.tsx';

export interface BreadcrumbEntry {
  readonly title: string;
  /** In-app path; the current division and year are added. */
  readonly to?: string;
}

/**
 * The top of every page: breadcrumbs (首页 › group › page, derived from the page registry unless given),
 * the title, an optional subtitle line and actions on the right (打印, 导出Excel, 新建 …).
 */
export function PageHeader({
  title,
  subtitle,
  extra,
  breadcrumbs,
}: {
  title?: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  breadcrumbs?: readonly BreadcrumbEntry[];
}) {
  const t = useT();
  const pick = usePick();
  const href = useScopedHref();
  const meta = useRouteMeta();
  const pageTitle = title ?? (meta ? pick(meta.page.title) : '');

  let trail: BreadcrumbEntry[];
  if (breadcrumbs) trail = [...breadcrumbs];
  else if (!meta || meta.page.path === '/') trail = [{ title: t('common.home') }];
  else {
    trail = [{ title: t('common.home'), to: '/' }];
    if (meta.page.group !== 'home') trail.push({ title: t(MENU_GROUP_LABELS[meta.page.group]) });
    if (meta.parent) trail.push({ title: pick(meta.parent.title), to: meta.parent.path });
    trail.push({ title: pageTitle });
  }

  return (
    <header className="jx-page-header">
      {trail.length > 1 ? (
        <Breadcrumb
          items={trail.map((b, i) => ({
            key: `${i}-${b.title}`,
            title: b.to && i < trail.length - 1 ? <Link to={href(b.to)}>{b.title}</Link> : b.title,
          }))}
        />
      ) : null}
      <div className="jx-page-header-row">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} className="jx-page-title">
            {pageTitle}
          </Typography.Title>
          {subtitle ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {subtitle}
            </Typography.Text>
          ) : null}
        </div>
        {extra ? (
          <div className="jx-no-print" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {extra}
          </div>
        ) : null}
      </div>
    </header>
  );
}
