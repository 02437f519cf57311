import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalculatorOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FundViewOutlined,
  GlobalOutlined,
  HomeOutlined,
  MonitorOutlined,
  RadarChartOutlined,
  SettingOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { usePick, useT } from '../../lib/i18n.tsx';
import { MENU_GROUP_LABELS, type MenuGroup, type PageDef } from '../../lib/pages.ts';
import { useScopedHref } from '../../lib/scope.tsx';
import { useSession } from '../../lib/session.tsx';
import { buildMenu, matchPage } from '../menu.ts';

const GROUP_ICONS: Record<MenuGroup, ReactNode> = {
  home: <HomeOutlined />,
  projects: <DatabaseOutlined />,
  exAnte: <AuditOutlined />,
  goals: <AimOutlined />,
  monitoring: <MonitorOutlined />,
  evaluation: <FileDoneOutlined />,
  results: <FundViewOutlined />,
  portraits: <RadarChartOutlined />,
  ledger: <ToolOutlined />,
  indicators: <ApartmentOutlined />,
  standards: <CalculatorOutlined />,
  publication: <GlobalOutlined />,
  system: <SettingOutlined />,
};

/** The left menu in the closed-loop order; only registered pages the user may open. */
export function SideMenu({ pages, collapsed }: { pages: readonly PageDef[]; collapsed: boolean }) {
  const t = useT();
  const pick = usePick();
  const href = useScopedHref();
  const me = useSession();
  const { pathname } = useLocation();
  const sections = useMemo(() => buildMenu(pages, me.permissions), [pages, me.permissions]);

  const current = matchPage(pages, pathname);
  const selectedPath = current?.menu ? current.path : current?.parent;
  const currentGroupKey = current ? `group:${current.group}` : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroupKey ? [currentGroupKey] : []);
  // Arriving in another group by a link opens that group's submenu.
  useEffect(() => {
    if (currentGroupKey)
      setOpenKeys((keys) => (keys.includes(currentGroupKey) ? keys : [...keys, currentGroupKey]));
  }, [currentGroupKey]);

  const items: MenuProps['items'] = sections.map((s) =>
    s.entry
      ? {
          key: s.entry.path,
          icon: GROUP_ICONS[s.group],
          label: <Link to={href(s.entry.path)}>{pick(s.entry.title)}</Link>,
        }
      : {
          key: `group:${s.group}`,
          icon: GROUP_ICONS[s.group],
          label: t(MENU_GROUP_LABELS[s.group]),
          children: s.pages.map((p) => ({
            key: p.path,
            label: <Link to={href(p.path)}>{pick(p.title)}</Link>,
          })),
        },
  );

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedPath ? [selectedPath] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
      style={{ paddingTop: 8 }}
    />
  );
}
