import { createServer } from 'vite';
import { openApp } from '../app.ts';
import { defaultDbFile, REPO_ROOT, sourcePaths } from '../app-paths.ts';
import { startLoopback } from './server.ts';
import { folderShell } from '../services/shell.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export async function runDevWeb(): Promise<void> {
  const downloads = process.env.WDP_DOWNLOADS ?? join(tmpdir(), 'wdp-downloads');
  const backend = openApp({ dbFile: process.env.WDP_DB ?? defaultDbFile(), ...sourcePaths, shell: folderShell(downloads) });
  const loopback = await startLoopback({ handlers: backend.handlers });
  const vite = await createServer({
    root: REPO_ROOT,
    configFile: `${REPO_ROOT}/vite.config.ts`,
    server: { host: '127.0.0.1', port: 5173, proxy: { '/api': { target: loopback.url, changeOrigin: true } } },
  });
  await vite.listen();
  const address = `http://127.0.0.1:${vite.config.server.port}/?token=${loopback.token}`;
  process.stdout.write(`妇女发展监测填报（浏览器开发模式）：${address}\n数据库：${backend.ctx.dbFile}\n保存的文件写入：${downloads}\n`);
  const stop = async () => { await vite.close(); await loopback.close(); backend.close(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
