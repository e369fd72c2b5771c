import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { fieldLabel } from '../../../../shared/i18n/translate.js';
import { currentLanguage } from '../../i18n.js';
import { gridLocale, gridTheme } from '../../lib/grid-setup.js';
import { reasonOf } from '../../lib/errors.js';

interface IssueLine {
  row: number | null;
  column: string;
  reason: string;
}

/** Every bad row: 行号, 列, 原因. Virtualised, so a sheet with thousands of errors stays quick. */
export function ImportIssuesGrid({ issues }: { issues: FieldIssue[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = useMemo<IssueLine[]>(
    () => issues.map((i) => ({ row: i.row ?? null, column: i.column ?? (i.field ? fieldLabel(t, i.field) : ''), reason: reasonOf(t, i) })),
    [issues, t],
  );
  const columns = useMemo<ColDef<IssueLine>[]>(() => [
    { field: 'row', headerName: t('ui.import.colRow'), width: 90, type: 'numericColumn', sort: 'asc' },
    { field: 'column', headerName: t('ui.import.colColumn'), width: 150 },
    { field: 'reason', headerName: t('ui.import.colReason'), flex: 1, minWidth: 240, wrapText: true, autoHeight: true },
  ], [t]);
  return (
    <section className="import-issues" aria-label={t('ui.import.badRows', { count: issues.length })}>
      <h3 className="section-title">{t('ui.import.badRows', { count: issues.length })}</h3>
      <div className="import-issues-grid" data-testid="import-issues">
        <AgGridReact<IssueLine>
          key={language}
          theme={gridTheme}
          localeText={gridLocale(language)}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true }}
        />
      </div>
    </section>
  );
}
