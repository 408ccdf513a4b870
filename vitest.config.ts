import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // every .xlsx the small reader takes is also read by SheetJS and compared (electron/excel/read-workbook.ts)
    env: { WDP_XLSX_CROSSCHECK: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser end-to-end files start Chromium; keep them from starving each other on 2 cores.
    maxWorkers: 2,
  },
});
