/**
 * AG Grid community, registered once, with a calm theme from the Theming API (no legacy CSS).
 * The font stack is the system's: fonts are never fetched, the workstation is offline.
 */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { Language } from '../../../shared/i18n/translate.js';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Plain names: the Theming API quotes names with spaces itself. */
export const FONT_STACK = ['Microsoft YaHei', 'WenQuanYi Micro Hei', 'PingFang SC', 'sans-serif'];

export const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK,
  fontSize: 14,
  headerFontSize: 14,
  headerFontWeight: 600,
  accentColor: '#2c6e9b',
  foregroundColor: '#1f2328',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f5f6f8',
  borderColor: '#e3e6ea',
  oddRowBackgroundColor: '#fbfbfc',
  rowHeight: 38,
  headerHeight: 40,
  wrapperBorderRadius: 6,
  spacing: 6,
});

/** AG Grid's own words (filter menus, loading): Chinese by default, its built-in English otherwise. */
export function gridLocale(language: Language): Record<string, string> | undefined {
  return language === 'zh-CN' ? AG_GRID_LOCALE_CN : undefined;
}
