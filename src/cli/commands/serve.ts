// `serve`: the secretariat's workspace in the browser, on this computer (127.0.0.1) unless asked otherwise.
import { parseArgs } from 'node:util';
import { DEFAULT_DIRS } from '../../pipeline/build.js';
import { checkFolders } from '../../folders.js';
import { isLoopback } from '../../workspace/guard.js';
import { startWorkspace } from '../../workspace/server.js';
import { EXIT, type Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { DIR_OPTIONS } from './build.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the workspace in the browser: edit and check items, preview the signed pages, amend and release',
  usage: `  --port N         port to listen on (default: 4173; 0 picks a free one)
  --host H         address to listen on (default: 127.0.0.1; any other needs the access token printed)
  --content DIR --templates DIR --fonts DIR --out DIR   folders (default: the project's)`,
  async run(args, { out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...DIR_OPTIONS, port: { type: 'string' }, host: { type: 'string' } },
    });
    if (positionals.length) throw new UsageError(`Unexpected \`${positionals.join(' ')}\` after serve`, true);
    const port = Number(values.port ?? 4173);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port \`${values.port}\` is not a port number, expected 0–65535`, true);
    const folders = {
      contentDir: values.content ?? DEFAULT_DIRS.contentDir,
      templatesDir: values.templates ?? DEFAULT_DIRS.templatesDir,
      fontsDir: values.fonts ?? DEFAULT_DIRS.fontsDir,
      outDir: values.out ?? DEFAULT_DIRS.outDir,
    };
    await checkFolders(folders);
    const host = values.host ?? '127.0.0.1';
    const workspace = await startWorkspace({ ...folders, host, port });
    out.write(
      `workspace at ${workspace.openUrl}${isLoopback(host) ? '' : '  (this address carries the access token: give it only to those who may edit)'}\nCtrl-C to stop\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => void workspace.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
